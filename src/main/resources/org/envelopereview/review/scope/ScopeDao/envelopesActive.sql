-- The envelopes any action in the window is under (claimed or attributed), failed ones included:
-- a trend measures an earlier period from the actions only for these (BoardReviewAssembler).
SELECT DISTINCT attributed_envelope_id
FROM agent_action
WHERE attributed_envelope_id IS NOT NULL
  AND occurred_at >= :start AND occurred_at < :end
