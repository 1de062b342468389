package org.envelopereview.action.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.SourceRecord;

/**
 * What a provider's log says of one change, whatever the provider: the operation, who
 * made it as whom, where, when and with what outcome, and the changes it made. Becomes
 * one action per change (SPEC §7), checked as CloudTrail's are.
 *
 * @param eventId the provider's id of the change (an entry's id, or the operation's when
 * its begin and end entries are one change)
 * @param errorCode why the change failed, or {@code null} when it took effect
 */
public record ProviderEvent(String provider, String name, String eventId, String time, String agent, String principal,
		String account, String region, String errorCode, String userAgent, String sourceIp,
		List<ProviderChange> changes) {

	/** The time, or {@code null} when there is none or it cannot be read. */
	public Instant occurredAt() {
		return ActionFields.timestamp("time", this.time, new ArrayList<>());
	}

	/**
	 * One action per change, ids {@code eventId#1…} when there are several.
	 * @throws RejectedRecord when a field cannot be stored
	 */
	public List<SourceRecord> actions(String timeField, long line, String raw) {
		List<String> problems = new ArrayList<>();
		Instant occurredAt = ActionFields.timestamp(timeField, this.time, problems);
		if (this.eventId == null) {
			problems.add("missing event id");
		}
		if (this.time == null) {
			problems.add("missing " + timeField);
		}
		if (this.agent == null) {
			problems.add("missing agent: no caller or principal");
		}
		for (int i = 0; i < this.changes.size(); i++) {
			ProviderChange change = this.changes.get(i);
			List<String> changeProblems = new ArrayList<>();
			ActionFields.checkCidr(ActionFields.providerCidr(change.cidr()), changeProblems);
			ActionFields.checkPorts(change.ports(), changeProblems);
			ActionFields.checkText("resource", change.resource(), changeProblems);
			ActionFields.checkText("protocol", change.protocol(), changeProblems);
			String where = (this.changes.size() > 1) ? " (change " + (i + 1) + " of " + this.changes.size() + ")" : "";
			changeProblems.forEach((problem) -> problems.add(problem + where));
		}
		ActionFields.checkText("agent", this.agent, problems);
		ActionFields.checkText("region", this.region, problems);
		ActionFields.checkText("errorCode", this.errorCode, problems);
		if (this.eventId != null) {
			ActionFields.checkText("id", this.eventId + ((this.changes.size() > 1) ? "#" + this.changes.size() : ""),
					problems);
		}
		ActionFields.checkText("principal", this.principal, problems);
		ActionFields.checkText("account", this.account, problems);
		ActionFields.checkText("providerEventId", this.eventId, problems);
		if (!problems.isEmpty()) {
			throw new RejectedRecord(this.name + ": " + String.join("; ", problems), this.eventId, occurredAt);
		}
		Action.Outcome outcome = (this.errorCode != null) ? Action.Outcome.FAILED : Action.Outcome.SUCCEEDED;
		Action.Provenance provenance = new Action.Provenance(this.provider, this.principal, this.account, this.eventId,
				ActionFields.userAgent(this.userAgent), ActionFields.sourceIp(this.sourceIp));
		List<SourceRecord> records = new ArrayList<>(this.changes.size());
		for (int i = 0; i < this.changes.size(); i++) {
			ProviderChange change = this.changes.get(i);
			String id = (this.changes.size() == 1) ? this.eventId : this.eventId + "#" + (i + 1);
			String cidr = ActionFields.providerCidr(change.cidr());
			String recordedCidr = (cidr != null && !cidr.equals(change.cidr())) ? change.cidr() : null;
			Action action = new Action(id, occurredAt, this.agent, null, null, change.type(), change.resource(),
					this.region, change.protocol(), change.ports(), cidr, Action.Rationale.NONE,
					Action.ApprovalRecord.NONE, null, null, null, outcome, this.errorCode, 0, null, null, recordedCidr,
					provenance);
			records.add(new SourceRecord(action, false, line, raw));
		}
		return records;
	}

	/**
	 * The agent's name from a principal: the local part of an email (a service account or
	 * a user), else the principal itself.
	 */
	public static String agentOf(String principal) {
		if (principal == null) {
			return null;
		}
		int at = principal.indexOf('@');
		return (at > 0) ? principal.substring(0, at) : principal;
	}

}
