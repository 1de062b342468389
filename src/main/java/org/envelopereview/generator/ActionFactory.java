package org.envelopereview.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.envelopereview.action.ActionTypes;
import org.envelopereview.envelope.ActionClass;
import org.envelopereview.envelope.Approver;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.Scope;
import org.envelopereview.generator.TrafficPlan.Pools;

/**
 * Builds ordinary, in-scope actions (and their reverts) the way a well-behaved agent
 * would record them.
 */
final class ActionFactory {

	private static final List<String> FALLBACK_REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-1");

	private static final List<String> SIGNALS = List.of("failover event FE-%05d", "latency alarm LAT-%05d",
			"incident INC-%05d", "vulnerability scan finding SCN-%05d", "capacity forecast CAP-%05d");

	private static final List<String> REASONS = List.of("primary path degraded", "error budget burn above 2%/h",
			"planned maintenance window", "isolating a compromised workload", "scaling out for forecast peak");

	private final BoardDirectory directory;

	private final ScopeSampler sampler;

	private final Random random;

	private long nextId = 1;

	ActionFactory(BoardDirectory directory, ScopeSampler sampler, Random random) {
		this.directory = directory;
		this.sampler = sampler;
		this.random = random;
	}

	ScopeSampler sampler() {
		return this.sampler;
	}

	GeneratedAction ordinary(Envelope envelope, Instant at, Pools pools) {
		return build(envelope, this.sampler.pick(routineClasses(envelope)), at, pools);
	}

	/**
	 * The classes ordinary traffic uses: not closing ones, and logging or inspection only
	 * when nothing else.
	 */
	static List<ActionClass> routineClasses(Envelope envelope) {
		List<ActionClass> routine = envelope.actions()
			.stream()
			.filter((actionClass) -> !HistoryGenerator.isLoggingOrInspection(actionClass))
			.filter((actionClass) -> !ActionTypes.isClosing(actionClass.type()))
			.toList();
		return routine.isEmpty() ? envelope.actions() : routine;
	}

	GeneratedAction build(Envelope envelope, ActionClass actionClass, Instant at, Pools pools) {
		Scope scope = actionClass.scope();
		String type = actionClass.type();
		boolean ruleChange = isRuleChange(type);
		Map<String, Object> fields = new LinkedHashMap<>();
		String id = nextId();
		fields.put("id", id);
		fields.put("occurredAt", at.toString());
		fields.put("agent", (envelope.agents() == null || envelope.agents().isEmpty())
				? "agent-" + envelope.id().toLowerCase(java.util.Locale.ROOT) : this.sampler.pick(envelope.agents()));
		fields.put("modelVersion", this.sampler.modelVersion(envelope.modelVersions()));
		fields.put("envelope", envelope.id());
		fields.put("type", type);
		int slot = this.random.nextInt(pools.size());
		fields.put("resource", this.sampler.resource(scope, envelope.id(), slot));
		fields.put("region", region(scope, pools));
		String protocol = (ruleChange || scope.protocols() != null) ? this.sampler.protocol(scope) : null;
		boolean portBased = "tcp".equals(protocol) || "udp".equals(protocol);
		fields.put("protocol", protocol);
		fields.put("ports",
				((ruleChange && portBased) || scope.ports() != null) ? this.sampler.ports(scope, slot) : null);
		fields.put("cidr", (ruleChange || type.startsWith("route.") || scope.cidrs() != null)
				? this.sampler.cidr(scope, slot) : null);
		double floor = Math.max(0.80, (envelope.minConfidence() != null) ? envelope.minConfidence() : 0);
		double confidence = Math.round((floor + this.random.nextDouble() * (0.99 - floor)) * 100) / 100.0;
		fields.put("rationale", rationale(String.format(this.sampler.pick(SIGNALS), this.random.nextInt(100000)),
				this.sampler.pick(REASONS), Math.max(confidence, floor)));
		boolean humanApproval = actionClass.tier() >= 3;
		fields.put("approval", approval(humanApproval ? "APR-" + year(at) + "-" + id.substring(2) : null,
				humanApproval ? approverAt(envelope, at) : null));
		fields.put("changeRef", (actionClass.tier() == 4) ? "CHG-" + year(at) + "-" + id.substring(2) : null);
		fields.put("revertBy", actionClass.temporary() ? at.plus(actionClass.maxDuration()).toString() : null);
		fields.put("reverts", null);
		Instant revertAt = revertTime(actionClass, at, ruleChange);
		GeneratedAction revert = (revertAt != null) ? revertOf(id, fields, revertAt) : null;
		return new GeneratedAction(id, at, fields, revert);
	}

	private String region(Scope scope, Pools pools) {
		List<String> regions = (scope.regions() == null || scope.regions().isEmpty()) ? FALLBACK_REGIONS
				: scope.regions();
		return pools.allRegions() ? this.sampler.pick(regions) : regions.get(0);
	}

	private Instant revertTime(ActionClass actionClass, Instant at, boolean ruleChange) {
		if (actionClass.temporary()) {
			long seconds = actionClass.maxDuration().toSeconds();
			return at.plusSeconds((long) (seconds * (0.2 + 0.6 * this.random.nextDouble())));
		}
		if (ruleChange && ActionTypes.isOpening(actionClass.type())) {
			return at.plus(Duration.ofMinutes(60 + this.random.nextInt(5 * 60)));
		}
		return null;
	}

	private GeneratedAction revertOf(String originalId, Map<String, Object> original, Instant at) {
		Map<String, Object> fields = new LinkedHashMap<>(original);
		String id = nextId();
		fields.put("id", id);
		fields.put("occurredAt", at.toString());
		fields.put("type", counterpart((String) original.get("type")));
		@SuppressWarnings("unchecked")
		Map<String, Object> rationale = (Map<String, Object>) original.get("rationale");
		fields.put("rationale", rationale("scheduled revert of " + originalId, "temporary change window closed",
				rationale.get("confidence")));
		fields.put("revertBy", null);
		fields.put("reverts", originalId);
		return new GeneratedAction(id, at, fields, null);
	}

	String approverAt(Envelope envelope, Instant at) {
		if (this.directory.isActiveApprover(envelope.approval().approver(), at)) {
			return envelope.approval().approver();
		}
		return this.directory.approvers()
			.stream()
			.filter((approver) -> approver.activeAt(at))
			.map(Approver::email)
			.findFirst()
			.orElse(null);
	}

	String nextId() {
		return String.format("a-%07d", this.nextId++);
	}

	static Map<String, Object> rationale(String signal, String text, Object confidence) {
		Map<String, Object> rationale = new LinkedHashMap<>();
		rationale.put("signal", signal);
		rationale.put("text", text);
		rationale.put("confidence", confidence);
		return rationale;
	}

	static Map<String, Object> approval(String ref, String approver) {
		Map<String, Object> approval = new LinkedHashMap<>();
		approval.put("ref", ref);
		approval.put("approver", approver);
		return approval;
	}

	/** Whether ordinary traffic follows a change of this class with its revert. */
	static boolean isReverted(ActionClass actionClass) {
		return actionClass.temporary()
				|| (isRuleChange(actionClass.type()) && ActionTypes.isOpening(actionClass.type()));
	}

	/** Security-group, NACL and firewall changes carry protocol, ports and CIDR. */
	static boolean isRuleChange(String type) {
		return type.startsWith("security_group.") || type.startsWith("nacl.") || type.startsWith("firewall.");
	}

	static String counterpart(String type) {
		if (type.endsWith(".add")) {
			return type.substring(0, type.length() - 4) + ".remove";
		}
		if (type.endsWith(".upsert")) {
			return type.substring(0, type.length() - 7) + ".delete";
		}
		return type;
	}

	private static int year(Instant at) {
		return at.atZone(ZoneOffset.UTC).getYear();
	}

}
