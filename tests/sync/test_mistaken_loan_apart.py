"""A checkout voided at the desk as a mistake (`circ.void_checkout`) reaches the other desks as
any event: the copy back, no loan in their reports, the loan's history saying it was a mistake."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from kanoon_desk.models import Conflict
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as rep
from tests.library_helpers import TODAY

from .test_conflict_resolutions import digests, exchange, two_centres


def test_a_voided_mistake_reaches_the_other_desk(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    wrong = circ.checkout(a, admin_a, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    assert lib.get_copy(b, "B0001").status == "on_loan"
    circ.void_checkout(a, admin_a, wrong.id, today=TODAY)
    circ.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    exchange(a, b)
    assert digests(a) == digests(b)
    end = TODAY + timedelta(days=1)
    assert [(c.key, c.count) for c in rep.popular_titles(b, TODAY, end)] == [(L.title.id, 1)]
    assert [c.key for c in rep.active_readers(b, admin_b, TODAY, end)] == [L.child.id]
    history = circ.member_desk(b, admin_b, L.adult.member_no, today=TODAY).history
    assert [(x.id, x.mistaken) for x in history] == [(wrong.id, True)]
    with b.read() as s:
        assert list(s.scalars(select(Conflict))) == []


def test_a_return_of_the_voided_loan_made_apart_is_a_conflict(tmp_path: Path) -> None:
    """Centre 14, not yet told of the void, checks the book in: one loan closed twice (voided and
    returned), which the inbox shows; the desks agree on it."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    wrong = circ.checkout(a, admin_a, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    circ.void_checkout(a, admin_a, wrong.id, today=TODAY)
    circ.checkin(b, admin_b, "B0001", today=TODAY)
    exchange(a, b)
    assert digests(a) == digests(b)
    for store in (a, b):
        with store.read() as s:
            assert [c.kind for c in s.scalars(select(Conflict))] == ["loan.return_on_closed"]


def test_a_void_made_apart_after_an_earlier_return_is_a_conflict_the_return_standing(tmp_path: Path) -> None:
    """Centre 14 checks the book in; centre 13, not yet told, voids the same loan as a mistake. The
    void was silently dropped on both desks (the loan stayed returned and counted, no one told);
    now the return stands by a stated rule and the inbox says so, alike on both desks."""
    from kanoon_desk.services import conflicts

    from .test_conflict_resolutions import converges_in_any_order, only_conflict

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    wrong = circ.checkout(a, admin_a, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    circ.checkin(b, admin_b, "B0001", today=TODAY)
    circ.void_checkout(a, admin_a, wrong.id, today=TODAY)
    exchange(a, b)
    assert digests(a) == digests(b)
    for store in (a, b):
        with store.read() as s:
            assert [c.kind for c in s.scalars(select(Conflict))] == ["loan.voided_after_return"]
        history = circ.member_desk(store, admin_a, L.adult.member_no, today=TODAY).history
        assert [(x.id, x.voided, x.returned_on) for x in history] == [(wrong.id, False, TODAY)]
    c = only_conflict(a, admin_a, "loan.voided_after_return")
    assert c.explanations and c.explanations[0].startswith("قاعده: بازگشت می‌ماند")
    conflicts.resolve(a, admin_a, c.id, "fixed_manually", "کتاب در مرکز ۱۴ است")
    converges_in_any_order(a, b, tmp_path)
