-- Portable SQL (H2 2.x and PostgreSQL 15). Documents are JSON text.

CREATE TABLE profile (
    id          VARCHAR(64)      NOT NULL PRIMARY KEY,
    version     BIGINT           NOT NULL,
    name        VARCHAR(200)     NOT NULL,
    document    VARCHAR(1048576) NOT NULL,
    created_at  TIMESTAMP        NOT NULL,
    updated_at  TIMESTAMP        NOT NULL
);

CREATE TABLE scenario (
    id          VARCHAR(64)      NOT NULL PRIMARY KEY,
    version     BIGINT           NOT NULL,
    name        VARCHAR(200)     NOT NULL,
    document    VARCHAR(1048576) NOT NULL,
    created_at  TIMESTAMP        NOT NULL,
    updated_at  TIMESTAMP        NOT NULL
);
