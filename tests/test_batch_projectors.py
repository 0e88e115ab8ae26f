"""A batch projector leaves exactly what its projector, applied event by event, leaves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kanoon_desk import eventlog, fold
from kanoon_desk.eventlog import EventRecord, apply, apply_all
from kanoon_desk.ids import new_id
from kanoon_desk.models import Holiday
from kanoon_desk.store import Store

from .factories import make_desk

_NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _holiday(day: int, title: str | None, hlc: int) -> EventRecord:
    payload = {"removed": True} if title is None else {"title": title}
    return EventRecord(new_id(), "holiday.set", "holiday", (date(2026, 3, 1) + timedelta(days=day)).isoformat(),
                       payload, hlc, "d", "13", "u", _NOW)


# a day set, set again, removed and set again within one run; titles in Persian
_STEPS = st.lists(st.tuples(st.integers(0, 4), st.one_of(st.none(), st.sampled_from(["نوروز", "تاسوعا", "عاشورا"]))),
                  min_size=2, max_size=30)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store, _ = make_desk(tmp_path_factory.mktemp("batch") / "d.sqlite3")
    yield store
    store.close()


def _holidays(s: Session) -> dict[date, str]:
    return {h.day: h.title for h in s.scalars(select(Holiday))}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=_STEPS)
def test_holiday_batch_equals_one_by_one(desk: Store, steps: list[tuple[int, str | None]]) -> None:
    events = [_holiday(day, title, 1000 + i) for i, (day, title) in enumerate(steps)]
    with desk.transaction() as s:  # one by one, read, undone
        for ev in events:
            apply(s, ev)
        want = _holidays(s)
        s.rollback()
    with desk.transaction() as s:  # the same events as runs
        apply_all(s, events)
        s.expunge_all()
        got = _holidays(s)
        s.rollback()
    assert got == want
    last: dict[int, str | None] = {}  # the last word per day decides
    for day, title in steps:
        last[day] = title
    assert len(want) == sum(1 for t in last.values() if t is not None)


def test_batch_form_is_used_for_a_run_and_not_while_objects_are_held(tmp_path: Path) -> None:
    store, _ = make_desk(tmp_path / "d.sqlite3")
    seen: list[int] = []
    original = fold._BATCH_PROJECTORS["holiday.set"]

    def counting(s: object, run: list[eventlog.FoldEvent]) -> None:
        seen.append(len(run))
        original(s, run)  # type: ignore[arg-type]

    fold._BATCH_PROJECTORS["holiday.set"] = counting
    try:
        with store.transaction() as s:
            apply_all(s, [_holiday(i, "روز", 10 + i) for i in range(3)])
        assert seen == [3]
        with store.transaction() as s:
            held = s.scalars(select(Holiday)).first()  # an object in the session: one by one
            assert held is not None
            apply_all(s, [_holiday(0, "عید", 20), _holiday(1, "عید", 21)])
            assert held.title == "عید"  # the held object saw the fold's write
        assert seen == [3]
    finally:
        fold._BATCH_PROJECTORS["holiday.set"] = original


def test_deferred_work_runs_once_per_key_when_the_outermost_block_ends(tmp_path: Path) -> None:
    store, _ = make_desk(tmp_path / "d.sqlite3")
    ran: list[str] = []
    with store.transaction() as s:
        assert not eventlog.defer(s, "a", lambda: ran.append("now"))  # no block: the caller runs it
        with eventlog.deferring(s):
            assert eventlog.defer(s, "copy-1", lambda: ran.append("copy-1"))
            with eventlog.deferring(s):  # nested: still queued for the outer block
                assert eventlog.defer(s, "copy-2", lambda: ran.append("copy-2"))
                assert eventlog.defer(s, "copy-1", lambda: ran.append("copy-1 again"))
            assert ran == []
        assert ran == ["copy-1", "copy-2"]
        assert not eventlog.defer(s, "copy-3", lambda: None)


# --- runs of new catalogue rows (an imported title, shelf or member list, pulled or re-folded) ---

_NAMES = st.sampled_from(["ماهی سیاه کوچولو", "کلاغ‌ها", "قصه‌های شیرین", "Ali", "  علی  ", "كتاب"])
_KINDS = st.lists(st.tuples(st.sampled_from(["title", "copy", "member", "loan", "lost"]), _NAMES, st.booleans()),
                  min_size=2, max_size=40)


def _catalogue_events(kinds: list[tuple[str, str, bool]]) -> list[EventRecord]:
    """Titles, copies of the titles already made (some with a loan that came before the copy),
    members with and without optional fields, loans lost with their member (`loan.lost`, before or
    after their copy), in the order drawn; runs of one type form by chance."""
    events: list[EventRecord] = []
    titles: list[str] = []
    members: list[str] = []
    early_loans: list[tuple[str, str]] = []  # (copy id, member id): the copy comes later
    loans: list[tuple[str, str]] = []  # (loan id, copy id)
    for i, (kind, name, flag) in enumerate(kinds):
        hlc = 5000 + i
        if kind == "lost" and loans:
            loan_id, copy_id = loans.pop()
            events.append(EventRecord(new_id(), "loan.lost", "loan", loan_id,
                                      {"copy_id": copy_id, "day": "2026-03-25", "note": name}, hlc, "d", "13", "u",
                                      _NOW))
        elif kind == "title" or (kind == "copy" and not titles):
            tid = new_id()
            titles.append(tid)
            payload: dict[str, object] = {"title": name, "author": "صمد بهرنگی" if flag else ""}
            if flag:
                payload["isbn"] = "9789643375566"
            events.append(EventRecord(new_id(), "title.added", "title", tid, payload, hlc, "d", "13", "u", _NOW))
        elif kind == "copy":
            cid = new_id() if not early_loans else early_loans.pop()[0]
            events.append(EventRecord(new_id(), "copy.added", "copy", cid,
                                      {"barcode": f"B{i:05d}", "title_id": titles[-1], "home_centre": "13",
                                       "shelf": name[:3], "loanable": flag}, hlc, "d", "13", "u", _NOW))
        elif kind == "member" or not members:
            mid = new_id()
            members.append(mid)
            payload = {"member_no": f"13-{i:05d}", "first_name": name, "last_name": "احمدی"}
            if flag:
                payload.update(birth_date="2015-03-01", guardian_name="مریم", category="teen")
            events.append(EventRecord(new_id(), "member.registered", "member", mid, payload, hlc, "d", "13", "u",
                                      _NOW))
        else:
            cid, loan_id = new_id(), new_id()
            early_loans.append((cid, members[-1]))
            loans.append((loan_id, cid))
            events.append(EventRecord(new_id(), "loan.checked_out", "loan", loan_id,
                                      {"copy_id": cid, "member_id": members[-1], "due_on": "2026-03-20"},
                                      hlc, "d", "13", "u", _NOW))
    return events


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=_KINDS)
def test_catalogue_batches_equal_one_by_one(desk: Store, kinds: list[tuple[str, str, bool]]) -> None:
    events = _catalogue_events(kinds)
    with desk.transaction() as s:  # one by one, read, undone
        for ev in events:
            apply(s, ev)
        want = eventlog.projection_digests(s)
        fts_want = s.execute(text("SELECT title_id, body FROM lib_titles_fts ORDER BY title_id")).all()
        s.rollback()
    with desk.transaction() as s:  # the same events as runs
        apply_all(s, events)
        s.expunge_all()
        got = eventlog.projection_digests(s)
        fts_got = s.execute(text("SELECT title_id, body FROM lib_titles_fts ORDER BY title_id")).all()
        s.rollback()
    assert got == want
    assert fts_got == fts_want


def test_work_with_a_set_form_runs_once_for_every_item_queued(tmp_path: Path) -> None:
    store, _ = make_desk(tmp_path / "d.sqlite3")
    calls: list[list[str]] = []
    with store.transaction() as s:
        assert not eventlog.defer_each(s, "copy", "c0", calls.append)  # no block: the caller runs it
        with eventlog.deferring(s):
            for item in ("c2", "c1", "c2", "c3"):
                assert eventlog.defer_each(s, "copy", item, calls.append)
            with eventlog.deferring(s):  # nested: still one set for the outer block
                assert eventlog.defer_each(s, "copy", "c4", calls.append)
            assert calls == []
        assert calls == [["c2", "c1", "c3", "c4"]]  # each once, in first-queued order
