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
 */
public record Envelope(String id, String title, String boardId, String owner, int tier, Approval approval,
		ReviewSchedule review, LocalDate expiresAt, List<String> compliance, List<String> agents,
		List<String> principals, List<String> modelVersions, Double minConfidence, List<ActionClass> actions,
		Bounds bounds, String sourceFile) {

	public Envelope {
		compliance = List.copyOf(compliance);
		agents = (agents != null) ? List.copyOf(agents) : null;
		principals = (principals != null) ? List.copyOf(principals) : null;
		modelVersions = (modelVersions != null) ? List.copyOf(modelVersions) : null;
		actions = List.copyOf(actions);
	}

	/** An envelope that names no principals. */
	public Envelope(String id, String title, String boardId, String owner, int tier, Approval approval,
			ReviewSchedule review, LocalDate expiresAt, List<String> compliance, List<String> agents,
			List<String> modelVersions, Double minConfidence, List<ActionClass> actions, Bounds bounds,
			String sourceFile) {
		this(id, title, boardId, owner, tier, approval, review, expiresAt, compliance, agents, null, modelVersions,
				minConfidence, actions, bounds, sourceFile);
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
