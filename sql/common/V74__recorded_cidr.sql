-- A provider records what happened, host bits and all (CloudTrail: 208.236.235.254/0): the action
-- keeps the normalised prefix in cidr and the recorded text here, as evidence (SPEC 7). Null for
-- every native record, whose hash therefore does not change.
ALTER TABLE agent_action ADD COLUMN recorded_cidr VARCHAR(128);
