package org.envelopereview.decision;

import java.time.Instant;

/**
 * A decision as stored: the decision and the file it was recorded from.
 *
 * @param recordId the recorded decisions file
 * @param period the period whose pack the decision answers
 * @param periodEnd the end of that period
 * @param runId the review run whose pack it answers
 * @param fileSha256 SHA-256 of the recorded decisions file
 */
public record RecordedDecision(long recordId, String period, Instant periodEnd, String boardId, long runId,
		Decision decision, Instant recordedAt, String fileSha256, String packSha256) {

	static RecordedDecision of(DecisionDao.DecisionRow row) {
		return new RecordedDecision(row.recordId(), row.period(), row.periodEnd(), row.boardId(), row.runId(),
				new Decision(row.envelopeId(), DecisionKind.of(row.decision()).orElseThrow(), row.decidedBy(),
						row.decidedAt(), row.dueDate(), row.justification(), row.requiredChange(), row.lineNumber()),
				row.recordedAt(), row.fileSha256(), row.packSha256());
	}

}
