"""A checkout scanned by mistake taken back at the desk (`circ.void_checkout`): no loan in the
reports, the copy back on the shelf, the member's count down, the voiding on the record."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError, PermissionDenied
from kanoon_desk.models import Event
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as rep
from tests.factories import make_user
from tests.library_helpers import TODAY, make_library


def test_a_checkout_to_the_wrong_child_is_voided_and_counts_nowhere(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    wrong = circ.checkout(L.store, librarian, L.adult.member_no, "B0001", today=TODAY)
    voided = circ.void_checkout(L.store, librarian, wrong.id, today=TODAY, note="کارت عضو دیگر روی میز بود")
    assert voided.voided and voided.returned_on == TODAY
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    assert circ.member_desk(L.store, librarian, L.adult.member_no, today=TODAY).loans == []
    right = circ.checkout(L.store, librarian, L.child.member_no, "B0001", today=TODAY)
    assert right.member_id == L.child.id
    # the reports count the one real loan, to the child
    end = TODAY + timedelta(days=1)
    assert [(c.key, c.count) for c in rep.popular_titles(L.store, TODAY, end)] == [(L.title.id, 1)]
    assert [c.key for c in rep.active_readers(L.store, librarian, TODAY, end)] == [L.child.id]
    with L.store.read() as s:  # who voided it, when and why: on the record
        ev = s.scalars(select(Event).where(Event.type == "loan.voided")).one()
        assert (ev.aggregate_id, ev.user_id, ev.payload["reason"], ev.payload["note"]) == (
            wrong.id, librarian.user_id, "mistake", "کارت عضو دیگر روی میز بود")
    # the adult's history shows the loan, voided: not returned
    history = circ.member_desk(L.store, librarian, L.adult.member_no, today=TODAY).history
    assert [(x.id, x.voided, x.mistaken) for x in history] == [(wrong.id, True, True)]
    # and the paper a guardian asks for says it was a mistake, not a conflict between two desks
    assert [x.state for x in lib.member_record(L.store, librarian, L.adult.id, today=TODAY).loans] == ["mistaken"]


def test_only_todays_unrenewed_open_loan_is_voided(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    old = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    with pytest.raises(InvariantError) as err:  # yesterday's loan is a real one: returned, not voided
        circ.void_checkout(L.store, L.admin, old.id, today=TODAY + timedelta(days=1))
    assert err.value.message == circ.MSG_VOID_NOT_TODAY
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    with pytest.raises(InvariantError) as closed:
        circ.void_checkout(L.store, L.admin, old.id, today=TODAY)
    assert closed.value.message == circ.MSG_LOAN_CLOSED
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"


def test_a_clerk_cannot_void_a_loan(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    clerk = make_user(L.store, L.admin, "clerk1", "clerk")
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    with pytest.raises(PermissionDenied):
        circ.void_checkout(L.store, clerk, loan.id, today=TODAY)
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
