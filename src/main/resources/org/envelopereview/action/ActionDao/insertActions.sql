INSERT INTO agent_action (id, occurred_at, agent, model_version, envelope_id, action_type, resource, region,
    protocol, ports, cidr, rationale_signal, rationale_text, confidence, approval_ref, approver, change_ref,
    revert_by, reverts, outcome, error_code, seq, prev_hash, hash, chained_by, ingest_source_id, source_line,
    recorded_cidr, provider, principal, account, provider_event_id, user_agent, source_ip,
    attributed_envelope_id)
VALUES (:id, :occurredAt, :agent, :modelVersion, :envelopeId, :actionType, :resource, :region,
    :protocol, :ports, :cidr, :rationaleSignal, :rationaleText, :confidence, :approvalRef, :approver, :changeRef,
    :revertBy, :reverts, :outcome, :errorCode, :seq, :prevHash, :hash, :chainedBy, :ingestSourceId, :sourceLine,
    :recordedCidr, :provider, :principal, :account, :providerEventId, :userAgent, :sourceIp,
    :attributedEnvelopeId)
