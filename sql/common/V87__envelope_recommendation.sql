-- What a review run recommends for each envelope it assessed (SPEC §9): keep, narrow or retire,
-- with the reasons and the proposed diff as JSON. Written by the assess step, read by
-- findings.json and the pack, so that a restarted output step shows what the assessment found.
CREATE TABLE envelope_recommendation (
    run_id       BIGINT        NOT NULL REFERENCES review_run (id),
    envelope_id  VARCHAR(128)  NOT NULL,
    board_id     VARCHAR(64)   NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    detail       TEXT          NOT NULL,
    PRIMARY KEY (run_id, envelope_id)
);
