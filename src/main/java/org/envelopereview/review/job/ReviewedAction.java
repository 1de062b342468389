package org.envelopereview.review.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.envelopereview.action.Action;

/**
 * An action read for review, with when its first successful revert happened. Its
 * {@code envelopeId} is the envelope it is judged under (SPEC §7): the one it claims,
 * else the one its principal is attributed to.
 *
 * @param revertedAt the earliest successful action reverting it, or {@code null}
 */
record ReviewedAction(Action action, Instant revertedAt) {

	/**
	 * Maps a row of {@code PeriodActionsDao/periodActions.sql} by column position (its
	 * select list's order): looking 33 columns up by name for every action costs more
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
		return new ReviewedAction(action, instant(row, 25));
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
