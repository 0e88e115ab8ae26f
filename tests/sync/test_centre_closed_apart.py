"""A cultural centre closed at one desk while another desk of it, apart, lent a book there: the loan
is not left open silently at a closed centre, but a conflict for a person, raised alike in any
arrival order and dropped once the book is back."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.models.library import Loan
from kanoon_desk.projections.library.closed_centre import LOAN_AT_CLOSED_CENTRE
from kanoon_desk.services import circulation, conflicts
from kanoon_desk.services import library_rules as rules
from tests.library_helpers import TODAY, actor_at

from .apart import close_13_apart, in_any_order, kinds_are, two_desks_of_13
from .test_conflict_resolutions import digests, exchange, missing, only_conflict


def test_a_book_lent_apart_at_a_centre_closed_meanwhile_is_a_conflict_until_it_comes_back(tmp_path: Path) -> None:
    L, a, b = two_desks_of_13(tmp_path)
    rules.close_centre(a, L.admin, "13", into="14", on=TODAY)  # nothing open here
    loan = circulation.checkout(b, L.admin, L.child.member_no, "B0001", today=TODAY)  # desk 2 did not know
    exchange(a, b)
    for store in (a, b):
        c = only_conflict(store, L.admin, LOAN_AT_CLOSED_CENTRE)
        assert c.resolutions == ("fixed_manually",) and all(c.explanations)
        assert sorted(f.type for f in c.facts) == ["centre.closed", "loan.checked_out"]
        with store.read() as s:
            row = s.get(Loan, loan.id)
            assert row is not None and row.returned_at is None  # the book is out: the loan stands
        assert "13" not in dict(rules.list_centres(store, open_only=True))
    assert digests(a) == digests(b)
    # the book comes back at the centre the closed one went to: nothing left to see to
    circulation.checkin(a, actor_at(L.admin, "14"), "B0001", today=TODAY)
    exchange(a, b)
    for store in (a, b):
        assert [c.kind for c in conflicts.list_conflicts(store, L.admin)] == []


def test_the_conflict_is_the_same_whichever_of_the_close_and_the_checkout_came_first(tmp_path: Path) -> None:
    L, a, b = two_desks_of_13(tmp_path)
    close_13_apart(L, a, lambda: circulation.checkout(b, L.admin, L.child.member_no, "B0001", today=TODAY),
                   close_first=False)  # lent first, by the stamps
    in_any_order(L.store, missing(a, L.store) + missing(b, L.store), tmp_path, kinds_are(L.admin, LOAN_AT_CLOSED_CENTRE))
