package org.envelopereview.action.cloudtrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.envelopereview.action.Action;
import org.envelopereview.action.ActionFields;
import org.envelopereview.action.RejectedRecord;
import org.envelopereview.action.SourceRecord;

/**
 * Maps one AWS CloudTrail event onto canonical actions: one per permission, route, NACL
 * entry, DNS record or listener the request names. Keeps, for the rest of its file, the
 * envelope id that AssumeRole session tags gave to the access keys they issued.
 */
public final class CloudTrailMapper {

	/** The provider of SPEC §7 that every CloudTrail action names. */
	public static final String PROVIDER = "aws";

	/** The session tag (on AssumeRole) that names the envelope. */
	static final String ENVELOPE_TAG = "envelope-id";

	private final Map<String, String> roleEnvelopes;

	private final Map<String, String> sessionEnvelopes = new HashMap<>();

	private final Set<String> matchedMappings = new TreeSet<>();

	public CloudTrailMapper(Map<String, String> roleEnvelopes) {
		this.roleEnvelopes = roleEnvelopes;
	}

	/**
	 * The names of {@code roleEnvelopes} that a reviewed event's role or IAM user had so
	 * far (whether or not a session tag took precedence), so that ingest can warn about a
	 * mapping that matched nothing.
	 */
	public Set<String> matchedMappings() {
		return Collections.unmodifiableSet(this.matchedMappings);
	}

	/** A change the request makes, before it becomes an action. */
	record Change(String type, String resource, String protocol, String ports, String cidr) {

	}

	/**
	 * The event's actions, or an empty list when it is not a reviewed change (the caller
	 * counts it as skipped or not reviewed).
	 * @throws RejectedRecord when the event cannot be mapped
	 */
	List<SourceRecord> map(JsonNode event, long line, String raw) {
		String name = text(event, "eventName");
		if (name == null) {
			throw new RejectedRecord("missing eventName: not a CloudTrail event", null, null);
		}
		if ("AssumeRole".equals(name)) {
			rememberSessionTags(event);
		}
		CloudTrailEvents.Mapping mapping = CloudTrailEvents.forEvent(name, text(event, "eventSource"));
		if (mapping == null) {
			return List.of();
		}
		List<Change> changes = mapping.changes(event);
		if (changes.isEmpty()) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		String eventId = text(event, "eventID");
		String eventTime = text(event, "eventTime");
		Instant occurredAt = ActionFields.timestamp("eventTime", eventTime, problems);
		if (eventId == null) {
			problems.add("missing eventID");
		}
		if (eventTime == null) {
			problems.add("missing eventTime");
		}
		JsonNode identity = event.path("userIdentity");
		String agent = agent(identity);
		if (agent == null) {
			problems.add("missing agent: userIdentity has no assumed-role session, user name or principal");
		}
		for (int i = 0; i < changes.size(); i++) {
			Change change = changes.get(i);
			List<String> changeProblems = new ArrayList<>();
			ActionFields.checkCidr(ActionFields.providerCidr(change.cidr()), changeProblems);
			ActionFields.checkPorts(change.ports(), changeProblems);
			ActionFields.checkText("resource", change.resource(), changeProblems);
			ActionFields.checkText("protocol", change.protocol(), changeProblems);
			String where = (changes.size() > 1) ? " (change " + (i + 1) + " of " + changes.size() + ")" : "";
			changeProblems.forEach((problem) -> problems.add(problem + where));
		}
		String errorCode = text(event, "errorCode");
		String region = text(event, "awsRegion");
		ActionFields.checkText("agent", agent, problems);
		ActionFields.checkText("region", region, problems);
		ActionFields.checkText("errorCode", errorCode, problems);
		if (eventId != null) {
			ActionFields.checkText("id", eventId + ((changes.size() > 1) ? "#" + changes.size() : ""), problems);
		}
		String envelope = envelope(identity);
		ActionFields.checkText("envelope", envelope, problems);
		String principal = principal(identity);
		String account = account(event, identity);
		ActionFields.checkText("principal", principal, problems);
		ActionFields.checkText("account", account, problems);
		ActionFields.checkText("providerEventId", eventId, problems);
		if (!problems.isEmpty()) {
			throw new RejectedRecord(name + ": " + String.join("; ", problems), eventId, occurredAt);
		}
		Action.Outcome outcome = (errorCode != null) ? Action.Outcome.FAILED : Action.Outcome.SUCCEEDED;
		Action.Provenance provenance = new Action.Provenance(PROVIDER, principal, account, eventId,
				ActionFields.userAgent(text(event, "userAgent")),
				ActionFields.sourceIp(text(event, "sourceIPAddress")));
		List<SourceRecord> records = new ArrayList<>(changes.size());
		for (int i = 0; i < changes.size(); i++) {
			Change change = changes.get(i);
			String id = (changes.size() == 1) ? eventId : eventId + "#" + (i + 1);
			String cidr = ActionFields.providerCidr(change.cidr());
			String recordedCidr = (cidr != null && !cidr.equals(change.cidr())) ? change.cidr() : null;
			Action action = new Action(id, occurredAt, agent, null, envelope, change.type(), change.resource(), region,
					change.protocol(), change.ports(), cidr, Action.Rationale.NONE, Action.ApprovalRecord.NONE, null,
					null, null, outcome, errorCode, 0, null, null, recordedCidr, provenance);
			records.add(new SourceRecord(action, false, line, raw));
		}
		return records;
	}

	/**
	 * The agent is the assumed-role session name; for an IAM user, the user name.
	 */
	static String agent(JsonNode identity) {
		String type = text(identity, "type");
		String arn = text(identity, "arn");
		if ("IAMUser".equals(type) && text(identity, "userName") != null) {
			return text(identity, "userName");
		}
		if ("Root".equals(type)) {
			return "root";
		}
		if ("AWSService".equals(type)) {
			return text(identity, "invokedBy");
		}
		if (arn != null && arn.contains("/")) {
			return arn.substring(arn.lastIndexOf('/') + 1);
		}
		String principal = text(identity, "principalId");
		if (principal != null && principal.contains(":")) {
			return principal.substring(principal.indexOf(':') + 1);
		}
		return text(identity, "userName");
	}

	/**
	 * The provider's actor that envelopes name in {@code principals}: for an assumed role
	 * the role's ARN (the session name is the agent), otherwise the identity's ARN.
	 */
	static String principal(JsonNode identity) {
		JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
		String issuerArn = text(issuer, "arn");
		if (issuerArn != null && "Role".equals(text(issuer, "type"))) {
			return issuerArn;
		}
		String arn = text(identity, "arn");
		return (arn != null) ? arn : issuerArn;
	}

	/** The account that owns the changed resource, else the caller's. */
	static String account(JsonNode event, JsonNode identity) {
		String recipient = text(event, "recipientAccountId");
		return (recipient != null) ? recipient : text(identity, "accountId");
	}

	private String envelope(JsonNode identity) {
		String mapped = mappedName(identity);
		String mapping = (mapped != null) ? this.roleEnvelopes.get(mapped) : null;
		if (mapping != null) {
			this.matchedMappings.add(mapped);
		}
		String accessKey = text(identity, "accessKeyId");
		if (accessKey != null && this.sessionEnvelopes.containsKey(accessKey)) {
			return this.sessionEnvelopes.get(accessKey);
		}
		String arn = text(identity, "arn");
		if (arn != null && this.sessionEnvelopes.containsKey(arn)) {
			return this.sessionEnvelopes.get(arn);
		}
		return mapping;
	}

	/**
	 * The name a configured mapping ({@code review.ingest.role-envelopes.<name>}) is
	 * looked up by: the IAM role behind an assumed-role identity, else an IAM user's
	 * name.
	 */
	static String mappedName(JsonNode identity) {
		String role = roleName(identity);
		if (role != null) {
			return role;
		}
		return "IAMUser".equals(text(identity, "type")) ? text(identity, "userName") : null;
	}

	/** The IAM role behind an assumed-role identity. */
	static String roleName(JsonNode identity) {
		String issuer = text(identity.path("sessionContext").path("sessionIssuer"), "userName");
		if (issuer != null) {
			return issuer;
		}
		String arn = text(identity, "arn");
		if (arn != null && arn.contains(":assumed-role/")) {
			String path = arn.substring(arn.indexOf(":assumed-role/") + ":assumed-role/".length());
			int slash = path.indexOf('/');
			return (slash >= 0) ? path.substring(0, slash) : path;
		}
		return null;
	}

	/**
	 * An AssumeRole call tagged {@code envelope-id} hands that envelope to the session it
	 * creates, recognised later by its access key and its assumed-role ARN.
	 */
	private void rememberSessionTags(JsonNode event) {
		if (text(event, "errorCode") != null) {
			return;
		}
		String envelope = null;
		for (JsonNode tag : event.path("requestParameters").path("tags")) {
			if (ENVELOPE_TAG.equalsIgnoreCase(text(tag, "key"))) {
				envelope = text(tag, "value");
			}
		}
		if (envelope == null) {
			return;
		}
		JsonNode response = event.path("responseElements");
		String accessKey = text(response.path("credentials"), "accessKeyId");
		if (accessKey != null) {
			this.sessionEnvelopes.put(accessKey, envelope);
		}
		String arn = text(response.path("assumedRoleUser"), "arn");
		if (arn != null) {
			this.sessionEnvelopes.put(arn, envelope);
		}
	}

	/** A field's text, or {@code null} when absent, JSON null or empty. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isEmpty() ? null : text;
	}

}
