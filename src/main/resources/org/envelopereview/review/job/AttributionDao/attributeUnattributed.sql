-- Attributes the principal's actions that claim no envelope and are attributed to none yet.
UPDATE agent_action SET attributed_envelope_id = :envelope
WHERE principal = :principal AND envelope_id IS NULL AND attributed_envelope_id IS NULL
