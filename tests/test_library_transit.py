"""Holds picked up at another centre: the copy routed to them is recorded in transit, reserved for
that hold; the pull list sends copies from a centre's shelf; the copies on their way to a centre."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.errors import InvariantError, ValidationError
from kanoon_desk.models import Event
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as rep
from kanoon_desk.services import library_transit as tr
from kanoon_desk.store import Store
from tests.library_helpers import NATIONAL_IDS, TODAY, Lib, actor_at, make_library


def _events(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event)) or 0)


def _third(L: Lib) -> lib.MemberView:
    return lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)


def test_a_copy_routed_to_a_hold_elsewhere_is_reserved_in_transit_and_set_aside_on_arrival(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    third = _third(L)
    at_b = actor_at(L.admin, "14")
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    far = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)  # picked up at 14
    near = circ.place_hold(L.store, L.admin, third.member_no, L.title.id, today=TODAY)  # picked up here
    r = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert (r.next_action, r.send_to) == ("send_to_hold", "14")
    assert r.hold is not None and r.hold.id == far.id and r.hold.status == "in_transit"
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.location) == ("in_transit", "13")
    # reserved for that hold: not lent here, not even with an override
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, L.admin, third.member_no, "B0001", today=TODAY)
    assert err.value.codes == ["held_for_other"]
    # scanned again before it leaves: the same answer, nothing recorded twice
    before = _events(L.store)
    again = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert (again.next_action, again.send_to) == ("send_to_hold", "14") and _events(L.store) == before
    # the next copy back serves the next hold in order: the one picked up here
    r2 = circ.checkin(L.store, L.admin, "B0002", today=TODAY)
    assert r2.next_action == "hold_here" and r2.hold is not None and r2.hold.id == near.id
    # it arrives at the pick-up centre: set aside for the child, whose guardian is told
    arrived = circ.checkin(L.store, at_b, "B0001", today=TODAY + timedelta(days=2))
    assert arrived.next_action == "hold_here" and arrived.hold is not None and arrived.hold.id == far.id
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.location) == ("held", "14")
    [ready] = circ.ready_holds(L.store, "14")
    assert ready.id == far.id and ready.copy_id == copy.id and ready.ready_until == date(2025, 5, 11)
    assert any(phone == "09121234567" for phone, _text, _day in rep.queued_notices(L.store))
    circ.checkout(L.store, at_b, L.child.member_no, "B0001", today=TODAY + timedelta(days=2))
    assert lib.get_copy(L.store, "B0001").status == "on_loan"


def test_the_receive_scan_sets_a_routed_copy_aside(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    hold = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0003", today=TODAY)
    got = circ.receive_copy(L.store, at_b, "B0003", today=TODAY)
    assert got.next_action == "hold_here" and got.hold is not None and got.hold.id == hold.id
    assert lib.get_copy(L.store, "B0003").status == "held"


def test_a_cancelled_hold_in_transit_leaves_its_copy_on_its_way_until_it_is_scanned(tmp_path: Path) -> None:
    """A copy sent from its home for a hold elsewhere, the hold cancelled with nobody else waiting:
    the copy is on its way still (it was shown back on its home shelf while it travelled). Scanned
    where it arrives, it is sent home; scanned at home, it is back on the shelf."""
    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    hold = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert [h.status for h in circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY).holds] == ["in_transit"]
    freed = circ.cancel_hold(L.store, L.admin, hold.id)
    assert freed is not None and (freed.next_action, freed.send_to) == ("send_home", "13")
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.location) == ("in_transit", "13")
    arrived = circ.checkin(L.store, at_b, "B0001", today=TODAY + timedelta(days=1))
    assert (arrived.next_action, arrived.send_to) == ("send_home", "13")
    assert (lib.get_copy(L.store, "B0001").status, lib.get_copy(L.store, "B0001").location) == ("in_transit", "14")
    home = circ.checkin(L.store, L.admin, "B0001", today=TODAY + timedelta(days=3))
    assert home.next_action == "reshelve"
    assert (lib.get_copy(L.store, "B0001").status, lib.get_copy(L.store, "B0001").location) == ("on_shelf", "13")


def test_a_copy_whose_hold_was_cancelled_before_it_left_goes_back_on_the_shelf_when_scanned(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    hold = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    circ.cancel_hold(L.store, L.admin, hold.id)
    again = circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # still on the desk here
    assert again.next_action == "reshelve" and lib.get_copy(L.store, "B0001").status == "on_shelf"


def test_pull_list_sends_shelf_copies_to_holds_elsewhere_oldest_first(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    third = _third(L)
    at_b = actor_at(L.admin, "14")
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="کلاغ‌ها"))
    lib.add_copy(L.store, L.admin, other.id, barcode="C0001", home_centre="14")
    first = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    second = circ.place_hold(L.store, at_b, third.member_no, L.title.id, today=TODAY)
    circ.place_hold(L.store, L.admin, L.adult.member_no, other.id, today=TODAY)  # its copy is at 14, not here
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    items = tr.pull_list(L.store, L.admin, "13")
    assert [(i.hold_id, i.barcode, i.pickup_centre) for i in items] == [(first.id, "B0002", "14"),
                                                                       (second.id, "B0003", "14")]
    assert items[0].member_name == "زهرا محمدی" and items[0].title == "ماهی سیاه کوچولو" and items[0].shelf == "A1"
    assert [i.barcode for i in tr.pull_list(L.store, L.admin, "14")] == ["C0001"]  # the adult's hold at 13
    # what cannot be sent says why, at the barcode
    with pytest.raises(ValidationError) as wrong:
        tr.send_for_hold(L.store, L.admin, first.id, "C0001")
    assert wrong.value.field == "barcode"
    with pytest.raises(InvariantError):
        tr.send_for_hold(L.store, L.admin, first.id, "B0001")  # on loan, not on this shelf
    with pytest.raises(InvariantError):
        tr.send_for_hold(L.store, at_b, first.id, "B0002")  # picked up at 14: nothing to send there
    sent = tr.send_for_hold(L.store, L.admin, first.id, "B0003")  # the librarian took another copy
    assert sent.status == "in_transit" and sent.sent_from == "13"
    assert lib.get_copy(L.store, "B0003").status == "in_transit"
    with pytest.raises(InvariantError):
        tr.send_for_hold(L.store, L.admin, first.id, "B0002")  # its copy is already on the way
    assert [(i.hold_id, i.barcode) for i in tr.pull_list(L.store, L.admin, "13")] == [(second.id, "B0002")]
    # on its way to 14: from 13, since today, for the child
    [coming] = tr.in_transit_to(L.store, "14")
    assert (coming.barcode, coming.from_centre, coming.reason, coming.member_name) == (
        "B0003", "13", "hold", "زهرا محمدی")
    assert coming.since is not None
    assert tr.in_transit_to(L.store, "13") == []
    done = circ.checkin(L.store, at_b, "B0003", today=TODAY)
    assert done.next_action == "hold_here" and done.hold is not None and done.hold.id == first.id
    assert tr.in_transit_to(L.store, "14") == []


def test_in_transit_lists_copies_going_home(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    circ.checkin(L.store, at_b, "B0001", today=TODAY + timedelta(days=3))
    [home] = tr.in_transit_to(L.store, "13")
    assert (home.barcode, home.from_centre, home.reason) == ("B0001", "14", "home")
    with L.store.read() as s:
        returned_at = s.scalar(select(func.max(Event.recorded_at)).where(Event.type == "loan.returned"))
    assert home.since is not None and returned_at is not None
    assert abs((home.since - returned_at).total_seconds()) < 1
    circ.checkin(L.store, L.admin, "B0001", today=TODAY + timedelta(days=5))  # received at home
    assert tr.in_transit_to(L.store, "13") == []
