-- Episode sets for the backtest, stored like profiles and scenarios. The document is TEXT (unbounded in
-- PostgreSQL, CHARACTER VARYING of up to 10^9 characters in H2): a set written in a request at the body
-- limit (1 MiB) is a little longer as stored, each bundle's terms keyed by their full id, and its answer,
-- kept with an Idempotency-Key, a little longer than the request (numbers as written back), so the
-- answers of creating POSTs are TEXT too.

CREATE TABLE episode_set (
    id          VARCHAR(64)      NOT NULL PRIMARY KEY,
    version     BIGINT           NOT NULL,
    name        VARCHAR(200)     NOT NULL,
    document    TEXT             NOT NULL,
    created_at  TIMESTAMP        NOT NULL,
    updated_at  TIMESTAMP        NOT NULL
);

ALTER TABLE idempotency_key ALTER COLUMN body SET DATA TYPE TEXT;
