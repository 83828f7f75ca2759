-- Annual reports: one header per (unit, year), every submitted version kept, the three tables stored as
-- typed rows mirroring the printed form, plus narrative texts, acknowledgements and findings.

-- The cell catalogue of both formats (loaded by V3_1 from the same CSVs the code reads).
CREATE TABLE cell_def (
    format_version varchar  NOT NULL CHECK (format_version IN ('FMT2019', 'FMT2021')),
    cell_key       varchar  NOT NULL,
    position       smallint NOT NULL,
    section        smallint NOT NULL CHECK (section IN (2, 3, 4)),
    row_key        varchar  NOT NULL,
    column_key     varchar  NOT NULL,
    row_label      varchar  NOT NULL,
    column_label   varchar  NOT NULL,
    value_type     varchar  NOT NULL CHECK (value_type IN ('INT', 'SINT', 'DEC')),
    is_total       boolean  NOT NULL,
    unit           varchar  NOT NULL,
    PRIMARY KEY (format_version, cell_key),
    UNIQUE (format_version, section, row_key, column_key),
    UNIQUE (format_version, position)
);

-- The rows of each table per format; table rows below reference them.
CREATE TABLE row_def (
    format_version varchar  NOT NULL,
    section        smallint NOT NULL,
    row_key        varchar  NOT NULL,
    position       smallint NOT NULL,
    PRIMARY KEY (format_version, section, row_key)
);

CREATE TABLE report (
    id              bigserial   PRIMARY KEY,
    unit_code       varchar(18) NOT NULL REFERENCES unit (code),
    year            smallint    NOT NULL CHECK (year BETWEEN 2007 AND 2100),
    current_version integer     NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_code, year)
);
CREATE INDEX report_year_idx ON report (year);

CREATE TABLE report_version (
    id                    bigserial   PRIMARY KEY,
    report_id             bigint      NOT NULL REFERENCES report (id),
    version               integer     NOT NULL CHECK (version >= 1),
    format_version        varchar     NOT NULL CHECK (format_version IN ('FMT2019', 'FMT2021')),
    scope                 varchar     NOT NULL CHECK (scope IN ('SELF', 'AGGREGATE')),
    status                varchar     NOT NULL CHECK (status IN ('ACCEPTED', 'SUPERSEDED')),
    origin                varchar     NOT NULL DEFAULT 'API' CHECK (origin IN ('API', 'IMPORT')),
    published_at          date,
    source_url            varchar(2048),
    source_sha256         varchar(64),
    -- SHA-256 of the canonical submitted document: detects identical re-sends, makes the ETag
    document_sha256       varchar(64) NOT NULL,
    idempotency_key       varchar(200),
    submitted_at          timestamptz NOT NULL DEFAULT now(),
    submitted_by_token_id bigint,
    submitted_by          varchar     NOT NULL,
    errors                integer     NOT NULL DEFAULT 0 CHECK (errors >= 0),
    warnings              integer     NOT NULL DEFAULT 0 CHECK (warnings >= 0),
    UNIQUE (report_id, version),
    UNIQUE (report_id, idempotency_key),
    UNIQUE (id, format_version)
);
-- Exactly one current version per (unit, year): the header points at an existing version.
ALTER TABLE report ADD CONSTRAINT report_current_version_fk
    FOREIGN KEY (id, current_version) REFERENCES report_version (report_id, version)
    DEFERRABLE INITIALLY DEFERRED;
-- At most one ACCEPTED version per report.
CREATE UNIQUE INDEX report_version_one_accepted ON report_version (report_id) WHERE status = 'ACCEPTED';

-- 二、主动公开政府信息情况: one row per item (规章, 行政规范性文件, 行政许可, …); columns of both formats,
-- the catalogue says which apply. Counts are bigint, amounts numeric(20,6) in 万元.
CREATE TABLE report_s2_row (
    version_id      bigint   NOT NULL,
    format_version  varchar  NOT NULL,
    section         smallint NOT NULL DEFAULT 2 CHECK (section = 2),
    row_key         varchar  NOT NULL,
    issued          bigint CHECK (issued >= 0),
    abolished       bigint CHECK (abolished >= 0),
    in_force        bigint CHECK (in_force >= 0),
    decisions       bigint CHECK (decisions >= 0),
    amount          numeric(20, 6) CHECK (amount >= 0),
    new_made        bigint CHECK (new_made >= 0),
    new_published   bigint CHECK (new_published >= 0),
    total_published bigint CHECK (total_published >= 0),
    prev_year_items bigint CHECK (prev_year_items >= 0),
    change          bigint,
    projects        bigint CHECK (projects >= 0),
    total_amount    numeric(20, 6) CHECK (total_amount >= 0),
    PRIMARY KEY (version_id, row_key),
    FOREIGN KEY (version_id, format_version) REFERENCES report_version (id, format_version) ON DELETE CASCADE,
    FOREIGN KEY (format_version, section, row_key) REFERENCES row_def (format_version, section, row_key)
);

-- 三、收到和处理政府信息公开申请情况: one row per printed row, seven applicant columns.
CREATE TABLE report_s3_row (
    version_id     bigint   NOT NULL,
    format_version varchar  NOT NULL,
    section        smallint NOT NULL DEFAULT 3 CHECK (section = 3),
    row_key        varchar  NOT NULL,
    natural_person bigint CHECK (natural_person >= 0),
    business       bigint CHECK (business >= 0),
    research       bigint CHECK (research >= 0),
    nonprofit      bigint CHECK (nonprofit >= 0),
    legal_service  bigint CHECK (legal_service >= 0),
    other_org      bigint CHECK (other_org >= 0),
    total          bigint CHECK (total >= 0),
    PRIMARY KEY (version_id, row_key),
    FOREIGN KEY (version_id, format_version) REFERENCES report_version (id, format_version) ON DELETE CASCADE,
    FOREIGN KEY (format_version, section, row_key) REFERENCES row_def (format_version, section, row_key)
);

-- 四、政府信息公开行政复议、行政诉讼情况: one row per group (复议, 直接起诉, 复议后起诉).
CREATE TABLE report_s4_row (
    version_id     bigint   NOT NULL,
    format_version varchar  NOT NULL,
    section        smallint NOT NULL DEFAULT 4 CHECK (section = 4),
    row_key        varchar  NOT NULL,
    upheld         bigint CHECK (upheld >= 0),
    corrected      bigint CHECK (corrected >= 0),
    other          bigint CHECK (other >= 0),
    pending        bigint CHECK (pending >= 0),
    total          bigint CHECK (total >= 0),
    PRIMARY KEY (version_id, row_key),
    FOREIGN KEY (version_id, format_version) REFERENCES report_version (id, format_version) ON DELETE CASCADE,
    FOREIGN KEY (format_version, section, row_key) REFERENCES row_def (format_version, section, row_key)
);

CREATE TABLE report_text (
    version_id bigint     NOT NULL REFERENCES report_version (id) ON DELETE CASCADE,
    section    varchar(2) NOT NULL CHECK (section IN ('s1', 's2', 's3', 's4', 's5', 's6')),
    body       text       NOT NULL,
    PRIMARY KEY (version_id, section)
);

CREATE TABLE report_acknowledgement (
    version_id bigint  NOT NULL REFERENCES report_version (id) ON DELETE CASCADE,
    rule       varchar NOT NULL,
    reason     varchar NOT NULL CHECK (length(reason) > 0),
    PRIMARY KEY (version_id, rule)
);

CREATE TABLE report_finding (
    version_id      bigint    NOT NULL REFERENCES report_version (id) ON DELETE CASCADE,
    ordinal         integer   NOT NULL,
    rule            varchar   NOT NULL,
    severity        varchar   NOT NULL CHECK (severity IN ('ERROR', 'WARNING', 'INFO')),
    cells           varchar[] NOT NULL,
    expected        jsonb,
    actual          jsonb,
    message_zh      varchar   NOT NULL,
    message_en      varchar   NOT NULL,
    acknowledgement varchar,
    -- SUBMISSION: found when this version was stored; RECHECK: found when the previous year changed
    origin          varchar   NOT NULL DEFAULT 'SUBMISSION' CHECK (origin IN ('SUBMISSION', 'RECHECK')),
    PRIMARY KEY (version_id, ordinal)
);
