-- When each model version first appeared anywhere in the stored history (ENV-MODEL-DRIFT), in the
-- database's order of versions: the assessment lists each envelope's versions in this order, as
-- modelVersions.sql orders them.
SELECT model_version, MIN(occurred_at) AS first_seen
FROM agent_action
WHERE model_version IS NOT NULL
GROUP BY model_version
ORDER BY model_version
