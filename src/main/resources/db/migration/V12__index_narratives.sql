-- Issue 12. Text findings keep where they point (span, reference, similarity, shared spans), and the
-- narratives of every current report are indexed for TXT-06 copy detection: a MinHash signature of sections
-- 一 and 五 per report, and its 32 band buckets, looked up by (year, bucket) instead of comparing with every
-- report. Rows are rewritten whenever a report gets a new current version.

ALTER TABLE report_finding ADD COLUMN detail jsonb;

CREATE TABLE narrative_signature (
    report_id bigint      PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    unit_code varchar(18) NOT NULL,
    year      smallint    NOT NULL,
    -- NULL when sections 一 and 五 are too short to compare
    minhash   integer[]   CHECK (minhash IS NULL OR cardinality(minhash) = 128)
);

CREATE TABLE narrative_band (
    year      smallint NOT NULL,
    bucket    bigint   NOT NULL,
    report_id bigint   NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    PRIMARY KEY (year, bucket, report_id)
);
CREATE INDEX narrative_band_report_idx ON narrative_band (report_id);
