COPY agent_action (id, occurred_at, agent, model_version, envelope_id, action_type, resource, region,
    protocol, ports, cidr, rationale_signal, rationale_text, confidence, approval_ref, approver, change_ref,
    revert_by, reverts, outcome, error_code, seq, prev_hash, hash, chained_by, ingest_source_id, source_line,
    recorded_cidr, provider, principal, account, provider_event_id, user_agent, source_ip,
    attributed_envelope_id)
FROM STDIN (FORMAT csv)
