"""A return or a renewal made by mistake, undone at the desk on the record (`circ.undo_return`,
`circ.undo_renewal`): the loan back as it stood, the step that undid it with who, when and why."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError, PermissionDenied, ValidationError
from kanoon_desk.models import Event
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import circulation_undo as undo
from kanoon_desk.services import library as lib
from tests.factories import make_user
from tests.library_helpers import TODAY, make_library
from tests.refold_check import assert_refolds_alike


def test_a_return_scanned_by_mistake_is_undone_with_its_due_date(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    loan = circ.checkout(L.store, librarian, L.child.member_no, "B0001", today=TODAY)
    late_day = loan.due_on + timedelta(days=3)
    back = circ.checkin(L.store, librarian, "B0001", today=late_day)
    assert back.loan is not None and back.loan.overdue_days > 0
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    again = circ.undo_return(L.store, librarian, loan.id, reason="کتاب از کپه دیگر خوانده شد", today=late_day)
    assert (again.returned_on, again.due_on, again.voided) == (None, loan.due_on, False)
    assert again.overdue_days == back.loan.overdue_days  # late still, as before: the book is not back
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    desk = circ.member_desk(L.store, librarian, L.child.member_no, today=late_day)
    assert [x.id for x in desk.loans] == [loan.id] and desk.history == []
    with L.store.read() as s:
        ev = s.scalars(select(Event).where(Event.type == "loan.return_undone")).one()
        ret = s.scalars(select(Event).where(Event.type == "loan.returned")).one()
        assert (ev.aggregate_id, ev.user_id, ev.payload["reason"], ev.payload["return_id"]) == (
            loan.id, librarian.user_id, "کتاب از کپه دیگر خوانده شد", ret.id)
    # the book really comes back later: a return as any
    done = circ.checkin(L.store, librarian, "B0001", today=late_day + timedelta(days=1))
    assert done.loan is not None and done.loan.id == loan.id


def test_only_today_s_return_of_a_copy_that_stayed_is_undone(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    with pytest.raises(InvariantError) as open_one:
        circ.undo_return(L.store, L.admin, loan.id, reason="x", today=TODAY)
    assert open_one.value.message == undo.MSG_NOT_RETURNED
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    with pytest.raises(ValidationError) as no_reason:
        circ.undo_return(L.store, L.admin, loan.id, reason="  ", today=TODAY)
    assert no_reason.value.field == "reason"
    with pytest.raises(InvariantError) as later:
        circ.undo_return(L.store, L.admin, loan.id, reason="x", today=TODAY + timedelta(days=1))
    assert later.value.message == undo.MSG_RETURN_NOT_TODAY
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    with pytest.raises(InvariantError) as lent:
        circ.undo_return(L.store, L.admin, loan.id, reason="x", today=TODAY)
    assert lent.value.message == undo.MSG_RETURN_LENT_AGAIN
    assert lib.get_copy(L.store, "B0001").status == "on_loan"


def test_a_return_that_set_the_copy_aside_for_a_hold_is_not_undone(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loans = [circ.checkout(L.store, L.admin, L.child.member_no, f"B000{i}", today=TODAY) for i in (1, 2, 3)]
    circ.place_hold(L.store, L.admin, L.adult.member_no, L.title.id, today=TODAY)
    r = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert r.next_action == "hold_here"
    with pytest.raises(InvariantError) as err:
        circ.undo_return(L.store, L.admin, loans[0].id, reason="x", today=TODAY)
    assert err.value.message == undo.MSG_RETURN_MOVED


def test_a_renewal_made_by_mistake_is_undone_and_counts_no_more(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    loan = circ.checkout(L.store, librarian, L.child.member_no, "B0001", today=TODAY)
    day = loan.due_on - timedelta(days=1)
    renewed = circ.renew(L.store, librarian, loan.id, today=day)
    assert renewed.due_on > loan.due_on and renewed.renewals == 1
    back = circ.undo_renewal(L.store, librarian, loan.id, reason="کتاب دیگر فهرست را تمدید کردم", today=day)
    assert (back.due_on, back.renewals) == (loan.due_on, 0)
    with pytest.raises(InvariantError) as twice:
        circ.undo_renewal(L.store, librarian, loan.id, reason="x", today=day)
    assert twice.value.message == undo.MSG_NOT_RENEWED
    # renewed twice: only the last renewal is taken back, to the due date the first gave
    first = circ.renew(L.store, librarian, loan.id, today=day)
    later = first.due_on - timedelta(days=1)
    second = circ.renew(L.store, librarian, loan.id, today=later)
    assert second.due_on > first.due_on
    with pytest.raises(InvariantError) as old:
        circ.undo_renewal(L.store, librarian, loan.id, reason="x", today=later + timedelta(days=1))
    assert old.value.message == undo.MSG_RENEWAL_NOT_TODAY
    back = circ.undo_renewal(L.store, librarian, loan.id, reason="اشتباه", today=later)
    assert (back.due_on, back.renewals) == (first.due_on, 1)
    with L.store.read() as s:
        evs = list(s.scalars(select(Event).where(Event.type == "loan.renewal_undone").order_by(Event.hlc)))
        assert [(e.user_id, e.payload["due_on"], e.payload["undone_due_on"]) for e in evs] == [
            (librarian.user_id, loan.due_on.isoformat(), renewed.due_on.isoformat()),
            (librarian.user_id, first.due_on.isoformat(), second.due_on.isoformat())]


def test_undo_survives_a_refold(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    a = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    b = circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    circ.undo_return(L.store, L.admin, a.id, reason="x", today=TODAY)
    day = b.due_on - timedelta(days=1)
    circ.renew(L.store, L.admin, b.id, today=day)
    circ.undo_renewal(L.store, L.admin, b.id, reason="x", today=day)
    assert_refolds_alike(L.store)
    assert lib.get_copy(L.store, "B0001").status == "on_loan"


def test_a_clerk_cannot_undo_a_return_or_a_renewal(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    clerk = make_user(L.store, L.admin, "clerk1", "clerk")
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    with pytest.raises(PermissionDenied):
        circ.undo_renewal(L.store, clerk, loan.id, reason="x", today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    with pytest.raises(PermissionDenied):
        circ.undo_return(L.store, clerk, loan.id, reason="x", today=TODAY)
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
