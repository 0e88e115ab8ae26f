"""A copy withdrawn at one centre while the other, apart, receives it from its way: the book is
where it arrived (set aside there for the reader it was sent for), the withdrawal is one conflict
on every desk that a person decides, and each store checks after each sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanoon_desk.models.library import Hold
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.library_helpers import TODAY

from .helpers import LiveServer
from .test_lending_across_centres import hold_at_14_for_13s_copy, synced


def _hold_status(store: Store, hold_id: str) -> str:
    with store.read() as s:
        hold = s.get(Hold, hold_id)
        assert hold is not None
        return hold.status


@pytest.mark.parametrize("withdrawn_first", [True, False], ids=["withdrawn-then-received", "received-then-withdrawn"])
def test_a_copy_withdrawn_at_home_while_the_other_centre_receives_it_for_a_hold(
        server: LiveServer, tmp_path: Path, withdrawn_first: bool) -> None:
    d = hold_at_14_for_13s_copy(server, tmp_path)  # 13's only copy sent to 14 for the reader
    a, admin_a, b, admin_b, hold = d.a, d.admin_a, d.b, d.admin_b, d.hold_id
    # apart: 13, the book gone from its hands, withdraws it; 14 receives it and sets it aside
    if withdrawn_first:
        lib.withdraw_copy(a, admin_a, "B0001", "فرسوده")
    assert circ.checkin(b, admin_b, "B0001", today=TODAY).next_action == "hold_here"
    if not withdrawn_first:
        lib.withdraw_copy(a, admin_a, "B0001", "فرسوده")
    synced(a, b, a)

    inboxes = []
    for store, admin in ((a, admin_a), (b, admin_b)):
        copy = lib.get_copy(store, "B0001")
        assert (copy.status, copy.location) == ("held", "14")  # on 14's hold shelf, as it really is
        assert [h.id for h in circ.ready_holds(store, "14")] == [hold]
        inboxes.append(conflicts.list_conflicts(store, admin))
    inbox_a, inbox_b = inboxes
    assert [c.kind for c in inbox_a] == ["copy.retired_while_received"]
    assert [(c.id, c.raised_at, c.subject) for c in inbox_a] == [(c.id, c.raised_at, c.subject) for c in inbox_b]
    seen = inbox_a[0]
    assert seen.title == "نسخه‌ای که در مرکزی از گردش خارج شد، همان هنگام در مرکز دیگری رسید و تحویل گرفته شد"
    assert seen.subject == "B0001"
    assert sorted((f.type, f.office_code) for f in seen.facts) == [("copy.received", "14"), ("copy.withdrawn", "13")]
    assert seen.resolutions == ("reinstate", "keep_retired")

    # 13 confirms the withdrawal: the book is withdrawn where it is, the reader waits for another
    conflicts.resolve(a, admin_a, seen.id, "keep_retired", "کتاب فرسوده است")
    synced(a, b, a)
    for store in (a, b):
        assert lib.get_copy(store, "B0001").status == "withdrawn"
        assert circ.ready_holds(store, "14") == [] and _hold_status(store, hold) == "waiting"
        assert conflicts.open_count(store) == 0


def test_a_copy_withdrawn_while_received_stays_in_circulation_when_the_withdrawal_is_taken_back(
        server: LiveServer, tmp_path: Path) -> None:
    d = hold_at_14_for_13s_copy(server, tmp_path)  # 13's only copy sent to 14 for the reader
    a, admin_a, b, admin_b, adult, hold = d.a, d.admin_a, d.b, d.admin_b, d.adult, d.hold_id
    lib.withdraw_copy(a, admin_a, "B0001", "فرسوده")
    circ.checkin(b, admin_b, "B0001", today=TODAY)
    synced(a, b, a)
    [seen] = conflicts.list_conflicts(b, admin_b)
    conflicts.resolve(b, admin_b, seen.id, "reinstate")
    synced(b, a)
    for store in (a, b):
        assert lib.get_copy(store, "B0001").status == "held" and _hold_status(store, hold) == "ready"
        assert conflicts.open_count(store) == 0
    # the reader collects it at 14
    circ.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)
    synced(b, a)
    assert lib.get_copy(a, "B0001").status == "on_loan"


def test_a_copy_received_after_its_withdrawal_was_synced_is_no_conflict(server: LiveServer, tmp_path: Path) -> None:
    d = hold_at_14_for_13s_copy(server, tmp_path)  # 13's only copy sent to 14 for the reader
    a, admin_a, b, admin_b = d.a, d.admin_a, d.b, d.admin_b
    lib.withdraw_copy(a, admin_a, "B0001", "فرسوده")
    synced(a, b)  # 14 knows: the book that arrives is kept off the shelf
    assert circ.checkin(b, admin_b, "B0001", today=TODAY).next_action == "withdrawn"
    synced(b, a)
    for store in (a, b):
        assert lib.get_copy(store, "B0001").status == "withdrawn"
        assert conflicts.open_count(store) == 0



@pytest.mark.parametrize("received_first", [True, False], ids=["received-and-lent", "lent-without-receiving"])
def test_a_copy_withdrawn_at_home_while_the_other_centre_lends_it_to_its_reader(
        server: LiveServer, tmp_path: Path, received_first: bool) -> None:
    d = hold_at_14_for_13s_copy(server, tmp_path)  # 13's only copy sent to 14 for the reader
    a, admin_a, b, admin_b, adult, hold = d.a, d.admin_a, d.b, d.admin_b, d.adult, d.hold_id
    lib.withdraw_copy(a, admin_a, "B0001", "فرسوده")
    if received_first:
        circ.checkin(b, admin_b, "B0001", today=TODAY)
    circ.checkout(b, admin_b, adult.member_no, "B0001", today=TODAY)  # the reader takes it home
    synced(a, b, a)
    kinds = []
    for store, admin in ((a, admin_a), (b, admin_b)):
        assert lib.get_copy(store, "B0001").status == ("on_loan" if received_first else "withdrawn")
        assert _hold_status(store, hold) == "collected"
        kinds.append([c.kind for c in conflicts.list_conflicts(store, admin)])
    # one question on each desk: the arrival (the loan that followed it stands), or the loan itself
    assert kinds[0] == kinds[1] == ["copy.retired_while_received" if received_first else "copy.retired_on_loan"]
