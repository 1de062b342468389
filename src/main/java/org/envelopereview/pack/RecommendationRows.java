package org.envelopereview.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;

import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.recommend.Recommendation.Outcome;

import static org.envelopereview.pack.Rows.DAY;
import static org.envelopereview.pack.Rows.rows;

/**
 * The recommendations as the pack shows them (SPEC §9): at the end of each envelope's
 * section ({@code recommendation.jrxml}) and as a table on the decisions page
 * ({@code recommendations.jrxml}).
 */
final class RecommendationRows {

	/** The subreports these rows fill. */
	static final List<String> SUBREPORTS = List.of("recommendation", "recommendations");

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
	 * that counts the rest.
	 */
	static Map<String, Object> decisionsPage(List<EnvelopeReview> envelopes) {
		List<Map<String, ?>> rows = new ArrayList<>();
		int keep = 0;
		for (EnvelopeReview envelope : envelopes) {
			Recommendation recommendation = envelope.recommendation();
			if (recommendation == null) {
				continue;
			}
			if (recommendation.outcome() == Outcome.KEEP) {
				keep++;
				continue;
			}
			Map<String, Object> row = new HashMap<>();
			row.put("envelopeId", envelope.envelopeId());
			row.put("outcome", label(recommendation.outcome()));
			row.put("outcomeColor", color(recommendation.outcome()));
			row.put("summary", summary(recommendation));
			rows.add(row);
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("RECOMMENDATIONS", rows(rows));
		parameters.put("HAS_RECOMMENDATIONS", !rows.isEmpty());
		parameters.put("RECOMMENDATIONS_NOTE",
				(rows.isEmpty() ? "No envelope needs narrowing or retiring. "
						: "The review proposes to narrow or retire " + rows.size() + " envelope(s); ") + keep
						+ " to keep as they are. Each envelope's section ends with the full recommendation. "
						+ "A recommendation is the review's proposal, not a finding: the board decides.");
		return parameters;
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
