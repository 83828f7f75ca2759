"""Shared helpers of the operations checks (scripts/db-outage.py, two-replicas.py, backup-restore.py): a throw-away
PostgreSQL from the distro packages, the packaged service started against it, and a small HTTP client."""
import glob, json, os, subprocess, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(os.environ.get("NIANBAO_APP_DIR", os.path.join(ROOT, "target", "quarkus-app")), "quarkus-run.jar")
TOKEN = "ops-check-admin-token-0123456789"
SAMPLE = json.load(open(os.path.join(ROOT, "src", "test", "resources", "samples", "wolong-2024.cells.json")))
PG_PORT = int(os.environ.get("OPS_PG_PORT", "18116"))
APP_PORTS = [int(p) for p in os.environ.get("OPS_APP_PORTS", "18106,18107").split(",")]
BIN = os.environ.get("PG_BIN") or sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
AS = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []


class Postgres:
    """A PostgreSQL server on its own data directory, stopped and started at will (durable settings)."""

    def __init__(self, workdir, port=PG_PORT):
        self.data, self.port = os.path.join(workdir, "pgdata"), port
        os.makedirs(self.data, exist_ok=True)
        if AS:
            subprocess.run(["chown", "postgres:", self.data, workdir], check=True)
        subprocess.run(AS + [f"{BIN}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8"],
                       check=True, stdout=subprocess.DEVNULL)

    def start(self):
        subprocess.run(AS + [f"{BIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.data, "server.log"), "-w",
                             "-o", f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c max_connections=200",
                             "start"], check=True, stdout=subprocess.DEVNULL)

    def stop(self, mode="fast"):
        subprocess.run(AS + [f"{BIN}/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"], stdout=subprocess.DEVNULL)

    def url(self, db="postgres"):
        return f"jdbc:postgresql://127.0.0.1:{self.port}/{db}"

    def psql(self, sql, db="postgres"):
        out = subprocess.run([f"{BIN}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", db,
                              "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def tool(self, name, *args):
        subprocess.run([f"{BIN}/{name}", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", *args], check=True)


class Service:
    """The packaged service on a port, pointed at a database."""

    def __init__(self, workdir, port, jdbc_url, name="app"):
        self.port = port
        env = dict(os.environ, NIANBAO_ADMIN_TOKEN=TOKEN, PORT=str(port), QUARKUS_DATASOURCE_JDBC_URL=jdbc_url,
                   QUARKUS_DATASOURCE_USERNAME="postgres", QUARKUS_DATASOURCE_PASSWORD="postgres",
                   NIANBAO_FAIR_USE_ENABLED="false")
        self.log = os.path.join(workdir, f"{name}.log")
        self.proc = subprocess.Popen(["java", "-jar", JAR], cwd=workdir, env=env,
                                     stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        t0 = time.time()
        while time.time() - t0 < 180:
            if self.proc.poll() is not None:
                raise SystemExit(f"service on {port} exited; see {self.log}")
            if self.call("GET", "/q/health/ready")[0] == 200:
                self.started_in = time.time() - t0
                return
            time.sleep(0.5)
        raise SystemExit(f"service on {port} did not become ready; see {self.log}")

    def call(self, method, path, body=None, headers=None, timeout=30):
        data = json.dumps(body).encode() if body is not None else None
        h = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        h.update(headers or {})
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                return r.status, dict(r.headers), json.loads(raw) if raw and "json" in r.headers.get("Content-Type", "") else raw
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, dict(e.headers), json.loads(raw) if raw and "json" in e.headers.get("Content-Type", "") else raw
        except Exception as e:  # connection refused, timeout
            return 0, {}, str(e)

    def rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) // 1024

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def report(cells_changes=None, scope="SELF"):
    cells = dict(SAMPLE)
    cells.update(cells_changes or {})
    return {"formatVersion": "FMT2021", "scope": scope, "cells": cells}


def province_units(service, region="410000", limit=200):
    status, _, page = service.call("GET", f"/api/v1/units?region={region}&kind=PEOPLES_GOV&size=500")
    return [u["code"] for u in page["items"]][:limit]
