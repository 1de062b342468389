package org.envelopereview.review.recommend;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the review recommends the board does with one envelope: keep it, narrow it to what
 * its agents used, or retire it; never a finding (SPEC §9).
 *
 * @param reasons why, one sentence each
 * @param changes for narrow: each declared value never exercised over the look-back
 * @param proposal for narrow: the envelope as it would read narrowed, one line per action
 * class or envelope field that changes
 */
public record Recommendation(String envelopeId, String boardId, Outcome outcome, List<String> reasons,
		List<ScopeChange> changes, List<String> proposal, LookBack lookBack) {

	public Recommendation {
		reasons = List.copyOf(reasons);
		changes = List.copyOf(changes);
		proposal = List.copyOf(proposal);
	}

	/** What to do with the envelope. */
	public enum Outcome {

		KEEP, NARROW, RETIRE;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Outcome ofLabel(String label) {
			return valueOf(label.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * One declared value never exercised over the look-back.
	 *
	 * @param dimension {@code actionTypes}, {@code cidrs}, {@code ports}, {@code regions}
	 * or {@code agents}
	 * @param value what to take out of the envelope, as its file would spell it
	 */
	public record ScopeChange(String dimension, String value, String explanation) {
	}

	/**
	 * The window the recommendation judged use over: {@code [from, to)}.
	 *
	 * @param since how the window's start reads ("2025-Q3", or "approval on 2026-02-10")
	 */
	public record LookBack(Instant from, Instant to, String since) {
	}

}
