"""What waits on the office: the work queues (to review, to register, answered but not told,
rejection notices to send), the notice a case owes its applicant, and its migration."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.eventlog import projection_digests
from kanoon_desk.services import ops
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.store import Store, alembic_config, make_engine
from tests.refold_check import assert_refolds_alike

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _registered(d: Desk, n: int) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    return r.case_id


def _answered(d: Desk, n: int) -> str:
    case_id = _registered(d, n)
    sec.forward(d.store, d.admin, case_id, d.agency.id, on=DAY)
    sec.record_response(d.store, d.clerk, case_id, text="انجام شد", on=DAY + timedelta(days=3))
    return case_id


def _queue(d: Desk, name: str) -> set[str]:
    return {r.id for r in q.search(d.store, d.clerk, q.SearchQuery(queue=name))}


def _history(d: Desk) -> dict[str, str]:
    """One case in each state a notice can be in."""
    cases = {"received": sec.intake(d.store, d.clerk, case_input(1), on=DAY).case_id}
    accepted = sec.intake(d.store, d.clerk, case_input(2), on=DAY).case_id
    sec.review(d.store, d.expert, accepted, accept=True, on=DAY)
    cases["accepted"] = accepted
    cases["untold"] = _answered(d, 3)
    told = cases["told"] = _answered(d, 4)
    sec.notify(d.store, d.clerk, told, method="phone", on=DAY + timedelta(days=4))
    closed = cases["closed_untold"] = _answered(d, 5)  # closed after the answer, nobody told the applicant
    sec.close(d.store, d.expert, closed, outcome="resolved", on=DAY + timedelta(days=4))
    interim = cases["told_before_the_answer"] = _registered(d, 6)
    sec.forward(d.store, d.admin, interim, d.agency.id, on=DAY)
    sec.notify(d.store, d.clerk, interim, method="phone", on=DAY + timedelta(days=3))  # "it is with the agency"
    sec.record_response(d.store, d.clerk, interim, text="انجام شد", on=DAY + timedelta(days=3))
    rejected = cases["rejected"] = sec.intake(d.store, d.clerk, case_input(7), on=DAY).case_id
    sec.review(d.store, d.expert, rejected, accept=False, reason="تکراری", on=DAY)
    rejected_told = cases["rejected_told"] = sec.intake(d.store, d.clerk, case_input(8), on=DAY).case_id
    sec.review(d.store, d.expert, rejected_told, accept=False, reason="تکراری", on=DAY)
    sec.notify(d.store, d.clerk, rejected_told, method="letter", on=DAY + timedelta(days=1))
    reopened = cases["reopened"] = sec.intake(d.store, d.clerk, case_input(9), on=DAY).case_id
    sec.review(d.store, d.expert, reopened, accept=False, reason="مدارک ناقص", on=DAY)
    sec.reopen(d.store, d.expert, reopened, reason="مدارک رسید", on=DAY + timedelta(days=1))
    again = cases["reopened_after_the_agency"] = _answered(d, 10)
    sec.close(d.store, d.expert, again, outcome="unresolved", on=DAY + timedelta(days=4))
    sec.reopen(d.store, d.expert, again, reason="پاسخ ناقص بود", on=DAY + timedelta(days=5))
    sent_on = cases["reopened_and_sent_on"] = _answered(d, 11)
    sec.close(d.store, d.expert, sent_on, outcome="unresolved", on=DAY + timedelta(days=4))
    sec.reopen(d.store, d.expert, sent_on, reason="پاسخ ناقص بود", on=DAY + timedelta(days=5))
    sec.forward(d.store, d.admin, sent_on, d.agency.id, on=DAY + timedelta(days=5))
    # closed with no answer (not the agency's duty): the applicant is owed how it ended, until told
    unanswered = cases["closed_unanswered"] = _registered(d, 12)
    sec.forward(d.store, d.admin, unanswered, d.agency.id, on=DAY)
    sec.close(d.store, d.expert, unanswered, outcome="not_responsible", responsible_party="شهرداری",
              on=DAY + timedelta(days=6))
    told_after = cases["closed_unanswered_told"] = _registered(d, 13)
    sec.close(d.store, d.expert, told_after, outcome="unresolved", on=DAY + timedelta(days=6))
    sec.notify(d.store, d.clerk, told_after, method="phone", on=DAY + timedelta(days=7))
    return cases


def test_each_queue_lists_what_waits_on_the_office_and_a_notice_takes_a_case_out(desk: Desk) -> None:
    c = _history(desk)
    assert _queue(desk, "to_review") == {c["received"], c["reopened"]}
    assert _queue(desk, "to_register") == {c["accepted"]}
    assert _queue(desk, "untold") == {c["untold"], c["closed_untold"], c["told_before_the_answer"],
                                      c["closed_unanswered"]}
    assert _queue(desk, "notices") == {c["rejected"]}
    assert q.queue_counts(desk.store, desk.clerk) == {"to_review": 2, "to_register": 1, "untold": 4, "notices": 1,
                                                  "sms_failed": 0}
    assert q.search_count(desk.store, desk.clerk, q.SearchQuery(queue="untold")) == 4
    notices = {name: q.get_case(desk.store, desk.clerk, case_id).case["notice"] for name, case_id in c.items()}
    assert notices == {
        "received": None, "accepted": None, "untold": "due", "told": "told", "closed_untold": "due",
        "told_before_the_answer": "due", "rejected": "due", "rejected_told": "told", "reopened": None,
        "reopened_after_the_agency": None, "reopened_and_sent_on": None, "closed_unanswered": "due",
        "closed_unanswered_told": "told"}
    sec.notify(desk.store, desk.clerk, c["untold"], method="sms", on=DAY + timedelta(days=5))
    sec.notify(desk.store, desk.clerk, c["rejected"], method="letter", on=DAY + timedelta(days=5))
    assert _queue(desk, "untold") == {c["closed_untold"], c["told_before_the_answer"], c["closed_unanswered"]}
    assert _queue(desk, "notices") == set()
    rows = {r.id: r for r in q.search(desk.store, desk.clerk, q.SearchQuery(text="برق"))}
    assert rows[c["untold"]].notice == "told" and rows[c["closed_untold"]].notice == "due"
    assert_refolds_alike(desk.store)


def test_the_migration_fills_what_a_case_owes_its_applicant_as_a_refold_does(desk: Desk) -> None:
    c = _history(desk)
    with desk.store.read() as s:
        expected = projection_digests(s)
    path = desk.store.path
    desk.store.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0002d")
    engine.dispose()
    with closing(sqlite3.connect(str(path))) as conn:
        assert "notice" not in {r[1] for r in conn.execute("PRAGMA table_info(cases)")}
        # the old fold left a reopened case with the agency and deadline of its last forward
        conn.execute("UPDATE cases SET agency_id = ?, deadline = '2025-05-25' WHERE id = ?",
                     (desk.agency.id, c["reopened_after_the_agency"]))
        conn.commit()
    store = Store(path)
    try:
        with store.read() as s:
            assert projection_digests(s) == expected
        assert q.get_case(store, desk.clerk, c["rejected"]).case["notice"] == "due"
        assert q.get_case(store, desk.clerk, c["closed_unanswered"]).case["notice"] == "due"  # (0002u)
        reopened = q.get_case(store, desk.clerk, c["reopened_after_the_agency"]).case
        assert (reopened["status"], reopened["agency_id"], reopened["deadline"]) == ("registered", None, None)
        assert q.get_case(store, desk.clerk, c["reopened_and_sent_on"]).case["agency_id"] == desk.agency.id
    finally:
        store.close()
    assert ops.check(path) == []


def _rejected(d: Desk, n: int, **over: object) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n, **over), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=False, reason="مدارک ناقص", on=DAY)
    return r.case_id


def test_a_notice_queue_is_told_at_once_by_letter_or_sms_all_or_none(desk: Desk) -> None:
    """«اعلام گروهی»: every case chosen gets its notice in one go, or none does (one told
    meanwhile, or an SMS to an applicant with no mobile, is named)."""
    untold = [_answered(desk, n) for n in (1, 2)]
    rejected = [_rejected(desk, 3), _rejected(desk, 4, mobile="")]
    assert _queue(desk, "untold") == set(untold) and _queue(desk, "notices") == set(rejected)
    with pytest.raises(ValidationError) as err:  # no mobile for the second rejection
        sec.notify_many(desk.store, desk.clerk, rejected, method="sms", on=DAY + timedelta(days=1))
    reg = q.get_case(desk.store, desk.clerk, rejected[1]).case["tracking_code"]
    assert err.value.field == "case_ids" and err.value.params == {"case": reg}
    assert _queue(desk, "notices") == set(rejected)  # nothing was written
    assert sec.notify_many(desk.store, desk.clerk, rejected, method="letter", on=DAY + timedelta(days=1)) == rejected
    assert _queue(desk, "notices") == set()
    sec.notify(desk.store, desk.clerk, untold[1], method="phone", on=DAY + timedelta(days=4))  # told meanwhile
    with pytest.raises(ValidationError) as err:
        sec.notify_many(desk.store, desk.clerk, untold, method="sms", on=DAY + timedelta(days=4))
    assert "پیش‌تر اعلام شده" in str(err.value)
    assert _queue(desk, "untold") == {untold[0]}
    told = sec.notify_many(desk.store, desk.expert, untold[:1], method="sms", on=DAY + timedelta(days=4))
    [notice] = q.get_case(desk.store, desk.clerk, told[0]).notices
    assert notice["method"] == "sms" and notice["status"] == "queued"
    for bad in ({"method": "phone"}, {"method": "letter", "case_ids": []}):
        with pytest.raises(ValidationError):
            sec.notify_many(desk.store, desk.clerk, bad.get("case_ids", untold), method=str(bad["method"]))  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        sec.notify_many(desk.store, desk.librarian, untold, method="letter")


def test_the_failed_sms_queue_starts_from_the_failed_outcomes_not_every_sms_notice(desk: Desk) -> None:
    """The home page counts the «پیامک اعلام نرسید» queue on every show: led by the index of the
    notices' method it read every SMS notice of the office (~2 s with a million cases). It starts
    from the failed outcomes (`ix_sms_outcomes_status`) and finds their notices by id."""
    from sqlalchemy import func, select

    from kanoon_desk.models.secretariat import Case
    from kanoon_desk.services.secretariat_status import queue_counts, queue_where

    statement = select(func.count()).select_from(Case).where(*queue_where("sms_failed"))
    with desk.store.read() as s:
        sql = str(statement.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = " | ".join(str(row[3]) for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_sms_outcomes_status" in plan, plan
    assert "ix_notices_method_day" not in plan, plan
    assert queue_counts(desk.store, desk.clerk, ["sms_failed"]) == {"sms_failed": 0}
