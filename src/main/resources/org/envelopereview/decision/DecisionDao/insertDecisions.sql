INSERT INTO board_decision (record_id, envelope_id, decision, decided_by, decided_at, due_date, justification,
                            required_change, line_number)
VALUES (:recordId, :envelopeId, :decision, :decidedBy, :decidedAt, :dueDate, :justification, :requiredChange,
        :lineNumber)
