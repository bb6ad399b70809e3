-- Imported two-party negotiation domains (GENIUS XML), stored like profiles and scenarios.

CREATE TABLE negotiation_domain (
    id          VARCHAR(64)      NOT NULL PRIMARY KEY,
    version     BIGINT           NOT NULL,
    name        VARCHAR(200)     NOT NULL,
    document    VARCHAR(1048576) NOT NULL,
    created_at  TIMESTAMP        NOT NULL,
    updated_at  TIMESTAMP        NOT NULL
);
