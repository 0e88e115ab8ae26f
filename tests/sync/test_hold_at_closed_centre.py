"""A hold placed for pick-up at a centre another desk closed meanwhile (the desk that placed it had
not heard): as a loan made there is, it is not left waiting silently at a closed centre, where
nobody sets a book aside, but a conflict for a person, in any arrival order, that cancels it (and
that goes once the hold ends)."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.models.library import Hold
from kanoon_desk.services import circulation, conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.library_helpers import TODAY, Lib, actor_at

from .apart import close_13_apart, in_any_order, kinds_are, two_desks_of_13
from .test_conflict_resolutions import converges_in_any_order, digests, exchange, missing, only_conflict

HOLD_AT_CLOSED_CENTRE = "hold.at_closed_centre"


def _apart(tmp_path: Path, close_first: bool) -> tuple[Lib, Store, Store, str]:
    """Centre 13's copies all given to 14 (so a hold picked up at 13 is allowed); desk a closes 13
    into 14, desk b (13's second desk, not knowing) places a hold to be picked up at 13."""
    L, a, b = two_desks_of_13(tmp_path, _copies_to_14)
    hold = close_13_apart(L, a, lambda: circulation.place_hold(b, L.admin, L.child.member_no, L.title.id,
                                                               today=TODAY), close_first=close_first)
    assert hold.pickup_centre == "13"
    return L, a, b, hold.id


def _copies_to_14(L: Lib) -> None:
    for copy in L.copies:
        lib.update_copy(L.store, L.admin, copy.barcode, home_centre="14")
        circulation.receive_copy(L.store, actor_at(L.admin, "14"), copy.barcode, today=TODAY)


def test_a_hold_placed_apart_at_a_centre_closed_meanwhile_is_a_conflict_that_cancels_it(tmp_path: Path) -> None:
    L, a, b, hold_id = _apart(tmp_path, close_first=True)
    exchange(a, b)
    for store in (a, b):
        c = only_conflict(store, L.admin, HOLD_AT_CLOSED_CENTRE)
        assert sorted(f.type for f in c.facts) == ["centre.closed", "hold.placed"]
        assert c.resolutions == ("cancel_hold",) and all(c.explanations)
    assert digests(a) == digests(b)
    c = only_conflict(a, L.admin, HOLD_AT_CLOSED_CENTRE)
    conflicts.resolve(a, L.admin, c.id, "cancel_hold")
    converges_in_any_order(a, b, tmp_path)
    exchange(a, b)
    for store in (a, b):
        with store.read() as s:
            row = s.get(Hold, hold_id)
            assert row is not None and row.status == "cancelled"
        assert conflicts.list_conflicts(store, L.admin) == []


def test_the_same_conflict_whichever_came_first_and_gone_once_the_hold_is_cancelled(tmp_path: Path) -> None:
    L, a, b, hold_id = _apart(tmp_path, close_first=False)
    in_any_order(L.store, missing(a, L.store) + missing(b, L.store), tmp_path, kinds_are(L.admin, HOLD_AT_CLOSED_CENTRE))
    circulation.cancel_hold(b, L.admin, hold_id, today=TODAY)  # the family called: nothing left to see to
    exchange(a, b)
    for store in (a, b):
        assert conflicts.list_conflicts(store, L.admin) == []
