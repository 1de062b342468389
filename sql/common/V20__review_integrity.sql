-- What the audit-trail verification of a run found, kept so that a restarted run and the
-- pack show the same integrity report without walking the chains again.
CREATE TABLE review_integrity (
    run_id        BIGINT        PRIMARY KEY REFERENCES review_run (id),
    rows_checked  BIGINT        NOT NULL
);

CREATE TABLE review_chain_break (
    run_id        BIGINT        NOT NULL REFERENCES review_run (id),
    ordinal       INTEGER       NOT NULL,
    agent         VARCHAR(256)  NOT NULL,
    seq           BIGINT        NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    action_id     VARCHAR(200),
    occurred_at   TIMESTAMP WITH TIME ZONE,
    detail        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);
