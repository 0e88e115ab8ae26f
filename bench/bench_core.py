"""Core benchmarks: app start to the login window (on the demo store; and against the start that
opened the store through alembic), log-in to the first page, and one event through Store.record."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
from datetime import date, timedelta

from bench.runner import BenchContext, Benchmark, Timed
from kanoon_desk.demo import ADMIN_PASSWORD, ADMIN_USERNAME
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

#: App start as `APP_START`, with the store opened as before: alembic imported and its `upgrade`
#: run at every start (reading every migration script) only to find the store at heads, after
#: the scripts were walked once more for revisions a newer version made (`known_revisions`).
APP_START_MIGRATING = """
import sys
from kanoon_desk import store as store_module
from alembic.script import ScriptDirectory
known = frozenset(r.revision for r in ScriptDirectory(str(store_module.MIGRATIONS)).walk_revisions())
store_module.schema_revisions = lambda: (known, frozenset())  # never at heads: `upgrade` each time
""" + APP_START

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

#: A fresh app on the store: the log-in window, then «ورود» timed up to the first page painted with
#: its icons. "wait": the person types the password while the log-in window preloads the main
#: window's modules (`ui/preload`, now); "at-once": no preload, the modules imported after «ورود»
#: (as before). Prints the seconds from «ورود» to the first page.
LOGIN = """
import sys, time
from PySide6.QtCore import QSettings
from kanoon_desk.store import open_store
from kanoon_desk.ui import app as shell_app
store_path, settings, user, password, mode = sys.argv[1:6]
if mode == "at-once":
    shell_app.Preloader.start = lambda self: None
app = shell_app.ensure_app()
shell_app.set_language(app, "fa")
store = open_store(store_path)
shell = shell_app.Shell(store, QSettings(settings, QSettings.Format.IniFormat), synchronous_tasks=True)
shell.start()
app.processEvents()
while mode == "wait" and not shell.preloader.done:
    app.processEvents()
login = shell.login_window
login.username.setText(user)
login.password.setText(password)
t0 = time.perf_counter()
login.try_login()
for _ in range(3):
    app.processEvents()
shell.main_window.grab()
seconds = time.perf_counter() - t0
assert shell.main_window.current_key() == "home"
store.close()
print(seconds)
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


def _app_start_store(ctx: BenchContext) -> Benchmark:
    """App start to the log-in window (run) against the same start that opened the store through
    alembic as before (floor): the ratio is after / before, measured in one run on one store."""
    env = ctx.env()
    store = str(ctx.scratch_store())

    def start(script: str) -> None:
        subprocess.run([ctx.python, "-c", script, store], env=env, cwd=ctx.root, check=True,
                       capture_output=True, timeout=120)

    return Benchmark("core.app_start_vs_alembic_open", "ms", lambda: start(APP_START),
                     lambda: start(APP_START_MIGRATING), repeat=9)


def _login(ctx: BenchContext) -> Benchmark:
    """Log-in to the first page in a fresh app: with the modules preloaded while the password is
    typed (run) against the same log-in without the preload, as it was before (floor): the ratio
    is after / before, measured in one run."""
    env = ctx.env()
    store = str(ctx.scratch_store())
    settings = str(ctx.scratch_dir / "login-settings.ini")

    def login(mode: str) -> Timed:
        done = subprocess.run([ctx.python, "-c", LOGIN, store, settings, ADMIN_USERNAME, ADMIN_PASSWORD, mode],
                              env=env, cwd=ctx.root, check=True, capture_output=True, text=True, timeout=120)
        return Timed(float(done.stdout.strip().splitlines()[-1]))

    return Benchmark("core.login_to_first_page", "ms", lambda: login("wait"), lambda: login("at-once"), repeat=5)


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
    return [_app_start(ctx), _app_start_store(ctx), _login(ctx), _event_append(ctx)]
