"""Holds between two centres' desks that worked apart: a hold one centre ended while the other
served it stays ended and is one conflict on every desk."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanoon_desk.models.library import Hold
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import conflicts, ops
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as tr
from kanoon_desk.store import Store
from kanoon_desk.sync import client
from tests.library_helpers import TODAY

from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14


def _sync(*stores: Store) -> None:
    for store in stores:
        report = client.sync_once(store)
        assert report.ok, report.summary_line()


@pytest.mark.parametrize("cancel_first", [True, False], ids=["cancelled-then-set-aside", "set-aside-then-cancelled"])
def test_a_hold_cancelled_at_one_centre_while_the_other_sets_its_copy_aside(
        server: LiveServer, tmp_path: Path, cancel_first: bool) -> None:
    a, admin_a, _child, adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    _sync(b, a)
    title = lib.search_titles(a, "ماهی")[0]
    hold = circ.place_hold(b, admin_b, adult.member_no, title.id, pickup_centre="14", today=TODAY)
    _sync(b, a)
    tr.send_for_hold(a, admin_a, hold.id, "B0001")  # 13's only copy goes to 14 for the reader
    _sync(a, b)
    # apart: the reader phones 13 to cancel; the copy reaches 14 and is set aside for him
    if cancel_first:
        circ.cancel_hold(a, admin_a, hold.id, today=TODAY)
    assert circ.checkin(b, admin_b, "B0001", today=TODAY).next_action == "hold_here"
    if not cancel_first:
        circ.cancel_hold(a, admin_a, hold.id, today=TODAY)
    _sync(a, b, a)

    inboxes: list[list[conflicts.ConflictView]] = []
    for store, admin in ((a, admin_a), (b, admin_b)):
        with store.read() as s:
            got = s.get(Hold, hold.id)
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
    conflicts.resolve(b, admin_b, seen.id, "fixed_manually", "کتاب به مرکز ۱ فرستاده شد")
    _sync(b, a)
    assert conflicts.open_count(a) == conflicts.open_count(b) == 0

