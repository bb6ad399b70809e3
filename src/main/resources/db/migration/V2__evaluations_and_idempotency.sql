-- Evaluation history: the request, the profile version used and the result exactly as returned.
CREATE TABLE evaluation (
    id               VARCHAR(36)      NOT NULL PRIMARY KEY,
    created_at       TIMESTAMP        NOT NULL,
    profile_id       VARCHAR(64)      NOT NULL,
    profile_version  BIGINT           NOT NULL,
    scenario_id      VARCHAR(64)      NOT NULL,
    verdict          VARCHAR(20)      NOT NULL,
    us_surplus       DOUBLE PRECISION NOT NULL,
    cn_surplus       DOUBLE PRECISION NOT NULL,
    request          VARCHAR(1048576) NOT NULL,
    result           VARCHAR(1048576) NOT NULL
);
CREATE INDEX evaluation_created ON evaluation (created_at, id);
CREATE INDEX evaluation_profile ON evaluation (profile_id, created_at);
CREATE INDEX evaluation_scenario ON evaluation (scenario_id, created_at);
CREATE INDEX evaluation_verdict ON evaluation (verdict, created_at);

-- Idempotency keys of creating POSTs: written in the same transaction as what they created.
CREATE TABLE idempotency_key (
    scope         VARCHAR(100)     NOT NULL,
    idem_key      VARCHAR(200)     NOT NULL,
    request_hash  VARCHAR(64)      NOT NULL,
    status        INTEGER          NOT NULL,
    location      VARCHAR(500),
    etag          VARCHAR(100),
    body          VARCHAR(1048576),
    created_at    TIMESTAMP        NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
