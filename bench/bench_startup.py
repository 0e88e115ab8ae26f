"""What a person waits for on a big store, besides the lists: the first open of a store an earlier
version made, the holidays read at a card scan, the home page's facts.

``startup.first_open_previous`` — `Store(path)` on a copy of the store as the previous version left
it (no `case_keys`, at revision 0002ze, its keys not re-keyed: `eventlog.REKEYS`), made afresh
(untimed) before each call; floor: the bare reads of the data that open goes through (every case's
subject, every word of both search indexes, every member's name key) on a raw SQLite connection.
The app opens the store on a thread and, past 0.4 s, shows a window saying so (`ui.opening`).

``startup.holidays_at_scan`` — the working calendar a card scan reads (`accounts.calendar_in`: the
holiday table, one calendar per table kept); floor: the bare SELECT of the holiday days. Compare its
p50 with `library.card_scan`'s: measured on a store of 100,000 cases, 1,000 centres and 36 holidays,
0.19-0.20 ms of a 2.4-7.3 ms scan, so it is not cached further.

``startup.home_facts`` — the home page read again as an admin sees it (`HomePage.refresh`: every
desk's counts); floor: the bare counts of the cartable, the overdue cases and the loans out.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from bench.runner import BenchContext, Benchmark
from kanoon_desk.eventlog import K_REFOLDS_DONE
from kanoon_desk.services import accounts
from kanoon_desk.store import Store


def _previous_version(src: Path, dest: Path) -> None:
    """`dest`: the store at `src` as the release before `case_keys` left it."""
    shutil.copyfile(src, dest)
    with sqlite3.connect(str(dest)) as conn:
        conn.execute("DROP TABLE IF EXISTS case_keys")
        conn.execute("UPDATE alembic_version SET version_num = '0002ze' WHERE version_num LIKE '0002%'")
        conn.execute("DELETE FROM desk_state WHERE key = ?", (K_REFOLDS_DONE,))
    conn.close()


def _first_open(ctx: BenchContext) -> Benchmark:
    src = ctx.scratch_dir / "first-open-source.sqlite3"
    with sqlite3.connect(str(ctx.store_path)) as s, sqlite3.connect(str(src)) as d:
        s.backup(d)
    dest = ctx.scratch_dir / "first-open.sqlite3"

    def prepare() -> None:
        for side in (dest, dest.with_name(dest.name + "-wal"), dest.with_name(dest.name + "-shm")):
            side.unlink(missing_ok=True)
        _previous_version(src, dest)

    def run() -> None:
        Store(dest).close()

    def floor() -> None:
        with sqlite3.connect(str(src)) as raw:
            raw.execute("SELECT id, subject FROM cases").fetchall()
            raw.execute("SELECT rowid, body FROM case_fts").fetchall()
            raw.execute("SELECT rowid, body FROM lib_titles_fts").fetchall()
            raw.execute("SELECT id, name_key FROM lib_members").fetchall()
        raw.close()

    return Benchmark("startup.first_open_previous", "ms", run, floor, repeat=5, warmup=1, prepare=prepare)


def _holidays(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path, migrate=False)
    raw = sqlite3.connect(f"file:{ctx.store_path}?mode=ro", uri=True, check_same_thread=False)

    def run() -> None:
        with store.read() as s:
            accounts.calendar_in(s)

    def floor() -> None:
        raw.execute("SELECT day FROM holidays").fetchall()

    return Benchmark("startup.holidays_at_scan", "ms", run, floor, repeat=300, warmup=5)


def _home(ctx: BenchContext) -> Benchmark:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from kanoon_desk.demo import ADMIN_PASSWORD, ADMIN_USERNAME
    from kanoon_desk.ui.app import ensure_app
    from kanoon_desk.ui.context import ChangeBus, UiContext
    from kanoon_desk.ui.home import HomePage
    from kanoon_desk.ui.tasks import TaskRunner

    ensure_app()
    store = Store(ctx.store_path, migrate=False)
    admin = accounts.login(store, ADMIN_USERNAME, ADMIN_PASSWORD)
    settings = QSettings(str(Path(tempfile.mkdtemp(dir=ctx.scratch_dir)) / "s.ini"), QSettings.Format.IniFormat)
    page = HomePage(UiContext(store, admin, ChangeBus(), TaskRunner(synchronous=True), settings))
    raw = sqlite3.connect(f"file:{ctx.store_path}?mode=ro", uri=True, check_same_thread=False)
    today = date.today().isoformat()

    def floor() -> None:
        raw.execute("SELECT count(*) FROM referrals WHERE to_user_id = ? AND status = 'open'", (admin.user_id,)).fetchone()
        raw.execute("SELECT count(*) FROM cases WHERE status = 'forwarded' AND deadline < ?", (today,)).fetchone()
        raw.execute("SELECT count(*) FROM lib_loans WHERE returned_at IS NULL AND due_on < ?", (today,)).fetchone()

    return Benchmark("startup.home_facts", "ms", page.refresh, floor, repeat=10, warmup=1)


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    return [_first_open(ctx), _holidays(ctx), _home(ctx)]
