package org.envelopereview.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.period.Period;

/**
 * How much ordinary traffic each envelope gets per quarter. Every third envelope widens
 * its exercised scope in the last quarter (more resources, more regions, more actions),
 * so the review has period-over-period growth to find; one envelope presses on its
 * declared maximum.
 */
record TrafficPlan(List<Envelope> activeEnvelopes, List<Period> quarters, long totalActions, Duration window,
		List<String> growing, String nearBounds) {

	private static final double GROWTH = 1.6;

	private static final double NEAR_BOUNDS_SHARE = 0.88;

	private static final double WELL_WITHIN_BOUNDS_SHARE = 0.5;

	static TrafficPlan of(EnvelopeCatalog catalog, GenerationRequest request) {
		List<Envelope> active = catalog.envelopes()
			.stream()
			.filter((envelope) -> !HistoryGenerator.isBreakGlass(envelope))
			.sorted(Comparator.comparing(Envelope::id))
			.toList();
		List<String> growing = new ArrayList<>();
		for (int i = 1; i < active.size(); i += 3) {
			growing.add(active.get(i).id());
		}
		String nearBounds = request.deviations() ? active.stream()
			.filter((envelope) -> envelope.bounds() != null && envelope.bounds().maxActionsPerPeriod() != null)
			.filter((envelope) -> !growing.contains(envelope.id()))
			.min(Comparator.comparing((Envelope envelope) -> envelope.bounds().maxActionsPerPeriod())
				.thenComparing(Envelope::id))
			.map(Envelope::id)
			.orElse(null) : null;
		return new TrafficPlan(active, quarters(request.from(), request.to()), request.actions(),
				Duration.between(request.from(), request.to()), List.copyOf(growing), nearBounds);
	}

	/** The calendar quarters overlapping the window, clipped to it. */
	static List<Period> quarters(Instant from, Instant to) {
		List<Period> quarters = new ArrayList<>();
		Period quarter = Period.quarterOf(from);
		while (quarter.start().isBefore(to)) {
			Instant start = quarter.start().isBefore(from) ? from : quarter.start();
			Instant end = quarter.end().isAfter(to) ? to : quarter.end();
			quarters.add(new Period(quarter.label(), start, end));
			quarter = Period.quarterOf(quarter.end());
		}
		return quarters;
	}

	long count(Envelope envelope, Period quarter, boolean last) {
		if (this.activeEnvelopes.isEmpty()) {
			return 0;
		}
		double share = (double) Duration.between(quarter.start(), quarter.end()).toSeconds() / this.window.toSeconds();
		double count = this.totalActions * share / this.activeEnvelopes.size();
		if (last && this.growing.contains(envelope.id())) {
			count *= GROWTH;
		}
		Integer bound = (envelope.bounds() != null) ? envelope.bounds().maxActionsPerPeriod() : null;
		if (bound == null) {
			return Math.round(count);
		}
		double recordsPerAction = 1 + revertedShare(envelope);
		if (last && Objects.equals(envelope.id(), this.nearBounds)) {
			return (long) Math.ceil(bound * NEAR_BOUNDS_SHARE / recordsPerAction);
		}
		return Math.round(Math.min(count, bound * WELL_WITHIN_BOUNDS_SHARE / recordsPerAction));
	}

	/**
	 * The share of an envelope's routine classes whose changes ordinary traffic reverts.
	 */
	private static double revertedShare(Envelope envelope) {
		List<ActionClass> routine = ActionFactory.routineClasses(envelope);
		return (double) routine.stream().filter(ActionFactory::isReverted).count() / routine.size();
	}

	Pools pools(Envelope envelope, boolean last) {
		boolean widening = last && this.growing.contains(envelope.id());
		boolean grows = this.growing.contains(envelope.id());
		return new Pools(widening ? 8 : 4, !grows || last);
	}

	/**
	 * How widely ordinary traffic spreads.
	 *
	 * @param size how many distinct resources, address blocks and ports per class
	 * @param allRegions whether every allowed region is used, or only the first
	 */
	record Pools(int size, boolean allRegions) {
	}

}
