-- Rollup summaries: the sums of the current SELF-scope report versions, kept in step with every change of
-- a current version by RollupLedger.apply (same transaction) and recomputable by RollupLedger.rebuild().
--
-- A unit located in region R with path /000000/P/C/R/ contributes to
--   * one row (R, own = true): 本级, the units located exactly at R;
--   * one row (X, own = false) for every X in its path (000000, P, C, R): the whole subtree of X.
-- Rows are split by year, format version (section 二 is never added across formats, AGG-04) and unit kind
-- (so that ?kinds= filters rows instead of reports). Any rollup therefore reads a handful of rows.
CREATE TABLE rollup_sum (
    year           smallint   NOT NULL,
    format_version varchar    NOT NULL CHECK (format_version IN ('FMT2019', 'FMT2021')),
    region_code    varchar(6) NOT NULL REFERENCES region (code),
    own            boolean    NOT NULL,
    unit_kind      varchar    NOT NULL,
    -- how many SELF reports are summed in this row (no CHECK >= 0: PostgreSQL checks the proposed row of
    -- INSERT … ON CONFLICT before it turns into an update, and a withdrawal proposes a negative count)
    report_count   integer    NOT NULL,
    -- element i + 1 = the sum of the cell at catalogue index i (cell_def.position i); DEC cells hold 0 here
    counts         bigint[]   NOT NULL,
    -- element i + 1 = the sum of the amount at catalogue index i (万元); 0 for every non-DEC cell
    amounts        numeric[]  NOT NULL,
    PRIMARY KEY (year, format_version, region_code, own, unit_kind)
);

-- The scope and format of each current report version, kept by the same ledger: coverage (reporting,
-- aggregate-only, other format, missing) joins units to this narrow table instead of report ⋈ report_version.
CREATE TABLE rollup_unit_status (
    year           smallint    NOT NULL,
    unit_code      varchar(18) NOT NULL REFERENCES unit (code),
    scope          varchar     NOT NULL CHECK (scope IN ('SELF', 'AGGREGATE')),
    format_version varchar     NOT NULL CHECK (format_version IN ('FMT2019', 'FMT2021')),
    PRIMARY KEY (year, unit_code)
);

-- Coverage queries: units of a region by kind.
CREATE INDEX unit_region_kind_idx ON unit (region_code, kind);
CREATE INDEX report_year_unit_idx ON report (year, unit_code) INCLUDE (id, current_version);
