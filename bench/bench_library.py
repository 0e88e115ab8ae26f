"""Lending benchmarks: checkout by scan (committed), member look-up, title search, overdue first page,
a page of the overdue list fetched while it is scrolled, a year's lending report.

Each is compared with the bare operation on the same file: a raw SQLite insert transaction, an
indexed SELECT, a raw FTS5 MATCH, a raw LIMIT query; the scrolled page with the same page fetched as
before (the columns fitted again over every row loaded: ratio after / before, one run); the report
with the same report counting the loans by title twice, as before; the report leaving voided loans
out with the same statements counting every loan, as before.
"""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from bench.replay import CapturingStore, Replay
from bench.runner import BenchContext, Benchmark, Timed
from kanoon_desk.eventlog import system_actor
from kanoon_desk.ids import new_id
from kanoon_desk.models.library import Copy, Loan, Member, Title
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as rep
from kanoon_desk.services.accounts import working_calendar
from kanoon_desk.store import Store

#: Who reads the reports in the benchmarks (a librarian's view: with the names).
_BENCH_ADMIN = system_actor("13")

FLOOR_TABLE = ("CREATE TABLE IF NOT EXISTS bench_floor_loans (id TEXT PRIMARY KEY, copy_id TEXT, member_id TEXT, "
               "due_on TEXT, payload TEXT)")


def _raw(path: object) -> sqlite3.Connection:
    raw = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")  # the durability of the store it is compared with
    return raw


def _checkout(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.scratch_store())
    today = date.today()
    with store.read() as s:
        busy = select(Loan.member_id).where(Loan.returned_at.is_(None))
        members = list(s.scalars(select(Member.member_no).where(Member.expires_on >= today, Member.id.not_in(busy))
                                 .order_by(Member.member_no).limit(400)))
        copies = list(s.execute(select(Copy.barcode, Copy.home_centre).where(Copy.status == "on_shelf",
                                                                            Copy.loanable.is_(True))
                                .order_by(Copy.barcode).limit(2000)))
    calendar = working_calendar(store)
    pairs = iter([(members[i // 2 % len(members)], copies[i]) for i in range(len(copies))])

    def run() -> None:
        # the book scan: the member's card was scanned first (that is `library.card_scan`)
        member_no, (barcode, centre) = next(pairs)
        circ.checkout(store, system_actor(centre), member_no, barcode, today=today, calendar=calendar)

    raw = _raw(store.path)
    raw.execute(FLOOR_TABLE)

    def floor() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_floor_loans VALUES (?,?,?,?,?)",
                    (new_id(), "copy", "member", today.isoformat(), '{"copy_id":"c","member_id":"m"}'))
        raw.execute("COMMIT")

    return Benchmark("library.checkout_scan", "ms", run, floor, repeat=min(300, len(copies) - 5), warmup=3)


def _checkout_writes(ctx: BenchContext) -> Benchmark:
    """The book scan's own SQL run bare and committed (`bench.replay`), against the same one-row
    floor as `library.checkout_scan`: what the data a checkout must write costs, with no application.

    Its members and copies are others than `library.checkout_scan`'s (the two share a store: that one
    lends to the first 150 members at most, two books each). The small store has few members left
    over, so each book is returned (untimed) before the next is lent: no member reaches the limit."""
    store = CapturingStore(ctx.scratch_store())
    today = date.today()
    with store.read() as s:
        busy = select(Loan.member_id).where(Loan.returned_at.is_(None))
        members = list(s.scalars(select(Member.member_no).where(Member.expires_on >= today, Member.id.not_in(busy))
                                 .order_by(Member.member_no).offset(200).limit(400)))
        copies = list(s.execute(select(Copy.barcode, Copy.home_centre).where(Copy.status == "on_shelf",
                                                                            Copy.loanable.is_(True))
                                .order_by(Copy.barcode.desc()).limit(1000)))
    calendar = working_calendar(store)
    pairs = iter([(members[i % len(members)], copies[i]) for i in range(len(copies))])
    lent: list[tuple[str, str]] = []

    def checkout() -> None:
        member_no, (barcode, centre) = next(pairs)
        circ.checkout(store, system_actor(centre), member_no, barcode, today=today, calendar=calendar)
        lent.append((barcode, centre))

    replay = Replay(store, checkout)

    def prepare() -> None:
        while lent:  # the book the last call lent (its replay committed the loan)
            barcode, centre = lent.pop()
            circ.checkin(store, system_actor(centre), barcode, today=today)
        replay.prepare()

    raw = replay.conn
    raw.execute(FLOOR_TABLE)

    def floor() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_floor_loans VALUES (?,?,?,?,?)",
                    (new_id(), "copy", "member", today.isoformat(), '{"copy_id":"c","member_id":"m"}'))
        raw.execute("COMMIT")

    return Benchmark("library.checkout_writes", "ms", replay.run, floor, repeat=min(300, len(copies) // 2 - 5),
                     warmup=3, prepare=prepare)


def _card_scan(ctx: BenchContext) -> Benchmark:
    """The card scan at the desk: the member, their open loans, blocks and holds (no history)."""
    store = Store(ctx.store_path)
    today = date.today()
    with store.read() as s:
        busy = select(Loan.member_id).where(Loan.returned_at.is_(None)).distinct().limit(250)
        codes = itertools.cycle(list(s.scalars(select(Member.member_no).where(Member.id.in_(busy))))
                                or ["none"])

    def run() -> None:
        circ.member_desk(store, _BENCH_ADMIN, next(codes), today=today, history=0)

    raw = _raw(ctx.store_path)
    floor_codes = itertools.cycle([next(codes) for _ in range(250)])

    def floor() -> None:
        raw.execute("SELECT * FROM lib_members WHERE member_no = ?", (next(floor_codes),)).fetchall()

    return Benchmark("library.card_scan", "ms", run, floor, repeat=300, warmup=5)


def _lookup(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path)
    with store.read() as s:
        rows = list(s.execute(select(Member.member_no, Member.national_id).order_by(func.random()).limit(500)))
    codes = itertools.cycle([c for pair in rows for c in pair if c])

    def run() -> None:
        assert lib.lookup_member(store, _BENCH_ADMIN, next(codes)) is not None

    raw = _raw(ctx.store_path)
    floor_codes = itertools.cycle([r[0] for r in rows])

    def floor() -> None:
        raw.execute("SELECT * FROM lib_members WHERE member_no = ?", (next(floor_codes),)).fetchall()

    return Benchmark("library.member_lookup", "ms", run, floor, repeat=500, warmup=5)


def _search(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path)
    rng = random.Random(3)
    with store.read() as s:
        titles = list(s.scalars(select(Title.title).order_by(func.random()).limit(200)))
    words = [w for t in titles for w in t.split() if len(w) > 2] or ["ماهی"]
    queries = itertools.cycle([" ".join(rng.sample(words, 1))[:-1] for _ in range(200)])

    def run() -> None:
        lib.search_titles(store, next(queries))

    raw = _raw(ctx.store_path)
    floor_q = itertools.cycle([lib.fts_query(w) for w in words[:200]])

    def floor() -> None:
        raw.execute("SELECT title_id FROM lib_titles_fts WHERE lib_titles_fts MATCH ? LIMIT 50",
                    (next(floor_q),)).fetchall()

    return Benchmark("library.title_search", "ms", run, floor, repeat=300, warmup=5)


def _overdue(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path)
    today = date.today()

    def run() -> None:
        rep.overdue_count(store, today=today)
        rep.overdue_page(store, _BENCH_ADMIN, today=today, limit=100)

    raw = _raw(ctx.store_path)

    def floor() -> None:
        raw.execute("SELECT id, due_on FROM lib_loans WHERE returned_at IS NULL AND due_on < ? "
                    "ORDER BY due_on LIMIT 100", (today.isoformat(),)).fetchall()

    return Benchmark("library.overdue_first_page", "ms", run, floor, repeat=50, warmup=2)


#: Rows of the overdue list loaded before the page timed (a librarian a few minutes into the list).
SCROLLED_ROWS = 1000


def _overdue_scroll(ctx: BenchContext) -> Benchmark:
    """The next page of the overdue list (100 loans) fetched and drawn with SCROLLED_ROWS loaded, on
    the real page offscreen; the floor is the same with the columns fitted again at each page, as
    the library's lists did before."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from kanoon_desk.ui.app import ensure_app, set_language
    from kanoon_desk.ui.context import ChangeBus, UiContext
    from kanoon_desk.ui.library.overdue import OverduePage
    from kanoon_desk.ui.screenshots import first_admin
    from kanoon_desk.ui.tasks import TaskRunner

    app = ensure_app()
    set_language(app, "fa")
    store = Store(ctx.store_path, migrate=False)
    settings = QSettings(str(Path(ctx.scratch_dir) / "scroll.ini"), QSettings.Format.IniFormat)
    context = UiContext(store, first_admin(store), ChangeBus(), TaskRunner(synchronous=True), settings,
                        housekeeping=False)
    total = rep.overdue_count(store, today=date.today())
    print(f"bench: overdue list of {total:,} loans, a page at row {SCROLLED_ROWS:,}", flush=True)

    def page(refit_each_page: bool) -> OverduePage:
        shown = OverduePage(context)
        shown.resize(1280, 760)
        shown.show()
        if refit_each_page:
            shown.model.rowsInserted.connect(shown.table.fit_columns)
        return shown

    after, before = page(False), page(True)

    def next_page(shown: OverduePage) -> Timed:
        shown.model.reload()
        while shown.model.rowCount() < SCROLLED_ROWS and shown.model.canFetchMore():
            shown.model.fetchMore()
        app.processEvents()
        t0 = time.perf_counter()
        shown.table.scrollToBottom()  # the view asks for the next page and draws it
        app.processEvents()
        return Timed(time.perf_counter() - t0)

    return Benchmark("library.overdue_scroll_page", "ms", lambda: next_page(after), lambda: next_page(before),
                     repeat=7)


def _year_report(ctx: BenchContext) -> Benchmark:
    """The report page's figures of the last full Jalali year, all centres (`ui/library/reports._count`),
    against the same figures with the popular titles and the age groups counted apart, as before."""
    from kanoon_desk.jalali import jalali_year

    store = Store(ctx.store_path, migrate=False)
    start, end = rep.period_bounds("year", jalali_year(date.today()) - 1)
    with store.read() as s:
        loans = s.scalar(select(func.count()).select_from(Loan).where(Loan.out_on.between(start, end)))
    print(f"bench: the lending report of {start}..{end} ({loans:,} loans)", flush=True)

    def now() -> None:
        popular, ages = rep.title_figures(store, start, end)
        rep.active_readers(store, _BENCH_ADMIN, start, end), rep.active_centres(store, start, end), rep.overdue_rate(store, start, end)

    def before() -> None:
        rep.popular_titles(store, start, end), rep.loans_by_age_group(store, start, end)
        rep.active_readers(store, _BENCH_ADMIN, start, end), rep.active_centres(store, start, end), rep.overdue_rate(store, start, end)

    return Benchmark("library.year_report", "ms", now, before, repeat=5)


def _year_report_voided(ctx: BenchContext) -> Benchmark:
    """The report page's figures of the last full Jalali year, all centres, voided loans left out (the
    return stamp read from the period index, migration 0003zv), against the same statements counting
    every loan, as before: ratio after / before, one run."""
    from sqlalchemy import true

    store = Store(ctx.store_path, migrate=False)
    start, end = rep.period_bounds("year", jalali_year_of_last())
    kept = rep._NOT_VOIDED

    def figures() -> None:
        rep.title_figures(store, start, end)
        rep.active_readers(store, _BENCH_ADMIN, start, end), rep.active_centres(store, start, end)

    def before() -> None:
        rep._NOT_VOIDED = true()  # the statements as they were: no loan told apart
        try:
            figures()
        finally:
            rep._NOT_VOIDED = kept

    return Benchmark("library.year_report_voided", "ms", figures, before, repeat=5)


def jalali_year_of_last() -> int:
    """The last full Jalali year."""
    from kanoon_desk.jalali import jalali_year

    return jalali_year(date.today()) - 1


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    return [_checkout(ctx), _checkout_writes(ctx), _card_scan(ctx), _lookup(ctx), _search(ctx), _overdue(ctx),
            _overdue_scroll(ctx), _year_report(ctx), _year_report_voided(ctx)]
