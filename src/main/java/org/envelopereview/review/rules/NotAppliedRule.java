package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.decision.BoardDecisionChecks;
import org.envelopereview.decision.CheckedDecision;
import org.envelopereview.decision.Decision;
import org.envelopereview.decision.DecisionKind;
import org.envelopereview.decision.DecisionStatus;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.finding.Severity;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * DEC-NOT-APPLIED: a recorded decision is not carried out although its due date has
 * passed; critical for a retire, whose envelope still lets agents act.
 */
@Component
class NotAppliedRule implements DecisionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.DEC_NOT_APPLIED);
	}

	@Override
	public void evaluate(BoardDecisionChecks checks, Period period, Consumer<Breach> breaches) {
		for (CheckedDecision check : checks.checked()) {
			if (check.status() != DecisionStatus.NOT_APPLIED) {
				continue;
			}
			Decision decision = check.recorded().decision();
			breaches.accept(Breach.of(FindingCode.DEC_NOT_APPLIED)
				.severity((decision.kind() == DecisionKind.RETIRE) ? Severity.CRITICAL
						: FindingCode.DEC_NOT_APPLIED.defaultSeverity())
				.envelope(decision.envelopeId())
				.board(check.recorded().boardId())
				.about(check.recorded().period())
				.evidence("decision", decision.kind().label())
				.evidence("decidedBy", decision.decidedBy())
				.evidence("decidedAt", decision.decidedAt())
				.evidence("dueDate", decision.dueDate())
				.evidence("decidedOn", check.recorded().period() + " pack")
				.evidence("requiredChange", decision.requiredChange())
				.evidence("actionAfterDueDate", check.actionId())
				.explain(check.recorded().boardId() + " decided on " + decision.decidedAt() + " to "
						+ decision.kind().label() + " " + decision.envelopeId() + " by " + decision.dueDate()
						+ "; not applied: " + check.detail()));
		}
	}

}
