-- The raw baseline: the rows and columns the evaluate step reads (periodActions.sql), in the
-- same order, without the revert look-up that the job adds.
SELECT a.id, a.occurred_at, a.agent, a.model_version, a.envelope_id, a.action_type, a.resource, a.region,
       a.protocol, a.ports, a.cidr, a.rationale_signal, a.rationale_text, a.confidence, a.approval_ref,
       a.approver, a.change_ref, a.revert_by, a.reverts, a.outcome, a.error_code, a.seq, a.prev_hash, a.hash
FROM agent_action a
WHERE a.occurred_at >= ? AND a.occurred_at < ?
ORDER BY a.occurred_at, a.id
