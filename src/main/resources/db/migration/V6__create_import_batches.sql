-- Batch imports: a batch of published documents read (and optionally submitted) in the background.
-- The documents are kept until read, so that a restart resumes the ones not finished.

CREATE TABLE import_batch (
    id              uuid        PRIMARY KEY,
    submit          boolean     NOT NULL,
    -- who asked for it: their token (NULL for the bootstrap admin token), its name and scope at the time
    token_id        bigint      REFERENCES api_token (id),
    token_name      text        NOT NULL,
    token_scope     text        NOT NULL,
    total           integer     NOT NULL CHECK (total BETWEEN 1 AND 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);

CREATE TABLE import_batch_document (
    batch_id        uuid        NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    position        integer     NOT NULL CHECK (position >= 1),
    file_name       text        NOT NULL,
    media_type      text        NOT NULL,
    -- the document itself, dropped once it is finished
    content         bytea,
    status          text        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'READ', 'SUBMITTED', 'FAILED')),
    unit_code       text,
    unit_name       text,
    year            integer,
    cells_read      integer,
    cells_total     integer,
    error_count     integer,
    warning_count   integer,
    version         integer,
    findings        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    problem         jsonb,
    finished_at     timestamptz,
    PRIMARY KEY (batch_id, position),
    CHECK ((status = 'PENDING') = (content IS NOT NULL))
);

CREATE INDEX import_batch_document_pending ON import_batch_document (batch_id) WHERE status = 'PENDING';
