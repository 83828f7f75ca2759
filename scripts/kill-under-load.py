#!/usr/bin/env python3
"""Reliability check: submit reports from 8 threads, kill -9 the service mid-load, restart it, and verify
that every submission the service acknowledged (201) is stored exactly as sent.

usage: scripts/kill-under-load.py [seconds-before-kill]   (after ./mvnw -B package -DskipTests)
Runs the packaged app on a fresh data directory in /tmp (port KILL_TEST_PORT, default 18080); needs only
python3 and a JDK. Also checks that the national rollup (striped summaries, V13) still equals the sum of the
stored reports after the kill.
"""
import json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.request, urllib.error

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
TOKEN = "kill-under-load-admin-token"
PORT = int(os.environ.get("KILL_TEST_PORT", "18080"))
SAMPLE = json.load(open(os.path.join(ROOT, "src", "test", "resources", "samples", "wolong-2024.cells.json")))

def start(workdir):
    env = dict(os.environ, NIANBAO_ADMIN_TOKEN=TOKEN, PORT=str(PORT), NIANBAO_DB_DIR=os.path.join(workdir, "pgdata"))
    env.pop("QUARKUS_DATASOURCE_JDBC_URL", None)
    log = open(os.path.join(workdir, "app.log"), "ab")
    proc = subprocess.Popen(["java", "-jar", JAR], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    t0 = time.time()
    while time.time() - t0 < 120:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/q/health/ready", timeout=2) as r:
                if r.status == 200:
                    return proc, time.time() - t0
        except Exception:
            time.sleep(0.3)
    raise SystemExit("service did not become ready")

def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method,
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None

def main():
    delay = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    workdir = tempfile.mkdtemp(prefix="nianbao-kill9-")
    proc, ready = start(workdir)
    units = []
    for page in range(1, 8):
        units += [u["code"] for u in call("GET", f"/api/v1/units?kind=PEOPLES_GOV&size=500&page={page}")[1]["items"]]
    acknowledged, errors, lock = {}, [0], threading.Lock()
    stop = threading.Event()

    def worker(slice_):
        for unit in slice_:
            if stop.is_set():
                return
            cells = dict(SAMPLE)
            cells["s2.penalty.decisions"] = random.randrange(10**6)
            try:
                status, _ = call("PUT", f"/api/v1/units/{unit}/reports/2024",
                                 {"formatVersion": "FMT2021", "scope": "SELF", "cells": cells})
            except Exception:
                errors[0] += 1
                continue
            if status == 201:
                with lock:
                    acknowledged[unit] = cells["s2.penalty.decisions"]

    threads = [threading.Thread(target=worker, args=(units[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    stop.set()
    for t in threads:
        t.join()
    print(f"killed after {delay:.1f} s: {len(acknowledged)} submissions acknowledged (201), {errors[0]} cut off")

    proc, ready = start(workdir)
    print(f"restarted in {ready:.1f} s (orphaned PostgreSQL taken over)")
    lost = 0
    for unit, penalty in acknowledged.items():
        status, body = call("GET", f"/api/v1/units/{unit}/reports/2024")
        if status != 200 or body["cells"]["s2.penalty.decisions"] != penalty:
            lost += 1
    total = call("GET", "/api/v1/reports?year=2024&size=1")[1]["total"]
    print(f"acknowledged and found intact: {len(acknowledged) - lost}/{len(acknowledged)}; lost: {lost}; "
          f"stored in all: {total} (≥ acknowledged: {total >= len(acknowledged)})")
    stored, page = [], 1
    while True:
        items = call("GET", f"/api/v1/reports?year=2024&size=500&page={page}")[1]["items"]
        stored += [i["unit"] for i in items]
        if len(items) < 500:
            break
        page += 1
    expected = sum(call("GET", f"/api/v1/units/{u}/reports/2024")[1]["cells"]["s2.penalty.decisions"] for u in stored)
    rollup = call("GET", "/api/v1/rollups/000000/2024")[1]["cells"]["s2.penalty.decisions"]
    print(f"national rollup of s2.penalty.decisions: {rollup}; sum of the {len(stored)} stored reports: {expected}"
          f" ({'exact' if rollup == expected else 'DIFFERENT'})")
    repaired = "disagreed" in open(os.path.join(workdir, "app.log"), encoding="utf-8", errors="replace").read()
    print(f"start-up repair of the summaries needed: {repaired} (the ledger's own sums survived the kill: {not repaired})")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(1 if lost or rollup != expected or repaired else 0)

if __name__ == "__main__":
    main()
