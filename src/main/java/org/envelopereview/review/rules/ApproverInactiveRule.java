package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.ActionFields;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;

import org.springframework.stereotype.Component;

/**
 * ENV-APPROVER-INACTIVE: the envelope's approver or last reviewer is not an active
 * approver in the directory at period end; one finding per role.
 */
@Component
class ApproverInactiveRule implements EnvelopeRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.ENV_APPROVER_INACTIVE);
	}

	@Override
	public void evaluate(Envelope envelope, EnvelopeContext context, Consumer<Breach> breaches) {
		if (envelope.approval() != null) {
			check(envelope, "approver", envelope.approval().approver(), context, breaches);
		}
		if (envelope.review() != null) {
			check(envelope, "lastReviewedBy", envelope.review().lastReviewedBy(), context, breaches);
		}
	}

	private void check(Envelope envelope, String role, String email, EnvelopeContext context,
			Consumer<Breach> breaches) {
		String person = ActionFields.blankToNull(email);
		if (person == null || context.directory().isActiveApprover(person, context.period().lastInstant())) {
			return;
		}
		String status = context.directory()
			.approver(person)
			.map((approver) -> (approver.activeUntil() != null) ? "active only until " + approver.activeUntil()
					: "active only from " + approver.activeFrom())
			.orElse("not in the approver directory");
		breaches.accept(Breach.of(FindingCode.ENV_APPROVER_INACTIVE)
			.envelope(envelope.id())
			.about(role)
			.evidence(role, person)
			.evidence("directoryStatus", status)
			.explain(envelope.id() + ": " + role + " " + person + " is " + status + " — not active at the end of "
					+ context.period().label()));
	}

}
