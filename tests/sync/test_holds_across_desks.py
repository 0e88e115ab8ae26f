"""Holds between two centres' desks that worked apart: a hold one centre ended while the other
served it stays ended and is one conflict on every desk, and its member is not told twice (nor of
a hold that had ended)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.eventlog import Actor
from kanoon_desk.models.library import Hold
from kanoon_desk.server.server_models import SmsOutbox
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import conflicts, ops
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as tr
from kanoon_desk.services.library import MemberView, TitleView
from kanoon_desk.store import Store
from tests.library_helpers import NATIONAL_IDS, TODAY

from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14, hold_at_14_for_13s_copy, synced


def _b0001_out_at_13_and_b0002_at_14(server: LiveServer, tmp_path: Path) -> tuple[
        Store, Actor, MemberView, MemberView, MemberView, Store, Actor, TitleView]:
    """13's copy B0001 lent to a third reader, 14's own copy B0002 of the title on its shelf,
    both desks synced: 13's desk, admin, child, adult and third reader, 14's desk and admin, the title."""
    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    third = lib.register_member(a, admin_a, lib.MemberInput(
        first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult",
        phone="09350000003"), today=TODAY)
    b, admin_b = centre_14(server, tmp_path)
    title = lib.search_titles(a, "ماهی")[0]
    lib.add_copy(b, admin_b, title.id, barcode="B0002", shelf="C1")  # 14's own copy
    circ.checkout(a, admin_a, third.member_no, "B0001", today=TODAY)
    synced(a, b, a)
    return a, admin_a, child, adult, third, b, admin_b, title


def _notices(server: LiveServer, hold_id: str) -> list[str]:
    """The statuses of the SMS notices the server holds about a hold, in the order stored."""
    with server.db.read() as s:
        return [r.status for r in s.scalars(select(SmsOutbox).where(SmsOutbox.hold_id == hold_id)
                                            .order_by(SmsOutbox.queued_at, SmsOutbox.event_id))]


@pytest.mark.parametrize("cancel_first", [True, False], ids=["cancelled-then-set-aside", "set-aside-then-cancelled"])
def test_a_hold_cancelled_at_one_centre_while_the_other_sets_its_copy_aside(
        server: LiveServer, tmp_path: Path, cancel_first: bool) -> None:
    d = hold_at_14_for_13s_copy(server, tmp_path)  # 13's only copy sent to 14 for the reader
    a, admin_a, b, admin_b, adult, hold = d.a, d.admin_a, d.b, d.admin_b, d.adult, d.hold_id
    # apart: the reader phones 13 to cancel; the copy reaches 14 and is set aside for him
    if cancel_first:
        circ.cancel_hold(a, admin_a, hold, today=TODAY)
    assert circ.checkin(b, admin_b, "B0001", today=TODAY).next_action == "hold_here"
    if not cancel_first:
        circ.cancel_hold(a, admin_a, hold, today=TODAY)
    synced(a, b, a)

    inboxes: list[list[conflicts.ConflictView]] = []
    for store, admin in ((a, admin_a), (b, admin_b)):
        with store.read() as s:
            got = s.get(Hold, hold)
            assert got is not None and got.status == "cancelled"  # the reader's cancel stands
        assert circ.ready_holds(store, "14") == []  # not on 14's hold shelf
        copy = lib.get_copy(store, "B0001")
        assert (copy.status, copy.location) == ("in_transit", "14")  # free, to go home from 14
        assert [(x.barcode, x.from_centre, x.reason) for x in tr.in_transit_to(store, "13")] == [
            ("B0001", "14", "home")]
        inboxes.append(conflicts.list_conflicts(store, admin))
        assert ops.check(store.path) == []
    inbox_a, inbox_b = inboxes
    assert [c.kind for c in inbox_a] == ["hold.ended_while_served"]
    assert [(c.id, c.raised_at, c.summary) for c in inbox_a] == [(c.id, c.raised_at, c.summary) for c in inbox_b]
    seen = inbox_a[0]
    assert seen.title == "رزروی که در یک مرکز پایان یافت، در مرکز دیگری کتابش کنار گذاشته یا فرستاده شد"
    assert seen.subject == f"{adult.first_name} {adult.last_name} ({adult.member_no})"
    assert sorted(f.type for f in seen.facts) == ["hold.cancelled", "hold.ready"]
    assert {f.office_code for f in seen.facts} == {"13", "14"}
    assert seen.resolutions == ("fixed_manually",) and "قفسه رزرو" in seen.explanations[0]
    # the reader is not told of the book he gave up: 14's «ready» notice came after the cancel
    assert _notices(server, hold) == ["withdrawn"]
    conflicts.resolve(b, admin_b, seen.id, "fixed_manually", "کتاب به مرکز ۱ فرستاده شد")
    synced(b, a)
    assert conflicts.open_count(a) == conflicts.open_count(b) == 0


def test_a_hold_expired_at_one_centre_while_its_member_collects_at_the_other_tells_the_next_member_once(
        server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, child, adult, _third, b, admin_b, title = _b0001_out_at_13_and_b0002_at_14(server, tmp_path)
    first = circ.place_hold(a, admin_a, adult.member_no, title.id, today=TODAY)
    second = circ.place_hold(a, admin_a, child.member_no, title.id, today=TODAY)
    back = circ.checkin(a, admin_a, "B0001", today=TODAY)
    assert back.next_action == "hold_here" and back.hold is not None and back.hold.id == first.id
    synced(a, b, a)
    # apart: 13 expires the uncollected hold, B0001 goes to the child; meanwhile the adult borrows
    # 14's copy there, which ends his hold and frees B0001 — to the child, as 14 knows the queue
    [expired] = circ.expire_holds(a, admin_a, today=TODAY + datetime.timedelta(days=14))
    assert (expired.next_action, expired.hold and expired.hold.id) == ("hold_here", second.id)
    loan = circ.checkout(b, admin_b, adult.member_no, "B0002", today=TODAY)
    assert loan.freed is not None and loan.freed.hold is not None and loan.freed.hold.id == second.id
    synced(a, b, a)
    for store in (a, b):
        assert [h.id for h in circ.ready_holds(store, "13")] == [second.id]
        assert ops.check(store.path) == []
    # the child's guardian gets one message, not one from each desk
    told = _notices(server, second.id)
    assert len(told) == 2 and told.count("withdrawn") == 1, told



def test_a_copy_set_aside_at_one_centre_while_the_other_sends_one_for_the_same_hold(
        server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, child, adult, third, b, admin_b, title = _b0001_out_at_13_and_b0002_at_14(server, tmp_path)
    circ.checkout(b, admin_b, third.member_no, "B0002", today=TODAY)
    synced(b, a)
    # the adult reserves at 14 first, the child at 13 after him: the same queue on both desks
    for_adult = circ.place_hold(b, admin_b, adult.member_no, title.id, today=TODAY)
    for_child = circ.place_hold(a, admin_a, child.member_no, title.id, today=TODAY)
    synced(a, b, a)
    for store in (a, b):
        assert [h.id for h in circ.holds_of_title(store, title.id)] == [for_adult.id, for_child.id]
    # apart, both copies come back: 13 sends B0001 to 14 for the adult, 14 sets B0002 aside for him
    sent = circ.checkin(a, admin_a, "B0001", today=TODAY)
    assert (sent.next_action, sent.send_to) == ("send_to_hold", "14")
    assert circ.checkin(b, admin_b, "B0002", today=TODAY).next_action == "hold_here"
    synced(a, b, a)
    inboxes: list[list[tuple[str, str, str]]] = []
    for store, admin in ((a, admin_a), (b, admin_b)):
        assert [h.id for h in circ.ready_holds(store, "14")] == [for_adult.id]
        assert lib.get_copy(store, "B0002").status == "held"
        inboxes.append([(c.kind, c.id, c.subject) for c in conflicts.list_conflicts(store, admin)])
        assert ops.check(store.path) == []
    assert [kind for kind, _id, _subject in inboxes[0]] == ["hold.served_twice"]  # one, read alike on both
    assert inboxes[0] == inboxes[1] and inboxes[0][0][2] == f"{adult.first_name} {adult.last_name} ({adult.member_no})"
    [seen] = conflicts.list_conflicts(a, admin_a)  # it names the copy that serves the hold
    assert seen.params == {"barcode": "B0002", "other": "B0001"}  # both copies by their barcodes
    assert "{barcode}" in seen.explanations[0] and "{other}" in seen.explanations[0]
    # B0001, on its way, is scanned where it arrives as the inbox says: it goes to the next hold
    arrived = circ.checkin(b, admin_b, "B0001", today=TODAY)
    assert arrived.next_action == "send_to_hold" and arrived.hold is not None and arrived.hold.id == for_child.id
    # then the inbox's «دستی اصلاح شد» records it, and it leaves both inboxes
    assert seen.resolutions == ("fixed_manually",)
    conflicts.resolve(a, admin_a, seen.id, "fixed_manually", "B0001 برای رزرو بعدی رفت")
    synced(a, b, a)
    for store, admin in ((a, admin_a), (b, admin_b)):
        assert conflicts.list_conflicts(store, admin) == []
        assert ops.check(store.path) == []


def test_the_hold_shelf_lists_holds_due_the_same_day_in_the_order_they_were_placed_on_every_desk(
        server: LiveServer, tmp_path: Path) -> None:
    """Two holds set aside at 13 on one day, one placed at 14 and one at 13 while apart: the hold
    shelf listed them by their last day alone, and each desk broke the tie by the order its rows
    came in (its own hold first), so the two centres' lists differed. Both now read them in the
    order they were placed."""
    a, admin_a, child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    title = lib.search_titles(a, "ماهی")[0]
    lib.add_copy(a, admin_a, title.id, barcode="B0002", shelf="A1")
    readers = [lib.register_member(a, admin_a, lib.MemberInput(
        first_name=name, last_name="رضایی", national_id=nid, category="adult", phone="09351234560"), today=TODAY)
        for name, nid in (("مینا", NATIONAL_IDS[2]), ("نادر", NATIONAL_IDS[3]))]
    for reader, barcode in zip(readers, ("B0001", "B0002"), strict=True):
        circ.checkout(a, admin_a, reader.member_no, barcode, today=TODAY)  # both copies out
    synced(a, b)
    # apart: the adult reserves at 14 first, then the child at 13 (both to collect at 13)
    first = circ.place_hold(b, admin_b, adult.member_no, title.id, pickup_centre="13", today=TODAY)
    second = circ.place_hold(a, admin_a, child.member_no, title.id, pickup_centre="13", today=TODAY)
    synced(b, a, b)
    for barcode in ("B0001", "B0002"):  # both back the same day, each set aside for a hold
        assert circ.checkin(a, admin_a, barcode, today=TODAY).next_action == "hold_here"
    synced(a, b)
    for store in (a, b):
        shelf = circ.ready_holds(store, "13")
        assert len({h.ready_until for h in shelf}) == 1  # one last day: the tie the order must break
        assert [h.id for h in shelf] == [first.id, second.id]
