package org.envelopereview.review.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.action.chain.IntegrityReport;
import org.envelopereview.decision.DecisionChecks;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;
import org.envelopereview.review.output.BoardReview.EnvelopeReview;
import org.envelopereview.review.output.BoardReview.InputDigest;
import org.envelopereview.review.output.BoardReview.QuarantinedRecord;
import org.envelopereview.review.output.BoardReview.TrailInputs;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.recommend.Recommendations;
import org.envelopereview.review.run.ChainIntegrity;
import org.envelopereview.review.run.ReviewBoards;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.review.scope.ScopeMeasurement;
import org.envelopereview.review.scope.ScopeMeasurer;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Component;

/**
 * Builds one {@link BoardReview} per board of a completed run, from what the run stored.
 */
@Component
public class BoardReviewAssembler {

	/** How many earlier periods a trend reaches back when no run measured them. */
	static final int TREND_PERIODS = 3;

	private final Jdbi jdbi;

	private final FindingStore store;

	private final ChainIntegrity integrity;

	private final ReviewRuns runs;

	private final ReviewOutputs outputs;

	private final ScopeMeasurer measurer;

	private final DecisionChecks decisions;

	private final Recommendations recommendations;

	BoardReviewAssembler(Jdbi jdbi, FindingStore store, ChainIntegrity integrity, ReviewRuns runs,
			ReviewOutputs outputs, ScopeMeasurer measurer, DecisionChecks decisions, Recommendations recommendations) {
		this.recommendations = recommendations;
		this.measurer = measurer;
		this.decisions = decisions;
		this.jdbi = jdbi;
		this.store = store;
		this.integrity = integrity;
		this.runs = runs;
		this.outputs = outputs;
	}

	/**
	 * One review per board of the run, built from what the run stored (its findings,
	 * integrity report, decision checks and snapshot), so that a restart in a new process
	 * builds the same.
	 */
	public List<BoardReview> assemble(RunInputs inputs) {
		IntegrityReport report = this.integrity.report(inputs.runId());
		List<QuarantinedRecord> quarantined = quarantined(inputs);
		TrailInputs trail = trail(inputs);
		List<InputDigest> digests = digests(inputs);
		Map<String, Recommendation> recommended = this.recommendations.of(inputs.runId());
		List<BoardReview> reviews = new ArrayList<>();
		for (BoardFindings board : findings(inputs)) {
			reviews.add(new BoardReview(board.board(), board.receivesUnassigned(), inputs.period(), inputs.runId(),
					inputs.runNumber(), envelopes(inputs, board.board().id(), recommended), board.findings(),
					quarantined, report, digests, board.outputDir(), trail,
					this.decisions.stored(inputs.runId(), board.board().id())));
		}
		return reviews;
	}

	/** What the run's audit-trail verification found and covered. */
	IntegrityReport integrity(RunInputs inputs) {
		return this.integrity.report(inputs.runId());
	}

	/**
	 * Each board's findings of the run: one read of the stored findings, nothing else.
	 */
	public List<BoardFindings> findings(RunInputs inputs) {
		List<StoredFinding> findings = this.store.findings(inputs.runId());
		List<BoardFindings> boards = new ArrayList<>();
		for (ReviewBoards.ReviewedBoard reviewed : ReviewBoards.of(inputs)) {
			String boardId = reviewed.board().id();
			boards.add(new BoardFindings(reviewed.board(), reviewed.receivesUnassigned(),
					findings.stream()
						.filter((stored) -> stored.finding().boardId().equals(boardId))
						.map(StoredFinding::finding)
						.toList(),
					this.outputs.boardDir(inputs.period(), boardId)));
		}
		return boards;
	}

	private List<EnvelopeReview> envelopes(RunInputs inputs, String boardId, Map<String, Recommendation> recommended) {
		List<EnvelopeReview> envelopes = new ArrayList<>();
		Map<Period, Set<String>> active = new HashMap<>();
		Function<Period, Set<String>> activeIn = (period) -> active.computeIfAbsent(period,
				this.measurer::envelopesActive);
		for (Envelope envelope : inputs.catalog().envelopes()) {
			if (envelope.boardId().equals(boardId)) {
				envelopes.add(new EnvelopeReview(envelope.id(), envelope.sourceFile(), envelope,
						trend(envelope.id(), inputs, activeIn), recommended.get(envelope.id())));
			}
		}
		for (EnvelopeFile file : inputs.catalog().files()) {
			if (!file.valid() && boardId.equals(file.boardId())) {
				envelopes.add(new EnvelopeReview(file.envelopeId(), file.fileName(), null, List.of()));
			}
		}
		return envelopes;
	}

	/**
	 * What the runs stored for the envelope, oldest first; the last
	 * {@value #TREND_PERIODS} periods before this one that no completed run measured are
	 * measured from the stored actions, so a first review already shows a trend. Periods
	 * before any activity are left out: one query per period finds the envelopes with
	 * actions in it, instead of measuring every envelope (with 1,000 envelopes, 9,000
	 * queries of an empty history took most of the pack step).
	 */
	private List<ScopeMeasurement> trend(String envelopeId, RunInputs inputs, Function<Period, Set<String>> activeIn) {
		Map<String, ScopeMeasurement> byPeriod = new HashMap<>();
		this.runs.trend(envelopeId, inputs.runId(), inputs.period())
			.forEach((measurement) -> byPeriod.put(measurement.period(), measurement));
		Period earlier = inputs.period();
		for (int i = 0; i < TREND_PERIODS; i++) {
			earlier = earlier.previous();
			if (!byPeriod.containsKey(earlier.label()) && activeIn.apply(earlier).contains(envelopeId)) {
				ScopeMeasurement measured = this.measurer.measure(envelopeId, earlier).measurement();
				if (measured.actionCount() > 0) {
					byPeriod.put(earlier.label(), measured);
				}
			}
		}
		return byPeriod.values()
			.stream()
			.sorted(Comparator.comparing((ScopeMeasurement measurement) -> Period.parse(measurement.period()).start()))
			.toList();
	}

	/** The run's recommendations, by envelope id. */
	Map<String, Recommendation> recommendations(RunInputs inputs) {
		return this.recommendations.of(inputs.runId());
	}

	List<QuarantinedRecord> quarantined(RunInputs inputs) {
		Period period = inputs.period();
		return this.jdbi.withExtension(BoardReviewDao.class,
				(dao) -> dao.quarantined(period.start(), period.end(), inputs.runId()));
	}

	/**
	 * The period's write events not reviewed, the withdrawals the run reports and the
	 * source files the review came from. None of them is attributable to a board: every
	 * board's pack shows them.
	 */
	public TrailInputs trail(RunInputs inputs) {
		Period period = inputs.period();
		LocalDate startDay = LocalDate.ofInstant(period.start(), ZoneOffset.UTC);
		LocalDate endDay = LocalDate.ofInstant(period.end(), ZoneOffset.UTC);
		return this.jdbi.withExtension(BoardReviewDao.class,
				(dao) -> new TrailInputs(dao.notReviewed(startDay, endDay), dao.withdrawals(inputs.runId()),
						dao.sources(period.start(), period.end(), startDay, endDay, inputs.runId())));
	}

	/**
	 * Every envelope file as the run read it, then the digest of the period's action set.
	 */
	private List<InputDigest> digests(RunInputs inputs) {
		List<InputDigest> digests = new ArrayList<>();
		inputs.catalog()
			.files()
			.forEach((file) -> digests.add(new InputDigest("envelopes/" + file.fileName(), file.sha256())));
		digests.add(new InputDigest("actions/" + inputs.period().label(), actionSetDigest(inputs.period())));
		return digests;
	}

	/**
	 * SHA-256 over {@code id TAB hash LF} of the period's actions in (occurred_at, id)
	 * order.
	 */
	public String actionSetDigest(Period period) {
		MessageDigest digest = sha256();
		// a transaction, so that PostgreSQL streams with a cursor: outside one it hands
		// the whole period over at once (10M actions ran a -Xmx512m job out of memory
		// here)
		this.jdbi.useTransaction((handle) -> handle.attach(BoardReviewDao.class)
			.actionSet(period.start(), period.end(), (action) -> digest
				.update((action.id() + "\t" + action.hash() + "\n").getBytes(StandardCharsets.UTF_8))));
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		return Sha256.newDigest();
	}

}
