-- API tokens: who may write. The secret is shown once at creation; only its SHA-256 is stored.

CREATE TABLE api_token (
    id           bigserial    PRIMARY KEY,
    name         varchar(100) NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- ADMIN, UNIT:<unit code> or REGION:<division code>
    scope        varchar(30)  NOT NULL
                 CHECK (scope ~ '^(ADMIN|UNIT:([0-9]{6}|[0-9A-HJ-NPQRTUWXY]{18})|REGION:[0-9]{6})$'),
    -- lowercase hex SHA-256 of the whole token string
    token_hash   varchar(64)  NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

ALTER TABLE report_version ADD CONSTRAINT report_version_submitted_by_token_fk
    FOREIGN KEY (submitted_by_token_id) REFERENCES api_token (id);
CREATE INDEX report_version_submitted_by_token_idx ON report_version (submitted_by_token_id);
