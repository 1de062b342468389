package org.envelopereview.review.scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.envelopereview.period.Period;

/**
 * What {@link ScopeMeasurer#measureAll} found for every envelope of a run: each one's
 * measured period, previous period, look-back use, attempts and model versions, from one
 * pass over the actions of the window they span rather than several queries per envelope.
 * Answers what it did not read by asking the {@link ScopeMeasurer}.
 */
public final class PeriodMeasurements {

	private final Period period;

	private final List<Period> counted;

	private final Map<String, Envelope> envelopes;

	private final ScopeMeasurer measurer;

	PeriodMeasurements(Period period, List<Period> counted, Map<String, Envelope> envelopes, ScopeMeasurer measurer) {
		this.period = period;
		this.counted = List.copyOf(counted);
		this.envelopes = envelopes;
		this.measurer = measurer;
	}

	/** The measured period's exercised scope and the distinct values behind it. */
	public ScopeMeasurer.Measured current(String envelopeId) {
		return envelope(envelopeId).current;
	}

	/**
	 * The previous period measured from the stored actions, as
	 * {@link ScopeMeasurer#measure} measures it; only for the envelopes it was asked for.
	 */
	public ExercisedScope previous(String envelopeId) {
		ExercisedScope previous = envelope(envelopeId).previous;
		return (previous != null) ? previous : this.measurer.measure(envelopeId, this.period.previous());
	}

	/** Every action naming the envelope in the measured period, failed ones included. */
	public long attempts(String envelopeId) {
		return history(envelopeId).attempts(this.period);
	}

	/**
	 * The model versions the envelope's actions ran in the measured period, in the order
	 * of {@link ScopeMeasurer#firstSeen}, with their first appearance.
	 */
	public List<ModelVersionUse> modelVersions(String envelopeId) {
		return envelope(envelopeId).modelVersions;
	}

	/** The envelope's use and attempts outside the period, from the same pass. */
	public EnvelopeHistory history(String envelopeId) {
		Envelope envelope = envelope(envelopeId);
		return new EnvelopeHistory() {

			@Override
			public ScopeUse use(Instant from, Instant to) {
				if (!from.isBefore(to)) {
					return ScopeUse.NONE;
				}
				if (from.equals(envelope.lookBackFrom) && to.equals(PeriodMeasurements.this.period.start())) {
					return envelope.lookBack;
				}
				return PeriodMeasurements.this.measurer.use(envelopeId, from, to);
			}

			@Override
			public long attempts(Period period) {
				int index = PeriodMeasurements.this.counted.indexOf(period);
				return (index >= 0) ? envelope.attempts[index]
						: PeriodMeasurements.this.measurer.attempts(envelopeId, period);
			}

		};
	}

	private Envelope envelope(String envelopeId) {
		Envelope envelope = this.envelopes.get(envelopeId);
		if (envelope == null) {
			throw new IllegalArgumentException("envelope " + envelopeId + " was not measured");
		}
		return envelope;
	}

	/** Sorts model versions as the stored history orders them (firstSeen.sql). */
	static List<ModelVersionUse> modelVersions(Set<String> versions, Map<String, Instant> firstSeen) {
		Map<String, Integer> rank = new HashMap<>();
		firstSeen.keySet().forEach((version) -> rank.put(version, rank.size()));
		List<String> sorted = new ArrayList<>(versions);
		// a version stored after firstSeen was read (never during a run) sorts last
		sorted.sort(Comparator.comparing((String version) -> rank.getOrDefault(version, Integer.MAX_VALUE))
			.thenComparing(Comparator.naturalOrder()));
		return sorted.stream().map((version) -> new ModelVersionUse(version, firstSeen.get(version))).toList();
	}

	/** One envelope's results. */
	static final class Envelope {

		final Instant lookBackFrom;

		final ScopeMeasurer.Measured current;

		final ExercisedScope previous;

		final ScopeUse lookBack;

		final long[] attempts;

		final List<ModelVersionUse> modelVersions;

		Envelope(Instant lookBackFrom, ScopeMeasurer.Measured current, ExercisedScope previous, ScopeUse lookBack,
				long[] attempts, List<ModelVersionUse> modelVersions) {
			this.lookBackFrom = lookBackFrom;
			this.current = current;
			this.previous = previous;
			this.lookBack = lookBack;
			this.attempts = attempts;
			this.modelVersions = List.copyOf(modelVersions);
		}

	}

}
