package org.envelopereview.review.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;

import org.envelopereview.decision.BoardDecisionChecks;
import org.envelopereview.decision.DecisionChecks;
import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.envelope.EnvelopeCatalog;
import org.envelopereview.envelope.EnvelopeFile;
import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.FindingStore;
import org.envelopereview.finding.StoredFinding;
import org.envelopereview.period.Period;
import org.envelopereview.review.rules.DecisionRule;
import org.envelopereview.review.rules.EnvelopeContext;
import org.envelopereview.review.rules.EnvelopeRule;
import org.envelopereview.review.rules.InvalidEnvelopeRule;
import org.envelopereview.review.rules.UnknownEnvelopeRule;
import org.envelopereview.review.rules.UnknownEnvelopeRule.UnknownEnvelopeUse;
import org.envelopereview.review.recommend.EnvelopeRecommender;
import org.envelopereview.review.recommend.Recommendation;
import org.envelopereview.review.recommend.Recommendations;
import org.envelopereview.review.run.FindingRouter;
import org.envelopereview.review.run.ReviewRuns;
import org.envelopereview.review.run.RunInputs;
import org.envelopereview.review.scope.ExercisedScope;
import org.envelopereview.review.scope.PeriodMeasurements;
import org.envelopereview.review.scope.ScopeMeasurement;
import org.envelopereview.review.scope.ScopeMeasurer;

import org.springframework.stereotype.Component;

/**
 * Measures every envelope of the run, stores the measurements for the next period, and
 * turns envelopes into ENV-* and EXP-* findings and a recommendation each, and the
 * boards' recorded decisions into DEC-* findings.
 */
@Component
class EnvelopeAssessment {

	private final List<EnvelopeRule> rules;

	private final List<DecisionRule> decisionRules;

	private final DecisionChecks decisions;

	/**
	 * The codes this assessment owns: its rules' and ENV-UNKNOWN, ENV-INVALID; a
	 * re-executed assessment replaces them as a whole.
	 */
	private final Set<FindingCode> codes;

	private final ScopeMeasurer measurer;

	private final ReviewRuns runs;

	private final FindingStore store;

	private final FindingRouter router;

	private final Jdbi jdbi;

	private final EnvelopeRecommender recommender;

	private final Recommendations recommendations;

	EnvelopeAssessment(List<EnvelopeRule> rules, List<DecisionRule> decisionRules, DecisionChecks decisions,
			ScopeMeasurer measurer, ReviewRuns runs, FindingStore store, FindingRouter router, Jdbi jdbi,
			EnvelopeRecommender recommender, Recommendations recommendations) {
		this.rules = List.copyOf(rules);
		this.decisionRules = List.copyOf(decisionRules);
		this.decisions = decisions;
		this.codes = EnumSet.of(UnknownEnvelopeRule.CODE, InvalidEnvelopeRule.CODE);
		this.rules.forEach((rule) -> this.codes.addAll(rule.codes()));
		this.decisionRules.forEach((rule) -> this.codes.addAll(rule.codes()));
		this.measurer = measurer;
		this.runs = runs;
		this.store = store;
		this.router = router;
		this.jdbi = jdbi;
		this.recommender = recommender;
		this.recommendations = recommendations;
	}

	/** Assesses the run's envelopes; returns how many findings it stored. */
	int assess(RunInputs inputs) {
		this.store.deleteCodes(inputs.runId(), this.codes);
		Period period = inputs.period();
		List<Breach> breaches = new ArrayList<>();
		List<ExercisedScope> scopes = new ArrayList<>();
		List<String> measured = new ArrayList<>();
		List<Recommendation> recommended = new ArrayList<>();
		List<Envelope> envelopes = inputs.catalog()
			.envelopes()
			.stream()
			.filter((envelope) -> inputs.includesBoard(envelope.boardId()))
			.toList();
		Map<String, ScopeMeasurement> stored = this.runs.completedMeasurements(period.previous().label());
		PeriodMeasurements measurements = measure(envelopes, period, stored);
		for (Envelope envelope : envelopes) {
			ScopeMeasurer.Measured measuredNow = measurements.current(envelope.id());
			ExercisedScope current = measuredNow.exercised();
			EnvelopeContext context = new EnvelopeContext(period, inputs.catalog().directory(), current,
					previous(envelope.id(), stored, measurements), measurements.attempts(envelope.id()),
					measurements.modelVersions(envelope.id()));
			int first = breaches.size();
			for (EnvelopeRule rule : this.rules) {
				rule.evaluate(envelope, context, breaches::add);
			}
			recommended.add(this.recommender.recommend(envelope, period, context.directory(), context.attempts(),
					measuredNow.use(), List.copyOf(breaches.subList(first, breaches.size())),
					measurements.history(envelope.id())));
			scopes.add(current);
			measured.add(envelope.id());
		}
		this.runs.saveSnapshots(inputs.runId(), scopes, measured);
		this.recommendations.save(inputs.runId(), recommended);
		Map<String, UnknownEnvelopeUse> used = envelopesUsed(inputs.period());
		unknownEnvelopes(inputs.catalog(), used, inputs.period(), breaches::add);
		invalidFiles(inputs.catalog(), used, inputs.shownEnvelopesDir(), breaches::add);
		checkDecisions(inputs, breaches::add);
		List<StoredFinding> findings = breaches.stream()
			.flatMap((breach) -> this.router.route(breach, inputs).stream())
			.toList();
		this.store.insert(inputs.runId(), findings);
		return findings.size();
	}

	/**
	 * Measures the envelopes in one pass over the actions their questions span: the
	 * period, the previous period of those no completed run measured, the
	 * recommendations' look-back and the periods whose attempts they may ask.
	 */
	private PeriodMeasurements measure(List<Envelope> envelopes, Period period, Map<String, ScopeMeasurement> stored) {
		Map<String, Instant> lookBackFrom = new HashMap<>();
		Set<String> withPrevious = new HashSet<>();
		for (Envelope envelope : envelopes) {
			lookBackFrom.put(envelope.id(), this.recommender.lookBack(envelope, period).from());
			if (!stored.containsKey(envelope.id())) {
				withPrevious.add(envelope.id());
			}
		}
		return this.measurer.measureAll(period, lookBackFrom, withPrevious,
				this.recommender.earliestPeriodAsked(period), this.measurer.firstSeen());
	}

	/**
	 * The previous period as the latest completed run stored it; when no run measured it,
	 * measured now from the stored actions, so the first run has a baseline too.
	 */
	private static ScopeMeasurement previous(String envelopeId, Map<String, ScopeMeasurement> stored,
			PeriodMeasurements measurements) {
		ScopeMeasurement measurement = stored.get(envelopeId);
		return (measurement != null) ? measurement : measurements.previous(envelopeId).measurement();
	}

	/**
	 * Checks each board's recorded decisions (DEC-*) and stores what it found for the
	 * packs' "Decisions since the last review".
	 */
	private void checkDecisions(RunInputs inputs, Consumer<Breach> breaches) {
		List<BoardDecisionChecks> boards = new ArrayList<>();
		for (Board board : inputs.catalog().directory().boards()) {
			if (inputs.includesBoard(board.id())) {
				BoardDecisionChecks checks = this.decisions.check(inputs.period(), board.id(), inputs.catalog(),
						inputs.envelopesDir());
				this.decisionRules.forEach((rule) -> rule.evaluate(checks, inputs.period(), breaches));
				boards.add(checks);
			}
		}
		this.decisions.save(inputs.runId(), boards);
	}

	/** Every envelope id the period's actions name, with how they used it. */
	private Map<String, UnknownEnvelopeUse> envelopesUsed(Period period) {
		Map<String, UnknownEnvelopeUse> used = new LinkedHashMap<>();
		this.jdbi.withExtension(PeriodActionsDao.class, (dao) -> dao.envelopesUsed(period.start(), period.end()))
			.forEach((use) -> used.put(use.envelopeId(), use));
		return used;
	}

	/** Ids that no file declares; ids of invalid files are reported by ENV-INVALID. */
	private static void unknownEnvelopes(EnvelopeCatalog catalog, Map<String, UnknownEnvelopeUse> used, Period period,
			Consumer<Breach> breaches) {
		Set<String> declared = catalog.files()
			.stream()
			.map(EnvelopeFile::envelopeId)
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		catalog.envelopes().forEach((envelope) -> declared.add(envelope.id()));
		used.values()
			.stream()
			.filter((use) -> !declared.contains(use.envelopeId()))
			.forEach((use) -> breaches.accept(UnknownEnvelopeRule.breach(use, period)));
	}

	private static void invalidFiles(EnvelopeCatalog catalog, Map<String, UnknownEnvelopeUse> used, Path envelopesDir,
			Consumer<Breach> breaches) {
		Map<String, List<EnvelopeProblem>> byFile = new LinkedHashMap<>();
		for (EnvelopeProblem problem : catalog.problems()) {
			Path name = Path.of(problem.file()).getFileName();
			byFile.computeIfAbsent((name != null) ? name.toString() : problem.file(), (key) -> new ArrayList<>())
				.add(problem);
		}
		byFile.forEach((fileName, problems) -> {
			EnvelopeFile file = catalog.files()
				.stream()
				.filter((candidate) -> candidate.fileName().equals(fileName))
				.findFirst()
				// a file that could not even be listed as read (e.g. a missing
				// boards.yaml)
				.orElse(new EnvelopeFile(fileName, "", "", false, null, null));
			long actions = (file.envelopeId() != null && used.containsKey(file.envelopeId()))
					? used.get(file.envelopeId()).actions() : 0;
			breaches.accept(InvalidEnvelopeRule.breach(file, problems, envelopesDir, actions));
		});
	}

}
