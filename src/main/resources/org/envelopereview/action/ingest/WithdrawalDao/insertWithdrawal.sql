INSERT INTO ingest_withdrawal (source_name, sha256, withdrawn_at, withdrawn_by, reason, actions_removed,
    quarantined_removed, not_reviewed_removed)
VALUES (:sourceName, :sha256, :withdrawnAt, :withdrawnBy, :reason, :actionsRemoved, :quarantinedRemoved,
    :notReviewedRemoved)
