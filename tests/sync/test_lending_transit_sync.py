"""Between two centres' desks through the server: a member's photo travels with the member, a
copy sent for a hold picked up at the other centre is set aside there when it is received, and a
copy received at home is not lost because the centre it left wrote it off meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as tr
from kanoon_desk.services import ops
from kanoon_desk.services.secretariat_files import attachment_path
from kanoon_desk.sync import client
from tests.library_helpers import NATIONAL_IDS, TODAY

from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_photo_and_a_copy_sent_for_a_hold_reach_the_other_centre(server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, _child, _adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)  # centre 14 is recorded by its own desk
    assert client.sync_once(b).ok and client.sync_once(a).ok
    (tmp_path / "face.png").write_bytes(PNG)
    sha = lib.put_member_photo(a, tmp_path / "face.png")
    reader = lib.register_member(a, admin_a, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult", home_centre="14",
        photo=sha), today=TODAY)
    assert client.sync_once(a).ok
    report = client.sync_once(b)
    assert report.ok, report.summary_line()
    got = lib.get_member(b, admin_b, reader.id)
    assert got.photo == sha and lib.member_photo(b, admin_b, got.photo) == PNG and attachment_path(b, sha).is_file()
    # the reader reserves at 14 the title whose only copy is on 13's shelf; 13 sends it
    hold = circ.place_hold(b, admin_b, reader.member_no, lib.search_titles(b, "ماهی")[0].id, today=TODAY)
    assert client.sync_once(b).ok and client.sync_once(a).ok
    [item] = tr.pull_list(a, admin_a, "13")
    assert item.hold_id == hold.id and item.barcode == "B0001"
    tr.send_for_hold(a, admin_a, hold.id, "B0001")
    assert client.sync_once(a).ok and client.sync_once(b).ok
    [coming] = tr.in_transit_to(b, "14")
    assert (coming.barcode, coming.from_centre, coming.reason) == ("B0001", "13", "hold")
    arrived = circ.checkin(b, admin_b, "B0001", today=TODAY)
    assert arrived.next_action == "hold_here" and lib.get_copy(b, "B0001").status == "held"
    assert client.sync_once(b).ok and client.sync_once(a).ok
    assert lib.get_copy(a, "B0001").status == "held" and tr.pull_list(a, admin_a, "13") == []


@pytest.mark.parametrize("received_first", [True, False], ids=["received-then-written-off", "written-off-then-received"])
def test_a_copy_on_its_way_home_written_off_at_one_centre_while_the_other_receives_it(
        server: LiveServer, tmp_path: Path, received_first: bool) -> None:
    a, admin_a, _child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    assert client.sync_once(b).ok and client.sync_once(a).ok
    circ.checkout(a, admin_a, adult.member_no, "B0001", today=TODAY)
    assert client.sync_once(a).ok and client.sync_once(b).ok
    back = circ.checkin(b, admin_b, "B0001", today=TODAY)  # returned at 14: it goes home to 13
    assert (back.next_action, back.send_to) == ("send_home", "13")
    assert client.sync_once(b).ok and client.sync_once(a).ok
    # apart: 13 receives it and shelves it; 14, not hearing of it, writes it off as lost on the way
    if received_first:
        assert circ.checkin(a, admin_a, "B0001", today=TODAY).next_action == "reshelve"
    lib.mark_copy_lost(b, admin_b, "B0001", "به مرکز ۱ نرسید")
    if not received_first:
        assert circ.checkin(a, admin_a, "B0001", today=TODAY).next_action == "reshelve"
    for store in (a, b, a):
        assert client.sync_once(store).ok
    for store in (a, b):  # it is on 13's shelf, lendable, on both desks
        copy = lib.get_copy(store, "B0001")
        assert (copy.status, copy.location) == ("on_shelf", "13")
        assert tr.in_transit_to(store, "13") == []
        assert ops.check(store.path) == []
    circ.checkout(a, admin_a, adult.member_no, "B0001", today=TODAY)
