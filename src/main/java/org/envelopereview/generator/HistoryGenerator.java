package org.envelopereview.generator;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * Writes a realistic, seeded action history in the native JSON Lines format for the
 * envelopes of a catalog: ordinary in-scope traffic with timely reverts and, on request,
 * one of every deviation per quarter plus a few malformed records. The same catalog and
 * request always give the same bytes.
 */
@Component
public class HistoryGenerator {

	/**
	 * Writes the history in time order.
	 * @param catalog the envelopes the agents work under; break-glass envelopes get no
	 * traffic
	 */
	public GenerationSummary generate(EnvelopeCatalog catalog, GenerationRequest request, Writer out)
			throws IOException {
		return generate(catalog, request, out, null);
	}

	/**
	 * Writes the history and, when {@code trailOut} is given, the AWS CloudTrail trail of
	 * one agent's security-group changes (see {@link ProviderTrail}).
	 * @param trailOut where the trail goes, or {@code null} for none
	 */
	public GenerationSummary generate(EnvelopeCatalog catalog, GenerationRequest request, Writer out, Writer trailOut)
			throws IOException {
		Random random = new Random(request.seed());
		TrafficPlan plan = TrafficPlan.of(catalog, request);
		ActionFactory factory = new ActionFactory(catalog.directory(), new ScopeSampler(random), random);
		DeviationFactory deviations = new DeviationFactory(factory, plan);
		ProviderTrail trail = (trailOut != null) ? trail(plan, request, trailOut) : null;
		HistoryOutput output = new HistoryOutput(out, sourceChain(plan, request), trail);
		ExpiredEnvelopes expiry = new ExpiredEnvelopes();
		long ordinary = 0;
		long deviationCount = 0;
		long malformed = 0;
		List<Period> quarters = plan.quarters();
		for (int q = 0; q < quarters.size(); q++) {
			Period quarter = quarters.get(q);
			boolean last = q == quarters.size() - 1;
			if (trail != null) {
				trail.startQuarter(quarter);
			}
			List<Planned> planned = new ArrayList<>();
			for (Envelope envelope : plan.activeEnvelopes()) {
				long count = plan.count(envelope, quarter, last);
				for (long i = 0; i < count; i++) {
					planned.add(new Planned(randomInstant(random, quarter), envelope, null));
				}
			}
			if (request.deviations()) {
				int hour = 0;
				for (Deviation deviation : Deviation.values()) {
					Instant at = quarter.start().plus(Duration.ofDays(40)).plus(Duration.ofHours(7L * hour++));
					planned.add(new Planned(at, null, deviation));
				}
			}
			planned.sort(Comparator.comparing(Planned::at));
			for (Planned next : planned) {
				output.flushRevertsUntil(next.at());
				if (next.deviation() == null) {
					if (expiry.stillActs(next.envelope(), next.at())) {
						output.write(factory.ordinary(next.envelope(), next.at(), plan.pools(next.envelope(), last)));
						ordinary++;
					}
				}
				else {
					List<GeneratedAction> actions = deviations.create(next.deviation(), next.at(), last);
					for (GeneratedAction action : actions) {
						output.write(action);
					}
					deviationCount += actions.size();
				}
			}
			if (request.deviations()) {
				malformed += output.writeMalformed(quarter, q + 1);
			}
			if (trail != null && request.deviations()) {
				trail.unreportedChange(quarter.start().plus(Duration.ofDays(55)));
				trail.trailStopped(quarter.start().plus(Duration.ofDays(61)));
			}
		}
		output.flushRevertsUntil(request.to());
		long trailEvents = (trail != null) ? trail.finish() : 0;
		return new GenerationSummary(ordinary, output.reverts(), deviationCount, malformed, trailEvents);
	}

	/**
	 * The first active envelope's first agent signs its log at the source; with
	 * deviations, one of its records in the last quarter is edited after hashing.
	 */
	private static SourceChain sourceChain(TrafficPlan plan, GenerationRequest request) {
		String agent = plan.activeEnvelopes()
			.stream()
			.filter((envelope) -> envelope.agents() != null && !envelope.agents().isEmpty())
			.map((envelope) -> envelope.agents().get(0))
			.findFirst()
			.orElse("");
		List<Period> quarters = plan.quarters();
		Instant tamperFrom = request.deviations() ? quarters.get(quarters.size() - 1).start().plus(Duration.ofDays(60))
				: null;
		return new SourceChain(agent, tamperFrom);
	}

	/**
	 * The trail records the agent of the last envelope (by id) that opens and closes
	 * security-group rules: in the example, the failover agent.
	 */
	private static ProviderTrail trail(TrafficPlan plan, GenerationRequest request, Writer trailOut)
			throws IOException {
		String agent = plan.activeEnvelopes()
			.stream()
			.filter((envelope) -> envelope.agents() != null && !envelope.agents().isEmpty())
			.filter((envelope) -> hasClass(envelope, "security_group.ingress.add")
					&& hasClass(envelope, "security_group.ingress.remove"))
			.reduce((first, second) -> second)
			.map((envelope) -> envelope.agents().get(0))
			.orElseThrow(() -> new IllegalArgumentException(
					"no envelope has an agent that opens and closes security-group rules to write a trail for"));
		return new ProviderTrail(trailOut, agent, request.deviations());
	}

	private static boolean hasClass(Envelope envelope, String type) {
		return envelope.actions().stream().anyMatch((actionClass) -> actionClass.type().equals(type));
	}

	private static Instant randomInstant(Random random, Period period) {
		long seconds = Duration.between(period.start(), period.end()).toSeconds();
		return period.start().plusSeconds((long) (random.nextDouble() * seconds));
	}

	/**
	 * Agents keep acting under an expired envelope only a little while (until someone
	 * notices): the first few actions after expiry are written, the rest are not.
	 */
	private static final class ExpiredEnvelopes {

		private static final int ACTIONS_AFTER_EXPIRY = 2;

		private final java.util.Map<String, Integer> afterExpiry = new java.util.HashMap<>();

		boolean stillActs(Envelope envelope, Instant at) {
			if (envelope.expiresAt() == null || at
				.isBefore(envelope.expiresAt().plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
				return true;
			}
			return this.afterExpiry.merge(envelope.id(), 1, Integer::sum) <= ACTIONS_AFTER_EXPIRY;
		}

	}

	private record Planned(Instant at, Envelope envelope, Deviation deviation) {
	}

	/**
	 * Writes lines and keeps the reverts that are due later, so the output stays in time
	 * order.
	 */
	private static final class HistoryOutput {

		private final Writer out;

		private final SourceChain chain;

		private final ProviderTrail trail;

		private final PriorityQueue<GeneratedAction> pendingReverts = new PriorityQueue<>(
				Comparator.comparing(GeneratedAction::occurredAt).thenComparing(GeneratedAction::id));

		private GeneratedAction firstOfQuarter;

		private long reverts;

		HistoryOutput(Writer out, SourceChain chain, ProviderTrail trail) {
			this.out = out;
			this.chain = chain;
			this.trail = trail;
		}

		/** The line of the action as its agent logs it, after the trail recorded it. */
		private String line(GeneratedAction action) throws IOException {
			GeneratedAction recorded = (this.trail != null) ? this.trail.record(action) : action;
			return this.chain.apply(recorded).toJson();
		}

		void write(GeneratedAction action) throws IOException {
			if (this.firstOfQuarter == null) {
				this.firstOfQuarter = action;
			}
			this.out.write(line(action));
			this.out.write('\n');
			if (action.revert() != null) {
				this.pendingReverts.add(action.revert());
			}
		}

		void flushRevertsUntil(Instant instant) throws IOException {
			while (!this.pendingReverts.isEmpty() && !this.pendingReverts.peek().occurredAt().isAfter(instant)) {
				GeneratedAction revert = this.pendingReverts.poll();
				this.out.write(line(revert));
				this.out.write('\n');
				this.reverts++;
			}
		}

		long writeMalformed(Period quarter, int quarterNumber) throws IOException {
			List<String> lines = MalformedRecords.forQuarter(quarter, quarterNumber, this.firstOfQuarter);
			for (String line : lines) {
				this.out.write(line);
				this.out.write('\n');
			}
			this.firstOfQuarter = null;
			return lines.size();
		}

		long reverts() {
			return this.reverts;
		}

	}

	static boolean isBreakGlass(Envelope envelope) {
		String text = (envelope.title() + " " + envelope.id()).toLowerCase(Locale.ROOT);
		return text.contains("break-glass") || text.contains("break glass") || text.contains("breakglass");
	}

	static boolean isLoggingOrInspection(ActionClass actionClass) {
		return actionClass.type().startsWith("logging.") || actionClass.type().startsWith("inspection.");
	}

}
