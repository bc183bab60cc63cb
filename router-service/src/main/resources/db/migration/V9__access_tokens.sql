-- Issue 9: router is the token authority. Bearer tokens router issued (AccessService.CreateToken)
-- for admins, clients and experts; only the SHA-256 of a token is kept, so a copy of this table
-- lets nobody in. Revoking keeps the row (ListTokens shows it) and stops the token at once.
CREATE TABLE access_token (
    token_id     text COLLATE "C" PRIMARY KEY CHECK (token_id ~ '^tok-[0-9a-f-]{36}$'),
    role         text             NOT NULL CHECK (role IN ('admin', 'client', 'expert')),
    subject      text             NOT NULL CHECK (subject ~ '^[A-Za-z0-9._@-]{1,128}$'),
    -- Hex SHA-256 of the token: what Authenticate and router's own check look a token up by.
    token_sha256 text             NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    -- The caller's idempotency key, when given: a repeat of CreateToken answers the same row.
    request_id   text COLLATE "C" UNIQUE CHECK (length(request_id) BETWEEN 1 AND 128),
    created_at   timestamptz      NOT NULL,
    revoked_at   timestamptz
);

CREATE INDEX access_token_by_created ON access_token (created_at, token_id);
