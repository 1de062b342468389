-- The actions a run judges, in a stable order so that a restart resumes at the same row:
-- the period's actions and those of the longest maxDuration before it (both by the period index),
-- and earlier ones whose revertBy falls in the period (by the revert_by index). The parts do not overlap.
SELECT judged.*,
       (SELECT MIN(r.occurred_at) FROM agent_action r
         WHERE r.reverts = judged.id AND r.outcome = 'succeeded') AS reverted_at
FROM (SELECT a.id, a.occurred_at, a.agent, a.model_version, a.envelope_id, a.action_type, a.resource, a.region,
             a.protocol, a.ports, a.cidr, a.rationale_signal, a.rationale_text, a.confidence, a.approval_ref,
             a.approver, a.change_ref, a.revert_by, a.reverts, a.outcome, a.error_code, a.seq, a.prev_hash, a.hash
      FROM agent_action a
      WHERE a.occurred_at >= ? AND a.occurred_at < ?
      UNION ALL
      SELECT a.id, a.occurred_at, a.agent, a.model_version, a.envelope_id, a.action_type, a.resource, a.region,
             a.protocol, a.ports, a.cidr, a.rationale_signal, a.rationale_text, a.confidence, a.approval_ref,
             a.approver, a.change_ref, a.revert_by, a.reverts, a.outcome, a.error_code, a.seq, a.prev_hash, a.hash
      FROM agent_action a
      WHERE a.revert_by >= ? AND a.revert_by < ? AND a.occurred_at < ?) judged
ORDER BY judged.occurred_at, judged.id
