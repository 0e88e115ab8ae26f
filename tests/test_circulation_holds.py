"""Holds: placed on a title that is out, served in order at return, collected, expired, cancelled."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from kanoon_desk.errors import InvariantError
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from tests.library_helpers import NATIONAL_IDS, TODAY, actor_at, make_library
from tests.refold_check import assert_refolds_alike


def _all_out(L: object) -> None:
    from tests.library_helpers import Lib
    assert isinstance(L, Lib)
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)


def test_hold_refused_when_a_copy_is_on_the_shelf_here(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with pytest.raises(InvariantError):
        circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)


def test_holds_are_served_in_the_order_placed(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    _all_out(L)
    third = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    h1 = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    h2 = circ.place_hold(L.store, L.admin, third.member_no, L.title.id, today=TODAY)
    assert (h1.position, h2.position) == (1, 2)
    with pytest.raises(InvariantError):
        circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    r = circ.checkin(L.store, L.admin, "B0002", today=TODAY)
    assert r.next_action == "hold_here" and r.hold is not None and r.hold.member_id == L.child.id
    from kanoon_desk.services import library_reports as rep
    [(phone, text, _day)] = rep.queued_notices(L.store)
    assert phone == "09121234567" and "آماده است" in text  # the child's guardian is told where to collect it
    assert text.endswith("آن را از کتابخانه مرکز فرهنگی هنری شماره ۱ بگیرید.")
    # the notice names its hold: the server withdraws it unsent if the hold ends before it goes
    from sqlalchemy import select

    from kanoon_desk.models import Event
    with L.store.read() as s:
        [payload] = s.scalars(select(Event.payload).where(Event.type == "notice.queued"))
    assert payload["hold_id"] == h1.id
    assert lib.get_copy(L.store, "B0002").status == "held"
    # the adult cannot take the copy set aside for the child
    r2 = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert r2.hold is not None and r2.hold.member_id == third.id
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, L.admin, third.member_no, "B0002", today=TODAY)
    assert err.value.codes == ["held_for_other"]
    # the child collects it: the hold is done, the copy is on loan
    circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY)
    assert [h.status for h in circ.holds_of_title(L.store, L.title.id)] == ["ready"]
    assert lib.get_copy(L.store, "B0002").status == "on_loan"
    desk = circ.member_desk(L.store, L.admin, third.member_no, today=TODAY)
    assert [h.status for h in desk.holds] == ["ready"]


def test_uncollected_hold_expires_and_copy_goes_to_the_next(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    _all_out(L)
    third = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    h1 = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.place_hold(L.store, L.admin, third.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert circ.expire_holds(L.store, L.admin, today=TODAY + timedelta(days=1)) == []
    results = circ.expire_holds(L.store, L.admin, today=TODAY + timedelta(days=10))
    assert len(results) == 1 and results[0].next_action == "hold_here"
    assert results[0].hold is not None and results[0].hold.member_id == third.id
    statuses = {h.member_id: h.status for h in circ.holds_of_title(L.store, L.title.id)}
    assert statuses == {third.id: "ready"}
    assert h1.id not in {h.id for h in circ.holds_of_title(L.store, L.title.id)}
    assert lib.get_copy(L.store, "B0001").status == "held"


def test_cancelled_hold_frees_the_copy(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    _all_out(L)
    h = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0003", today=TODAY)
    circ.cancel_hold(L.store, L.admin, h.id)
    assert lib.get_copy(L.store, "B0003").status == "on_shelf"
    with pytest.raises(InvariantError):
        circ.cancel_hold(L.store, L.admin, h.id)


def test_hold_for_pickup_at_another_centre_travels_there(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    _all_out(L)
    at_b = actor_at(L.admin, "14")
    circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    r = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert (r.next_action, r.send_to) == ("send_to_hold", "14")
    circ.send_copy(L.store, L.admin, "B0001", "14")
    arrived = circ.receive_copy(L.store, at_b, "B0001", today=TODAY)
    assert arrived.next_action == "hold_here"
    assert [h.ready_until for h in circ.ready_holds(L.store, "14")] == [date(2025, 5, 8)]


def test_a_copy_set_aside_lent_to_another_by_override_puts_its_hold_back_in_the_queue(tmp_path: Path) -> None:
    from kanoon_desk.services import library_reports as rep

    L = make_library(tmp_path)
    _all_out(L)
    h = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0002", today=TODAY)  # set aside for the child, who is told
    assert [x.id for x in circ.ready_holds(L.store, "13")] == [h.id] and len(rep.queued_notices(L.store)) == 1
    third = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    circ.checkout(L.store, L.admin, third.member_no, "B0002", today=TODAY, override=True, note="امانت فوری")
    [back] = circ.holds_of_title(L.store, L.title.id)
    assert (back.id, back.status, back.copy_id, back.position, back.ready_until) == (h.id, "waiting", None, 1, None)
    assert circ.ready_holds(L.store, "13") == []  # off the hold shelf
    assert lib.get_copy(L.store, "B0002").status == "on_loan"
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY)
    assert [(x.status, x.position) for x in desk.holds] == [("waiting", 1)]
    # days later nothing expires and nobody is told "ready" for the copy on loan...
    assert circ.expire_holds(L.store, L.admin, today=TODAY + timedelta(days=10)) == []
    assert len(rep.queued_notices(L.store)) == 1
    # ...and the next copy back serves the child's hold
    r = circ.checkin(L.store, L.admin, "B0003", today=TODAY + timedelta(days=10))
    assert r.next_action == "hold_here" and r.hold is not None and r.hold.id == h.id
    assert lib.get_copy(L.store, "B0003").status == "held" and len(rep.queued_notices(L.store)) == 2


def _third(L: object) -> lib.MemberView:
    from tests.library_helpers import Lib
    assert isinstance(L, Lib)
    return lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult",
        phone="09131112233"), today=TODAY)


def test_cancelling_a_ready_hold_sets_its_copy_aside_for_the_next_hold(tmp_path: Path) -> None:
    from kanoon_desk.services import library_reports as rep

    L = make_library(tmp_path)
    _all_out(L)
    third = _third(L)
    first = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    second = circ.place_hold(L.store, L.admin, third.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0002", today=TODAY)  # set aside for the child
    assert len(rep.queued_notices(L.store)) == 1
    r = circ.cancel_hold(L.store, L.admin, first.id, today=TODAY)
    assert r is not None and (r.next_action, r.barcode, r.at) == ("hold_here", "B0002", "13")
    assert r.hold is not None and r.hold.id == second.id and r.hold.status == "ready"
    [ready] = circ.ready_holds(L.store, "13")
    assert (ready.id, ready.copy_id) == (second.id, lib.get_copy(L.store, "B0002").id)
    assert lib.get_copy(L.store, "B0002").status == "held"
    assert len(rep.queued_notices(L.store)) == 2  # the next member is told
    # nobody else waits: cancelling that one puts the copy back on the shelf, and says so
    back = circ.cancel_hold(L.store, L.admin, second.id, today=TODAY)
    assert back is not None and back.next_action == "reshelve" and back.hold is None
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"
    assert_refolds_alike(L.store)


def test_cancelling_a_ready_hold_sends_its_copy_to_the_next_hold_elsewhere(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    _all_out(L)
    at_b = actor_at(L.admin, "14")
    first = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    far = circ.place_hold(L.store, at_b, _third(L).member_no, L.title.id, today=TODAY)  # picked up at 14
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    r = circ.cancel_hold(L.store, at_b, first.id, today=TODAY)  # cancelled at the other centre's desk
    assert r is not None and (r.next_action, r.send_to, r.at) == ("send_to_hold", "14", "13")
    assert r.hold is not None and (r.hold.id, r.hold.status, r.hold.sent_from) == (far.id, "in_transit", "13")
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.location) == ("in_transit", "13")
    arrived = circ.checkin(L.store, at_b, "B0001", today=TODAY)
    assert arrived.next_action == "hold_here" and arrived.hold is not None and arrived.hold.id == far.id


def test_cancelling_a_hold_in_transit_passes_its_copy_to_the_next_hold(tmp_path: Path) -> None:

    L = make_library(tmp_path)
    _all_out(L)
    at_b = actor_at(L.admin, "14")
    third = _third(L)
    first = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    second = circ.place_hold(L.store, at_b, third.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # on its way to 14 for the child
    r = circ.cancel_hold(L.store, at_b, first.id, today=TODAY)
    assert r is not None and "in_transit" in r.notes and (r.next_action, r.at) == ("send_to_hold", "14")
    assert r.hold is not None and (r.hold.id, r.hold.status, r.hold.sent_from) == (second.id, "in_transit", "13")
    copy = lib.get_copy(L.store, "B0001")
    assert copy.status == "in_transit"  # still claimed: not lent nor pulled at 13 meanwhile
    with pytest.raises(circ.CirculationRefused):
        circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    arrived = circ.checkin(L.store, at_b, "B0001", today=TODAY + timedelta(days=1))
    assert arrived.next_action == "hold_here" and arrived.hold is not None and arrived.hold.id == second.id
    assert lib.get_copy(L.store, "B0001").status == "held"
    assert_refolds_alike(L.store)


def test_a_copy_on_its_way_passed_to_a_hold_at_the_centre_it_left_is_set_aside_there(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    _all_out(L)
    at_b = actor_at(L.admin, "14")
    first = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    near = circ.place_hold(L.store, L.admin, _third(L).member_no, L.title.id, today=TODAY)  # picked up at 13
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # for the child at 14
    r = circ.cancel_hold(L.store, L.admin, first.id, today=TODAY)
    assert r is not None and r.hold is not None and r.hold.id == near.id and r.send_to == "13"
    # it had not left yet: scanned again here, it is set aside for the hold here
    again = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert again.next_action == "hold_here" and again.hold is not None and again.hold.id == near.id
    assert lib.get_copy(L.store, "B0001").status == "held"


def test_borrowing_another_copy_frees_the_one_set_aside_for_the_next_hold(tmp_path: Path) -> None:
    from kanoon_desk.services import library_reports as rep

    L = make_library(tmp_path)
    _all_out(L)
    third = _third(L)
    mine = circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    nxt = circ.place_hold(L.store, L.admin, third.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # set aside for the child
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0004", shelf="A1")  # a new copy on the shelf
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0004", today=TODAY)  # not the one set aside
    assert loan.freed is not None and (loan.freed.barcode, loan.freed.next_action) == ("B0001", "hold_here")
    assert loan.freed.hold is not None and loan.freed.hold.id == nxt.id
    assert lib.get_copy(L.store, "B0001").status == "held"
    assert [(h.id, h.status) for h in circ.holds_of_title(L.store, L.title.id)] == [(nxt.id, "ready")]
    assert mine.id not in {h.id for h in circ.ready_holds(L.store, "13")}
    assert len(rep.queued_notices(L.store)) == 2  # the third member is told
    # nobody waits now: the third member borrows the new copy back... and B0001 goes to the shelf
    circ.checkin(L.store, L.admin, "B0004", today=TODAY)
    again = circ.checkout(L.store, L.admin, third.member_no, "B0004", today=TODAY)
    assert again.freed is not None and again.freed.next_action == "reshelve"
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    plain = circ.checkout(L.store, L.admin, third.member_no, "B0001", today=TODAY)
    assert plain.freed is None
    assert_refolds_alike(L.store)


def test_a_hold_is_refused_on_a_title_no_copy_could_ever_serve(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    bare = lib.add_title(L.store, L.admin, lib.TitleInput(title="کتاب بی‌نسخه"))
    with pytest.raises(InvariantError) as err:
        circ.place_hold(L.store, L.admin, L.child.member_no, bare.id, today=TODAY)
    assert (err.value.message, err.value.field) == (circ.MSG_HOLD_NO_COPY, "title")
    # copies that are not lent, written off or withdrawn serve no hold either
    ref = lib.add_title(L.store, L.admin, lib.TitleInput(title="فرهنگ فارسی"))
    lib.add_copy(L.store, L.admin, ref.id, barcode="R0001", loanable=False)
    lib.add_copy(L.store, L.admin, ref.id, barcode="R0002")
    lib.add_copy(L.store, L.admin, ref.id, barcode="R0003")
    lib.mark_copy_lost(L.store, L.admin, "R0002")
    lib.withdraw_copy(L.store, L.admin, "R0003", "فرسوده")
    with pytest.raises(InvariantError) as err:
        circ.place_hold(L.store, L.admin, L.child.member_no, ref.id, today=TODAY)
    assert err.value.message == circ.MSG_HOLD_NO_COPY
    assert circ.holds_of_title(L.store, ref.id) == []
    # a copy on loan will come back: that hold is taken
    lib.add_copy(L.store, L.admin, ref.id, barcode="R0004")
    circ.checkout(L.store, L.admin, L.adult.member_no, "R0004", today=TODAY)
    assert circ.place_hold(L.store, L.admin, L.child.member_no, ref.id, today=TODAY).position == 1
