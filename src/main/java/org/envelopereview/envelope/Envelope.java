package org.envelopereview.envelope;

import java.time.LocalDate;
import java.util.List;

/**
 * A pre-authorized policy envelope, validated and immutable.
 *
 * @param agents allowed agents; {@code null} when the file places no constraint, empty
 * when it allows none
 * @param principals globs of the provider principals that act under the envelope (SPEC
 * §7): role or user ARNs, service-account emails, or bare role and user names;
 * {@code null} when the file names none
 * @param modelVersions allowed model-version globs; same null/empty rule as
 * {@code agents}
 * @param minConfidence minimum rationale confidence, or {@code null} when none is
 * required
 * @param sourceFile the file name relative to the envelopes directory
 * @param rationale whether each action under it must carry a structured rationale (SPEC
 * §7)
 */
public record Envelope(String id, String title, String boardId, String owner, int tier, Approval approval,
		ReviewSchedule review, LocalDate expiresAt, List<String> compliance, List<String> agents,
		List<String> principals, List<String> modelVersions, Double minConfidence, List<ActionClass> actions,
		Bounds bounds, String sourceFile, RationalePolicy rationale) {

	public Envelope {
		compliance = List.copyOf(compliance);
		agents = (agents != null) ? List.copyOf(agents) : null;
		principals = (principals != null) ? List.copyOf(principals) : null;
		modelVersions = (modelVersions != null) ? List.copyOf(modelVersions) : null;
		actions = List.copyOf(actions);
		rationale = (rationale != null) ? rationale : RationalePolicy.REQUIRED;
	}

	/** An envelope whose actions must carry a rationale (the default). */
	public Envelope(String id, String title, String boardId, String owner, int tier, Approval approval,
			ReviewSchedule review, LocalDate expiresAt, List<String> compliance, List<String> agents,
			List<String> principals, List<String> modelVersions, Double minConfidence, List<ActionClass> actions,
			Bounds bounds, String sourceFile) {
		this(id, title, boardId, owner, tier, approval, review, expiresAt, compliance, agents, principals,
				modelVersions, minConfidence, actions, bounds, sourceFile, RationalePolicy.REQUIRED);
	}

	/** Whether each action under the envelope must carry a structured rationale. */
	public boolean rationaleRequired() {
		return this.rationale == RationalePolicy.REQUIRED;
	}

	/**
	 * The envelope's {@code rationale} field: {@code required} (the default) or
	 * {@code optional}, a board's explicit choice.
	 */
	public enum RationalePolicy {

		REQUIRED, OPTIONAL;

		/** As written in the envelope file. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** An envelope that names no principals and requires a rationale. */
	public Envelope(String id, String title, String boardId, String owner, int tier, Approval approval,
			ReviewSchedule review, LocalDate expiresAt, List<String> compliance, List<String> agents,
			List<String> modelVersions, Double minConfidence, List<ActionClass> actions, Bounds bounds,
			String sourceFile) {
		this(id, title, boardId, owner, tier, approval, review, expiresAt, compliance, agents, null, modelVersions,
				minConfidence, actions, bounds, sourceFile, RationalePolicy.REQUIRED);
	}

	/** Who approved the envelope, when, and under which change record. */
	public record Approval(String approver, LocalDate approvedAt, String changeRef) {
	}

	/** How often the envelope must be re-read, and when and by whom it last was. */
	public record ReviewSchedule(int cadenceDays, LocalDate lastReviewedAt, String lastReviewedBy) {
	}

	/** Declared upper bounds; a {@code null} bound is not set. */
	public record Bounds(Integer maxActionsPerPeriod, Integer maxOpenRules) {

		public static final Bounds NONE = new Bounds(null, null);

	}

}
