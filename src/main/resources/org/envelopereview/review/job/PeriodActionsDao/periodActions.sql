-- The actions of one partition of the run, in a stable order so that a restart resumes at the
-- same row. One range of the (occurred_at, id) index: it streams unsorted. Only a successful action
-- that reverts nothing can need reverting, so only those look their first revert up. The action is
-- judged under attributed_envelope_id (column 33): its claim, else the envelope its principal is
-- attributed to.
SELECT a.id, a.occurred_at, a.agent, a.model_version, a.envelope_id, a.action_type, a.resource, a.region,
       a.protocol, a.ports, a.cidr, a.rationale_signal, a.rationale_text, a.confidence, a.approval_ref,
       a.approver, a.change_ref, a.revert_by, a.reverts, a.outcome, a.error_code, a.seq, a.prev_hash, a.hash,
       CASE WHEN a.reverts IS NULL AND a.outcome = 'succeeded' THEN
         (SELECT MIN(r.occurred_at) FROM agent_action r WHERE r.reverts = a.id AND r.outcome = 'succeeded')
       END AS reverted_at,
       a.recorded_cidr, a.provider, a.principal, a.account, a.provider_event_id, a.user_agent, a.source_ip,
       a.attributed_envelope_id
FROM agent_action a
WHERE a.occurred_at >= ? AND a.occurred_at < ?
ORDER BY a.occurred_at, a.id
