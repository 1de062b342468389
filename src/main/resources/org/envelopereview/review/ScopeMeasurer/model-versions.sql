-- Model versions the envelope's actions ran in the period, and when each first appeared anywhere.
SELECT used.model_version,
       (SELECT MIN(history.occurred_at) FROM agent_action history
         WHERE history.model_version = used.model_version) AS first_seen
FROM (SELECT DISTINCT model_version FROM agent_action
       WHERE envelope_id = :envelope
         AND model_version IS NOT NULL
         AND occurred_at >= :start AND occurred_at < :end) used
ORDER BY used.model_version
