package org.envelopereview.generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.envelopereview.period.Period;

/**
 * The AWS CloudTrail trail of one agent's security-group changes, written beside the
 * native history as a CloudTrail {@code {"Records":[…]}} file: each change the agent
 * records names its event ({@code providerEventId}), so the review reconciles the two
 * (SPEC §7). With deviations, each quarter also holds one change the trail saw and the
 * agent did not report, one agent claim the trail does not contain, and the agent's role
 * stopping the trail.
 */
final class ProviderTrail {

	static final String ACCOUNT = "111122223333";

	static final String TRAIL = "org-audit-trail";

	private static final Set<String> TRAILED_TYPES = Set.of("security_group.ingress.add",
			"security_group.ingress.remove");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Writer out;

	private final String agent;

	private final String role;

	private final boolean deviations;

	private boolean first = true;

	private Instant unconfirmedFrom;

	private long events;

	private Map<String, Object> lastChange;

	/**
	 * @param agent the agent whose changes the trail records, as the session name of the
	 * role of the same name
	 * @param deviations whether to add the reconciliation deviations of each quarter
	 */
	ProviderTrail(Writer out, String agent, boolean deviations) throws IOException {
		this.out = out;
		this.agent = agent;
		this.role = "arn:aws:iam::" + ACCOUNT + ":role/" + agent;
		this.deviations = deviations;
		out.write("{\"Records\":[\n");
	}

	/** The role the agent acts as, for the envelope's {@code principals}. */
	String role() {
		return this.role;
	}

	/**
	 * Starts a quarter: with deviations, the agent's first trailed change after its 50th
	 * day is a claim the trail does not contain.
	 */
	void startQuarter(Period quarter) {
		this.unconfirmedFrom = this.deviations ? quarter.start().plus(Duration.ofDays(50)) : null;
	}

	/**
	 * Records the agent's change in the trail and names its event on the agent's record;
	 * other records pass unchanged.
	 */
	GeneratedAction record(GeneratedAction action) throws IOException {
		Map<String, Object> fields = action.fields();
		if (!this.agent.equals(fields.get("agent")) || !TRAILED_TYPES.contains(fields.get("type"))
				|| fields.get("outcome") != null) {
			return action;
		}
		this.lastChange = fields;
		String eventId = eventId("change:" + action.id());
		if (this.unconfirmedFrom != null && !action.occurredAt().isBefore(this.unconfirmedFrom)) {
			this.unconfirmedFrom = null;
		}
		else {
			write(securityGroupEvent(eventId, action.occurredAt(), fields, this.agent));
		}
		return action.with("providerEventId", eventId).with("account", ACCOUNT);
	}

	/**
	 * A change made as the agent's role from an instance session that no agent record
	 * reports: an SSH rule from the internet on the group the agent changed last.
	 */
	void unreportedChange(Instant at) throws IOException {
		if (this.lastChange == null) {
			return;
		}
		Map<String, Object> fields = Map.of("type", "security_group.ingress.add", "resource",
				this.lastChange.get("resource"), "region", this.lastChange.get("region"), "protocol", "tcp", "ports",
				"22", "cidr", "0.0.0.0/0");
		write(securityGroupEvent(eventId("unreported:" + at), at, fields, "i-0c5e7a1f9b2d4e6a8"));
	}

	/** The agent's role stops the organisation's trail, and starts it again. */
	void trailStopped(Instant at) throws IOException {
		if (this.lastChange == null) {
			return;
		}
		String region = (String) this.lastChange.get("region");
		for (String name : new String[] { "StopLogging", "StartLogging" }) {
			ObjectNode event = envelopeOf(eventId(name + ":" + at), at, "cloudtrail.amazonaws.com", name, region,
					this.agent);
			event.putObject("requestParameters")
				.put("name", "arn:aws:cloudtrail:" + region + ":" + ACCOUNT + ":trail/" + TRAIL);
			event.putNull("responseElements");
			write(event);
			at = at.plus(Duration.ofMinutes(47));
		}
	}

	/** Closes the file's JSON; returns how many events it holds. */
	long finish() throws IOException {
		this.out.write("\n]}\n");
		return this.events;
	}

	private ObjectNode securityGroupEvent(String eventId, Instant at, Map<String, Object> fields, String session) {
		boolean add = "security_group.ingress.add".equals(fields.get("type"));
		String region = (String) fields.get("region");
		ObjectNode event = envelopeOf(eventId, at, "ec2.amazonaws.com",
				add ? "AuthorizeSecurityGroupIngress" : "RevokeSecurityGroupIngress", region, session);
		ObjectNode request = event.putObject("requestParameters");
		request.put("groupId", (String) fields.get("resource"));
		ObjectNode permission = request.putObject("ipPermissions").putArray("items").addObject();
		permission.put("ipProtocol", (String) fields.get("protocol"));
		String ports = (String) fields.get("ports");
		if (ports != null) {
			String[] range = ports.split("-");
			permission.put("fromPort", Integer.parseInt(range[0]));
			permission.put("toPort", Integer.parseInt(range[range.length - 1]));
		}
		permission.putObject("groups");
		ArrayNode ranges = permission.putObject("ipRanges").putArray("items");
		if (fields.get("cidr") != null) {
			ranges.addObject().put("cidrIp", (String) fields.get("cidr"));
		}
		permission.putObject("ipv6Ranges");
		permission.putObject("prefixListIds");
		ObjectNode response = event.putObject("responseElements");
		response.put("requestId", eventId("request:" + eventId));
		response.put("_return", true);
		return event;
	}

	/** The fields every CloudTrail management event of the agent's role carries. */
	private ObjectNode envelopeOf(String eventId, Instant at, String source, String name, String region,
			String session) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("eventVersion", "1.09");
		ObjectNode identity = event.putObject("userIdentity");
		identity.put("type", "AssumedRole");
		identity.put("principalId", "AROAEXAMPLEFAILOVER01:" + session);
		identity.put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + this.agent + "/" + session);
		identity.put("accountId", ACCOUNT);
		identity.put("accessKeyId", "ASIAEXAMPLE" + eventId.substring(0, 8).toUpperCase());
		ObjectNode issuer = identity.putObject("sessionContext").putObject("sessionIssuer");
		issuer.put("type", "Role");
		issuer.put("principalId", "AROAEXAMPLEFAILOVER01");
		issuer.put("arn", this.role);
		issuer.put("accountId", ACCOUNT);
		issuer.put("userName", this.agent);
		event.put("eventTime", at.toString());
		event.put("eventSource", source);
		event.put("eventName", name);
		event.put("awsRegion", region);
		event.put("sourceIPAddress", "10.0.4.17");
		event.put("userAgent", "orchestrator/2.3 aws-sdk-java/2.25.60 Linux/6.1 OpenJDK_64-Bit_Server_VM/21");
		event.put("requestID", eventId("request:" + eventId));
		event.put("eventID", eventId);
		event.put("readOnly", false);
		event.put("eventType", "AwsApiCall");
		event.put("managementEvent", true);
		event.put("recipientAccountId", ACCOUNT);
		event.put("eventCategory", "Management");
		return event;
	}

	private void write(ObjectNode event) throws IOException {
		if (!this.first) {
			this.out.write(",\n");
		}
		this.first = false;
		this.out.write(JSON.writeValueAsString(event));
		this.events++;
	}

	/** Ids that stay the same from one generation to the next. */
	private static String eventId(String name) {
		return UUID.nameUUIDFromBytes(("envelope-review-example:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
