-- Coverage from counts (issue 13): a rollup used to count every expected unit of its region against
-- rollup_unit_status, so the nation's rollup scanned every unit in the country. Coverage now comes from
-- counts kept as units and reports change, read for the region and its children like the sums:
--   * expected units: unit_tally, kept by triggers on unit (units are registered, never moved);
--   * reporting and other-format units: rollup_sum.report_count (per format), as before;
--   * aggregate-only units: rollup_sum.aggregate_count, kept by RollupLedger like report_count
--     (an AGGREGATE version adds 1 here and nothing to the sums);
--   * missing = expected − reporting − other format − aggregate only.
-- Only the capped lists of unit codes still read units, through indexes in code order per region level.

-- The unit's region's ancestors at depth 1 and 2 (itself when it is at that depth), so that the units
-- of any region are an index range in code order.
ALTER TABLE unit ADD COLUMN province_code varchar(6);
ALTER TABLE unit ADD COLUMN city_code varchar(6);

CREATE FUNCTION unit_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p varchar;
BEGIN
    SELECT path INTO p FROM region WHERE code = NEW.region_code;
    NEW.province_code := nullif(split_part(p, '/', 3), '');
    NEW.city_code := nullif(split_part(p, '/', 4), '');
    RETURN NEW;
END
$$;
CREATE TRIGGER unit_place BEFORE INSERT OR UPDATE OF region_code ON unit
    FOR EACH ROW EXECUTE FUNCTION unit_place();

UPDATE unit u SET province_code = nullif(split_part(g.path, '/', 3), ''),
                  city_code = nullif(split_part(g.path, '/', 4), '')
  FROM region g WHERE g.code = u.region_code;

CREATE INDEX unit_province_code_idx ON unit (province_code, code) INCLUDE (kind);
CREATE INDEX unit_city_code_idx ON unit (city_code, code) INCLUDE (kind);
CREATE INDEX unit_region_code_idx ON unit (region_code, code) INCLUDE (kind);

-- The same places on each unit's status row, so that "units of region X without a report" is a merge
-- of two index ranges of X in code order, however many units the rest of the country has.
ALTER TABLE rollup_unit_status ADD COLUMN region_code varchar(6);
ALTER TABLE rollup_unit_status ADD COLUMN province_code varchar(6);
ALTER TABLE rollup_unit_status ADD COLUMN city_code varchar(6);
CREATE FUNCTION rollup_unit_status_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT region_code, province_code, city_code INTO NEW.region_code, NEW.province_code, NEW.city_code
      FROM unit WHERE code = NEW.unit_code;
    RETURN NEW;
END
$$;
CREATE TRIGGER rollup_unit_status_place BEFORE INSERT ON rollup_unit_status
    FOR EACH ROW WHEN (NEW.region_code IS NULL) EXECUTE FUNCTION rollup_unit_status_place();
UPDATE rollup_unit_status s SET region_code = u.region_code, province_code = u.province_code,
                                city_code = u.city_code
  FROM unit u WHERE u.code = s.unit_code;
CREATE INDEX rollup_unit_status_province_idx ON rollup_unit_status (year, province_code, unit_code);
CREATE INDEX rollup_unit_status_city_idx ON rollup_unit_status (year, city_code, unit_code);
CREATE INDEX rollup_unit_status_region_idx ON rollup_unit_status (year, region_code, unit_code);

-- Expected units, by the same keys as rollup_sum: (R, own = true) the units located exactly at R,
-- (X, own = false) the units of X's whole subtree.
CREATE TABLE unit_tally (
    region_code varchar(6) NOT NULL REFERENCES region (code),
    own         boolean    NOT NULL,
    unit_kind   varchar    NOT NULL,
    unit_count  integer    NOT NULL,
    PRIMARY KEY (region_code, own, unit_kind)
);

-- The tally statement for a set of changed units (region_code, kind, sign ±1), a query: one upsert per
-- statement on unit, rows in key order so that concurrent registrations lock alike.
CREATE FUNCTION unit_tally_sql(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$
    INSERT INTO unit_tally AS t (region_code, own, unit_kind, unit_count)
    SELECT region_code, own, unit_kind, n FROM (
        SELECT a.code AS region_code, false AS own, c.kind AS unit_kind, sum(c.sign) AS n
          FROM (%1$s) c JOIN region g ON g.code = c.region_code,
               unnest(string_to_array(trim(both '/' from g.path), '/')) AS a(code)
         GROUP BY 1, 3
        UNION ALL
        SELECT c.region_code, true, c.kind, sum(c.sign) FROM (%1$s) c GROUP BY 1, 3) x
     WHERE n <> 0
     ORDER BY region_code, own, unit_kind
    ON CONFLICT (region_code, own, unit_kind) DO UPDATE SET unit_count = t.unit_count + EXCLUDED.unit_count
$q$, changed)
$$;

CREATE FUNCTION unit_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE unit_tally_sql('SELECT region_code, kind, 1 AS sign FROM new_units');
    RETURN NULL;
END
$$;
CREATE FUNCTION unit_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE unit_tally_sql('SELECT region_code, kind, -1 AS sign FROM old_units');
    RETURN NULL;
END
$$;
CREATE FUNCTION unit_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE unit_tally_sql('SELECT region_code, kind, -1 AS sign FROM old_units'
                           || ' UNION ALL SELECT region_code, kind, 1 FROM new_units');
    RETURN NULL;
END
$$;
CREATE TRIGGER unit_tally_inserted AFTER INSERT ON unit REFERENCING NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION unit_tally_inserted();
CREATE TRIGGER unit_tally_deleted AFTER DELETE ON unit REFERENCING OLD TABLE AS old_units
    FOR EACH STATEMENT EXECUTE FUNCTION unit_tally_deleted();
CREATE TRIGGER unit_tally_updated AFTER UPDATE ON unit REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION unit_tally_updated();
-- TRUNCATE unit would fail anyway (report and others refer to it) unless cascaded: start the tally over.
CREATE FUNCTION unit_tally_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM unit_tally;
    RETURN NULL;
END
$$;
CREATE TRIGGER unit_tally_truncated AFTER TRUNCATE ON unit
    FOR EACH STATEMENT EXECUTE FUNCTION unit_tally_truncated();

DO $$
BEGIN
    EXECUTE unit_tally_sql('SELECT region_code, kind, 1 AS sign FROM unit');
END
$$;

-- AGGREGATE current versions, counted like SELF reports (RollupLedger; RollupRepair rebuilds the years
-- whose national count disagrees with the report tables, which fills this column at the first start).
ALTER TABLE rollup_sum ADD COLUMN aggregate_count integer NOT NULL DEFAULT 0;

-- The capped lists of aggregate-only and other-format (2019 format after 2020) units, in code order.
CREATE INDEX rollup_unit_status_aggregate_idx ON rollup_unit_status (year, unit_code) WHERE scope = 'AGGREGATE';
CREATE INDEX rollup_unit_status_fmt2019_idx ON rollup_unit_status (year, unit_code)
    WHERE scope = 'SELF' AND format_version = 'FMT2019';
