UPDATE agent_action SET attributed_envelope_id = :envelope WHERE id = :id AND envelope_id IS NULL
