"""A loan or a hold made at one centre for a child whose details another centre removed meanwhile
(`member.erased`): not left open silently under «عضو حذف‌شده», but a conflict for a person, raised
alike in any arrival order, whose resolution syncs like any event; a hold for an erased member
keeps no copy waiting."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk import eventlog
from kanoon_desk.models.library import Hold, Loan
from kanoon_desk.projections.library.erased import HOLD_AFTER_ERASURE, LOAN_AFTER_ERASURE
from kanoon_desk.services import circulation, conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as transit
from kanoon_desk.store import Store
from tests.library_helpers import TODAY

from .apart import in_any_order, kinds_are
from .helpers import LiveServer
from .test_conflict_resolutions import (
    converges_in_any_order,
    exchange,
    missing,
    only_conflict,
    two_centres,
)
from .test_lending_across_centres import centre_13_with_a_copy, centre_14, synced


def _kinds(store: Store, actor: eventlog.Actor) -> list[str]:
    return [c.kind for c in conflicts.list_conflicts(store, actor)]


def test_a_book_lent_apart_to_a_child_erased_here_is_a_conflict_and_marked_lost_on_every_desk(
        tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.erase_member(a, admin_a, L.child.id, today=TODAY)  # 13, at the guardian's request
    loan = circulation.checkout(b, admin_b, L.child.member_no, "B0001", today=TODAY)  # 14, not knowing
    exchange(a, b)
    for store, actor in ((a, admin_a), (b, admin_b)):
        c = only_conflict(store, actor, LOAN_AFTER_ERASURE)
        assert c.resolutions == ("await_return", "mark_lost") and all(c.explanations)
        assert sorted(f.type for f in c.facts) == ["loan.checked_out", "member.erased"]
        assert c.subject == f"عضو حذف‌شده ({L.child.member_no})"
        with store.read() as s:
            row = s.get(Loan, loan.id)
            assert row is not None and row.returned_at is None  # the book is out: not dropped
    c = only_conflict(a, admin_a, LOAN_AFTER_ERASURE)
    conflicts.resolve(a, admin_a, c.id, "mark_lost", "خانواده گفتند کتاب گم شده است")
    with a.read() as s:
        row = s.get(Loan, loan.id)
        assert row is not None and row.lost_hlc is not None and row.returned_at is not None
    assert lib.get_member(a, admin_a, L.child.id).full_name == "عضو حذف‌شده"  # the erasure stands
    assert _kinds(a, admin_a) == []
    converges_in_any_order(a, b, tmp_path, base=L.store)


def test_the_conflict_is_the_same_whichever_of_the_erasure_and_the_checkout_arrives_first(
        tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.erase_member(a, admin_a, L.child.id, today=TODAY)
    circulation.checkout(b, admin_b, L.child.member_no, "B0001", today=TODAY)
    in_any_order(L.store, missing(a, L.store) + missing(b, L.store), tmp_path, kinds_are(L.admin, LOAN_AFTER_ERASURE))


def test_a_loan_left_open_is_closed_by_the_return_and_one_returned_before_the_desks_met_raises_nothing(
        tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.erase_member(a, admin_a, L.child.id, today=TODAY)
    loan = circulation.checkout(b, admin_b, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.child.member_no, "B0002", today=TODAY)
    circulation.checkin(b, admin_b, "B0002", today=TODAY)  # back before the desks met: nobody to tell
    exchange(a, b)
    c = only_conflict(a, admin_a, LOAN_AFTER_ERASURE)
    assert c.summary["copy_id"] == L.copies[0].id
    conflicts.resolve(a, admin_a, c.id, "await_return")
    exchange(a, b)
    assert _kinds(b, admin_b) == []
    circulation.checkin(b, admin_b, "B0001", today=TODAY)  # the family brought it back
    exchange(a, b)
    with a.read() as s:
        row = s.get(Loan, loan.id)
        assert row is not None and row.returned_at is not None and row.lost_hlc is None
    assert [x.status for x in conflicts.list_conflicts(a, admin_a, status=None)
            if x.kind == LOAN_AFTER_ERASURE] == ["resolved"]


def test_a_hold_placed_apart_for_an_erased_child_keeps_no_copy_waiting_and_is_cancelled(
        tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.erase_member(a, admin_a, L.child.id, today=TODAY)
    hold = circulation.place_hold(b, admin_b, L.child.member_no, L.title.id, pickup_centre="14", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, HOLD_AFTER_ERASURE)
    assert c.resolutions == ("cancel_hold",)
    # meanwhile no desk sends a copy for it, nor sets one aside
    assert transit.pull_list(a, admin_a, "13") == []
    circulation.checkout(a, admin_a, L.adult.member_no, "B0001", today=TODAY)
    assert circulation.checkin(a, admin_a, "B0001", today=TODAY).next_action == "reshelve"
    conflicts.resolve(a, admin_a, c.id, "cancel_hold")
    with a.read() as s:
        row = s.get(Hold, hold.id)
        assert row is not None and row.status == "cancelled"
    assert _kinds(a, admin_a) == []
    converges_in_any_order(a, b, tmp_path, base=L.store)


def test_two_desks_and_the_server_a_loan_after_the_erasure_is_told_and_decided_once(
        server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    synced(a, b)
    lib.erase_member(a, admin_a, child.id, today=TODAY)
    loan = circulation.checkout(b, admin_b, child.member_no, "B0001", today=TODAY)
    synced(a, b, a)
    assert _kinds(a, admin_a) == [LOAN_AFTER_ERASURE] == _kinds(b, admin_b)
    c = only_conflict(b, admin_b, LOAN_AFTER_ERASURE)
    conflicts.resolve(b, admin_b, c.id, "mark_lost")
    synced(b, a)
    for store, actor in ((a, admin_a), (b, admin_b)):
        assert _kinds(store, actor) == []
        with store.read() as s:
            row = s.get(Loan, loan.id)
            assert row is not None and row.lost_hlc is not None
