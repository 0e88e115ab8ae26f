"""Who reads children's names outside the members page: the active-readers report and the member
conflicts in the inbox give them to a librarian (and an admin); a manager gets the counts and the
membership numbers, and a user with only secretariat roles gets neither report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import PermissionDenied
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_reports as reports
from tests.factories import make_user
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library
from tests.sync.test_conflict_resolutions import exchange, only_conflict, two_centres

PERIOD = (TODAY.replace(day=1), TODAY.replace(day=28))


def test_the_active_readers_are_named_for_a_librarian_and_numbered_for_a_manager(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    librarian = make_user(L.store, L.admin, "ketabdar", "librarian")
    manager = make_user(L.store, L.admin, "modir", "manager")
    clerk = make_user(L.store, L.admin, "dabir", "clerk", "expert")
    for actor in (L.admin, librarian):
        assert [(r.label, r.detail, r.count) for r in reports.active_readers(L.store, actor, *PERIOD)] == [
            ("زهرا محمدی", L.child.member_no, 1)]
    assert [(r.label, r.detail, r.count) for r in reports.active_readers(L.store, manager, *PERIOD)] == [
        ("", L.child.member_no, 1)]
    with pytest.raises(PermissionDenied):
        reports.active_readers(L.store, clerk, *PERIOD)


def _registered_twice(tmp_path: Path) -> tuple[object, ...]:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    return a, admin_a


def _shown(view: conflicts.ConflictView) -> str:
    return repr([f.payload for f in view.facts]) + repr([f.refs for f in view.facts]) + repr(view.summary) + \
        view.subject


def test_a_member_conflict_shows_the_child_to_an_admin_and_only_numbers_to_a_manager(tmp_path: Path) -> None:
    a, admin = _registered_twice(tmp_path)
    manager = make_user(a, admin, "modir", "manager")  # type: ignore[arg-type]
    c = only_conflict(a, admin, "member.registered_twice")  # type: ignore[arg-type]
    personal = ("سارا", "رضایی", NATIONAL_IDS[2], "09121112233", "2015-01-01")
    as_admin = _shown(conflicts.conflict(a, admin, c.id))  # type: ignore[arg-type]
    assert all(v in as_admin for v in ("سارا", "رضایی", NATIONAL_IDS[2])), as_admin
    for view in (conflicts.conflict(a, manager, c.id),  # type: ignore[arg-type]
                 *conflicts.list_conflicts(a, manager),  # type: ignore[arg-type]
                 *conflicts.list_conflicts(a, manager, detail=False)):  # type: ignore[arg-type]
        shown = _shown(view)
        assert not any(v in shown for v in personal), shown
    view = conflicts.conflict(a, manager, c.id)  # type: ignore[arg-type]
    numbers = {f.payload.get("member_no") for f in view.facts}
    assert view.subject in numbers and all(n and n.isdigit() for n in numbers)  # by membership number


def test_the_member_reads_refuse_a_user_without_a_lending_role_and_serve_a_librarian(tmp_path: Path) -> None:
    """Look-ups, search, lists (the overdue list, the pull list), the loans desk, the photo, the
    field history and the print-out take the acting user: one with only secretariat roles (or a manager) reads no child's record."""
    from kanoon_desk.services import history
    from kanoon_desk.services import library_transit as transit

    L = make_library(tmp_path)
    librarian = make_user(L.store, L.admin, "ketabdar", "librarian")
    no = L.child.member_no
    reads = {
        "lookup_member": lambda actor: lib.lookup_member(L.store, actor, no),
        "get_member": lambda actor: lib.get_member(L.store, actor, L.child.id),
        "search_members": lambda actor: lib.search_members(L.store, actor, "محمدی"),
        "recent_members": lambda actor: lib.recent_members(L.store, actor),
        "member_photo": lambda actor: lib.member_photo(L.store, actor, "0" * 64),
        "member_desk": lambda actor: circ.member_desk(L.store, actor, no, today=TODAY),
        "field_history": lambda actor: history.field_history(L.store, actor, "member", L.child.id),
        "member_record": lambda actor: lib.member_record(L.store, actor, L.child.id, today=TODAY),
        "overdue_page": lambda actor: reports.overdue_page(L.store, actor, today=TODAY),
        "pull_list": lambda actor: transit.pull_list(L.store, actor, "13"),
    }
    for roles in (("clerk",), ("expert",), ("clerk", "expert"), ("manager",)):
        outsider = make_user(L.store, L.admin, "u_" + "_".join(roles), *roles)
        for name, read in reads.items():
            with pytest.raises(PermissionDenied):
                read(outsider)
                pytest.fail(f"{name} served {roles}")
    for read in reads.values():
        read(librarian)  # (no refusal)
        read(L.admin)
    assert lib.lookup_member(L.store, librarian, no) == lib.get_member(L.store, librarian, L.child.id)
    assert [m.id for m in lib.search_members(L.store, librarian, "محمدی")] == [L.child.id]


def test_a_member_conflict_is_decided_by_a_librarian_or_an_admin_not_by_a_manager(tmp_path: Path) -> None:
    """A manager reads a member's conflict by membership numbers: the child is not shown, so the
    choice (which record of the child is kept, whether a book is lost with an erased member) is
    not theirs; a librarian, who sees the child, decides it, and sees in the inbox only such ones."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    circ.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circ.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    manager = make_user(a, admin_a, "modir", "manager")
    librarian = make_user(a, admin_a, "ketabdar", "librarian")
    member_c = only_conflict(a, admin_a, "member.registered_twice")
    copy_c = only_conflict(a, admin_a, "copy.double_loan")
    assert {c.kind for c in conflicts.list_conflicts(a, manager)} == {"member.registered_twice", "copy.double_loan"}
    assert not conflicts.may_resolve(manager, member_c.kind, member_c.summary)
    with pytest.raises(PermissionDenied) as refused:
        conflicts.resolve(a, manager, member_c.id, "keep_first")
    assert refused.value.message == conflicts.MSG_MEMBER_RESOLVER
    many = conflicts.resolve_many(a, manager, [member_c.id], "13")
    assert many.done == () and [e.message for _i, e in many.refused] == [conflicts.MSG_MEMBER_RESOLVER]
    assert conflicts.conflict(a, admin_a, member_c.id).status == "open"  # nothing written
    # a librarian: the member's conflicts only, and decides them
    assert [c.kind for c in conflicts.list_conflicts(a, librarian)] == ["member.registered_twice"]
    assert [c.kind for c in conflicts.list_conflicts(a, librarian, detail=False)] == ["member.registered_twice"]
    with pytest.raises(PermissionDenied):
        conflicts.conflict(a, librarian, copy_c.id)
    with pytest.raises(PermissionDenied) as not_theirs:
        conflicts.resolve(a, librarian, copy_c.id, "keep_first")
    assert not_theirs.value.message == conflicts.MSG_NOT_A_MEMBER_CONFLICT
    assert conflicts.resolve(a, librarian, member_c.id, "keep_first").status == "resolved"
    # the copy's conflict stays the manager's
    assert conflicts.resolve(a, manager, copy_c.id, "keep_second").status == "resolved"


def test_a_member_conflict_decided_on_two_desks_shows_a_manager_no_child(tmp_path: Path) -> None:
    """The two decisions of a child registered twice, each carrying the conflict it decided (its
    facts, the national ID they share): a manager reads neither the ID nor the names in them."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    conflicts.resolve(a, admin_a, c.id, "keep_first")
    conflicts.resolve(b, admin_b, c.id, "keep_second")
    exchange(a, b)
    manager = make_user(a, admin_a, "modir", "manager")
    twice = only_conflict(a, admin_a, "conflict.resolved_twice")
    assert NATIONAL_IDS[2] in repr(conflicts.conflict(a, admin_a, twice.id))  # (what is at stake)
    shown = repr(conflicts.conflict(a, manager, twice.id)) + repr(conflicts.list_conflicts(a, manager))
    assert not [v for v in ("سارا", "رضایی", NATIONAL_IDS[2], "09121112233", "2015-01-01") if v in shown], shown
