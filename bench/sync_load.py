"""Load test: 1,000 simulated devices push a batch each to a server process on loopback.

    .venv/bin/python -m bench.sync_load [--devices 1000] [--events 20] [--concurrency 50] [--db URL]

Prints p50/p99 push latency, throughput and errors (bounded: loopback only, one batch per device).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from kanoon_desk.ids import new_id
from kanoon_desk.server.auth import enrol, new_enrolment_code
from kanoon_desk.server.db import ServerDb

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _body(device_id: str, office: str, n: int) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat()
    base = time.time_ns() // 1_000_000 << 16
    events = [{"id": new_id(), "type": "loan.checked_out", "aggregate_type": "loan", "aggregate_id": new_id(),
               "payload": {"copy": new_id(), "member": new_id()}, "hlc": base + i, "device_id": device_id,
               "office_code": office, "user_id": "u", "recorded_at": now} for i in range(n)]
    return {"device_id": device_id, "batch_id": new_id(), "first_client_seq": 1, "events": events}


def load_test(devices: int = 1000, events: int = 20, concurrency: int = 50, db: str | None = None) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="kanoon-load-"))
    db = db or str(tmp / "server.sqlite3")
    server_db = ServerDb(db)
    creds: list[tuple[str, str, str]] = []
    for i in range(devices):
        office = f"C{i % 200:03d}"
        got = enrol(server_db, new_enrolment_code(server_db, office))
        creds.append((got.device_id, got.secret, office))
    server_db.close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kanoon_desk.server.cli", "--db", db, "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        bodies = [_body(d, o, events) for d, _, o in creds]
        http = httpx.Client(base_url=url, timeout=60, limits=httpx.Limits(max_connections=concurrency))

        def one(i: int) -> tuple[float, bool]:
            device_id, secret, _ = creds[i]
            t0 = time.perf_counter()
            try:
                r = http.post("/v1/push", json=bodies[i], headers={"Authorization": f"Bearer {device_id}:{secret}"})
                ok = r.status_code == 200 and all(x["status"] == "stored" for x in r.json()["results"])
            except httpx.HTTPError:
                ok = False
            return time.perf_counter() - t0, ok

        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, range(devices)))
        wall = time.perf_counter() - t0
        http.close()
    finally:
        proc.terminate()
        proc.wait(10)
    lat = sorted(r[0] for r in results)
    return {"devices": devices, "events_per_push": events, "concurrency": concurrency,
            "p50_ms": round(statistics.median(lat) * 1000, 1),
            "p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000, 1),
            "errors": sum(1 for r in results if not r[1]), "events_per_s": round(devices * events / wall)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.sync_load")
    ap.add_argument("--devices", type=int, default=1000)
    ap.add_argument("--events", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--db", default=None)
    args = ap.parse_args(argv)
    print(load_test(args.devices, args.events, args.concurrency, args.db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
