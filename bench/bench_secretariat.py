"""Secretariat benchmarks: intake committed (events, projection, FTS, audit, tracking number) against a
bare SQLite insert transaction; word search against a bare FTS5 MATCH; the first page (count +
first rows) of a 100k-item cartable, of the same filtered by words, and of the overdue queue against
the bare SELECTs; the last full
Jalali year's report against the same report read as before (ratio: after / before, one run)."""

from __future__ import annotations

import itertools
import random
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import func, select

from bench.replay import CapturingStore, Replay
from bench.runner import BenchContext, Benchmark
from kanoon_desk.eventlog import Actor, system_actor
from kanoon_desk.ids import new_id
from kanoon_desk.jalali import jalali_year
from kanoon_desk.models import Event, User
from kanoon_desk.models.secretariat import Case, case_clock_events, case_clock_field
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services import secretariat_reports as sr
from kanoon_desk.services import secretariat_time
from kanoon_desk.services.secretariat_time import Span
from kanoon_desk.store import Store

WORDS = ("برق", "پروانه ساختمانی", "آسفالت", "قطعی مکرر", "انشعاب آب", "مستمری", "زهرا", "محمدی",
         "یارانه", "سند")
CARTABLE_ROWS = 100_000

FLOOR_TABLE = """CREATE TABLE IF NOT EXISTS bench_floor_cases (
    id TEXT PRIMARY KEY, tracking_code TEXT UNIQUE, status TEXT, applicant_name TEXT, national_id TEXT,
    subject TEXT, text TEXT, received_date TEXT)"""


def _national_ids(rng: random.Random) -> Any:
    while True:
        body = f"{rng.randint(1, 999_999_999):09d}"
        s = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        yield body + str(s if s < 2 else 11 - s)


def _clerk(store: Store) -> Actor:
    with store.read() as s:
        for u in s.scalars(select(User).where(User.active.is_(True))):
            if "clerk" in u.role_set:
                return Actor(u.id, u.username, u.full_name, u.office_code, u.role_set)
    return system_actor(store.identity.office_code)


def _register(ctx: BenchContext) -> Benchmark:
    path = ctx.scratch_store()
    store = Store(path)
    clerk = _clerk(store) if _clerk(store).has("clerk") else system_actor(store.identity.office_code)
    ids = _national_ids(random.Random(5))
    n = itertools.count()
    today = date.today()

    def run() -> None:
        sec.intake(store, clerk, sec.CaseInput(
            national_id=next(ids), first_name="زهرا", last_name="کریمی", mobile="09121234567",
            address="خیابان آزادی", subject="قطعی مکرر برق در محله", text="برق محله ما هر شب قطع می‌شود.",
            category="خدمات شهری", channel="in_person"), on=today)

    raw = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")  # the durability of the store it is compared with
    raw.execute(FLOOR_TABLE)

    def floor() -> None:
        i = next(n)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_floor_cases VALUES (?,?,?,?,?,?,?,?)",
                    (new_id(), f"B{i:012d}", "received", "زهرا کریمی", "0012345678", "قطعی مکرر برق در محله",
                     "برق محله ما هر شب قطع می‌شود.", today.isoformat()))
        raw.execute("COMMIT")

    return Benchmark("secretariat.register", "ms", run, floor, repeat=200, warmup=5)


def _register_writes(ctx: BenchContext) -> Benchmark:
    """The intake's own SQL run bare and committed (`bench.replay`), against the same one-row floor
    as `secretariat.register`: what the data an intake must write costs, with no application."""
    path = ctx.scratch_store()
    store = CapturingStore(path)
    clerk = _clerk(store) if _clerk(store).has("clerk") else system_actor(store.identity.office_code)
    ids = _national_ids(random.Random(6))
    today = date.today()
    replay = Replay(store, lambda: sec.intake(store, clerk, sec.CaseInput(
        national_id=next(ids), first_name="زهرا", last_name="کریمی", mobile="09121234567",
        address="خیابان آزادی", subject="قطعی مکرر برق در محله", text="برق محله ما هر شب قطع می‌شود.",
        category="خدمات شهری", channel="in_person"), on=today))
    n = itertools.count(10_000_000)
    raw = replay.conn
    raw.execute(FLOOR_TABLE)

    def floor() -> None:
        i = next(n)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_floor_cases VALUES (?,?,?,?,?,?,?,?)",
                    (new_id(), f"B{i:012d}", "received", "زهرا کریمی", "0012345678", "قطعی مکرر برق در محله",
                     "برق محله ما هر شب قطع می‌شود.", today.isoformat()))
        raw.execute("COMMIT")

    return Benchmark("secretariat.register_writes", "ms", replay.run, floor, repeat=200, warmup=5,
                     prepare=replay.prepare)


def _search(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path, migrate=False)
    actor = system_actor(store.identity.office_code)
    words = itertools.cycle(WORDS)
    floor_words = itertools.cycle(WORDS)
    raw = sqlite3.connect(f"file:{ctx.store_path}?mode=ro", uri=True, check_same_thread=False)

    def run() -> None:
        q.search(store, actor, q.SearchQuery(text=next(words)), limit=50)

    def floor() -> None:
        raw.execute("SELECT rowid FROM case_fts WHERE case_fts MATCH ? ORDER BY rowid DESC LIMIT 50",
                    (q.fts_match(next(floor_words)),)).fetchall()

    return Benchmark("secretariat.search", "ms", run, floor, repeat=200, warmup=10)


#: What a clerk types at intake: the demo's own subjects, one written again with more words, one
#: with Arabic letters, a long one like none (every candidate read and refused) and one word.
HINT_SUBJECTS = ("قطعی مکرر برق در محله", "شکایت از تأخیر طولانی در پرداخت یارانه بیمه خانواده",
                 "عدم جمع‌آوري پسماند", "درخواست رسیدگی به وضعیت آسفالت و روشنایی معابر و پارک محله ما",
                 "مستمری")


def _duplicate_hint(ctx: BenchContext) -> Benchmark:
    """The intake's similar-cases hint (a national ID and a subject, as the clerk leaves the
    field), against the floor: one bare FTS5 MATCH of the subject's first word, a page of ten."""
    store = Store(ctx.store_path, migrate=False)
    actor = system_actor(store.identity.office_code)
    with store.read() as s:
        on = s.scalar(select(func.max(Case.received_date))) or date.today()
        nids = list(s.scalars(select(Case.national_id).order_by(Case.fts_key.desc()).limit(50)))
    typed = itertools.cycle(list(itertools.product(nids[:10], HINT_SUBJECTS)))
    floor_words = itertools.cycle(HINT_SUBJECTS)
    raw = sqlite3.connect(f"file:{ctx.store_path}?mode=ro", uri=True, check_same_thread=False)

    def run() -> None:
        nid, subject = next(typed)
        q.possible_duplicates(store, actor, nid, subject, on=on)

    def floor() -> None:
        raw.execute("SELECT rowid FROM case_fts WHERE case_fts MATCH ? ORDER BY rowid DESC LIMIT 10",
                    (q.fts_match(q.subject_words(next(floor_words))[0]),)).fetchall()

    return Benchmark("secretariat.duplicate_hint", "ms", run, floor, repeat=100, warmup=5)


def _fill_cartable(path: Any, user_id: str) -> None:
    """Give the bench user a cartable of CARTABLE_ROWS open items (referrals to existing cases)."""
    con = sqlite3.connect(str(path))
    have = con.execute("SELECT count(*) FROM referrals WHERE to_user_id=? AND status='open'", (user_id,)).fetchone()[0]
    if have < CARTABLE_ROWS:
        cases = [r[0] for r in con.execute("SELECT id FROM cases LIMIT ?", (CARTABLE_ROWS,))]
        rows = []
        for i in range(CARTABLE_ROWS - have):
            rid = new_id()
            rows.append((rid, rid, cases[i % len(cases)], user_id, user_id, "action", "بررسی شود", "[]",
                         f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 08:{i % 60:02d}:00.000000", i % 3 == 0, "open"))
        con.executemany("INSERT INTO referrals (id, referral_id, case_id, from_user_id, to_user_id, kind, "
                        "instruction, cc, sent_at, read, status) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.commit()
    con.close()


def _cartable(ctx: BenchContext) -> Benchmark:
    path = ctx.scratch_store()
    store = Store(path)
    actor = Actor(new_id(), "bench_manager", "مدیر آزمایشی", store.identity.office_code, frozenset({"manager"}))
    _fill_cartable(path, actor.user_id)
    raw = sqlite3.connect(str(path), check_same_thread=False)

    def run() -> None:  # what the lazy model does on show: count, then the first page
        q.cartable_count(store, actor)
        q.cartable(store, actor, limit=200)

    def floor() -> None:
        raw.execute("SELECT count(*) FROM referrals WHERE to_user_id=? AND status='open'", (actor.user_id,)).fetchone()
        raw.execute("SELECT r.id, c.subject FROM referrals r JOIN cases c ON c.id = r.case_id WHERE r.to_user_id=? "
                    "AND r.status='open' ORDER BY r.sent_at LIMIT 200", (actor.user_id,)).fetchall()

    return Benchmark("secretariat.cartable_first_rows", "ms", run, floor, repeat=50, warmup=2)


#: What a manager types in the cartable's filter box: the demo's words, a folded spelling («تاخیر»
#: for «تأخیر»), a half-space typed as a space, and a word no item has (every item read).
CARTABLE_WORDS = ("برق", "تاخیر", "جمع آوری", "یارانه", "سیل")


def _cartable_words(ctx: BenchContext) -> Benchmark:
    """The cartable filtered by words (what the lazy model does: count, then the first page) over
    CARTABLE_ROWS items, against the bare SELECTs matching the stored subject itself (no key)."""
    path = ctx.scratch_store()
    store = Store(path)
    actor = Actor(new_id(), "bench_manager_words", "مدیر آزمایشی", store.identity.office_code, frozenset({"manager"}))
    _fill_cartable(path, actor.user_id)
    raw = sqlite3.connect(str(path), check_same_thread=False)
    words, floor_words = itertools.cycle(CARTABLE_WORDS), itertools.cycle(CARTABLE_WORDS)

    def run() -> None:
        typed = next(words)
        q.cartable_count(store, actor, words=typed)
        q.cartable(store, actor, limit=200, words=typed)

    def floor() -> None:
        like = "%" + next(floor_words) + "%"
        raw.execute("SELECT count(*) FROM referrals r JOIN cases c ON c.id = r.case_id WHERE r.to_user_id=? "
                    "AND r.status='open' AND c.subject LIKE ?", (actor.user_id, like)).fetchone()
        raw.execute("SELECT r.id, c.subject FROM referrals r JOIN cases c ON c.id = r.case_id WHERE r.to_user_id=? "
                    "AND r.status='open' AND c.subject LIKE ? ORDER BY r.sent_at LIMIT 200",
                    (actor.user_id, like)).fetchall()

    return Benchmark("secretariat.cartable_words", "ms", run, floor, repeat=10, warmup=1)


def _overdue(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path, migrate=False)
    actor = system_actor(store.identity.office_code)
    on = date.today()
    raw = sqlite3.connect(f"file:{ctx.store_path}?mode=ro", uri=True, check_same_thread=False)
    with store.read() as s:
        total = s.scalar(select(func.count()).select_from(Case).where(Case.status == "forwarded"))
    print(f"bench: overdue queue over {total:,} forwarded cases", flush=True)

    def run() -> None:
        q.overdue_count(store, actor, on=on)
        q.overdue(store, actor, on=on, limit=200)

    def floor() -> None:
        raw.execute("SELECT count(*) FROM cases WHERE status='forwarded' AND deadline < ?", (on.isoformat(),)).fetchone()
        raw.execute("SELECT id, subject FROM cases WHERE status='forwarded' AND deadline < ? ORDER BY deadline "
                    "LIMIT 200", (on.isoformat(),)).fetchall()

    return Benchmark("secretariat.overdue_first_rows", "ms", run, floor, repeat=50, warmup=2)


def spans_as_before(s: Any, p: sr.Period) -> dict[str, tuple[list[Span], list[Span]]]:
    """The agencies' spans and the closed spans as the report read them before (SQLAlchemy's result
    rows, each payload day parsed again): the "before" of `secretariat.year_report`, and the
    reference its test compares the report with."""
    closed_ids = select(Case.id).where(Case.closed_on.between(p.start, p.end))
    rows = s.connection().execute(select(Event.aggregate_id, Event.type, case_clock_field("day"),
                                         case_clock_field("letter_date"), case_clock_field("decision"))
                                  .where(Event.aggregate_id.in_(closed_ids), case_clock_events())
                                  .order_by(Event.aggregate_id, Event.hlc, Event.id))
    events: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for case_id, kind, day, letter_date, decision in rows:
        events.setdefault(case_id, []).append((kind, {"day": day, "letter_date": letter_date, "decision": decision}))
    return {case_id: (secretariat_time.agency_spans(steps), secretariat_time.closed_spans(steps))
            for case_id, steps in events.items()}


@contextmanager
def report_as_before() -> Iterator[None]:
    """`build_report` as it read the clock events before (`spans_as_before`, days not cached)."""
    spans, day = sr._clock_spans, secretariat_time._iso_day
    sr._clock_spans, secretariat_time._iso_day = spans_as_before, date.fromisoformat  # type: ignore[assignment]
    try:
        yield
    finally:
        sr._clock_spans, secretariat_time._iso_day = spans, day


def _year_report(ctx: BenchContext) -> Benchmark:
    store = Store(ctx.store_path, migrate=False)
    actor = system_actor(store.identity.office_code)
    on = date.today()
    year = sr.period("year", jalali_year(on) - 1)  # the last full Jalali year
    with store.read() as s:
        closed = s.scalar(select(func.count()).select_from(Case).where(Case.closed_on.between(year.start, year.end)))
    print(f"bench: the report of {year.year} ({closed:,} cases closed in it)", flush=True)

    def before() -> None:
        with report_as_before():
            sr.build_report(store, actor, year, on=on)

    return Benchmark("secretariat.year_report", "ms", lambda: sr.build_report(store, actor, year, on=on), before,
                     repeat=5)


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    return [_register(ctx), _register_writes(ctx), _search(ctx), _duplicate_hint(ctx), _cartable(ctx),
            _cartable_words(ctx), _overdue(ctx), _year_report(ctx)]
