-- Moves the principal's actions that claim no envelope from one attribution to another (or to
-- none, :envelope NULL). Claims are never touched.
UPDATE agent_action SET attributed_envelope_id = :envelope
WHERE principal = :principal AND envelope_id IS NULL AND attributed_envelope_id = :from
