SELECT run_id, lower(severity) AS severity, count(*) AS findings
  FROM review_finding
 WHERE run_id IN (<runIds>)
 GROUP BY run_id, lower(severity)
