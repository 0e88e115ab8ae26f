"""The secretariat demo: the bulk path writes what the record path would (re-fold proves it)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from kanoon_desk.demo import secretariat as demo
from kanoon_desk.eventlog import projection_digests, refold_all, verify_audit_chain
from kanoon_desk.models import Counter, Event
from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_reports import build_report, period

from .secretariat_helpers import make_secretariat_desk

TODAY = date(2025, 11, 20)


def _fts_rows(store: object) -> int:
    from sqlalchemy import text

    with store.read() as s:  # type: ignore[attr-defined]
        return int(s.scalar(text("SELECT count(*) FROM case_fts")))


def test_bulk_path_equals_a_refold_and_keeps_the_audit_chain(tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    counts = demo.generate(d.store, random.Random(7), cases=200, today=TODAY, bulk=True)
    assert sum(counts.values()) == 200
    assert set(counts) == {"received", "accepted", "registered", "referred", "forwarded", "answered",
                           "rejected", "closed"}
    with d.store.read() as s:
        before = projection_digests(s)
        assert verify_audit_chain(s) == []
        seq = s.scalar(select(func.max(Event.client_seq)))
        assert s.get(Counter, ("client_seq", 0)).value == seq  # type: ignore[union-attr]
    hits = q.search_count(d.store, d.admin, q.SearchQuery(text="برق"))
    assert _fts_rows(d.store) == 200
    with d.store.transaction() as s:
        refold_all(s)
        assert projection_digests(s) == before
    with d.store.transaction() as s:  # many small chunks: a case's events fall in different chunks
        refold_all(s, batch=29)
        assert projection_digests(s) == before
    assert q.search_count(d.store, d.admin, q.SearchQuery(text="برق")) == hits
    # the desk goes on working after a bulk fill: new numbers follow the bulk ones
    from kanoon_desk.services import secretariat as sec

    from .secretariat_helpers import case_input

    r = sec.intake(d.store, d.clerk, case_input(99), on=TODAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=TODAY)
    number = sec.register(d.store, d.clerk, r.case_id, on=TODAY)
    with d.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Case).where(Case.registration_no == number)) == 1


def test_record_path_and_bulk_path_give_the_same_states(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = make_secretariat_desk(tmp_path / "a")
    b = make_secretariat_desk(tmp_path / "b")
    via_services = demo.generate(a.store, random.Random(3), cases=120, today=TODAY, bulk=False)
    via_bulk = demo.generate(b.store, random.Random(3), cases=120, today=TODAY, bulk=True)
    assert via_services == via_bulk
    ra = build_report(a.store, a.admin, period("year", 1404), on=TODAY)
    rb = build_report(b.store, b.admin, period("year", 1404), on=TODAY)
    assert (ra.received, ra.accepted, ra.closed_by_outcome, ra.avg_service_days, ra.visits) == \
           (rb.received, rb.accepted, rb.closed_by_outcome, rb.avg_service_days, rb.visits)
    assert ra.overdue_by_agency == rb.overdue_by_agency
    # some agencies never answered: the overdue queue has work for the expert on both paths
    assert q.overdue_count(a.store, a.admin, on=TODAY) == q.overdue_count(b.store, b.admin, on=TODAY) >= 6
    # each step was entered on its own day, in office hours and in order (not all at the demo's minute)
    from kanoon_desk.persian import TEHRAN

    with a.store.read() as s:
        ids = [cid for (cid,) in s.execute(select(Case.id).limit(40))]
        for cid in ids:
            steps = q.timeline(s, cid)
            entered = [t.recorded_at.astimezone(TEHRAN) for t in steps]
            assert entered == sorted(entered), cid
            assert all(t.day is None or e.date() == t.day for t, e in zip(steps, entered, strict=True)), cid
            assert all(8 <= e.hour < 16 for e in entered), entered
