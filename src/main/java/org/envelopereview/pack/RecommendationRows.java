package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;

import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.recommend.Recommendation.Outcome;

import static org.envelopereview.pack.Rows.DAY;
import static org.envelopereview.pack.Rows.count;
import static org.envelopereview.pack.Rows.rows;

/**
 * The recommendations as the pack shows them (SPEC §9): at the end of each envelope's
 * section ({@code recommendation.jrxml}) and as a table on the decisions page
 * ({@code recommendations.jrxml}).
 */
final class RecommendationRows {

	/** The subreports these rows fill. */
	static final List<String> SUBREPORTS = List.of("recommendation", "recommendations");

	/**
	 * Rows of kinds of recommendation on the decisions page, after those of the envelopes
	 * with a section; the rest are counted in a line.
	 */
	static final int GROUPS = 6;

	/** Envelopes a kind's row names before it counts the rest. */
	static final int NAMED = 6;

	/** The length of a reason in the table of all envelopes, about two lines. */
	static final int REASON_LIMIT = 100;

	/** A finding code in parentheses at the end of a reason. */
	private static final Pattern CODE = Pattern.compile("\\(([A-Z]+-[A-Z0-9-]+)\\)$");

	private RecommendationRows() {
	}

	/**
	 * The envelope section's one row, or {@code null} when there is no recommendation.
	 */
	static JRDataSource section(Recommendation recommendation) {
		if (recommendation == null) {
			return null;
		}
		Map<String, Object> row = new HashMap<>();
		row.put("outcome", label(recommendation.outcome()));
		row.put("outcomeColor", color(recommendation.outcome()));
		row.put("answer", answer(recommendation.outcome()));
		row.put("reasons", bullets(recommendation.reasons()));
		row.put("changes", recommendation.changes().isEmpty() ? null : "Never used over the look-back:\n"
				+ bullets(recommendation.changes().stream().map(Recommendation.ScopeChange::explanation).toList()));
		row.put("proposal", recommendation.proposal().isEmpty() ? null
				: "The envelope narrowed:\n" + String.join("\n", recommendation.proposal()));
		row.put("lookBack", lookBack(recommendation));
		return rows(List.of(row));
	}

	/**
	 * The decisions page's parameters: a row per envelope to narrow or retire, and a note
	 * that counts the rest. A board with more envelopes than sections gets rows for those
	 * with a section and, for the others, a row per kind of recommendation (SPEC §9).
	 */
	static Map<String, Object> decisionsPage(List<EnvelopeReview> envelopes, EnvelopeBudget budget) {
		List<Map<String, ?>> rows = new ArrayList<>();
		List<EnvelopeReview> toAct = new ArrayList<>();
		int keep = 0;
		for (EnvelopeReview envelope : budget.overflows() ? budget.ranked() : envelopes) {
			Recommendation recommendation = envelope.recommendation();
			if (recommendation == null) {
				continue;
			}
			if (recommendation.outcome() == Outcome.KEEP) {
				keep++;
				continue;
			}
			toAct.add(envelope);
		}
		List<EnvelopeReview> grouped = new ArrayList<>();
		for (EnvelopeReview envelope : toAct) {
			if (budget.overflows() && !budget.detailed(envelope.envelopeId())) {
				grouped.add(envelope);
				continue;
			}
			Recommendation recommendation = envelope.recommendation();
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", envelope.envelopeId());
			row.put("outcome", label(recommendation.outcome()));
			row.put("outcomeColor", color(recommendation.outcome()));
			row.put("summary", summary(recommendation));
			rows.add(row);
		}
		List<Kind> kinds = kinds(grouped);
		kinds.stream().limit(GROUPS).forEach((kind) -> rows.add(kind.row()));
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("RECOMMENDATIONS", rows(rows));
		parameters.put("HAS_RECOMMENDATIONS", !rows.isEmpty());
		parameters.put("RECOMMENDATIONS_NOTE",
				(toAct.isEmpty() ? "No envelope needs narrowing or retiring. "
						: "The review proposes to narrow or retire " + toAct.size() + " envelope(s); ") + keep
						+ " to keep as they are. "
						+ (grouped.isEmpty() ? "Each envelope's section ends with the full recommendation. "
								: "Those with a section are listed one by one and their section ends with the full "
										+ "recommendation; the other " + count(grouped.size())
										+ " are grouped by what the review proposes, each one's recommendation in "
										+ "findings.json (envelopes[]) and in the table \"" + AllEnvelopesSection.TITLE
										+ "\". ")
						+ "A recommendation is the review's proposal, not a finding: the board decides.");
		List<Kind> left = kinds.subList(Math.min(GROUPS, kinds.size()), kinds.size());
		parameters.put("RECOMMENDATIONS_MORE",
				left.isEmpty() ? null : Rows.counted(left.size(), "more kind") + " of recommendation ("
						+ Rows.counted(left.stream().mapToLong((kind) -> kind.envelopes().size()).sum(), "envelope")
						+ ") not shown here — see findings.json (envelopes[]) and the decisions template, which "
						+ "suggests the answer for each envelope.");
		return parameters;
	}

	/**
	 * A board's envelopes without a section that the review proposes to narrow or retire
	 * the same way: the same outcome and, to narrow, the same kinds of scope never used
	 * or, to retire, the same reasons.
	 */
	private record Kind(Outcome outcome, String what, List<EnvelopeReview> envelopes) {

		Map<String, Object> row() {
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", Rows.counted(this.envelopes.size(), "envelope"));
			row.put("outcome", label(this.outcome));
			row.put("outcomeColor", color(this.outcome));
			List<String> ids = this.envelopes.stream().map(EnvelopeReview::envelopeId).toList();
			String named = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())))
					+ ((ids.size() > NAMED) ? " and " + count(ids.size() - NAMED) + " more" : "");
			row.put("summary", answer(this.outcome) + ".\n" + this.what + ".\n" + named
					+ " — each one's proposal is in findings.json (envelopes[]).");
			return row;
		}

	}

	/** The kinds of recommendation, retire first, then the most envelopes. */
	private static List<Kind> kinds(List<EnvelopeReview> envelopes) {
		Map<String, Kind> kinds = new LinkedHashMap<>();
		for (EnvelopeReview envelope : envelopes) {
			Recommendation recommendation = envelope.recommendation();
			String what = (recommendation.outcome() == Outcome.NARROW)
					? "Never used over the look-back: " + recommendation.changes()
						.stream()
						.map((change) -> dimension(change.dimension(), 2))
						.distinct()
						.collect(Collectors.joining(", "))
					: "Reasons: " + String.join(", ", codes(recommendation));
			kinds
				.computeIfAbsent(recommendation.outcome() + "|" + what,
						(key) -> new Kind(recommendation.outcome(), what, new ArrayList<>()))
				.envelopes()
				.add(envelope);
		}
		return kinds.values()
			.stream()
			.sorted(Comparator.comparing(Kind::outcome)
				.reversed()
				.thenComparing(Comparator.comparingInt((Kind kind) -> kind.envelopes().size()).reversed())
				.thenComparing(Kind::what))
			.toList();
	}

	/**
	 * The finding codes a recommendation to retire names at the end of its reasons ("…
	 * (ENV-DORMANT)"), or its reasons when they name none.
	 */
	private static List<String> codes(Recommendation recommendation) {
		List<String> codes = new ArrayList<>();
		for (String reason : recommendation.reasons()) {
			Matcher code = CODE.matcher(reason);
			codes.add(code.find() ? code.group(1) : reason);
		}
		return codes;
	}

	/**
	 * The envelope's recommendation as the table of all envelopes shows it: the outcome
	 * and its reason in a line.
	 */
	static Map<String, Object> brief(EnvelopeReview envelope) {
		Recommendation recommendation = envelope.recommendation();
		Map<String, Object> row = new HashMap<>();
		if (recommendation == null) {
			row.put("outcome", "–");
			row.put("outcomeColor", "#5B6470");
			row.put("reason",
					(envelope.envelope() == null) ? "the file failed validation (ENV-INVALID)" : "no recommendation");
			return row;
		}
		row.put("outcome", label(recommendation.outcome()));
		row.put("outcomeColor", color(recommendation.outcome()));
		row.put("reason", reason(recommendation));
		return row;
	}

	/**
	 * Why, in a line: to narrow, the scope never used (its values when few, else how
	 * many); otherwise the first reason, shortened.
	 */
	static String reason(Recommendation recommendation) {
		if (recommendation.outcome() == Outcome.NARROW && !recommendation.changes().isEmpty()) {
			Map<String, List<String>> byDimension = new LinkedHashMap<>();
			recommendation.changes()
				.forEach((change) -> byDimension.computeIfAbsent(change.dimension(), (d) -> new ArrayList<>())
					.add(change.value()));
			return "never used: " + byDimension.entrySet()
				.stream()
				.map((entry) -> (entry.getValue().size() <= 2)
						? dimension(entry.getKey(), entry.getValue().size()) + " " + String.join(", ", entry.getValue())
						: entry.getValue().size() + " " + dimension(entry.getKey(), entry.getValue().size()))
				.collect(Collectors.joining(", "));
		}
		if (recommendation.reasons().isEmpty()) {
			return "";
		}
		String first = recommendation.reasons().get(0);
		if (first.length() > REASON_LIMIT) {
			first = first.substring(0, REASON_LIMIT - 1) + "…";
		}
		int more = recommendation.reasons().size() - 1;
		return first + ((more > 0) ? " (+" + Rows.plural(more, "more reason") + ")" : "");
	}

	/** A dimension of scope as a reader names it, singular for one value. */
	private static String dimension(String dimension, int values) {
		String noun = switch (dimension) {
			case "actionTypes" -> "action type";
			case "cidrs" -> "CIDR";
			case "ports" -> "port";
			case "regions" -> "region";
			case "agents" -> "agent";
			default -> dimension;
		};
		return (values == 1) ? noun : noun + "s";
	}

	private static String summary(Recommendation recommendation) {
		List<String> lines = new ArrayList<>();
		lines.add(answer(recommendation.outcome()) + ".");
		if (recommendation.outcome() == Outcome.NARROW) {
			lines.addAll(recommendation.proposal());
		}
		else {
			lines.addAll(recommendation.reasons());
		}
		return String.join("\n", lines);
	}

	private static String answer(Outcome outcome) {
		return switch (outcome) {
			case KEEP -> "Suggested answer: re-approve as is";
			case NARROW -> "Suggested answer: revise — approve the narrower envelope";
			case RETIRE -> "Suggested answer: retire";
		};
	}

	private static String lookBack(Recommendation recommendation) {
		Recommendation.LookBack lookBack = recommendation.lookBack();
		return "Look-back: " + DAY.format(lookBack.from()) + " to " + DAY.format(lookBack.to().minusNanos(1))
				+ " (since " + lookBack.since() + "; review.recommend.look-back-periods). Retire follows "
				+ "review.recommend.dormant-periods consecutive dormant periods, expiry, or an approver who left "
				+ "with no re-approval since.";
	}

	private static String label(Outcome outcome) {
		return outcome.label().toUpperCase(java.util.Locale.ROOT);
	}

	private static String color(Outcome outcome) {
		return switch (outcome) {
			case KEEP -> "#2E7D32";
			case NARROW -> "#B26A00";
			case RETIRE -> "#B00020";
		};
	}

	private static String bullets(List<String> lines) {
		return lines.stream().map((line) -> "• " + line).collect(Collectors.joining("\n"));
	}

}
