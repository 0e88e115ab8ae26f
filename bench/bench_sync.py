"""Sync throughput on loopback: push, pull and first-sync snapshot against a live server, and a
quiet round (nothing to move) of a desk holding the events, against one bare HTTP request.

The server runs in its own process. Floors: a raw SQLite `executemany` insert of the same rows (one transaction) for the SQLite server,
and a raw PostgreSQL `COPY` of the same rows when KANOON_TEST_PG_URL is set. Each timed call moves
`N` events; events/s = N / p50.
"""

from __future__ import annotations

import atexit
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, text

from bench.runner import BenchContext, Benchmark
from bench.sync_load import ROOT, _free_port
from kanoon_desk import state_keys
from kanoon_desk.ids import new_id
from kanoon_desk.models import Event
from kanoon_desk.server.auth import new_enrolment_code
from kanoon_desk.server.db import ServerDb
from kanoon_desk.store import Store
from kanoon_desk.sync import client, enrolment, state
from kanoon_desk.sync.report import SyncReport

REPEAT = 3


class _Server:
    """The server in its own process on 127.0.0.1 (as deployed: no GIL shared with the desk)."""

    def __init__(self, db_url: str, scratch: Path) -> None:
        self.db = ServerDb(db_url)
        port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kanoon_desk.server.cli", "--db", db_url, "--port", str(port),
             "--attachments", str(scratch / "att")], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        atexit.register(self.proc.terminate)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


def _rows(n: int, device_id: str, office: str) -> list[dict[str, Any]]:
    now = datetime.now(UTC).replace(microsecond=0)
    base = time.time_ns() // 1_000_000 << 16
    return [{"id": new_id(), "type": "holiday.set", "aggregate_type": "holiday",
             "aggregate_id": (date(1900, 1, 1) + timedelta(days=i)).isoformat(),
             "payload": {"title": f"روز {i}"}, "hlc": base + i, "device_id": device_id, "office_code": office,
             "user_id": "bench", "recorded_at": now, "schema_version": 1, "client_seq": i + 1,
             "server_seq": None} for i in range(n)]


def _desk(srv: _Server, scratch: Path, office: str, n_events: int = 0) -> Store:
    path = scratch / f"desk-{new_id()}.sqlite3"
    store, _ = enrolment.enroll(path, srv.url, new_enrolment_code(srv.db, office), first_sync=False)
    if n_events:
        ident = store.identity
        with store.transaction() as s:
            s.execute(insert(Event), _rows(n_events, ident.device_id, ident.office_code))
            store.set_state(s, state_keys.K_CURSOR, "0")
    return store


def _raw_sqlite_floor(scratch: Path, n: int) -> Callable[[], None]:

    rows = [(new_id(), "holiday.set", "holiday", str(i), json.dumps({"title": f"روز {i}"}), i, "d", "P", "u",
             "2026-01-01", 1, i + 1, i + 1, "P") for i in range(n)]

    def floor() -> None:
        path = scratch / f"floor-{new_id()}.sqlite3"
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE e (id TEXT PRIMARY KEY, type TEXT, aggregate_type TEXT, aggregate_id TEXT, "
                     "payload TEXT, hlc INTEGER, device_id TEXT, office_code TEXT, user_id TEXT, recorded_at TEXT, "
                     "schema_version INTEGER, client_seq INTEGER, server_seq INTEGER UNIQUE, scope TEXT)")
        with conn:
            conn.executemany("INSERT INTO e VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.close()

    return floor


def _copy_floor(pg_url: str, n: int) -> Callable[[], None]:
    import psycopg

    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://")
    rows = [(new_id(), "holiday.set", "holiday", str(i), json.dumps({"title": f"روز {i}"}), i, "d", "P", "u",
             "2026-01-01", 1, i + 1, i + 1, "P") for i in range(n)]

    def floor() -> None:
        with psycopg.connect(dsn) as conn:
            conn.execute("CREATE TEMP TABLE e (id varchar(36) PRIMARY KEY, type text, aggregate_type text, "
                         "aggregate_id text, payload jsonb, hlc bigint, device_id text, office_code text, "
                         "user_id text, recorded_at timestamp, schema_version int, client_seq bigint, "
                         "server_seq bigint UNIQUE, scope text)")
            with conn.cursor().copy("COPY e FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()

    return floor


def _push_bench(name: str, srv: _Server, scratch: Path, n: int, floor: Callable[[], None]) -> Benchmark:
    stores = [_desk(srv, scratch, "P", n) for _ in range(REPEAT + 1)]

    def run() -> None:
        store = stores.pop()
        c = client.SyncClient(store, batch_size=1000)
        report = SyncReport()
        c.push(report)
        c.close()
        assert report.pushed == n, report

    return Benchmark(name, "s", run, floor, REPEAT)


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    n = 5000 if ctx.size == "small" else 20000
    scratch = ctx.scratch_dir / "sync"
    scratch.mkdir(parents=True, exist_ok=True)
    srv = _Server(str(scratch / "server.sqlite3"), scratch)
    benches = [_push_bench(f"sync.push_{n}_sqlite", srv, scratch, n, _raw_sqlite_floor(scratch, n))]
    # an office that already holds n events, for pull and first sync
    source = _desk(srv, scratch, "Q", n)
    c = client.SyncClient(source, batch_size=1000)
    c.push(SyncReport())
    c.close()
    pullers = [_desk(srv, scratch, "Q") for _ in range(REPEAT + 1)]
    for store in pullers:
        with store.transaction() as s:
            store.set_state(s, state_keys.K_CURSOR, "0")

    def pull() -> None:
        c = client.SyncClient(pullers.pop(), page_size=5000)
        report = SyncReport()
        c.pull(report)
        c.close()
        assert report.pulled == n, report

    benches.append(Benchmark(f"sync.pull_{n}_sqlite", "s", pull, _raw_sqlite_floor(scratch, n), REPEAT))
    fresh = [_desk(srv, scratch, "Q") for _ in range(REPEAT + 1)]

    def first_sync() -> None:
        report = client.sync_once(fresh.pop())
        assert report.ok and report.snapshot == n, report.summary_line()

    benches.append(Benchmark(f"sync.snapshot_{n}_sqlite", "s", first_sync, _raw_sqlite_floor(scratch, n), REPEAT))

    def quiet_round() -> None:  # the desk that holds the n events: nothing to push, nothing to pull
        report = client.sync_once(source)
        assert report.ok and report.pushed == report.pulled == 0 and not report.mismatches, report.summary_line()

    http = httpx.Client(base_url=srv.url)
    atexit.register(http.close)
    benches.append(Benchmark(f"sync.quiet_round_{n}", "s", quiet_round, lambda: http.get("/v1/health"), REPEAT))
    pg_url = os.environ.get("KANOON_TEST_PG_URL", "").strip()
    if pg_url:
        engine_srv = _reset_pg(pg_url)
        pg = _Server(engine_srv, scratch)
        benches.append(_push_bench(f"sync.push_{n}_postgres", pg, scratch, n, _copy_floor(pg_url, n)))
    return benches + week_benchmarks(ctx)


def _reset_pg(url: str) -> str:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


# --- a week of a busy centre offline -----------------------------------------------------------

WEEK_LOANS, WEEK_CASES = 2000, 50


def _week_fixture(scratch: Path, seed: int) -> tuple[Store, Store, int]:
    """A fresh server; desk B of centre 1301 (synced, idle) and desk A of the same centre, which then
    works offline: registers 300 members and 1,500 copies, lends 2,000 times and takes 50 complaints
    through the secretariat (everything the demo generators do through the services)."""
    import random

    from kanoon_desk.demo import library as demo_library
    from kanoon_desk.demo import secretariat as demo_secretariat
    from kanoon_desk.eventlog import system_actor
    from kanoon_desk.services import accounts
    from kanoon_desk.services import library as lib

    root = scratch / f"week-{seed}"
    root.mkdir()
    srv = _Server(str(root / "server.sqlite3"), root)
    centre = "1301"
    a, _ = enrolment.enroll(root / "a.sqlite3", srv.url, new_enrolment_code(srv.db, centre), first_sync=False)
    actor = system_actor(centre)
    lib.add_centre(a, actor, centre, "مرکز فرهنگی هنری شماره ۱", province="تهران", city="تهران")
    for username, role in (("clerk1", "clerk"), ("expert1", "expert"), ("manager1", "manager")):
        accounts.create_user(a, actor, username=username, full_name=f"کاربر {username}", password="kanoon-1234",
                             roles={role}, must_change_password=False)
    assert client.sync_once(a).ok  # the centre and its staff are known everywhere before the week
    b, report = enrolment.enroll(root / "b.sqlite3", srv.url, new_enrolment_code(srv.db, centre))
    assert report is not None and report.ok, report
    before = state.pending_count(a)
    rng = random.Random(seed)
    today = date.today()
    demo_secretariat.generate_agencies(a, rng)
    demo_library.generate(a, rng, centres=[centre], members=300, copies=1500, loans=WEEK_LOANS, today=today)
    demo_secretariat.generate(a, rng, cases=WEEK_CASES, today=today, bulk=False)
    return a, b, state.pending_count(a) - before


def week_benchmarks(ctx: BenchContext) -> list[Benchmark]:
    """`sync.week_offline_round`: the offline desk's first round back (push the week, pull, verify);
    `sync.week_offline_receive`: the centre's other desk's next round, which folds the whole week in."""
    scratch = ctx.scratch_dir / "sync-week"
    scratch.mkdir(parents=True, exist_ok=True)
    fixtures = [_week_fixture(scratch, seed) for seed in range(REPEAT)]
    events = min(n for _, _, n in fixtures)
    print(f"  sync.week_offline: {', '.join(str(n) for _, _, n in fixtures)} events offline per desk", flush=True)
    senders, receivers = [a for a, _, _ in fixtures], [b for _, b, _ in fixtures]
    unsent = list(senders)  # receive's own turn through the fixtures (the round pops `senders`)

    def round_back() -> None:
        report = client.sync_once(senders.pop())
        assert report.ok and report.pushed >= events, report.summary_line()

    def week_on_server() -> None:  # run alone (`--only sync.week_offline_receive`), the round did not
        sender = unsent.pop()
        if state.pending_count(sender):
            assert client.sync_once(sender).ok

    def receive() -> None:
        report = client.sync_once(receivers.pop())
        assert report.ok and report.pulled >= events, report.summary_line()

    floor = _raw_sqlite_floor(scratch, events)
    return [Benchmark("sync.week_offline_round", "s", round_back, floor, REPEAT, warmup=0),
            Benchmark("sync.week_offline_receive", "s", receive, floor, REPEAT, warmup=0, prepare=week_on_server)]
