#!/usr/bin/env python3
"""Database outage under load: 8 clients submit reports; PostgreSQL is stopped in the middle and started again
15 s later. Checks: every request during the outage is answered 503 application/problem+json with Retry-After
(the first within 5 s of the stop), readiness DOWN and liveness UP while it lasts, the service serves again
without a restart, and every submission it acknowledged (201) is stored exactly as sent.

usage: scripts/db-outage.py   (after ./mvnw -B package -DskipTests; root or a user who can run initdb)
"""
import random, shutil, sys, tempfile, threading, time
sys.path.insert(0, __import__("os").path.dirname(__file__))
from opslib import Postgres, Service, APP_PORTS, report, province_units

def main():
    workdir = tempfile.mkdtemp(prefix="nianbao-outage-")
    pg = Postgres(workdir); pg.start()
    app = Service(workdir, APP_PORTS[0], pg.url())
    units = province_units(app, limit=400)
    acknowledged, answers, lock, stop = {}, {}, threading.Lock(), threading.Event()
    outage = {}

    def worker(mine):
        for unit in mine:
            if stop.is_set():
                return
            value = random.randrange(10**6)
            sent = time.time()
            status, headers, body = app.call("PUT", f"/api/v1/units/{unit}/reports/2024",
                                             report({"s2.penalty.decisions": value}))
            with lock:
                answers[status] = answers.get(status, 0) + 1
                if status == 201:
                    acknowledged[unit] = value
                elif status == 503:
                    ok = headers.get("Content-Type", "").startswith("application/problem+json") and "Retry-After" in headers
                    outage.setdefault("bad503", 0)
                    outage["bad503"] += 0 if ok else 1
                    if "stopped" in outage and "first503" not in outage:
                        outage["first503"] = time.time() - outage["stopped"]
                elif status not in (0,):
                    outage.setdefault("other", []).append((status, str(body)[:200]))
            if status == 503:
                time.sleep(0.2)

    threads = [threading.Thread(target=worker, args=(units[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    time.sleep(4)
    outage["stopped"] = time.time()
    pg.stop("immediate")
    time.sleep(5)
    ready = app.call("GET", "/q/health/ready")
    live = app.call("GET", "/q/health/live")
    time.sleep(10)
    pg.start()
    restarted = time.time()
    while app.call("GET", "/q/health/ready")[0] != 200 and time.time() - restarted < 60:
        time.sleep(0.2)
    back_after = time.time() - restarted
    time.sleep(3)
    stop.set()
    for t in threads:
        t.join()
    present = sum(1 for unit, value in acknowledged.items()
                  if (r := app.call("GET", f"/api/v1/units/{unit}/reports/2024"))[0] == 200
                  and r[2]["cells"]["s2.penalty.decisions"] == value)
    app.stop(); pg.stop()
    print(f"answers by status: {dict(sorted(answers.items()))}")
    print(f"first 503 problem+json {outage.get('first503', float('nan')):.2f} s after PostgreSQL stopped; "
          f"503s without problem+json or Retry-After: {outage.get('bad503', 0)}; other statuses: {outage.get('other', [])[:5]}")
    print(f"during the outage: readiness {ready[0]} ({ready[2].get('status') if isinstance(ready[2], dict) else ready[2]}),"
          f" liveness {live[0]} ({live[2].get('status') if isinstance(live[2], dict) else live[2]})")
    print(f"ready again {back_after:.1f} s after PostgreSQL restarted, same process")
    print(f"acknowledged {len(acknowledged)}, present exactly as sent {present}")
    ok = (present == len(acknowledged) and outage.get("first503", 99) <= 5 and outage.get("bad503", 0) == 0
          and ready[0] == 503 and live[0] == 200 and back_after < 60 and not outage.get("other"))
    shutil.rmtree(workdir, ignore_errors=True)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
