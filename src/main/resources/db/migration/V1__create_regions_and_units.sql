-- Divisions (GB/T 2260 / NBS statistical codes) and the reporting units located in them.

CREATE TABLE region (
    code             varchar(6)  PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name             varchar     NOT NULL,
    level            varchar     NOT NULL CHECK (level IN ('NATION', 'PROVINCE', 'CITY', 'CITY_PLACEHOLDER', 'COUNTY')),
    parent_code      varchar(6)  REFERENCES region (code),
    -- materialized path from the root, e.g. '/000000/410000/411300/411303/'; a subtree is a path prefix
    path             varchar     NOT NULL UNIQUE,
    depth            smallint    NOT NULL CHECK (depth BETWEEN 0 AND 3),
    statistical_zone boolean     NOT NULL DEFAULT false,
    edition          smallint    NOT NULL,
    CHECK ((level = 'NATION') = (parent_code IS NULL))
);
CREATE INDEX region_parent_idx ON region (parent_code);
CREATE INDEX region_path_idx ON region (path varchar_pattern_ops);

CREATE TABLE unit (
    code         varchar(18) PRIMARY KEY CHECK (code ~ '^([0-9]{6}|[0-9A-HJ-NPQRTUWXY]{18})$'),
    name         varchar     NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind         varchar     NOT NULL CHECK (kind IN ('PEOPLES_GOV', 'GOV_OFFICE', 'DEPARTMENT', 'TOWNSHIP_GOV',
                     'SUBDISTRICT_OFFICE', 'ZONE_ADMIN', 'DISPATCHED', 'AUTHORIZED_ORG', 'VERTICAL_BRANCH')),
    region_code  varchar(6)  NOT NULL REFERENCES region (code),
    parent_code  varchar(18) REFERENCES unit (code),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_region_idx ON unit (region_code);
CREATE INDEX unit_kind_idx ON unit (kind);
