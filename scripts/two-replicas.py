#!/usr/bin/env python3
"""Two service processes on one PostgreSQL, 32 concurrent clients.

16 clients fight over one report (411303, 2024) through both processes: each reads the current ETag (or keeps a
stale one), amends with If-Match and an Idempotency-Key drawn from a small shared pool; 16 clients submit and amend
different reports across the province 410000. Then it checks, in the database: one current (ACCEPTED) version per
report and versions 1..n without gaps; that every client was told the truth (a 200/201 names a stored version
holding exactly the document sent — or, for a re-used Idempotency-Key, the first document sent with it; a 412 came
with the then-current version); and that the rollup of 410000 equals a direct SQL sum of the report tables.

usage: scripts/two-replicas.py [--keep DIR]   (after ./mvnw -B package -DskipTests)
With --keep the loaded database is left in DIR (used by scripts/backup-restore.py).
"""
import hashlib, json, random, shutil, sys, tempfile, threading, time
sys.path.insert(0, __import__("os").path.dirname(__file__))
from opslib import Postgres, Service, APP_PORTS, report, province_units

COLUMNS = {"natural_person": "natural", "business": "business", "research": "research", "nonprofit": "nonprofit",
           "legal_service": "legal_service", "other_org": "other_org", "total": "total"}

def main():
    keep = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--keep" else None
    workdir = keep or tempfile.mkdtemp(prefix="nianbao-replicas-")
    pg = Postgres(workdir); pg.start()
    pg.psql("CREATE DATABASE nianbao")
    a = Service(workdir, APP_PORTS[0], pg.url("nianbao"), "a")
    b = Service(workdir, APP_PORTS[1], pg.url("nianbao"), "b")
    apps = [a, b]
    units = [u for u in province_units(a, limit=200) if u != "411303"]
    lock = threading.Lock()
    told = []          # (unit, status, version, value, key)
    counts = {}

    def remember(unit, status, body, value, key, sent_etag=None):
        with lock:
            counts[status] = counts.get(status, 0) + 1
            version = body.get("version") if isinstance(body, dict) else None
            current = body.get("currentVersion") if isinstance(body, dict) else None
            told.append((unit, status, version, value, key, current))

    def contested(n):
        rnd = random.Random(n)
        stale = None
        for i in range(25):
            app = apps[(n + i) % 2]
            status, headers, _ = app.call("GET", "/api/v1/units/411303/reports/2024")
            fresh = headers.get("ETag") if status == 200 else None
            etag = stale if (stale and rnd.random() < 0.3) else fresh
            stale = stale or fresh
            # a key always carries the same document (a retry), so its re-use is an idempotent replay
            k = rnd.randrange(40)
            key, value = f"shared-{k}", 1000 + k
            h = {"Idempotency-Key": key}
            if etag:
                h["If-Match"] = etag
            status, _, body = app.call("PUT", "/api/v1/units/411303/reports/2024",
                                       report({"s2.penalty.decisions": value}), h)
            remember("411303", status, body, value, key)

    def spread(n):
        rnd = random.Random(1000 + n)
        for unit in units[n::16]:
            for amend in range(2):
                app = apps[rnd.randrange(2)]
                value = rnd.randrange(10**9)
                h = {}
                if amend:
                    st, headers, _ = app.call("GET", f"/api/v1/units/{unit}/reports/2024")
                    h["If-Match"] = headers.get("ETag", "*")
                status, _, body = app.call("PUT", f"/api/v1/units/{unit}/reports/2024",
                                           report({"s2.penalty.decisions": value, "s2.licensing.decisions": rnd.randrange(10**6)}), h)
                remember(unit, status, body, value, None)

    threads = [threading.Thread(target=contested, args=(n,)) for n in range(16)] + \
              [threading.Thread(target=spread, args=(n,)) for n in range(16)]
    t0 = time.time()
    for t in threads:
        t.start()
    rss = []
    while any(t.is_alive() for t in threads):
        rss.append(max(a.rss_mib(), b.rss_mib()))
        time.sleep(0.5)
    elapsed = time.time() - t0

    # the database's own account
    rows = pg.psql("""SELECT r.unit_code, v.version, v.status, v.idempotency_key,
                             (SELECT s2.decisions FROM report_s2_row s2 WHERE s2.version_id = v.id AND s2.row_key = 'penalty')
                      FROM report r JOIN report_version v ON v.report_id = r.id WHERE r.year = 2024
                      ORDER BY 1, 2""", "nianbao")
    stored = {}
    for line in rows.splitlines():
        unit, version, status, key, penalty = line.split("|")
        stored.setdefault(unit, []).append((int(version), status, key, int(penalty) if penalty else None))
    problems = []
    for unit, versions in stored.items():
        numbers = [v[0] for v in versions]
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"{unit}: versions {numbers} have gaps")
        accepted = [v for v in versions if v[1] == "ACCEPTED"]
        if len(accepted) != 1 or accepted[0][0] != numbers[-1]:
            problems.append(f"{unit}: {len(accepted)} ACCEPTED versions")
    first_by_key = {}
    for unit, status, version, value, key, current in told:
        if status in (200, 201):
            match = [v for v in stored.get(unit, []) if v[0] == version]
            if not match:
                problems.append(f"{unit}: told version {version}, not stored")
            elif key is None and match[0][3] != value:
                problems.append(f"{unit}: told version {version} holds {match[0][3]}, sent {value}")
            elif key is not None and match[0][3] != value:
                problems.append(f"{unit}: told version {version} for key {key}, which holds {match[0][3]}, not {value}")
        elif status in (412, 428):
            if current is None or not any(v[0] == current for v in stored.get(unit, [])):
                problems.append(f"{unit}: {status} named current version {current}, not stored")
        elif status not in (422,):
            problems.append(f"{unit}: answered {status}")
    # rollup of the province against a direct sum of the report tables
    direct = {}
    for line in pg.psql("""SELECT s.row_key, sum(s.natural_person), sum(s.business), sum(s.research), sum(s.nonprofit),
                                  sum(s.legal_service), sum(s.other_org), sum(s.total)
                           FROM report r JOIN report_version v ON v.report_id = r.id AND v.version = r.current_version
                           JOIN report_s3_row s ON s.version_id = v.id
                           WHERE r.year = 2024 AND v.scope = 'SELF' AND r.unit_code IN
                             (SELECT u.code FROM unit u WHERE u.region_code LIKE '41%') GROUP BY 1""", "nianbao").splitlines():
        parts = line.split("|")
        for col, value in zip(COLUMNS.values(), parts[1:]):
            direct[f"s3.{parts[0]}.{col}"] = int(value or 0)
    status, _, rollup = a.call("GET", "/api/v1/rollups/410000/2024")
    cells = rollup.get("cells", {}) if isinstance(rollup, dict) else {}
    mismatched = [k for k, v in direct.items() if cells.get(k) != v]
    a.stop(); b.stop()
    if not keep:
        pg.stop(); shutil.rmtree(workdir, ignore_errors=True)
    else:
        pg.stop()
    contested_versions = len(stored.get("411303", []))
    print(f"{len(told)} answers in {elapsed:.1f} s by status {dict(sorted(counts.items()))}")
    print(f"reports {len(stored)}, versions {sum(len(v) for v in stored.values())}; contested report 411303: "
          f"{contested_versions} versions; {sum(1 for t in told if t[0] == '411303' and t[1] in (200, 201))} success answers "
          f"(idempotent replays and identical re-sends included), "
          f"{sum(1 for t in told if t[0] == '411303' and t[1] in (412, 428))} told their If-Match was stale or missing")
    print(f"rollup 410000/2024: {len(direct)} section-3 cells compared with the report tables, {len(mismatched)} differ "
          f"{mismatched[:5]}")
    print(f"peak RSS of a service process: {max(rss) if rss else 0} MiB")
    print(f"problems: {len(problems)} {problems[:10]}")
    ok = not problems and not mismatched and status == 200 and direct
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
