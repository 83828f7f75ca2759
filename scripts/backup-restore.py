#!/usr/bin/env python3
"""Backup and restore, proven: loads a database (scripts/two-replicas.py), dumps it with pg_dump, restores the dump
into a fresh database with pg_restore, starts the service on each, and compares through the API every report
(current document and every version with its history) and the rollups of the nation, every province with reports
and every city with reports: they must be identical.

usage: scripts/backup-restore.py   (after ./mvnw -B package -DskipTests)
"""
import json, os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from opslib import Postgres, Service, APP_PORTS

def main():
    workdir = tempfile.mkdtemp(prefix="nianbao-backup-")
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "two-replicas.py"), "--keep", workdir], check=True)
    pg = Postgres.__new__(Postgres)
    pg.data, pg.port = os.path.join(workdir, "pgdata"), int(os.environ.get("OPS_PG_PORT", "18116"))
    pg.start()
    dump = os.path.join(workdir, "nianbao.dump")
    pg.tool("pg_dump", "-Fc", "-d", "nianbao", "-f", dump)
    pg.psql("CREATE DATABASE nianbao_restored")
    pg.tool("pg_restore", "--no-owner", "-d", "nianbao_restored", dump)
    size = os.path.getsize(dump)
    original = Service(workdir, APP_PORTS[0], pg.url("nianbao"), "original")
    restored = Service(workdir, APP_PORTS[1], pg.url("nianbao_restored"), "restored")

    def everything(app):
        seen, reports, page = {}, [], 1
        while True:
            status, _, body = app.call("GET", f"/api/v1/reports?size=500&page={page}&sort=unit")
            assert status == 200, body
            reports += body["items"]
            if len(body["items"]) < 500:
                break
            page += 1
        versions = 0
        for item in reports:
            unit = item["unit"]
            year = item["year"]
            _, _, current = app.call("GET", f"/api/v1/units/{unit}/reports/{year}")
            _, _, history = app.call("GET", f"/api/v1/units/{unit}/reports/{year}/versions")
            seen[f"{unit}/{year}"] = (current, history)
            for v in history.get("versions", []):
                _, _, old = app.call("GET", f"/api/v1/units/{unit}/reports/{year}?version={v['version']}")
                seen[f"{unit}/{year}/v{v['version']}"] = old
                versions += 1
        regions = {"000000"} | {k[:2] + "0000" for k in seen} | {k[:4] + "00" for k in seen}
        for region in sorted(regions):
            seen[f"rollup {region}"] = app.call("GET", f"/api/v1/rollups/{region}/2024")[2]
        return seen, len(reports), versions, len(regions)

    a, reports, versions, rollups = everything(original)
    b, *_ = everything(restored)
    differing = [k for k in a if json.dumps(a[k], sort_keys=True) != json.dumps(b.get(k), sort_keys=True)]
    original.stop(); restored.stop(); pg.stop()
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"dump {size / 1e6:.1f} MB; compared {reports} reports, {versions} versions, {rollups} rollups; "
          f"{len(differing)} differ {differing[:5]}")
    ok = not differing and reports > 0 and len(a) == len(b)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
