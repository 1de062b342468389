package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.decision.BoardDecisionChecks;
import org.envelopereview.decision.UndecidedRequest;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.period.Period;

import org.springframework.stereotype.Component;

/**
 * DEC-UNDECIDED: the previous period's pack asked the board to decide on an envelope, and
 * no decision (not even a deferral) was recorded by this period's end.
 */
@Component
class UndecidedRule implements DecisionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.DEC_UNDECIDED);
	}

	@Override
	public void evaluate(BoardDecisionChecks checks, Period period, Consumer<Breach> breaches) {
		for (UndecidedRequest request : checks.undecided()) {
			breaches.accept(Breach.of(FindingCode.DEC_UNDECIDED)
				.envelope(request.envelopeId())
				.board(request.boardId())
				.about(request.period())
				.evidence("requestedIn", request.period() + " run " + request.runNumber())
				.evidence("reasons", String.join(", ", request.reasons()))
				.evidence("decidedBy", period.end().toString())
				.explain("the " + request.period() + " pack (run " + request.runNumber() + ") asked "
						+ request.boardId() + " to re-approve, revise or retire " + request.envelopeId() + " ("
						+ String.join(", ", request.reasons()) + "); no decision was recorded by the end of "
						+ period.label()));
		}
	}

}
