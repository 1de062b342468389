package org.envelopereview.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import inet.ipaddr.IPAddress;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.PortRange;
import org.envelopereview.generator.TrafficPlan.Pools;

/**
 * Builds each {@link Deviation} on the first envelope (by id) that can show it, in force
 * at the time, so that each deviation departs from its envelope in exactly the way it
 * names.
 */
final class DeviationFactory {

	private static final Pools NARROW = new Pools(4, true);

	private static final List<String> UNAUTHORIZED_TYPES = List.of("firewall.rule.disable", "route.replace",
			"nacl.entry.replace", "security_group.egress.add", "dns.record.delete", "mesh.mtls.modify");

	private static final List<String> FOREIGN_REGIONS = List.of("ap-east-1", "sa-east-1", "us-west-2");

	private static final int SPREAD = 5;

	private final ActionFactory actions;

	private int searches;

	private final TrafficPlan plan;

	DeviationFactory(ActionFactory actions, TrafficPlan plan) {
		this.actions = actions;
		this.plan = plan;
	}

	List<GeneratedAction> create(Deviation deviation, Instant at, boolean lastQuarter) {
		return switch (deviation) {
			case ACTION_TYPE -> one(at, (envelope, actionClass) -> unauthorizedType(envelope).isPresent(),
					(envelope, base) -> base.withoutRevert()
						.with("type", unauthorizedType(envelope).orElseThrow())
						.with("revertBy", null));
			case RESOURCE -> one(at, (envelope, actionClass) -> hasResourceGlobs(actionClass),
					(envelope, base) -> base.with("resource", "unmanaged-" + base.id().substring(2)));
			case CIDR -> one(at, (envelope, actionClass) -> isOpeningRule(actionClass) && hasNarrowCidrs(actionClass),
					(envelope, base) -> base.with("cidr", worldOpen(base)));
			case PORT -> one(at, (envelope, actionClass) -> isOpeningRule(actionClass) && excludesSsh(actionClass),
					(envelope, base) -> base.with("ports", "22"));
			case PROTOCOL -> one(at, (envelope, actionClass) -> isOpeningRule(actionClass) && excludesUdp(actionClass),
					(envelope, base) -> base.with("protocol", "udp"));
			case REGION -> one(at, (envelope, actionClass) -> actionClass.scope().regions() != null,
					(envelope, base) -> base.with("region", foreignRegion(envelope)));
			case AGENT -> one(at, (envelope, actionClass) -> envelope.agents() != null,
					(envelope, base) -> base.with("agent", "shadow-agent-7"));
			case MODEL -> one(at, (envelope, actionClass) -> envelope.modelVersions() != null,
					(envelope, base) -> base.with("modelVersion", "experimental-9.0.0-rc1"));
			case UNAPPROVED -> one(at, (envelope, actionClass) -> actionClass.tier() == 3,
					(envelope, base) -> base.with("approval", ActionFactory.approval(null, null)));
			case TIER4_NO_CHANGE -> one(at,
					(envelope, actionClass) -> actionClass.tier() == 4
							&& !HistoryGenerator.isLoggingOrInspection(actionClass),
					(envelope, base) -> base.with("changeRef", null)
						.with("approval", ActionFactory.approval(null, null)));
			case NOT_REVERTED ->
				one(at, (envelope, actionClass) -> actionClass.temporary(), (envelope, base) -> base.withoutRevert());
			case RATIONALE -> one(at, (envelope, actionClass) -> envelope.minConfidence() != null, (envelope,
					base) -> base.with("rationale", ActionFactory.rationale(null, "looked necessary", 0.41)));
			case NO_ENVELOPE -> one(at, (envelope, actionClass) -> isOpeningRule(actionClass),
					(envelope, base) -> base.withoutRevert()
						.with("envelope", null)
						.with("agent", "netops-copilot")
						.with("revertBy", null));
			case UNKNOWN_ENVELOPE -> one(at, (envelope, actionClass) -> isOpeningRule(actionClass),
					(envelope, base) -> base.withoutRevert().with("envelope", "NET-LEGACY-042").with("revertBy", null));
			case LOG_SUPPRESSION -> logSuppression(at);
			case RULE_DRIFT -> ruleDrift(at);
			case NEAR_BOUNDS -> List.of();
		};
	}

	private interface Mutation {

		GeneratedAction apply(Envelope envelope, GeneratedAction base);

	}

	private List<GeneratedAction> one(Instant at, BiPredicate<Envelope, ActionClass> fits, Mutation mutation) {
		return candidate(at, fits).map((candidate) -> List.of(mutation.apply(candidate.envelope(),
				this.actions.build(candidate.envelope(), candidate.actionClass(), at, NARROW))))
			.orElse(List.of());
	}

	/**
	 * Logging switched off without a change ticket: under an envelope that allows it at
	 * tier 4 when one is in force, otherwise under whatever envelope the agent was
	 * working under.
	 */
	private List<GeneratedAction> logSuppression(Instant at) {
		Mutation withoutChange = (envelope, base) -> base.with("changeRef", null)
			.with("approval", ActionFactory.approval(null, null));
		List<GeneratedAction> underLoggingClass = one(at,
				(envelope, actionClass) -> actionClass.type().equals("logging.config.modify"), withoutChange);
		if (!underLoggingClass.isEmpty()) {
			return underLoggingClass;
		}
		return one(at, (envelope, actionClass) -> !ActionTypes.isClosing(actionClass.type()),
				(envelope, base) -> withoutChange.apply(envelope, base.withoutRevert())
					.with("type", "logging.config.modify")
					.with("resource", "fl-0" + base.id().substring(2))
					.with("protocol", null)
					.with("ports", null)
					.with("cidr", null)
					.with("revertBy", null));
	}

	/** Three permanent permissive rules on one resource, never removed. */
	private List<GeneratedAction> ruleDrift(Instant at) {
		return candidate(at, (envelope, actionClass) -> isOpeningRule(actionClass) && !actionClass.temporary())
			.map((candidate) -> {
				GeneratedAction first = this.actions.build(candidate.envelope(), candidate.actionClass(), at, NARROW)
					.withoutRevert();
				return List.of(first, sibling(candidate, first, at.plusSeconds(600)),
						sibling(candidate, first, at.plusSeconds(1200)));
			})
			.orElse(List.of());
	}

	private GeneratedAction sibling(Candidate candidate, GeneratedAction first, Instant at) {
		GeneratedAction next = this.actions.build(candidate.envelope(), candidate.actionClass(), at, NARROW)
			.withoutRevert();
		return next.with("resource", first.fields().get("resource"));
	}

	/**
	 * The first envelope that can show the deviation, searching from a different envelope
	 * each time so that deviations spread over envelopes and boards.
	 */
	private Optional<Candidate> candidate(Instant at, BiPredicate<Envelope, ActionClass> fits) {
		List<Envelope> envelopes = this.plan.activeEnvelopes();
		int start = (this.searches++ * SPREAD) % Math.max(1, envelopes.size());
		for (int i = 0; i < envelopes.size(); i++) {
			Envelope envelope = envelopes.get((start + i) % envelopes.size());
			if (!inForce(envelope, at)) {
				continue;
			}
			for (ActionClass actionClass : envelope.actions()) {
				if (fits.test(envelope, actionClass)) {
					return Optional.of(new Candidate(envelope, actionClass));
				}
			}
		}
		return Optional.empty();
	}

	private record Candidate(Envelope envelope, ActionClass actionClass) {
	}

	private static boolean inForce(Envelope envelope, Instant at) {
		return envelope.expiresAt() == null
				|| at.isBefore(envelope.expiresAt().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	private static Optional<String> unauthorizedType(Envelope envelope) {
		List<String> authorized = envelope.actions().stream().map(ActionClass::type).toList();
		return UNAUTHORIZED_TYPES.stream().filter((type) -> !authorized.contains(type)).findFirst();
	}

	private static boolean hasResourceGlobs(ActionClass actionClass) {
		List<String> globs = actionClass.scope().resources();
		return globs != null && !globs.isEmpty() && globs.stream().noneMatch((glob) -> glob.startsWith("*"));
	}

	private static boolean isOpeningRule(ActionClass actionClass) {
		return ActionFactory.isRuleChange(actionClass.type()) && ActionTypes.isOpening(actionClass.type());
	}

	private static boolean hasNarrowCidrs(ActionClass actionClass) {
		List<IPAddress> cidrs = actionClass.scope().cidrs();
		return cidrs != null && !cidrs.isEmpty()
				&& cidrs.stream().allMatch((cidr) -> cidr.getPrefixLength() != null && cidr.getPrefixLength() > 0);
	}

	private static String worldOpen(GeneratedAction base) {
		String cidr = (String) base.fields().get("cidr");
		return (cidr != null && cidr.contains(":")) ? "::/0" : "0.0.0.0/0";
	}

	private static boolean excludesSsh(ActionClass actionClass) {
		List<PortRange> ports = actionClass.scope().ports();
		return ports != null && !ports.isEmpty()
				&& ports.stream().noneMatch((range) -> range.contains(new PortRange(22, 22)));
	}

	private static boolean excludesUdp(ActionClass actionClass) {
		List<String> protocols = actionClass.scope().protocols();
		return protocols != null && !protocols.isEmpty() && !protocols.contains("udp") && !protocols.contains("all");
	}

	private static String foreignRegion(Envelope envelope) {
		List<String> allowed = envelope.actions()
			.stream()
			.filter((actionClass) -> actionClass.scope().regions() != null)
			.flatMap((actionClass) -> actionClass.scope().regions().stream())
			.toList();
		return FOREIGN_REGIONS.stream().filter((region) -> !allowed.contains(region)).findFirst().orElse("me-south-1");
	}

}
