package org.envelopereview.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads an {@code agent_action} row (joined with its source's name) back into an action.
 */
public final class StoredActionMapper implements RowMapper<StoredAction> {

	@Override
	public StoredAction map(ResultSet rs, StatementContext ctx) throws SQLException {
		Object confidence = rs.getObject("confidence");
		Action action = new Action(rs.getString("id"), instant(rs, "occurred_at"), rs.getString("agent"),
				rs.getString("model_version"), rs.getString("envelope_id"), rs.getString("action_type"),
				rs.getString("resource"), rs.getString("region"), rs.getString("protocol"), rs.getString("ports"),
				rs.getString("cidr"),
				new Action.Rationale(rs.getString("rationale_signal"), rs.getString("rationale_text"),
						(confidence != null) ? ((Number) confidence).doubleValue() : null),
				new Action.ApprovalRecord(rs.getString("approval_ref"), rs.getString("approver")),
				rs.getString("change_ref"), instant(rs, "revert_by"), rs.getString("reverts"),
				"failed".equals(rs.getString("outcome")) ? Action.Outcome.FAILED : Action.Outcome.SUCCEEDED,
				rs.getString("error_code"), rs.getLong("seq"), trim(rs.getString("prev_hash")),
				trim(rs.getString("hash")), rs.getString("recorded_cidr"), provenance(rs));
		long line = rs.getLong("source_line");
		return new StoredAction(action, rs.getString("chained_by"), rs.getString("source_name"),
				rs.wasNull() ? null : line);
	}

	/** The provenance columns, shared with the review's positional mapping by name. */
	public static Action.Provenance provenance(ResultSet rs) throws SQLException {
		return new Action.Provenance(rs.getString("provider"), rs.getString("principal"), rs.getString("account"),
				rs.getString("provider_event_id"), rs.getString("user_agent"), rs.getString("source_ip"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}

}
