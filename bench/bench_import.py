"""The lending desk's import at the size a centre brings: 5,000 members in one CSV, and 20,000 copies
(5,000 titles without an ISBN, four copies each, as most centres' lists are) in one XLSX, previewed
and imported into the demo store.

Each is compared with its floor, measured in the same run: the same rows' values written bare with
one `executemany` into a table of their own in one transaction (what storing the file's cells costs,
with no reading, checking, events or projections). Ratios, not seconds, are what to compare between
machines; the preview's ratio includes reading the file.
"""

from __future__ import annotations

import csv
import itertools
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

from bench.runner import BenchContext, Benchmark
from kanoon_desk.eventlog import system_actor
from kanoon_desk.services import library_import as imp
from kanoon_desk.store import Store

MEMBERS = 5_000
TITLES, COPIES_EACH = 5_000, 4
CENTRE = "1301"
TODAY = date.today()

_runs = itertools.count(1)
Rows = list[list[str]]


def _national_id(n: int) -> str:
    body = f"{n:09d}"
    check = sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
    return body + str(check if check < 2 else 11 - check)


def _members_rows(run: int) -> list[list[str]]:
    base = 700_000_000 + run * MEMBERS  # IDs no demo member has (the demo draws from other ranges)
    return [[f"عضو{i}", "بنچمارکی", _national_id(base + i), "بزرگسال", "09121234567", CENTRE]
            for i in range(MEMBERS)]


def _copies_rows(run: int) -> list[list[str]]:
    return [[f"کتاب سنجش {run}-{t}", "نویسنده سنجش", f"BI{run:03d}{t:05d}{c}", CENTRE, "B2"]
            for t in range(TITLES) for c in range(COPIES_EACH)]


def _write_members(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(["نام", "نام خانوادگی", "کد ملی", "گروه عضویت", "تلفن", "مرکز"])
        writer.writerows(rows)
    return path


def _write_copies(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("کتاب‌ها")
    ws.append(["عنوان", "نویسنده", "بارکد", "مرکز", "قفسه"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _floor(path: Path, name: str, width: int, rows_of: list[Rows]) -> Callable[[], None]:
    """Bare `executemany` of the file's rows into a table of their own, committed (then emptied,
    inside the timing: a DELETE of the same rows, which only makes the floor higher)."""
    conn = sqlite3.connect(str(path))
    table = f"bench_floor_{name}"
    conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(f'c{i} TEXT' for i in range(width))})")
    marks = ",".join("?" * width)

    def floor() -> None:
        with conn:
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows_of[0])
        with conn:
            conn.execute(f"DELETE FROM {table}")

    return floor


def _pair(ctx: BenchContext, name: str, kind: str, width: int, make: Callable[[int], Rows],
          write: Callable[[Path, Rows], Path], suffix: str) -> list[Benchmark]:
    store = Store(ctx.scratch_store(), migrate=False)
    actor = system_actor("13")
    rows_now: list[Rows] = [make(0)]
    floor = _floor(ctx.scratch_store(), name, width, rows_now)
    files: list[Path] = []
    previews: list[imp.ImportPreview] = []

    def new_file() -> Path:
        run = next(_runs)
        rows_now[0] = make(run)
        path = write(ctx.scratch_dir / f"import-{kind}-{run}{suffix}", rows_now[0])
        files.append(path)
        return path

    def preview_prepare() -> None:
        new_file()

    def preview() -> None:
        imp.preview_import(store, actor, kind, files[-1], today=TODAY)

    def commit_prepare() -> None:
        p = imp.preview_import(store, actor, kind, new_file(), today=TODAY)
        assert p.ok, [(r.line, r.errors) for r in p.errors[:3]]
        previews.append(p)

    def commit() -> None:
        imp.commit_import(store, actor, previews[-1], today=TODAY)

    return [Benchmark(f"import.{name}_preview", "s", preview, floor, repeat=2, warmup=0, prepare=preview_prepare),
            Benchmark(f"import.{name}_commit", "s", commit, floor, repeat=2, warmup=0, prepare=commit_prepare)]


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    with closing(sqlite3.connect(str(ctx.scratch_store()))) as conn:
        known = conn.execute("SELECT 1 FROM offices WHERE code = ?", (CENTRE,)).fetchone()
    if known is None:
        return []
    return [*_pair(ctx, "members_5k", "members", 6, _members_rows, _write_members, ".csv"),
            *_pair(ctx, "copies_20k", "titles", 5, _copies_rows, _write_copies, ".xlsx")]
