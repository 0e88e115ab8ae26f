"""A field changed at two centres offline: the newer stamp wins on both desks, and the replaced value
stays visible in the record's history, the same on both."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.eventlog import ingest
from kanoon_desk.models import Event
from kanoon_desk.services import history
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.library_helpers import TODAY, actor_at, make_library


def _events_after(store: Store, base: set[str]) -> list[Event]:
    with store.read() as s:
        rows = list(s.scalars(select(Event).where(Event.id.not_in(base)).order_by(Event.hlc)))
        for r in rows:
            s.expunge(r)
    # as a pull delivers them: the outbox number is the sending desk's own
    return [Event(**{c.key: getattr(r, c.key) for c in Event.__table__.columns if c.key != "client_seq"})
            for r in rows]


def test_concurrent_edits_merge_by_stamp_and_the_loser_stays_in_the_history(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with L.store.read() as s:
        base = set(s.scalars(select(Event.id)))
    L.store.backup_to(tmp_path / "b.sqlite3")
    b = Store(tmp_path / "b.sqlite3")
    b.set_identity("14", 2)
    # offline: centre 13 fixes the guardian's phone, then centre 14 changes it and the child's name
    lib.update_member(L.store, L.admin, L.child.id, lib.MemberInput(
        first_name="زهرا", last_name="محمدی", national_id=L.child.national_id, birth_date=L.child.birth_date,
        guardian_name="علی محمدی", guardian_phone="09121110000"), today=TODAY)
    lib.update_member(b, actor_at(L.admin, "14"), L.child.id, lib.MemberInput(
        first_name="زهرا", last_name="محمدی‌نیا", national_id=L.child.national_id, birth_date=L.child.birth_date,
        guardian_name="علی محمدی", guardian_phone="09122220000"), today=TODAY)
    mine, theirs = _events_after(L.store, base), _events_after(b, base)
    with L.store.transaction() as s:
        ingest(s, theirs)
    with b.transaction() as s:
        ingest(s, mine)
    views = []
    for store in (L.store, b):
        member = lib.get_member(store, L.admin, L.child.id)
        assert (member.guardian_phone, member.last_name) == ("09122220000", "محمدی‌نیا")  # newer stamp: 14's
        changes = history.field_history(store, L.admin, "member", L.child.id)
        phones = [(c.value, c.office_code, c.in_force) for c in changes if c.field == "guardian_phone"]
        assert phones == [("09122220000", "14", True), ("09121110000", "13", False),
                          ("09121234567", "13", False)]  # newest first; the registration's value last
        names = [(c.value, c.in_force) for c in changes if c.field == "last_name"]
        assert names == [("محمدی‌نیا", True), ("محمدی", False)]
        assert {c.user for c in changes} == {"مدیر سامانه"}  # the admin's name, from the users table
        views.append(changes)
    assert views[0] == views[1]


def test_history_of_an_unknown_record_type_is_refused(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with pytest.raises(KeyError):
        history.field_history(L.store, L.admin, "loan", "x")
    assert history.field_history(L.store, L.admin, "member", "no-such-member") == []


def test_applicants_and_agencies_have_a_history_too(tmp_path: Path) -> None:
    """The secretariat's records keep every value they were given, as members, titles, copies and
    offices do: an applicant's mobile changed at a second intake, an agency's deadline corrected."""
    from kanoon_desk.models.secretariat import Applicant
    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.services import secretariat_agencies as agencies
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    sec.intake(d.store, d.admin, case_input(1))
    sec.intake(d.store, d.admin, case_input(1, mobile="09351112233"))  # the same applicant, a new number
    with d.store.read() as s:
        applicant = s.scalars(select(Applicant)).one()
    mobiles = [(c.value, c.in_force) for c in history.field_history(d.store, d.admin, "applicant", applicant.id)
               if c.field == "mobile"]
    assert mobiles == [("09351112233", True), ("09121234567", False)]
    agency = agencies.save_agency(d.store, d.admin, name="شهرداری منطقه ۳", deadline_days=10)
    agencies.save_agency(d.store, d.admin, name="شهرداری منطقه ۳", deadline_days=7, agency_id=agency.id)
    deadlines = [(c.value, c.in_force) for c in history.field_history(d.store, d.admin, "agency", agency.id)
                 if c.field == "deadline_days"]
    assert deadlines == [(7, True), (10, False)]
