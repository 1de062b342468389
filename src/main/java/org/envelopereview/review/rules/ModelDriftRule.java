package org.envelopereview.review.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.scope.ModelVersionUse;
import org.envelopereview.review.scope.ScopeMatcher;

import org.springframework.stereotype.Component;

/**
 * ENV-MODEL-DRIFT: the period's actions ran a model version the envelope does not list,
 * or one first seen anywhere in the history after the envelope's last review.
 */
@Component
class ModelDriftRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_MODEL_DRIFT);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		Instant reviewed = (envelope.review() != null && envelope.review().lastReviewedAt() != null)
				? Wording.startOfDay(envelope.review().lastReviewedAt()) : null;
		for (ModelVersionUse use : context.modelVersions()) {
			List<String> reasons = new ArrayList<>();
			if (envelope.modelVersions() != null
					&& !ScopeMatcher.anyGlobMatches(envelope.modelVersions(), use.version())) {
				reasons.add("not listed (allowed: " + ScopeMatcher.describe(envelope.modelVersions(), (m) -> m) + ")");
			}
			if (reviewed != null && use.firstSeen() != null && use.firstSeen().isAfter(reviewed)) {
				reasons.add("first seen " + use.firstSeen() + ", after the last review on "
						+ envelope.review().lastReviewedAt());
			}
			if (reasons.isEmpty()) {
				continue;
			}
			breaches.accept(Breach.of(FindingCode.ENV_MODEL_DRIFT)
				.envelope(envelope.id())
				.about(use.version())
				.evidence("modelVersion", use.version())
				.evidence("firstSeen", use.firstSeen())
				.evidence("lastReviewedAt", (envelope.review() != null) ? envelope.review().lastReviewedAt() : null)
				.evidence("allowed.modelVersions",
						(envelope.modelVersions() != null) ? ScopeMatcher.describe(envelope.modelVersions(), (m) -> m)
								: null)
				.explain(envelope.id() + ": model version " + use.version() + " ran in " + context.period().label()
						+ " — " + String.join("; ", reasons)));
		}
	}

}
