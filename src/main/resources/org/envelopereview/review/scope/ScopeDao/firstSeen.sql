-- When each model version first appeared anywhere in the stored history (ENV-MODEL-DRIFT).
SELECT model_version, MIN(occurred_at) AS first_seen
FROM agent_action
WHERE model_version IS NOT NULL
GROUP BY model_version
