package org.envelopereview.pack;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.envelopereview.finding.Finding;
import org.envelopereview.finding.Severity;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.recommend.Recommendation;

/**
 * Which of a board's envelopes the pack details (SPEC §9): a full section each for the
 * few that most need the board's attention, and for a board with more of them, one row
 * each in the table "All envelopes"; the rest of their detail is in the attachments.
 */
final class EnvelopeBudget {

	/**
	 * Envelopes with a full section. A section takes two pages, three at most (its
	 * findings are held to {@link EnvelopeSections#GROUP_BUDGET}): ten take 20 to 30
	 * pages. The rest of the pack is held to about 20 (cover, contents, summary,
	 * decisions, register, audit trail, appendix), and the table of all envelopes takes a
	 * page per 40 or so of them, so that a board of a few hundred envelopes stays within
	 * about 60 pages.
	 */
	static final int SECTIONS = 10;

	/**
	 * Rows of the table "All envelopes": every envelope of a board of up to 400 (ten
	 * pages at most); a larger board's others are in findings.json ({@code envelopes[]}).
	 */
	static final int TABLE_ROWS = 400;

	/**
	 * Most in need of attention first: the highest severity among its findings, then the
	 * most findings, then retire before narrow before keep, then id.
	 */
	private final List<EnvelopeReview> ranked;

	private final List<EnvelopeReview> detailed;

	private final Set<String> detailedIds;

	private final boolean overflows;

	EnvelopeBudget(List<EnvelopeReview> envelopes, Function<String, List<Finding>> findingsOf) {
		Map<String, Attention> attention = envelopes.stream()
			.collect(Collectors.toMap(EnvelopeReview::envelopeId,
					(envelope) -> Attention.of(envelope, findingsOf.apply(envelope.envelopeId())), (a, b) -> a));
		this.ranked = envelopes.stream()
			.sorted(Comparator.comparing((EnvelopeReview envelope) -> attention.get(envelope.envelopeId()),
					Attention.ORDER))
			.toList();
		this.overflows = envelopes.size() > SECTIONS;
		// a board that fits keeps its envelopes in the order it always showed them
		this.detailed = this.overflows ? this.ranked.subList(0, SECTIONS) : List.copyOf(envelopes);
		this.detailedIds = this.detailed.stream().map(EnvelopeReview::envelopeId).collect(Collectors.toSet());
	}

	/** Every envelope, most in need of the board's attention first. */
	List<EnvelopeReview> ranked() {
		return this.ranked;
	}

	/** The envelopes with a full section, in the order the pack prints them. */
	List<EnvelopeReview> detailed() {
		return this.detailed;
	}

	boolean detailed(String envelopeId) {
		return this.detailedIds.contains(envelopeId);
	}

	/**
	 * Whether the board has more envelopes than sections, so that the pack also lists
	 * them all in one table.
	 */
	boolean overflows() {
		return this.overflows;
	}

	/** How many envelopes have no section of their own. */
	int undetailed() {
		return this.ranked.size() - this.detailed.size();
	}

	/** What ranks an envelope: its worst finding, how many, and what to do with it. */
	private record Attention(String envelopeId, int severity, int findings, int outcome) {

		static final Comparator<Attention> ORDER = Comparator.comparingInt(Attention::severity)
			.thenComparing(Comparator.comparingInt(Attention::findings).reversed())
			.thenComparingInt(Attention::outcome)
			.thenComparing(Attention::envelopeId);

		static Attention of(EnvelopeReview envelope, List<Finding> findings) {
			int severity = findings.stream()
				.map(Finding::severity)
				.mapToInt(Severity::ordinal)
				.min()
				.orElse(Severity.values().length);
			return new Attention(envelope.envelopeId(), severity, findings.size(), outcome(envelope.recommendation()));
		}

		/**
		 * Retire first, then narrow, then keep, then no recommendation (invalid file).
		 */
		private static int outcome(Recommendation recommendation) {
			if (recommendation == null) {
				return 3;
			}
			return switch (recommendation.outcome()) {
				case RETIRE -> 0;
				case NARROW -> 1;
				case KEEP -> 2;
			};
		}

	}

}
