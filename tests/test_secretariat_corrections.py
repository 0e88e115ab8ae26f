"""What was typed wrong at intake put right (`sec.correct_case`): the subject, text, category,
channel and received day, on the record with who, when, what it was and why; lists, search,
reports and the reprinted receipt read the corrected value only."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError, PermissionDenied, ValidationError
from kanoon_desk.eventlog import ingest, projection_digests, refold_all
from kanoon_desk.models import Event
from kanoon_desk.models.secretariat import Visit
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services import secretariat_reports as reports
from kanoon_desk.services.secretariat_search import SearchQuery, search
from kanoon_desk.store import Store

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # 1404/02/14


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = make_secretariat_desk(tmp_path)
    yield d
    d.store.close()


def test_a_typo_in_the_subject_is_corrected_on_the_record(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1, subject="قطعی مکرر برگ"), on=DAY)
    changed = sec.correct_case(desk.store, desk.clerk, r.case_id, subject="قطعی مکرر برق",
                               category="آب و برق", reason="غلط تایپی", on=DAY)
    assert changed == {"subject": ("قطعی مکرر برگ", "قطعی مکرر برق"), "category": ("خدمات شهری", "آب و برق")}
    d = q.get_case(desk.store, desk.clerk, r.case_id, on=DAY)
    assert (d.case["subject"], d.case["category"]) == ("قطعی مکرر برق", "آب و برق")
    step = d.timeline[-1]
    assert (step.type, step.user_name, step.payload["reason"]) == ("case.corrected", "کاربر clerk1", "غلط تایپی")
    assert step.payload["changes"]["subject"] == {"from": "قطعی مکرر برگ", "to": "قطعی مکرر برق"}
    # the search finds it by the corrected word only
    assert [c.id for c in search(desk.store, desk.clerk, SearchQuery(text="برق"))] == [r.case_id]
    assert search(desk.store, desk.clerk, SearchQuery(text="برگ")) == []


def test_a_letter_recorded_as_in_person_is_no_visit_and_a_wrong_day_moves_the_case(desk: Desk) -> None:
    """The channel and the received day: the in-person intake's visit (toward the service card's
    goal) goes with the channel, and the report counts the case in the corrected month only."""
    r = sec.intake(desk.store, desk.clerk, case_input(1, channel="in_person"), on=DAY)
    sec.correct_case(desk.store, desk.clerk, r.case_id, channel="post", received_date=date(2025, 4, 20),
                     reason="با پست رسیده بود و دیر ثبت شد", on=DAY)
    d = q.get_case(desk.store, desk.clerk, r.case_id, on=DAY)
    assert (d.case["channel"], d.case["received_date"], d.case["visits"]) == ("post", date(2025, 4, 20), 0)
    with desk.store.read() as s:
        assert list(s.scalars(select(Visit))) == []
    ordibehesht, farvardin = reports.period("month", 1404, 2), reports.period("month", 1404, 1)
    assert reports.build_report(desk.store, desk.manager, ordibehesht, on=DAY).received == 0
    got = reports.build_report(desk.store, desk.manager, farvardin, on=DAY)
    assert (got.received, got.visits) == (1, 0)
    # and back to in person: one visit, on the day received
    sec.correct_case(desk.store, desk.clerk, r.case_id, channel="in_person", reason="حضوری بود", on=DAY)
    with desk.store.read() as s:
        assert [(v.purpose, v.day) for v in s.scalars(select(Visit))] == [("submit", date(2025, 4, 20))]


def test_refusals_keep_the_case_as_it_was(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    with pytest.raises(ValidationError) as nothing:
        sec.correct_case(desk.store, desk.clerk, r.case_id, subject="قطعی مکرر برق در محله", reason="x", on=DAY)
    assert (nothing.value.message, nothing.value.field) == (sec.MSG_NOTHING_CORRECTED, "subject")
    with pytest.raises(ValidationError) as why:
        sec.correct_case(desk.store, desk.clerk, r.case_id, subject="قطعی آب", reason=" ", on=DAY)
    assert (why.value.message, why.value.field) == (sec.MSG_CORRECT_REASON, "reason")
    with pytest.raises(ValidationError) as future:
        sec.correct_case(desk.store, desk.clerk, r.case_id, received_date=date(2025, 5, 5), reason="x", on=DAY)
    assert (future.value.message, future.value.field) == (sec.MSG_FUTURE, "received_date")
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=date(2025, 5, 1))
    with pytest.raises(ValidationError) as after:  # received after it was reviewed: no
        sec.correct_case(desk.store, desk.clerk, r.case_id, received_date="1404/02/13", reason="x", on=DAY)
    assert (after.value.message, after.value.field) == (sec.MSG_RECEIVED_AFTER_STEP, "received_date")
    with pytest.raises(PermissionDenied):
        sec.correct_case(desk.store, desk.librarian, r.case_id, subject="قطعی آب", reason="x", on=DAY)
    with desk.store.read() as s:
        assert s.scalar(select(Event.id).where(Event.type == "case.corrected")) is None


def test_a_closed_case_is_corrected_without_reopening(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason=sec.REJECTION_REASONS[0], on=DAY)
    sec.correct_case(desk.store, desk.manager, r.case_id, text="متن درست", reason="متن پرونده دیگری بود", on=DAY)
    d = q.get_case(desk.store, desk.clerk, r.case_id, on=DAY)
    assert (d.case["text"], d.case["status"], d.case["reopen_count"]) == ("متن درست", "rejected", 0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_correction_folds_the_same_whatever_the_arrival_order(desk: Desk, tmp_path: Path, seed: int) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.correct_case(desk.store, desk.clerk, r.case_id, subject="قطعی برق", channel="phone",
                     received_date=date(2025, 5, 1), reason="x", on=DAY)
    sec.correct_case(desk.store, desk.clerk, r.case_id, channel="in_person", reason="y", on=DAY)
    with desk.store.read() as s:
        events = list(s.scalars(select(Event).order_by(Event.hlc)))
        for e in events:
            s.expunge(e)
        expected = projection_digests(s)
    random.Random(seed).shuffle(events)
    other = Store(tmp_path / f"other{seed}.sqlite3")
    other.set_identity("99", 9)
    for e in events:
        with other.transaction() as s:
            ingest(s, [Event(**{c.key: getattr(e, c.key) for c in Event.__table__.columns if c.key != "client_seq"})])
    with other.read() as s:
        got = projection_digests(s)
    assert sorted(t for t in expected if expected[t] != got.get(t)) == []
    with other.transaction() as s:
        refold_all(s)
    with other.read() as s:
        assert projection_digests(s) == got
    assert [c.id for c in search(other, desk.clerk, SearchQuery(text="قطعی برق"))] == [r.case_id]


def _forwarded(desk: Desk, agency_id: str) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    sec.forward(desk.store, desk.manager, r.case_id, agency_id, on=DAY)
    return r.case_id


def test_a_case_sent_to_the_wrong_agency_is_taken_back_to_the_manager_and_sent_on(desk: Desk) -> None:
    """Forwarded to the wrong agency, a case could be taken back only by a conflict's decision
    (never reachable otherwise), and then lay at the office in no one's cartable. The manager takes
    it back with a reason: in their cartable again, the letter on the timeline, the agency's clock
    stopped, and sent on to the right agency; the wrong one counts no letter in the reports."""
    from kanoon_desk.services.secretariat_agencies import save_agency

    wrong = save_agency(desk.store, desk.admin, name="اداره کل راه و شهرسازی", deadline_days=None)
    case_id = _forwarded(desk, wrong.id)
    later = date(2025, 5, 11)
    sec.withdraw_forward(desk.store, desk.manager, case_id, reason="به دستگاه نادرست فرستاده شد", on=later)
    d = q.get_case(desk.store, desk.manager, case_id, on=later)
    assert (d.case["status"], d.case["holder_user_id"], d.case["agency_id"]) == ("referred", desk.manager.user_id, None)
    assert [f["status"] for f in d.forwards] == ["withdrawn"]
    assert d.timeline[-1].type == "case.forward_withdrawn" and d.timeline[-1].payload["reason"]
    assert [i.case_id for i in q.cartable(desk.store, desk.manager)] == [case_id]
    assert d.service_time is not None and d.service_time.running == "office"  # the agency's clock stopped
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=later)
    d = q.get_case(desk.store, desk.manager, case_id, on=later)
    assert (d.case["status"], d.case["agency_id"]) == ("forwarded", desk.agency.id)
    got = reports.build_report(desk.store, desk.manager, reports.period("month", 1404, 2), on=later)
    assert [(a.name, a.forwarded) for a in got.agencies] == [("شهرداری مرکز استان", 1)]


def test_taking_a_forward_back_is_the_manager_s_and_needs_a_reason(desk: Desk) -> None:
    case_id = _forwarded(desk, desk.agency.id)
    with pytest.raises(PermissionDenied):
        sec.withdraw_forward(desk.store, desk.expert, case_id, reason="x", on=DAY)
    with pytest.raises(ValidationError) as why:
        sec.withdraw_forward(desk.store, desk.manager, case_id, reason="", on=DAY)
    assert (why.value.message, why.value.field) == (sec.MSG_WITHDRAW_REASON, "reason")
    sec.record_response(desk.store, desk.clerk, case_id, text="انجام شد", on=DAY)
    with pytest.raises(InvariantError) as answered:
        sec.withdraw_forward(desk.store, desk.manager, case_id, reason="x", on=DAY)
    assert answered.value.message == sec.MSG_NO_OPEN_FORWARD


def test_a_visit_recorded_by_mistake_is_taken_off_and_the_report_counts_one_less(desk: Desk) -> None:
    """«مراجعه حضوری» clicked on the wrong case counted a visit toward the service card's goal for
    good. It is taken off with the reason: the case's count, the report's visits and its visits
    per request drop by one; the timeline keeps the visit and its removal."""
    r = sec.intake(desk.store, desk.clerk, case_input(1, channel="post"), on=DAY)
    sec.record_visit(desk.store, desk.clerk, r.case_id, on=DAY)
    month = reports.period("month", 1404, 2)
    assert reports.build_report(desk.store, desk.manager, month, on=DAY).visits == 1
    [(visit_id, day, who)] = sec.removable_visits(desk.store, r.case_id)
    assert (day, who) == (DAY, "کاربر clerk1")
    with pytest.raises(ValidationError) as why:
        sec.remove_visit(desk.store, desk.clerk, r.case_id, visit_id, reason="", on=DAY)
    assert why.value.field == "reason"
    sec.remove_visit(desk.store, desk.expert, r.case_id, visit_id, reason="پرونده دیگری بود", on=DAY)
    got = reports.build_report(desk.store, desk.manager, month, on=DAY)
    assert (got.visits, got.visits_per_case) == (0, 0.0)
    d = q.get_case(desk.store, desk.clerk, r.case_id, on=DAY)
    assert d.case["visits"] == 0
    assert [t.type for t in d.timeline][-2:] == ["case.visited", "case.visit_removed"]
    assert sec.removable_visits(desk.store, r.case_id) == []


def test_the_intake_s_visit_is_not_removed_as_a_click(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1, channel="in_person"), on=DAY)
    assert sec.removable_visits(desk.store, r.case_id) == []
    with desk.store.read() as s:
        visit_id = s.scalars(select(Visit.id)).one()
    with pytest.raises(InvariantError) as err:
        sec.remove_visit(desk.store, desk.clerk, r.case_id, visit_id, reason="x", on=DAY)
    assert err.value.message == sec.MSG_VISIT_NOT_CLICKED
