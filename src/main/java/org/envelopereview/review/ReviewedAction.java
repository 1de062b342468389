package org.envelopereview.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

import org.envelopereview.action.Action;

/**
 * An action read for review, with when its first successful revert happened.
 *
 * @param revertedAt the earliest successful action reverting it, or {@code null}
 */
record ReviewedAction(Action action, Instant revertedAt) {

	/** Maps a row of {@code period-actions.sql}. */
	static ReviewedAction fromRow(ResultSet row) throws SQLException {
		String id = row.getString("id");
		double confidence = row.getDouble("confidence");
		Double boxedConfidence = row.wasNull() ? null : confidence;
		Action action = new Action(id, SqlFiles.instant(row, "occurred_at"), row.getString("agent"),
				row.getString("model_version"), row.getString("envelope_id"), row.getString("action_type"),
				row.getString("resource"), row.getString("region"), row.getString("protocol"), row.getString("ports"),
				row.getString("cidr"),
				new Action.Rationale(row.getString("rationale_signal"), row.getString("rationale_text"),
						boxedConfidence),
				new Action.ApprovalRecord(row.getString("approval_ref"), row.getString("approver")),
				row.getString("change_ref"), SqlFiles.instant(row, "revert_by"), row.getString("reverts"),
				outcome(id, row.getString("outcome")), row.getString("error_code"), row.getLong("seq"),
				row.getString("prev_hash"), row.getString("hash"));
		return new ReviewedAction(action, SqlFiles.instant(row, "reverted_at"));
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
