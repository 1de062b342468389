-- A restarted chunk writes the same keys again: the first write wins.
INSERT INTO review_finding (run_id, finding_key, code, severity, board_id, unassigned, envelope_id, action_id,
                            explanation, evidence, controls)
VALUES (:runId, :findingKey, :code, :severity, :boardId, :unassigned, :envelopeId, :actionId,
        :explanation, :evidence, :controls)
ON CONFLICT DO NOTHING
