SELECT attributed_envelope_id FROM agent_action WHERE id = :id
