-- The first envelope after :after that actions of the principal claiming none are attributed to:
-- one seek of agent_action_principal (principal, envelope_id NULL, attributed_envelope_id).
SELECT MIN(attributed_envelope_id) FROM agent_action
WHERE principal = :principal AND envelope_id IS NULL AND attributed_envelope_id > :after
