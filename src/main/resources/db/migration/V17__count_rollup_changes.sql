-- Issue 13. A cached rollup was checked on every request with a digest of the summary rows it was computed from:
-- 0.5 ms (a county) to 2 ms (the nation) of PostgreSQL CPU per request. Now every transaction that changes what
-- a rollup reads (summary rows, unit counts, which report version is current) adds one to a counter, and a cached
-- rollup is checked against the counter's sum: one small read. The digest is computed only when the sum moved.
--
-- The sum only grows, and every committed change moves it, so an unchanged sum means nothing a rollup reads has
-- changed; the triggers cover every writer (this service, other instances, an operator's SQL). Each backend adds
-- to its own row, so writers never wait for each other here; RollupCompactor folds the rows of backends that are
-- not in a transaction into row 0, which leaves the sum as it was.
CREATE TABLE rollup_epoch (
    backend integer PRIMARY KEY, -- pg_backend_pid() of the writer; 0 holds the folded rows
    changes bigint  NOT NULL CHECK (changes >= 0)
);
INSERT INTO rollup_epoch (backend, changes) VALUES (0, 0);

CREATE FUNCTION rollup_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- once per transaction (the setting is local to it, and undone with a rolled back savepoint)
    IF current_setting('nianbao.epoch_bumped', true) IS DISTINCT FROM 'on' THEN
        INSERT INTO rollup_epoch AS e (backend, changes) VALUES (pg_backend_pid(), 1)
            ON CONFLICT (backend) DO UPDATE SET changes = e.changes + 1;
        PERFORM set_config('nianbao.epoch_bumped', 'on', true);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER rollup_sum_epoch AFTER INSERT OR UPDATE OR DELETE ON rollup_sum
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_epoch_bump();
CREATE TRIGGER rollup_sum_epoch_truncate AFTER TRUNCATE ON rollup_sum
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_epoch_bump();
CREATE TRIGGER unit_tally_epoch AFTER INSERT OR UPDATE OR DELETE ON unit_tally
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_epoch_bump();
CREATE TRIGGER unit_tally_epoch_truncate AFTER TRUNCATE ON unit_tally
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_epoch_bump();
-- a region's declared (AGGREGATE) report is found through report.current_version
CREATE TRIGGER report_epoch AFTER INSERT OR UPDATE OF current_version OR DELETE ON report
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_epoch_bump();
CREATE TRIGGER report_epoch_truncate AFTER TRUNCATE ON report
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_epoch_bump();
