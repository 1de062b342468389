-- Fresh planner statistics for the rows a load has added (see PostgresCopyWriter).
ANALYZE agent_action
