package org.envelopereview.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import org.junit.jupiter.api.Test;

import org.envelopereview.review.output.BoardReview;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.recommend.Recommendation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which envelopes a pack details, and how it shortens what it lists of a board with many
 * (SPEC §9), without rendering a pack.
 */
class EnvelopeBudgetTests {

	private static final Path OUT = Path.of("target", "envelope-budget-tests");

	@Test
	void shouldKeepThePackOrderWhenEveryEnvelopeHasASection() {
		BoardReview review = BoardReviewFixtures.paymentsReview(OUT);
		EnvelopeBudget budget = new ReviewFacts(review).envelopes();

		assertThat(budget.overflows()).isFalse();
		assertThat(budget.detailed()).isEqualTo(review.envelopes());
		assertThat(budget.undetailed()).isZero();
	}

	@Test
	void shouldRankBySeverityThenFindingsThenRecommendationThenId() {
		BoardReview review = ManyEnvelopes.review(OUT, 60);
		EnvelopeBudget budget = new ReviewFacts(review).envelopes();

		// BENCH-00007 and BENCH-00057 have a critical finding (OOS-REGION), 00007 with
		// two
		// ENV-MODEL-DRIFT, 00057 with one; then the high ones with three findings by id
		assertThat(ids(budget.ranked()).subList(0, 5)).containsExactly("BENCH-00007", "BENCH-00057", "BENCH-00002",
				"BENCH-00005", "BENCH-00008");
		List<String> ranked = ids(budget.ranked());
		assertThat(ranked.indexOf("BENCH-00012")).as("two findings").isLessThan(ranked.indexOf("BENCH-00003"));
		assertThat(ranked.get(ranked.size() - 1)).as("one finding, the highest id").isEqualTo("BENCH-00054");
		assertThat(budget.detailed()).isEqualTo(budget.ranked().subList(0, EnvelopeBudget.SECTIONS));
		assertThat(budget.overflows()).isTrue();
		assertThat(budget.undetailed()).isEqualTo(60 - EnvelopeBudget.SECTIONS);
	}

	@Test
	void shouldRankRetireBeforeNarrowBeforeKeepAmongEnvelopesWithTheSameFindings() {
		BoardReview many = ManyEnvelopes.review(OUT, EnvelopeBudget.SECTIONS + 2);
		List<EnvelopeReview> envelopes = new ArrayList<>();
		for (EnvelopeReview envelope : many.envelopes()) {
			Recommendation.Outcome outcome = switch (envelope.envelopeId()) {
				case "BENCH-00004" -> Recommendation.Outcome.KEEP;
				case "BENCH-00010" -> Recommendation.Outcome.RETIRE;
				default -> Recommendation.Outcome.NARROW;
			};
			Recommendation r = envelope.recommendation();
			envelopes.add(new EnvelopeReview(envelope.envelopeId(), envelope.sourceFile(), envelope.envelope(),
					envelope.trend(), new Recommendation(r.envelopeId(), r.boardId(), outcome, r.reasons(), r.changes(),
							r.proposal(), r.lookBack())));
		}
		// BENCH-00001, 00004 and 00010 have two ENV-MODEL-DRIFT, 00012 one and an
		// EXP-RULE-DRIFT: two high findings each
		BoardReview review = new BoardReview(many.board(), false, many.period(), many.runId(), many.runNumber(),
				envelopes, many.findings(), List.of(), many.integrity(), many.inputs(), many.outputDir());
		List<String> ranked = ids(new ReviewFacts(review).envelopes().ranked());

		assertThat(ranked).containsSubsequence("BENCH-00010", "BENCH-00001", "BENCH-00012", "BENCH-00004");
	}

	@Test
	void shouldListEveryInputOfAReviewWithFew() {
		BoardReview review = ManyEnvelopes.review(OUT, 5);
		List<PackManifest.FileDigest> inputs = digests(review);

		assertThat(inputs).hasSize(17);
		List<PackManifest.FileDigest> few = inputs.subList(0, ListedDigests.ALL_UP_TO);
		assertThat(ListedDigests.inputs(few, review.envelopes())).isEqualTo(few);
		assertThat(ListedDigests.moreInputs(few, few)).isNull();
	}

	@Test
	void shouldListTheActionSetBoardsYamlAndTheFilesOfTheFirstEnvelopesOfAReviewWithMany() {
		BoardReview review = ManyEnvelopes.review(OUT, 300);
		EnvelopeBudget budget = new ReviewFacts(review).envelopes();
		List<PackManifest.FileDigest> inputs = digests(review);

		List<PackManifest.FileDigest> listed = ListedDigests.inputs(inputs, budget.detailed());

		assertThat(listed).extracting(PackManifest.FileDigest::name)
			.containsExactly("actions/2026-Q3", "envelopes/bench-00007.yaml", "envelopes/bench-00057.yaml",
					"envelopes/bench-00107.yaml", "envelopes/bench-00157.yaml", "envelopes/bench-00257.yaml",
					"envelopes/boards.yaml");
		assertThat(ListedDigests.moreInputs(inputs, listed))
			.isEqualTo("and 895 more envelope files — every digest is in manifest.json (attached to this pack).");
	}

	@Test
	void shouldSayInALineWhatToNarrow() {
		Recommendation failover = BoardReviewFixtures.paymentsReview(OUT).envelopes().get(0).recommendation();
		Recommendation bench = ManyEnvelopes.review(OUT, 5).envelopes().get(4).recommendation();

		assertThat(RecommendationRows.reason(failover))
			.isEqualTo("never used: CIDR 10.0.128.0/17, port 8444, region eu-central-1");
		assertThat(RecommendationRows.reason(bench))
			.isEqualTo("never used: 3 CIDRs, port 8001-8100, region eu-central-1");
	}

	@Test
	void shouldSayInALineWhyToRetire() {
		Recommendation dns = BoardReviewFixtures.paymentsReview(OUT).envelopes().get(1).recommendation();

		assertThat(RecommendationRows.reason(dns))
			.isEqualTo("expired 2026-08-31, 30 days before the period end (ENV-EXPIRED) (+1 more reason)");
	}

	@Test
	void shouldChartTheTenEnvelopesWithTheMostResourcesAndTheMeanOfTheOthers() {
		BoardReview review = ManyEnvelopes.review(OUT, 300);

		List<Map<String, ?>> rows = scopeChart(review);

		Set<String> series = rows.stream().map((row) -> (String) row.get("series")).collect(Collectors.toSet());
		assertThat(series).hasSize(SummarySection.CHART_ENVELOPES + 1).contains("others (290 envelopes, mean)");
		assertThat(rows).filteredOn((row) -> row.get("category").equals("2026-Q3"))
			.allSatisfy((row) -> assertThat(((Number) row.get("value")).doubleValue()).isBetween(4.0, 40.0));
	}

	@Test
	void shouldChartEveryEnvelopeOfABoardWithFew() {
		BoardReview review = ManyEnvelopes.review(OUT, SummarySection.CHART_ENVELOPES);

		Set<String> series = scopeChart(review).stream()
			.map((row) -> (String) row.get("series"))
			.collect(Collectors.toSet());
		assertThat(series).hasSize(SummarySection.CHART_ENVELOPES)
			.allSatisfy((name) -> assertThat(name).startsWith("BENCH-"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, ?>> scopeChart(BoardReview review) {
		JRMapCollectionDataSource chart = (JRMapCollectionDataSource) new SummarySection(new ReviewFacts(review),
				Map.of())
			.parameters()
			.get("SCOPE_CHART");
		return new ArrayList<>((java.util.Collection<Map<String, ?>>) (java.util.Collection<?>) chart.getData());
	}

	private static List<PackManifest.FileDigest> digests(BoardReview review) {
		return review.inputs()
			.stream()
			.map((input) -> new PackManifest.FileDigest(input.name(), input.sha256(), null))
			.sorted(java.util.Comparator.comparing(PackManifest.FileDigest::name))
			.toList();
	}

	private static List<String> ids(List<EnvelopeReview> envelopes) {
		return envelopes.stream().map(EnvelopeReview::envelopeId).toList();
	}

}
