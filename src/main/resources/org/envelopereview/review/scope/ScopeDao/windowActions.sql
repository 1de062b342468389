-- Every action under any envelope (claimed or attributed) in the window, failed attempts included:
-- one pass gives the assessment each envelope's period (exercisedActions.sql, attempts.sql,
-- modelVersions.sql), previous period and look-back, which per envelope read the same rows
-- several times over. Unordered: the assessment keeps a few distinct values per envelope.
SELECT attributed_envelope_id, occurred_at, outcome, action_type, resource, region, agent, cidr, ports,
       model_version
FROM agent_action
WHERE attributed_envelope_id IS NOT NULL
  AND occurred_at >= :start AND occurred_at < :end
