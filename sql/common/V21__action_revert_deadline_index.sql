-- The review looks for actions from before its period whose revertBy falls inside it (OOS-NOT-REVERTED).
CREATE INDEX agent_action_revert_by ON agent_action (revert_by);
