-- Issue 13: every typed report row referenced row_def by a foreign key, so storing a report ran one key
-- check per row (about 40 a submission) against a table that never changes at run time (a new format comes
-- with its own migration). The same rule is now a CHECK of the row's (format, row key) against the rows of
-- row_def as they are, built here from row_def itself: evaluated in the row, no lookup. row_def stays, as
-- the catalogue's description. The foreign key to the version (one current version, cascade) stays too.
DO $$
DECLARE
    t    record;
    keys text;
BEGIN
    FOR t IN SELECT * FROM (VALUES (2, 'report_s2_row'), (3, 'report_s3_row'), (4, 'report_s4_row')) AS x (section, name)
    LOOP
        SELECT string_agg(format('(%L, %L)', format_version, row_key), ', ' ORDER BY format_version, position)
          INTO keys
          FROM row_def WHERE section = t.section;
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t.name, t.name || '_format_version_section_row_key_fkey');
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK ((format_version, row_key) IN (%s))',
                       t.name, t.name || '_row_key_check', keys);
    END LOOP;
END
$$;
