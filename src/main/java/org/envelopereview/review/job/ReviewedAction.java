package org.envelopereview.review.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.envelopereview.action.Action;
import org.envelopereview.review.rules.Reconciliation;

/**
 * An action read for review, with when its first successful revert happened and how its
 * agent and provider records were reconciled. Its {@code envelopeId} is the envelope it
 * is judged under (SPEC §7): the agent's claim, else the provider record's claim, else
 * the envelope its principal is attributed to.
 *
 * @param revertedAt the earliest successful action reverting it, or {@code null}
 */
record ReviewedAction(Action action, Instant revertedAt, Reconciliation reconciliation) {

	/** The first column of the agent record joined to a provider's action. */
	private static final int AGENT = 34;

	/** The first column of what the provider log says of an unmatched agent record. */
	private static final int COVERAGE = 57;

	/**
	 * Maps a row of {@code PeriodActionsDao/periodActions.sql} by column position (its
	 * select list's order): looking 59 columns up by name for every action costs more
	 * than mapping them.
	 */
	static ReviewedAction fromRow(ResultSet row) throws SQLException {
		String id = row.getString(1);
		double confidence = row.getDouble(14);
		Double boxedConfidence = row.wasNull() ? null : confidence;
		// judged under the envelope it is attributed to (its claim when it makes one);
		// the
		// claim itself, under the hash chain, is verified by the audit trail step
		Action action = new Action(id, instant(row, 2), row.getString(3), row.getString(4), row.getString(33),
				row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10),
				row.getString(11), new Action.Rationale(row.getString(12), row.getString(13), boxedConfidence),
				new Action.ApprovalRecord(row.getString(15), row.getString(16)), row.getString(17), instant(row, 18),
				row.getString(19), outcome(id, row.getString(20)), row.getString(21), row.getLong(22),
				row.getString(23), row.getString(24), row.getString(26), new Action.Provenance(row.getString(27),
						row.getString(28), row.getString(29), row.getString(30), row.getString(31), row.getString(32)));
		String agentRecordId = row.getString(AGENT);
		if (agentRecordId != null) {
			return joined(action, instant(row, 25), row);
		}
		if (!action.providerRecorded() && action.provenance().providerEventId() != null) {
			long quarantined = row.getLong(COVERAGE + 2);
			return new ReviewedAction(action, instant(row, 25),
					Reconciliation.unmatched(instant(row, COVERAGE), instant(row, COVERAGE + 1), quarantined));
		}
		return new ReviewedAction(action, instant(row, 25), Reconciliation.NONE);
	}

	/**
	 * One action of a provider's action and the agent record naming its event (SPEC §7):
	 * the agent's name, envelope, model, rationale, approval, change ref and revert
	 * fields; the provider's time, type, resource, region, scope values, outcome and
	 * identity. Where both give a value and they differ, the provider's wins and the
	 * agent's is kept as evidence ({@code agent.<field>}).
	 */
	private static ReviewedAction joined(Action provider, Instant revertedAt, ResultSet row) throws SQLException {
		Map<String, String> differences = new TreeMap<>();
		Instant agentAt = instant(row, AGENT + 1);
		if (agentAt != null && !agentAt.equals(provider.occurredAt())) {
			differences.put("agent.occurredAt", agentAt.toString());
		}
		String type = prevailing("type", provider.type(), row.getString(AGENT + 5), differences);
		String resource = prevailing("resource", provider.resource(), row.getString(AGENT + 6), differences);
		String region = prevailing("region", provider.region(), row.getString(AGENT + 7), differences);
		String protocol = prevailing("protocol", provider.protocol(), row.getString(AGENT + 8), differences);
		String ports = prevailing("ports", provider.ports(), row.getString(AGENT + 9), differences);
		String cidr = prevailing("cidr", provider.cidr(), row.getString(AGENT + 10), differences);
		prevailing("outcome", provider.outcome().name().toLowerCase(Locale.ROOT), lowerCase(row.getString(AGENT + 19)),
				differences);
		prevailing("errorCode", provider.errorCode(), row.getString(AGENT + 20), differences);
		Action.Provenance seen = provider.provenance();
		String principal = prevailing("principal", seen.principal(), row.getString(AGENT + 21), differences);
		String account = prevailing("account", seen.account(), row.getString(AGENT + 22), differences);
		String agent = row.getString(AGENT + 2);
		if (!Objects.equals(agent, provider.agent())) {
			differences.put("provider.agent", provider.agent());
		}
		double confidence = row.getDouble(AGENT + 13);
		Double boxedConfidence = row.wasNull() ? null : confidence;
		Action action = new Action(provider.id(), provider.occurredAt(), agent,
				orElse(row.getString(AGENT + 3), provider.modelVersion()),
				orElse(row.getString(AGENT + 4), provider.envelopeId()), type, resource, region, protocol, ports, cidr,
				new Action.Rationale(row.getString(AGENT + 11), row.getString(AGENT + 12), boxedConfidence),
				new Action.ApprovalRecord(row.getString(AGENT + 14), row.getString(AGENT + 15)),
				orElse(row.getString(AGENT + 16), provider.changeRef()),
				(instant(row, AGENT + 17) != null) ? instant(row, AGENT + 17) : provider.revertBy(),
				orElse(row.getString(AGENT + 18), provider.reverts()), provider.outcome(), provider.errorCode(),
				provider.seq(), provider.prevHash(), provider.hash(), provider.recordedCidr(),
				new Action.Provenance(seen.provider(), principal, account, seen.providerEventId(), seen.userAgent(),
						seen.sourceIp()));
		return new ReviewedAction(action, revertedAt, Reconciliation.joined(row.getString(AGENT), differences));
	}

	/** The provider's value, or the agent's where the provider gave none. */
	private static String prevailing(String field, String provider, String agent, Map<String, String> differences) {
		if (provider == null) {
			return agent;
		}
		if (agent != null && !agent.equals(provider)) {
			differences.put("agent." + field, agent);
		}
		return provider;
	}

	private static String orElse(String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

	private static String lowerCase(String value) {
		return (value != null) ? value.trim().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Read as a UTC offset, as Jdbi reads times elsewhere, so H2 and PostgreSQL agree.
	 */
	private static Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Action.Outcome outcome(String id, String value) {
		try {
			return Action.Outcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"agent_action " + id + ": outcome '" + value + "' is neither 'succeeded' nor 'failed'", ex);
		}
	}

}
