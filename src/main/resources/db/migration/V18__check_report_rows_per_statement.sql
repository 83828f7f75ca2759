-- Issue 13: the typed report rows were checked row by row and statement by statement in ways that cost more
-- than storing them. Profiled with perf on PostgreSQL under 16 submitting clients, 29% of its CPU went to two
-- constraints of report_s2_row, report_s3_row and report_s4_row:
--   * the CHECK of V15, (format_version, row_key) IN (every row of row_def): PostgreSQL reads a CHECK's stored
--     expression back from its text (stringToNode) and compiles it at every statement that writes the table,
--     and this one lists every row of every format (17%);
--   * the foreign key (version_id, format_version) to report_version: one lookup through SPI per row, about
--     34 a submission (12%).
-- Both rules stay; they are checked once per statement, over all the rows the statement wrote, by a trigger
-- with a transition table: a query over row_def and one key lookup of the version. What the foreign key
-- also did is kept with triggers on report_version: rows follow their version when it is deleted (the
-- cascade), a version's id and format cannot change under its rows, TRUNCATE takes the rows along.
-- Rows loaded with session_replication_role = replica (the benchmark's bulk load) skip these checks, as they
-- skipped the foreign key.
ALTER TABLE report_s2_row
    DROP CONSTRAINT report_s2_row_row_key_check,
    DROP CONSTRAINT report_s2_row_version_id_format_version_fkey;
ALTER TABLE report_s3_row
    DROP CONSTRAINT report_s3_row_row_key_check,
    DROP CONSTRAINT report_s3_row_version_id_format_version_fkey;
ALTER TABLE report_s4_row
    DROP CONSTRAINT report_s4_row_row_key_check,
    DROP CONSTRAINT report_s4_row_version_id_format_version_fkey;

-- The rows a statement wrote (transition table written_rows) must be rows of row_def for their format and
-- section, and belong to an existing version of their format. Each check is a query whose plan cannot go
-- wrong as the tables grow (plans are kept for the life of a pooled session): row_def is small and never
-- changes; the versions are looked up one by one by key, and a statement writes the rows of one version.
CREATE FUNCTION report_rows_checked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT n.format_version, n.section, n.row_key INTO bad
      FROM written_rows n
     WHERE NOT EXISTS (SELECT FROM row_def d
                        WHERE d.format_version = n.format_version AND d.section = n.section AND d.row_key = n.row_key)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'new row for relation "%" violates check constraint "%"', TG_TABLE_NAME, TG_TABLE_NAME || '_row_key_check'
            USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_TABLE_NAME || '_row_key_check',
                  DETAIL = format('Row %s is not a row of section %s of format %s in row_def.',
                                  bad.row_key, bad.section, bad.format_version);
    END IF;
    FOR bad IN SELECT DISTINCT version_id, format_version FROM written_rows
    LOOP
        PERFORM FROM report_version v WHERE v.id = bad.version_id AND v.format_version = bad.format_version;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'insert or update on table "%" violates its version reference', TG_TABLE_NAME
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_TABLE_NAME || '_version_check',
                      DETAIL = format('Key (version_id, format_version)=(%s, %s) is not present in table "report_version".',
                                      bad.version_id, bad.format_version);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['report_s2_row', 'report_s3_row', 'report_s4_row']
    LOOP
        -- a trigger with a transition table has one event
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS written_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION report_rows_checked()', t || '_inserted', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS written_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION report_rows_checked()', t || '_updated', t);
    END LOOP;
END
$$;

-- What the foreign key did on the version's side.
CREATE FUNCTION report_rows_follow_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE report_s2_row, report_s3_row, report_s4_row;
    ELSE
        DELETE FROM report_s2_row WHERE version_id IN (SELECT id FROM gone_versions);
        DELETE FROM report_s3_row WHERE version_id IN (SELECT id FROM gone_versions);
        DELETE FROM report_s4_row WHERE version_id IN (SELECT id FROM gone_versions);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER report_version_deleted AFTER DELETE ON report_version REFERENCING OLD TABLE AS gone_versions
    FOR EACH STATEMENT EXECUTE FUNCTION report_rows_follow_versions();
CREATE TRIGGER report_version_truncated AFTER TRUNCATE ON report_version
    FOR EACH STATEMENT EXECUTE FUNCTION report_rows_follow_versions();

CREATE FUNCTION report_version_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.format_version) IS DISTINCT FROM (OLD.id, OLD.format_version) THEN
        RAISE EXCEPTION 'the id and format of a report version do not change (version %)', OLD.id
            USING ERRCODE = 'foreign_key_violation', TABLE = 'report_version';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER report_version_key_fixed BEFORE UPDATE OF id, format_version ON report_version
    FOR EACH ROW EXECUTE FUNCTION report_version_key_fixed();
