"""A copy written off (lost, withdrawn) at one desk while another desk, apart, gave it to another
centre for good: packing it for the move is no arrival, so the loss or withdrawal is not undone
silently by the move (nor said to be a copy that arrived somewhere): it stands, on both desks, and
a person is told (`copy.retired_while_moved`) and may take it back, the copy then on its way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kanoon_desk.models.library import Copy
from kanoon_desk.services import conflicts, ops
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as transit
from kanoon_desk.store import Store
from tests.library_helpers import Lib

from .apart import in_any_order, kinds_are, two_desks_of_13
from .test_conflict_resolutions import (
    converges_in_any_order,
    digests,
    exchange,
    missing,
    only_conflict,
)


def _lost(store: Store, L: Lib) -> None:
    lib.mark_copy_lost(store, L.admin, "B0001", "از قفسه پیدا نشد")


def _withdrawn(store: Store, L: Lib) -> None:
    lib.withdraw_copy(store, L.admin, "B0001", "فرسوده")


def _moved(store: Store, L: Lib) -> None:
    lib.update_copy(store, L.admin, "B0001", home_centre="14")


RETIRED_WHILE_MOVED = "copy.retired_while_moved"
WRITE_OFFS: dict[str, Callable[[Store, Lib], None]] = {"lost": _lost, "withdrawn": _withdrawn}


def _apart(tmp_path: Path, status: str, write_off_first: bool) -> tuple[Lib, Store, Store]:
    """Desk a gives B0001 to centre 14; desk b (13's second desk) writes it off, in the order given
    by the stamps; then they sync."""
    L, a, b = two_desks_of_13(tmp_path)
    if write_off_first:
        WRITE_OFFS[status](b, L)
        _moved(a, L)
    else:
        _moved(a, L)
        WRITE_OFFS[status](b, L)
    return L, a, b


def _copy(store: Store, L: Lib) -> Copy:
    with store.read() as s:
        row = s.get(Copy, L.copies[0].id)
        assert row is not None
        s.expunge(row)
        return row


@pytest.mark.parametrize("write_off_first", [True, False], ids=["written-off-first", "moved-first"])
@pytest.mark.parametrize("status", ["lost", "withdrawn"])
def test_a_copy_written_off_while_moved_apart_stays_written_off_and_is_a_conflict(
        tmp_path: Path, status: str, write_off_first: bool) -> None:
    L, a, b = _apart(tmp_path, status, write_off_first)
    exchange(a, b)
    seen = set()
    for store in (a, b):
        copy = _copy(store, L)
        assert (copy.status, copy.home_centre) == (status, "14")  # given to 14, and still written off
        assert transit.in_transit_to(store, "14") == []  # 14 does not wait for a copy nobody packed
        c = only_conflict(store, L.admin, RETIRED_WHILE_MOVED)
        assert sorted(f.type for f in c.facts) == sorted(["copy.received", "copy.withdrawn" if status == "withdrawn"
                                                          else "copy.marked_lost"])
        assert c.resolutions == ("keep_retired", "reinstate") and all(c.explanations)
        assert conflicts.KIND_TITLES[c.kind] in conflicts.open_titles_about(store, L.copies[0].id)
        seen.add(c.id)
    assert len(seen) == 1 and digests(a) == digests(b)
    assert ops.check(a.path) == [] and ops.check(b.path) == []


@pytest.mark.parametrize("status", ["lost", "withdrawn"])
def test_the_same_conflict_in_any_arrival_order(tmp_path: Path, status: str) -> None:
    L, a, b = _apart(tmp_path, status, write_off_first=True)
    new = missing(a, L.store) + missing(b, L.store)

    def see(desk: Store) -> None:
        kinds_are(L.admin, RETIRED_WHILE_MOVED)(desk)
        assert _copy(desk, L).status == status

    in_any_order(L.store, new, tmp_path, see, orders=[new[1:] + new[:1]])


@pytest.mark.parametrize("status", ["lost", "withdrawn"])
def test_keeping_the_write_off_changes_nothing_and_taking_it_back_puts_the_copy_on_its_way(
        tmp_path: Path, status: str) -> None:
    for resolution in ("keep_retired", "reinstate"):
        where = tmp_path / resolution
        where.mkdir()
        L, a, b = _apart(where, status, write_off_first=False)
        exchange(a, b)
        c = only_conflict(a, L.admin, RETIRED_WHILE_MOVED)
        conflicts.resolve(a, L.admin, c.id, resolution)
        converges_in_any_order(a, b, where, base=L.store)
        exchange(a, b)
        for store in (a, b):
            copy = _copy(store, L)
            assert conflicts.list_conflicts(store, L.admin) == []
            if resolution == "keep_retired":
                assert copy.status == status and transit.in_transit_to(store, "14") == []
            else:  # packed at 13 for 14, on its way until 14 reads it in
                assert (copy.status, copy.location, copy.home_centre) == ("in_transit", "13", "14")
                assert [(t.barcode, t.reason) for t in transit.in_transit_to(store, "14")] == [("B0001", "moved")]


@pytest.mark.parametrize("lent_first", [True, False], ids=["lent-first", "moved-first"])
def test_a_copy_lent_apart_while_given_to_another_centre_is_with_the_child_then_goes_there(
        tmp_path: Path, lent_first: bool) -> None:
    """Desk b lends B0001 at 13 while desk a, not knowing, gives it to 14: after sync the book is
    with the child on both desks (on loan, not in a box on its way, not on 14's list of copies on
    their way, no conflict: nothing for a person to choose), and returned at 13 it goes to 14."""
    from kanoon_desk.services import circulation
    from tests.library_helpers import TODAY

    L, a, b = two_desks_of_13(tmp_path)
    if lent_first:
        circulation.checkout(b, L.admin, L.child.member_no, "B0001", today=TODAY)
        _moved(a, L)
    else:
        _moved(a, L)
        circulation.checkout(b, L.admin, L.child.member_no, "B0001", today=TODAY)
    exchange(a, b)
    for store in (a, b):
        copy = _copy(store, L)
        assert (copy.status, copy.home_centre) == ("on_loan", "14")
        assert transit.in_transit_to(store, "14") == [] and conflicts.list_conflicts(store, L.admin) == []
    assert digests(a) == digests(b)
    back = circulation.checkin(b, L.admin, "B0001", today=TODAY)
    assert (back.next_action, back.send_to) == ("send_home", "14")
    exchange(a, b)
    for store in (a, b):
        assert [(t.barcode, t.from_centre) for t in transit.in_transit_to(store, "14")] == [("B0001", "13")]


@pytest.mark.parametrize("status", ["lost", "withdrawn"])
def test_a_stocktake_that_finds_the_copy_on_the_shelf_ends_the_conflict(tmp_path: Path, status: str) -> None:
    """The write-off the conflict asks about is over once a stock-take finds the copy on 13's
    shelf and puts it back in circulation (a withdrawn one reinstated, a lost one received): the
    question «keep the write-off or take it back» no longer stands, on both desks, in any order of
    arrival; the copy, found at 13 and given to 14, is to go there."""
    from kanoon_desk.services import stocktake

    L, a, b = _apart(tmp_path, status, write_off_first=True)
    exchange(a, b)
    assert only_conflict(b, L.admin, RETIRED_WHILE_MOVED)
    take = stocktake.open_stocktake(b, L.admin, "13")
    stocktake.scan(b, L.admin, take.id, "B0001")
    stocktake.close_stocktake(b, L.admin, take.id)
    assert stocktake.reshelve_found(b, L.admin, take.id) == 1
    new = missing(a, L.store) + missing(b, L.store)
    exchange(a, b)
    for store in (a, b):
        assert conflicts.list_conflicts(store, L.admin) == []
        copy = _copy(store, L)
        assert (copy.status, copy.location, copy.home_centre) == ("in_transit", "13", "14")  # found at 13
        assert [t.barcode for t in transit.in_transit_to(store, "14")] == ["B0001"]
    in_any_order(L.store, new, tmp_path, want=digests(a))
