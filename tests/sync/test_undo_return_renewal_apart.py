"""A return or a renewal undone as a mistake at one desk (`circ.undo_return`, `circ.undo_renewal`)
reaches the other desks as any event; a desk that, apart, lent the copy the undo took back to the
child makes two open loans of one copy, which the inbox shows on both desks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from kanoon_desk.models import Conflict
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from tests.library_helpers import TODAY

from .test_conflict_resolutions import digests, exchange, two_centres


def test_an_undone_return_and_renewal_reach_the_other_desk(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    loan = circ.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    other = circ.checkout(a, admin_a, L.child.member_no, "B0002", today=TODAY)
    day = other.due_on - timedelta(days=1)
    circ.renew(a, admin_a, other.id, today=day)
    circ.checkin(a, admin_a, "B0001", today=day)
    exchange(a, b)
    assert lib.get_copy(b, "B0001").status == "on_shelf"
    circ.undo_return(a, admin_a, loan.id, reason="کتاب از کپه دیگر خوانده شد", today=day)
    circ.undo_renewal(a, admin_a, other.id, reason="تمدید اشتباه", today=day)
    exchange(a, b)
    assert digests(a) == digests(b)
    assert lib.get_copy(b, "B0001").status == "on_loan"
    desk = circ.member_desk(b, admin_b, L.child.member_no, today=day)
    assert sorted((x.barcode, x.due_on, x.renewals) for x in desk.loans) == [
        ("B0001", loan.due_on, 0), ("B0002", other.due_on, 0)]
    with b.read() as s:
        assert list(s.scalars(select(Conflict))) == []


def test_a_copy_lent_apart_after_the_return_the_other_desk_undid_is_a_conflict(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    loan = circ.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circ.checkin(a, admin_a, "B0001", today=TODAY)
    exchange(a, b)
    circ.undo_return(a, admin_a, loan.id, reason="کتاب نزد کودک است", today=TODAY)
    circ.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    assert digests(a) == digests(b)
    for store in (a, b):
        with store.read() as s:
            assert [c.kind for c in s.scalars(select(Conflict))] == ["copy.double_loan"]
