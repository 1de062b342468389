package org.envelopereview.review.rules;

import java.util.Set;
import java.util.function.Consumer;

import org.envelopereview.action.Action;
import org.envelopereview.finding.Breach;
import org.envelopereview.finding.FindingCode;
import org.envelopereview.review.scope.ScopeViolation;

import org.springframework.stereotype.Component;

/**
 * OOS-RESOURCE, OOS-CIDR, OOS-PORT, OOS-PROTOCOL and OOS-REGION: the action lies outside
 * the scope of the class it fits best, one finding per dimension.
 */
@Component
class ScopeRule implements ActionRule {

	@Override
	public Set<FindingCode> codes() {
		return Set.of(FindingCode.OOS_RESOURCE, FindingCode.OOS_CIDR, FindingCode.OOS_PORT, FindingCode.OOS_PROTOCOL,
				FindingCode.OOS_REGION);
	}

	@Override
	public void evaluate(Action action, ActionContext context, Consumer<Breach> breaches) {
		context.bestFit(action).ifPresent((fit) -> {
			for (ScopeViolation violation : fit.violations()) {
				breaches.accept(Wording.withAction(Breach.of(violation.code()), action)
					.about(violation.dimension())
					.evidence("region", action.region())
					.evidence("allowed." + violation.dimension(), violation.allowed())
					.explain(Wording.lead(action) + what(action, violation) + " — envelope " + context.envelope().id()
							+ " allows only " + violation.allowed() + " for " + action.type()));
			}
		});
	}

	private static String what(Action action, ScopeViolation violation) {
		String resource = Wording.valueOrNone(action.resource());
		String opened = Wording.failed(action) ? " would have opened " : " opened ";
		return switch (violation.code()) {
			case OOS_CIDR ->
				resource + opened + violation.actual() + ((action.ports() != null) ? ":" + action.ports() : "");
			case OOS_PORT -> resource + opened + "port " + violation.actual();
			case OOS_PROTOCOL ->
				resource + (Wording.failed(action) ? " would have used" : " used") + " protocol " + violation.actual();
			case OOS_REGION -> action.type() + " in region " + violation.actual();
			default -> action.type() + " on resource " + violation.actual();
		};
	}

}
