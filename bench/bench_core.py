"""Core benchmarks: app start to the login window (on the demo store), and one event through Store.record."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
from datetime import date, timedelta

from bench.runner import BenchContext, Benchmark
from kanoon_desk.eventlog import system_actor
from kanoon_desk.ids import new_id
from kanoon_desk.store import Store

#: App start as `kanoon-desk --db PATH` does it, up to the rendered log-in window (then exit).
APP_START = """
import sys
from kanoon_desk.store import open_store
from kanoon_desk.ui.app import ensure_app, set_language
from kanoon_desk.ui.login import LoginWindow
app = ensure_app()
set_language(app, "fa")
store = open_store(sys.argv[1])
w = LoginWindow(store)
w.show()
app.processEvents()
w.grab()
store.close()
print("login window ok")
"""

#: The floor of app start: a bare PySide6 window with a small form and a table, shown and rendered.
BARE_WINDOW = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QFormLayout, QLineEdit, QPushButton, QTableWidget,
                               QVBoxLayout, QWidget)
app = QApplication(sys.argv)
app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
w = QWidget()
lay = QVBoxLayout(w)
form = QFormLayout()
form.addRow("نام کاربری", QLineEdit())
form.addRow("گذرواژه", QLineEdit())
lay.addLayout(form)
lay.addWidget(QPushButton("ورود"))
lay.addWidget(QTableWidget(10, 4))
w.show()
app.processEvents()
w.grab()
print("bare window ok")
"""

FLOOR_TABLE = """CREATE TABLE IF NOT EXISTS bench_floor_events (
    id TEXT PRIMARY KEY, type TEXT, aggregate_type TEXT, aggregate_id TEXT, payload TEXT, hlc INTEGER,
    device_id TEXT, office_code TEXT, user_id TEXT, recorded_at TEXT)"""


def _app_start(ctx: BenchContext) -> Benchmark:
    env = ctx.env()
    store = str(ctx.scratch_store())

    def run() -> None:
        subprocess.run([ctx.python, "-c", APP_START, store], env=env, cwd=ctx.root, check=True,
                       capture_output=True, timeout=120)

    def floor() -> None:
        subprocess.run([ctx.python, "-c", BARE_WINDOW], env=env, cwd=ctx.root, check=True,
                       capture_output=True, timeout=120)

    return Benchmark("core.app_start", "ms", run, floor, repeat=7)


def _event_append(ctx: BenchContext) -> Benchmark:
    path = ctx.scratch_store()
    store = Store(path)
    actor = system_actor(store.identity.office_code)
    days = itertools.count()

    def run() -> None:
        day = (date(1700, 1, 1) + timedelta(days=next(days))).isoformat()
        with store.transaction() as s:
            store.record(s, actor, "holiday.set", day, {"title": "تعطیل آزمایشی"})

    raw = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")  # the durability of the store it is compared with
    raw.execute(FLOOR_TABLE)
    hlc = itertools.count(1)

    def floor() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_floor_events VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (new_id(), "holiday.set", "holiday", "1700-01-01", '{"title":"تعطیل آزمایشی"}',
                     next(hlc), "device", "13", "user", "2026-01-01 00:00:00.000000"))
        raw.execute("COMMIT")

    return Benchmark("core.event_append", "ms", run, floor, repeat=300, warmup=5)


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    return [_app_start(ctx), _event_append(ctx)]
