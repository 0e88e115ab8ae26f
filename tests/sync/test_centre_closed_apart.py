"""A cultural centre closed at one desk while another desk of it, apart, lent a book there: the loan
is not left open silently at a closed centre, but a conflict for a person, raised alike in any
arrival order and dropped once the book is back."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk import eventlog
from kanoon_desk.models.library import Loan
from kanoon_desk.projections.library.closed_centre import LOAN_AT_CLOSED_CENTRE
from kanoon_desk.services import circulation, conflicts, ops
from kanoon_desk.services import library_rules as rules
from kanoon_desk.store import Store
from tests.library_helpers import TODAY, Lib, actor_at, make_library

from .test_conflict_resolutions import digests, exchange, missing, only_conflict, pulled


def two_desks_of_13(tmp_path: Path) -> tuple[Lib, Store, Store]:
    """The library desk (centre 13, with centre 14 of another office), and two desks copied from
    it: 13's first and a second desk of 13."""
    L = make_library(tmp_path)
    L.store.backup_to(tmp_path / "a.sqlite3")
    L.store.backup_to(tmp_path / "b.sqlite3")
    a, b = Store(tmp_path / "a.sqlite3"), Store(tmp_path / "b.sqlite3")
    b.set_identity("13", 2)
    return L, a, b


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
    circulation.checkout(b, L.admin, L.child.member_no, "B0001", today=TODAY)  # lent first, by the stamps
    rules.close_centre(a, L.admin, "13", into="14", on=TODAY)
    new = missing(a, L.store) + missing(b, L.store)
    seen = []
    for i, order in enumerate((new, list(reversed(new)))):
        path = tmp_path / f"base-{i}.sqlite3"
        L.store.backup_to(path)
        desk = Store(path)
        try:
            for ev in order:
                with desk.transaction() as s:
                    eventlog.ingest(s, [pulled(ev)])
            assert [c.kind for c in conflicts.list_conflicts(desk, L.admin)] == [LOAN_AT_CLOSED_CENTRE]
            seen.append(digests(desk))
        finally:
            desk.close()
        assert ops.check(path) == []
    assert seen[0] == seen[1]
