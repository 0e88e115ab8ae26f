"""Any arrival order of a case's events folds to the same tables (hypothesis over permutations)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kanoon_desk.eventlog import ingest, projection_digests
from kanoon_desk.models import Event
from kanoon_desk.services import secretariat as sec
from kanoon_desk.store import Store

from .secretariat_helpers import case_input, make_secretariat_desk

DAY = date(2025, 5, 4)
_SCENARIO: tuple[Path, list[Event], dict[str, str]] | None = None


def _scenario() -> tuple[Path, list[Event], dict[str, str]]:
    """A desk's base file, the case events recorded on top of it, and the digests they fold to."""
    global _SCENARIO
    if _SCENARIO is None:
        folder = Path(tempfile.mkdtemp(prefix="kanoon-fold-"))
        atexit.register(shutil.rmtree, folder, True)  # the run's cache, not left in the temp folder
        d = make_secretariat_desk(folder)
        d.store.close()
        shutil.copyfile(folder / "d.sqlite3", folder / "base.sqlite3")
        d.store = Store(folder / "d.sqlite3")
        with d.store.read() as s:
            base = set(s.scalars(select(Event.id)))
        a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
        sec.review(d.store, d.expert, a.case_id, accept=True, on=DAY)
        sec.register(d.store, d.clerk, a.case_id, on=DAY)
        item = sec.refer(d.store, d.expert, a.case_id, d.manager.user_id, cc=[d.manager2.user_id], on=DAY)
        sec.mark_read(d.store, d.manager, item)
        sec.forward(d.store, d.manager, a.case_id, d.agency.id, on=DAY)
        sec.follow_up(d.store, d.expert, a.case_id, method="phone", new_deadline=DAY + timedelta(days=30),
                      on=DAY + timedelta(days=25))
        sec.record_response(d.store, d.clerk, a.case_id, text="پاسخ", on=DAY + timedelta(days=26))
        sec.notify(d.store, d.clerk, a.case_id, method="in_person", on=DAY + timedelta(days=27))
        sec.close(d.store, d.expert, a.case_id, outcome="resolved", on=DAY + timedelta(days=27))
        sec.reopen(d.store, d.manager, a.case_id, reason="اعتراض", on=DAY + timedelta(days=28))
        b = sec.intake(d.store, d.clerk, case_input(1, subject="موضوع دوم"), on=DAY)  # same applicant
        sec.review(d.store, d.expert, b.case_id, accept=False, reason="تکراری", on=DAY)
        sec.record_visit(d.store, d.clerk, b.case_id, on=DAY + timedelta(days=1))
        with d.store.read() as s:
            events = [Event(id=e.id, type=e.type, aggregate_type=e.aggregate_type, aggregate_id=e.aggregate_id,
                            payload=e.payload, hlc=e.hlc, device_id=e.device_id, office_code=e.office_code,
                            user_id=e.user_id, recorded_at=e.recorded_at, schema_version=1, client_seq=None)
                      for e in s.scalars(select(Event).where(Event.id.not_in(base)))]
            digests = projection_digests(s)
        d.store.close()
        _SCENARIO = (folder / "base.sqlite3", events, digests)
    return _SCENARIO


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.randoms(use_true_random=False), batches=st.integers(min_value=1, max_value=4))
def test_any_arrival_order_folds_to_the_same_tables(tmp_path: Path, order: object, batches: int) -> None:
    base, events, digests = _scenario()
    shuffled = list(events)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    shutil.copyfile(base, folder / "d.sqlite3")
    store = Store(folder / "d.sqlite3")
    try:
        size = -(-len(shuffled) // batches)
        for i in range(0, len(shuffled), size):  # several sync pulls, each one transaction
            with store.transaction() as s:
                ingest(s, [Event(**{c: getattr(e, c) for c in ("id", "type", "aggregate_type", "aggregate_id",
                                                                "payload", "hlc", "device_id", "office_code",
                                                                "user_id", "recorded_at", "schema_version")})
                           for e in shuffled[i:i + size]])
        with store.read() as s:
            assert projection_digests(s) == digests
    finally:
        store.close()


def test_objects_held_in_the_transaction_see_the_fold_of_an_event(tmp_path: Path) -> None:
    """The fold writes side tables with plain statements; what the session already holds must
    show those writes (a service reading on after recording in the same transaction)."""
    from kanoon_desk.models.secretariat import Forward, Notice, Referral

    d = make_secretariat_desk(tmp_path)
    a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, a.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, a.case_id, on=DAY)
    item = sec.refer(d.store, d.expert, a.case_id, d.manager.user_id, on=DAY)
    with d.store.transaction() as s:
        referral = s.get(Referral, item)
        assert referral is not None and referral.status == "open"
        d.store.record(s, d.expert, "case.referral_recalled", a.case_id,
                       {"referral_id": referral.referral_id, "at": "2025-05-04T10:00:00+00:00"})
        assert referral.status == "recalled"
    sec.forward(d.store, d.manager, a.case_id, d.agency.id, on=DAY)
    with d.store.transaction() as s:
        forward = s.scalars(select(Forward).where(Forward.case_id == a.case_id)).one()
        d.store.record(s, d.clerk, "case.followed_up", a.case_id,
                       {"method": "phone", "day": "2025-05-20", "new_deadline": "2025-06-30",
                        "forward_id": forward.id})
        assert forward.deadline == date(2025, 6, 30)
        d.store.record(s, d.clerk, "case.answered", a.case_id, {"day": "2025-05-25", "text": "پاسخ"})
        assert (forward.status, forward.answered_on) == ("answered", date(2025, 5, 25))
    b = sec.intake(d.store, d.clerk, case_input(2), on=DAY)
    sec.review(d.store, d.expert, b.case_id, accept=False, reason="تکراری", on=DAY)
    with d.store.transaction() as s:
        notice = s.scalars(select(Notice).where(Notice.case_id == b.case_id)).one()
        assert notice.status == "pending"
        d.store.record(s, d.clerk, "case.notified", b.case_id, {"method": "letter", "day": "2025-05-05"})
        assert notice.status == "done"


def test_a_case_held_in_the_transaction_sees_each_step_of_its_fold(tmp_path: Path) -> None:
    """The case fold reads and writes the case's row without the ORM; a `Case` object the session
    already holds must still show every step (and a referral's read mark), as it would after a
    fresh load."""
    from kanoon_desk.models.secretariat import Case, Referral

    d = make_secretariat_desk(tmp_path)
    a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    with d.store.transaction() as s:
        case = s.get(Case, a.case_id)
        assert case is not None and case.status == "received"
        d.store.record(s, d.expert, "case.reviewed", a.case_id, {"decision": "accept", "day": "2025-05-04"})
        assert (case.status, case.accepted_on, case.reviewed_by) == ("accepted", DAY, d.expert.user_id)
        d.store.record(s, d.clerk, "case.registered", a.case_id, {"registration_no": "۱۲۳", "day": "2025-05-05"})
        assert (case.status, case.registration_no, case.registration_date) == ("registered", "۱۲۳", date(2025, 5, 5))
        d.store.record(s, d.expert, "case.referred", a.case_id,
                       {"to_user_id": d.manager.user_id, "instruction": "بررسی شود",
                        "at": "2025-05-05T09:00:00+00:00"})
        assert (case.status, case.holder_user_id) == ("referred", d.manager.user_id)
        item = s.scalars(select(Referral).where(Referral.case_id == a.case_id)).one()
        assert item.read is False
        d.store.record(s, d.manager, "case.referral_read", a.case_id, {"item_id": item.id})
        assert item.read is True
        d.store.record(s, d.manager, "case.forwarded", a.case_id,
                       {"agency_id": d.agency.id, "letter_no": "ن-۱", "letter_date": "2025-05-06",
                        "deadline": "2025-05-27", "day": "2025-05-06", "at": "2025-05-06T09:00:00+00:00"})
        assert (case.status, case.clock, case.agency_since, case.holder_user_id) == (
            "forwarded", "agency", date(2025, 5, 6), None)
        d.store.record(s, d.expert, "case.closed", a.case_id, {"outcome": "resolved", "day": "2025-05-10"})
        assert (case.status, case.outcome, case.closed_on, case.agency_days) == (
            "closed", "resolved", date(2025, 5, 10), 4)
        held = (case.status, case.registration_no, case.deadline, case.updated_hlc, case.closed_event_id)
    with d.store.read() as s:  # and the row itself says the same
        fresh = s.get(Case, a.case_id)
        assert fresh is not None
        assert (fresh.status, fresh.registration_no, fresh.deadline, fresh.updated_hlc, fresh.closed_event_id) == held
    d.store.close()
