package org.envelopereview.review.rules;

import java.time.Instant;
import java.util.Optional;

import org.envelopereview.action.Action;
import org.envelopereview.envelope.BoardDirectory;
import org.envelopereview.envelope.Envelope;
import org.envelopereview.period.Period;
import org.envelopereview.review.scope.ScopeMatcher;

/**
 * What an action rule may consult about one action.
 */
public final class ActionContext {

	private final Period period;

	private final Envelope envelope;

	private final BoardDirectory directory;

	private final Instant revertedAt;

	private final Reconciliation reconciliation;

	/**
	 * Several rules ask for the best-fitting class of the same action: matched once (not
	 * a record for this reason; evaluated per action, so no thread shares it).
	 */
	private Action fitted;

	private Optional<ScopeMatcher.Fit> fit;

	/**
	 * @param envelope the valid envelope the action names, or {@code null} when it names
	 * none, an unknown one or one whose file is invalid
	 * @param revertedAt when the first successful action reverting this one happened, or
	 * {@code null}
	 */
	public ActionContext(Period period, Envelope envelope, BoardDirectory directory, Instant revertedAt) {
		this(period, envelope, directory, revertedAt, Reconciliation.NONE);
	}

	/**
	 * @param reconciliation how the action's agent and provider records were reconciled
	 * (SPEC §7)
	 */
	public ActionContext(Period period, Envelope envelope, BoardDirectory directory, Instant revertedAt,
			Reconciliation reconciliation) {
		this.period = period;
		this.envelope = envelope;
		this.directory = directory;
		this.revertedAt = revertedAt;
		this.reconciliation = (reconciliation != null) ? reconciliation : Reconciliation.NONE;
	}

	Period period() {
		return this.period;
	}

	Envelope envelope() {
		return this.envelope;
	}

	BoardDirectory directory() {
		return this.directory;
	}

	Instant revertedAt() {
		return this.revertedAt;
	}

	Reconciliation reconciliation() {
		return this.reconciliation;
	}

	boolean hasEnvelope() {
		return this.envelope != null;
	}

	public boolean inPeriod(Action action) {
		return this.period.contains(action.occurredAt());
	}

	/**
	 * The class of the envelope the action is judged against, if its type is authorized.
	 */
	Optional<ScopeMatcher.Fit> bestFit(Action action) {
		if (!hasEnvelope()) {
			return Optional.empty();
		}
		if (this.fitted != action) {
			this.fit = ScopeMatcher.bestFit(this.envelope, action);
			this.fitted = action;
		}
		return this.fit;
	}

	/**
	 * The action's tier: its class's, or the envelope's default when its type is not
	 * authorized; empty without an envelope.
	 */
	Optional<Integer> tier(Action action) {
		if (!hasEnvelope()) {
			return Optional.empty();
		}
		return Optional.of(bestFit(action).map((fit) -> fit.actionClass().tier()).orElse(this.envelope.tier()));
	}

	boolean approverActiveAt(String approver, Instant at) {
		return approver != null && !approver.isBlank() && this.directory.isActiveApprover(approver.trim(), at);
	}

}
