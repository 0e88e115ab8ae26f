"""A member registered at a centre another desk closed meanwhile (the desk registering had not
heard): the close moved the members it knew to the centre it went into; this one is not left at a
closed centre silently (where nobody lends to them, its lists not shown), but a conflict for the
librarian, in any arrival order, that moves them there too (or goes once they are moved by hand)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from kanoon_desk.models.library import Member
from kanoon_desk.services import conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.library_helpers import NATIONAL_IDS, TODAY, Lib

from .apart import close_13_apart, in_any_order, kinds_are, two_desks_of_13
from .test_conflict_resolutions import converges_in_any_order, digests, exchange, missing, only_conflict

MEMBER_AT_CLOSED_CENTRE = "member.at_closed_centre"


NEW = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2], birth_date=date(2015, 1, 1),
                      guardian_name="مریم رضایی", guardian_phone="09121112233")


def _apart(tmp_path: Path, close_first: bool) -> tuple[Lib, Store, Store, str]:
    L, a, b = two_desks_of_13(tmp_path)
    member = close_13_apart(L, a, lambda: lib.register_member(b, L.admin, NEW, today=TODAY), close_first=close_first)
    return L, a, b, member.id


def _centre(store: Store, member_id: str) -> str:
    with store.read() as s:
        row = s.get(Member, member_id)
        assert row is not None
        return row.home_centre


def test_a_member_registered_apart_at_a_centre_closed_meanwhile_is_moved_where_the_others_went(
        tmp_path: Path) -> None:
    L, a, b, member_id = _apart(tmp_path, close_first=True)
    exchange(a, b)
    for store in (a, b):
        assert _centre(store, member_id) == "13" and _centre(store, L.child.id) == "14"
        c = only_conflict(store, L.admin, MEMBER_AT_CLOSED_CENTRE)
        assert sorted(f.type for f in c.facts) == ["centre.closed", "member.registered"]
        assert c.resolutions == ("move_member",) and "(14)" in c.params["centre"]
    assert digests(a) == digests(b)
    c = only_conflict(b, L.admin, MEMBER_AT_CLOSED_CENTRE)
    conflicts.resolve(b, L.admin, c.id, "move_member")
    converges_in_any_order(b, a, tmp_path)
    exchange(a, b)
    for store in (a, b):
        assert _centre(store, member_id) == "14"
        assert conflicts.list_conflicts(store, L.admin) == []


def test_the_same_conflict_whichever_came_first_and_gone_once_moved_by_hand(tmp_path: Path) -> None:
    L, a, b, member_id = _apart(tmp_path, close_first=False)
    in_any_order(L.store, missing(a, L.store) + missing(b, L.store), tmp_path, kinds_are(L.admin, MEMBER_AT_CLOSED_CENTRE))
    exchange(a, b)
    lib.update_member(b, L.admin, member_id, dataclasses.replace(NEW, home_centre="14"), today=TODAY)  # by hand
    exchange(a, b)
    for store in (a, b):
        assert conflicts.list_conflicts(store, L.admin) == []
