-- The Quartz cluster's members as they last checked in (instance ids are AUTO: host name + start time).
SELECT instance_name AS instance_id, last_checkin_time, checkin_interval
  FROM qrtz_scheduler_state
 WHERE sched_name = :schedulerName
 ORDER BY instance_name
