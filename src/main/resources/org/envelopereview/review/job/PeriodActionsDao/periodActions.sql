-- The actions of one partition of the run, in a stable order so that a restart resumes at the
-- same row. One range of the (occurred_at, id) index: it streams unsorted. Only a successful action
-- that reverts nothing can need reverting, so only those look their first revert up. The action is
-- judged under attributed_envelope_id (column 33): its claim, else the envelope its principal is
-- attributed to.
--
-- One action, judged once (SPEC 7): a provider's action (provider <> 'agent') is read with the agent
-- record that names its event (provider_event_id, same account when both give one; the lowest id
-- when several do) in columns 34 on; an agent record whose event a provider action recorded is left
-- out, it is judged with that action at the provider's time. An agent record of a succeeded change
-- whose event is not here reads the span of the provider log that covers its account, region and
-- time (57, 58) and whether a provider event of that id was quarantined (59); a withdrawn source
-- covers and confirms nothing.
--
-- The join's look-up value is never NULL: H2 takes "= NULL" in an index condition as no bound and
-- scans every agent record's index entry for each agent record read (n squared: 250M rows read for
-- a 16,000-action period), so a row that cannot pair looks up a value no record has.
SELECT a.id, a.occurred_at, a.agent, a.model_version, a.envelope_id, a.action_type, a.resource, a.region,
       a.protocol, a.ports, a.cidr, a.rationale_signal, a.rationale_text, a.confidence, a.approval_ref,
       a.approver, a.change_ref, a.revert_by, a.reverts, a.outcome, a.error_code, a.seq, a.prev_hash, a.hash,
       CASE WHEN COALESCE(g.reverts, a.reverts) IS NULL AND a.outcome = 'succeeded' THEN
         (SELECT MIN(r.occurred_at) FROM agent_action r
          WHERE r.reverts = COALESCE(g.id, a.id) AND r.outcome = 'succeeded')
       END AS reverted_at,
       a.recorded_cidr, a.provider, a.principal, a.account, a.provider_event_id, a.user_agent, a.source_ip,
       a.attributed_envelope_id,
       g.id AS agent_id, g.occurred_at AS agent_occurred_at, g.agent AS agent_agent,
       g.model_version AS agent_model_version, g.envelope_id AS agent_envelope_id, g.action_type AS agent_type,
       g.resource AS agent_resource, g.region AS agent_region, g.protocol AS agent_protocol, g.ports AS agent_ports,
       g.cidr AS agent_cidr, g.rationale_signal AS agent_signal, g.rationale_text AS agent_text,
       g.confidence AS agent_confidence, g.approval_ref AS agent_approval_ref, g.approver AS agent_approver,
       g.change_ref AS agent_change_ref, g.revert_by AS agent_revert_by, g.reverts AS agent_reverts,
       g.outcome AS agent_outcome, g.error_code AS agent_error_code, g.principal AS agent_principal,
       g.account AS agent_account,
       CASE WHEN a.provider = 'agent' AND a.provider_event_id IS NOT NULL AND a.outcome = 'succeeded' THEN
         (SELECT MIN(c.first_at) FROM provider_coverage c JOIN ingest_source cs ON cs.id = c.ingest_source_id
          WHERE cs.withdrawal_id IS NULL AND c.region = a.region AND (a.account IS NULL OR c.account = a.account)
            AND c.first_at <= a.occurred_at AND c.last_at >= a.occurred_at)
       END AS covered_from,
       CASE WHEN a.provider = 'agent' AND a.provider_event_id IS NOT NULL AND a.outcome = 'succeeded' THEN
         (SELECT MAX(c.last_at) FROM provider_coverage c JOIN ingest_source cs ON cs.id = c.ingest_source_id
          WHERE cs.withdrawal_id IS NULL AND c.region = a.region AND (a.account IS NULL OR c.account = a.account)
            AND c.first_at <= a.occurred_at AND c.last_at >= a.occurred_at)
       END AS covered_to,
       CASE WHEN a.provider = 'agent' AND a.provider_event_id IS NOT NULL AND a.outcome = 'succeeded' THEN
         (SELECT COUNT(*) FROM quarantined_record q JOIN ingest_source s ON s.id = q.ingest_source_id
          WHERE q.record_id = a.provider_event_id AND q.withdrawal_id IS NULL AND s.withdrawal_id IS NULL
            AND s.source_format IN ('cloudtrail', 'gcp-audit', 'azure-activity'))
       END AS quarantined_events
FROM agent_action a
LEFT JOIN agent_action g
  ON a.provider <> 'agent' AND a.provider_event_id IS NOT NULL AND g.provider = 'agent'
 AND g.provider_event_id = COALESCE(CASE WHEN a.provider <> 'agent' THEN a.provider_event_id END, '-')
 AND (g.account IS NULL OR a.account IS NULL OR g.account = a.account)
 AND NOT EXISTS (SELECT 1 FROM agent_action h
                 WHERE h.provider_event_id = a.provider_event_id AND h.provider = 'agent' AND h.id < g.id
                   AND (h.account IS NULL OR a.account IS NULL OR h.account = a.account))
WHERE a.occurred_at >= ? AND a.occurred_at < ?
  AND (a.provider <> 'agent' OR a.provider_event_id IS NULL
       OR NOT EXISTS (SELECT 1 FROM agent_action p
                      WHERE p.provider_event_id = a.provider_event_id AND p.provider <> 'agent'
                        AND (p.account IS NULL OR a.account IS NULL OR p.account = a.account)))
ORDER BY a.occurred_at, a.id
