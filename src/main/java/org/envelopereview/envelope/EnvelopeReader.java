package org.envelopereview.envelope;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.envelopereview.envelope.BoardsReader.Boards;

/**
 * Reads and validates one envelope file against the boards and approvers of boards.yaml.
 */
final class EnvelopeReader {

	private static final List<String> TOP = List.of("apiVersion", "id", "title", "board", "owner", "tier", "approval",
			"review", "expiresAt", "compliance", "agents", "principals", "modelVersions", "minConfidence", "actions",
			"bounds", "rationale");

	private static final List<String> APPROVAL = List.of("approver", "approvedAt", "changeRef");

	private static final List<String> REVIEW = List.of("cadenceDays", "lastReviewedAt", "lastReviewedBy");

	private static final List<String> ACTION = List.of("type", "tier", "scope", "temporary");

	private static final List<String> SCOPE = List.of("resources", "cidrs", "ports", "protocols", "regions");

	private static final List<String> TEMPORARY = List.of("maxDuration");

	private static final List<String> BOUNDS = List.of("maxActionsPerPeriod", "maxOpenRules");

	/**
	 * Suppressing logs or inspection is only ever acceptable under full change
	 * management.
	 */
	private static final Set<String> TIER_4_ONLY = Set.of("inspection.bypass", "logging.config.modify");

	private final Boards boards;

	private final String fileName;

	EnvelopeReader(Boards boards, String fileName) {
		this.boards = boards;
		this.fileName = fileName;
	}

	/**
	 * What one file declares.
	 *
	 * @param id the id as written, when it is a scalar ({@code null} otherwise)
	 * @param idLine the line of the id, for duplicate reports
	 * @param board the board as written, when it is a scalar
	 * @param envelope the envelope, present only when the file has no problem
	 */
	record Declared(String id, int idLine, String board, Optional<Envelope> envelope) {

		static final Declared NOTHING = new Declared(null, 0, null, Optional.empty());

	}

	Declared read(YamlValue root) {
		Optional<YamlMapping> top = root.mapping(TOP);
		if (top.isEmpty()) {
			return Declared.NOTHING;
		}
		YamlMapping file = top.get();
		file.required("apiVersion").ifPresent(BoardsReader::apiVersion);
		Optional<YamlValue> idValue = file.required("id");
		Optional<String> id = idValue.flatMap((value) -> value.parsed(FieldSyntax::envelopeId));
		Optional<String> title = file.required("title").flatMap((value) -> value.parsed(FieldSyntax::nonBlank));
		Optional<YamlValue> boardValue = file.required("board");
		Optional<String> board = boardValue.flatMap((value) -> value.parsed(FieldSyntax::boardId)).filter((text) -> {
			if (!this.boards.boardIds().contains(text)) {
				boardValue.get()
					.problem("board '" + text + "' is not defined in boards.yaml" + (this.boards.boardIds().isEmpty()
							? "" : " (boards: " + String.join(", ", this.boards.boardIds()) + ")"));
				return false;
			}
			return true;
		});
		Optional<String> owner = file.required("owner").flatMap((value) -> value.parsed(FieldSyntax::nonBlank));
		Optional<Integer> tier = file.required("tier").flatMap(EnvelopeReader::tier);
		Optional<Envelope.Approval> approval = file.required("approval").flatMap(this::approval);
		Optional<LocalDate> approvedAt = approval.map(Envelope.Approval::approvedAt);
		Optional<Envelope.ReviewSchedule> review = file.required("review")
			.flatMap((value) -> review(value, approvedAt));
		Optional<LocalDate> expiresAt = file.required("expiresAt")
			.flatMap((value) -> value.date().filter((date) -> afterApproval(value, date, approvedAt)));
		Optional<List<String>> compliance = file.optional("compliance")
			.map((value) -> value.listOf((item) -> item.parsed(FieldSyntax::complianceReference)))
			.orElse(Optional.of(List.of()));
		Optional<List<String>> agents = dimension(file, "agents", FieldSyntax::agent);
		Optional<List<String>> principals = dimension(file, "principals", FieldSyntax::principal);
		Optional<List<String>> modelVersions = dimension(file, "modelVersions", FieldSyntax::glob);
		Optional<Double> minConfidence = file.optional("minConfidence").flatMap((value) -> value.decimal(0, 1));
		Optional<List<ActionClass>> actions = file.required("actions")
			.flatMap((value) -> actions(value, tier.orElse(0)));
		Optional<Envelope.Bounds> bounds = file.optional("bounds")
			.map(this::bounds)
			.orElse(Optional.of(Envelope.Bounds.NONE));
		Optional<Envelope.RationalePolicy> rationale = file.optional("rationale")
			.map((value) -> value.parsed(FieldSyntax::rationalePolicy))
			.orElse(Optional.of(Envelope.RationalePolicy.REQUIRED));

		String declaredId = idValue.flatMap(YamlValue::declaredText).orElse(null);
		int idLine = idValue.map(YamlValue::line).orElse(0);
		String declaredBoard = boardValue.flatMap(YamlValue::declaredText).orElse(null);
		if (!root.problems().isEmpty()) {
			return new Declared(declaredId, idLine, declaredBoard, Optional.empty());
		}
		Envelope envelope = new Envelope(id.get(), title.get(), board.get(), owner.get(), tier.get(), approval.get(),
				review.get(), expiresAt.get(), compliance.get(), agents.orElse(null), principals.orElse(null),
				modelVersions.orElse(null), minConfidence.orElse(null), actions.get(), bounds.get(), this.fileName,
				rationale.get());
		return new Declared(declaredId, idLine, declaredBoard, Optional.of(envelope));
	}

	private static Optional<Integer> tier(YamlValue value) {
		return value.integer(1, 4);
	}

	private Optional<Envelope.Approval> approval(YamlValue value) {
		return value.mapping(APPROVAL).flatMap((approval) -> {
			Optional<String> approver = approval.required("approver").flatMap(this::directoryApprover);
			Optional<LocalDate> approvedAt = approval.required("approvedAt").flatMap(YamlValue::date);
			Optional<String> changeRef = approval.required("changeRef")
				.flatMap((ref) -> ref.parsed(FieldSyntax::nonBlank));
			if (approver.isEmpty() || approvedAt.isEmpty() || changeRef.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Envelope.Approval(approver.get(), approvedAt.get(), changeRef.get()));
		});
	}

	private Optional<Envelope.ReviewSchedule> review(YamlValue value, Optional<LocalDate> approvedAt) {
		return value.mapping(REVIEW).flatMap((review) -> {
			Optional<Integer> cadence = review.required("cadenceDays")
				.flatMap((days) -> days.integer(1, Integer.MAX_VALUE));
			Optional<LocalDate> lastReviewedAt = review.required("lastReviewedAt")
				.flatMap((at) -> at.date().filter((date) -> {
					if (approvedAt.isPresent() && date.isBefore(approvedAt.get())) {
						at.problem("lastReviewedAt " + date + " is before approval.approvedAt " + approvedAt.get()
								+ " (a new envelope's first review is its approval)");
						return false;
					}
					return true;
				}));
			Optional<String> lastReviewedBy = review.required("lastReviewedBy").flatMap(this::directoryApprover);
			if (cadence.isEmpty() || lastReviewedAt.isEmpty() || lastReviewedBy.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Envelope.ReviewSchedule(cadence.get(), lastReviewedAt.get(), lastReviewedBy.get()));
		});
	}

	/**
	 * An email that must be in the approver directory. An approver who has since left is
	 * still a valid entry: that is the ENV-APPROVER-INACTIVE finding, not a file error.
	 */
	private Optional<String> directoryApprover(YamlValue value) {
		return value.parsed(FieldSyntax::email).filter((email) -> {
			if (!this.boards.declaresApprover(email)) {
				value.problem("'" + email + "' is not in the approver directory of boards.yaml");
				return false;
			}
			return true;
		});
	}

	private Optional<List<ActionClass>> actions(YamlValue value, int envelopeTier) {
		Optional<List<YamlValue>> items = value.list();
		if (items.isPresent() && items.get().isEmpty()) {
			value.problem("must authorize at least one action class");
			return Optional.empty();
		}
		return value.listOf((item) -> actionClass(item, envelopeTier));
	}

	private Optional<ActionClass> actionClass(YamlValue item, int envelopeTier) {
		return item.mapping(ACTION).flatMap((action) -> {
			Optional<YamlValue> typeValue = action.required("type");
			Optional<String> type = typeValue.flatMap((value) -> value.parsed(FieldSyntax::actionType));
			Optional<YamlValue> tierValue = action.optional("tier");
			Optional<Integer> tier = tierValue.isPresent() ? tierValue.flatMap(EnvelopeReader::tier)
					: Optional.of(envelopeTier).filter((value) -> value > 0);
			if (type.isPresent() && tier.isPresent() && TIER_4_ONLY.contains(type.get()) && tier.get() < 4) {
				YamlValue at = tierValue.orElse(typeValue.get());
				at.problem(type.get() + " may only be authorized at tier 4 (full change management), not tier "
						+ tier.get());
				return Optional.empty();
			}
			Optional<Scope> scope = action.optional("scope").map(this::scope).orElse(Optional.of(Scope.UNCONSTRAINED));
			Optional<YamlValue> temporaryValue = action.optional("temporary");
			Optional<Duration> maxDuration = temporaryValue.flatMap((value) -> value.mapping(TEMPORARY))
				.flatMap((temporary) -> temporary.required("maxDuration"))
				.flatMap((value) -> value.parsed(FieldSyntax::positiveDuration));
			if (type.isEmpty() || tier.isEmpty() || scope.isEmpty()
					|| (temporaryValue.isPresent() && maxDuration.isEmpty())) {
				return Optional.empty();
			}
			return Optional.of(new ActionClass(type.get(), tier.get(), scope.get(), maxDuration.orElse(null)));
		});
	}

	private Optional<Scope> scope(YamlValue value) {
		// a dimension that fails is reported; the file is then invalid and this scope
		// unused
		return value.mapping(SCOPE)
			.map((scope) -> new Scope(dimension(scope, "resources", FieldSyntax::glob).orElse(null),
					dimension(scope, "cidrs", FieldSyntax::cidr).orElse(null),
					dimension(scope, "ports", FieldSyntax::ports).orElse(null),
					dimension(scope, "protocols", FieldSyntax::protocol).orElse(null),
					dimension(scope, "regions", FieldSyntax::region).orElse(null)));
	}

	/**
	 * A constraint list: omitted means unconstrained (empty result); an empty list allows
	 * nothing.
	 */
	private static <T> Optional<List<T>> dimension(YamlMapping mapping, String name, Function<String, Syntax<T>> rule) {
		return mapping.optional(name).flatMap((value) -> value.listOf((item) -> item.parsed(rule)));
	}

	private Optional<Envelope.Bounds> bounds(YamlValue value) {
		return value.mapping(BOUNDS).flatMap((bounds) -> {
			Optional<YamlValue> actionsValue = bounds.optional("maxActionsPerPeriod");
			Optional<YamlValue> rulesValue = bounds.optional("maxOpenRules");
			Optional<Integer> maxActions = actionsValue.flatMap((bound) -> bound.integer(1, Integer.MAX_VALUE));
			Optional<Integer> maxRules = rulesValue.flatMap((bound) -> bound.integer(1, Integer.MAX_VALUE));
			if (actionsValue.isPresent() != maxActions.isPresent() || rulesValue.isPresent() != maxRules.isPresent()) {
				return Optional.empty();
			}
			return Optional.of(new Envelope.Bounds(maxActions.orElse(null), maxRules.orElse(null)));
		});
	}

	private static boolean afterApproval(YamlValue value, LocalDate expiresAt, Optional<LocalDate> approvedAt) {
		if (approvedAt.isPresent() && !expiresAt.isAfter(approvedAt.get())) {
			value.problem("expiresAt " + expiresAt + " is not after approval.approvedAt " + approvedAt.get());
			return false;
		}
		return true;
	}

}
