"""One child registered twice, the records merged at one desk («keep one») while another desk, not
yet told, lent a book to the record merged away (by its old card): the loan is the kept member's,
as the merge made the loans open then, on both desks and in any arrival order — not left on a
record nobody finds, out of the child's loans, limits and overdue list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kanoon_desk import eventlog
from kanoon_desk.models import Event
from kanoon_desk.models.library import Loan
from kanoon_desk.services import circulation, conflicts, ops
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.library_helpers import NATIONAL_IDS, TODAY

from .test_conflict_resolutions import digests, exchange, missing, only_conflict, pulled, two_centres

CHILD = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                        guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))


def test_a_book_lent_apart_to_a_record_merged_meanwhile_is_the_kept_members(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    kept = lib.register_member(a, admin_a, CHILD, today=TODAY)
    gone = lib.register_member(b, admin_b, CHILD, today=TODAY)
    earlier = circulation.checkout(b, admin_b, gone.member_no, "B0003", today=TODAY)
    circulation.checkin(b, admin_b, "B0003", today=TODAY)  # before the merge, returned: its history
    exchange(a, b)
    before = tmp_path / "before.sqlite3"
    a.backup_to(before)
    c = only_conflict(a, admin_a, "member.registered_twice")
    conflicts.resolve(a, admin_a, c.id, "keep_first" if c.facts[0].aggregate_id == kept.id else "keep_second")
    loan = circulation.checkout(b, admin_b, gone.member_no, "B0002", today=TODAY)  # b had not heard
    base = Store(before)
    new = missing(a, base) + missing(b, base)
    exchange(a, b)
    for store, admin in ((a, admin_a), (b, admin_b)):
        with store.read() as s:
            assert s.get(Loan, loan.id).member_id == kept.id  # type: ignore[union-attr]
            assert s.get(Loan, earlier.id).member_id == gone.id  # type: ignore[union-attr]
        assert [x.id for x in circulation.member_desk(store, admin, kept.member_no, today=TODAY).loans] == [loan.id]
    assert digests(a) == digests(b)
    in_any_order(base, new, digests(a), tmp_path)
    base.close()


def in_any_order(base: Store, new: list[Event], want: dict[str, str], tmp_path: Path) -> None:
    """A desk as `base` that takes `new` one by one, in fold order and reversed, ends as `want`."""
    for i, order in enumerate((new, list(reversed(new)))):
        path = tmp_path / f"order-{i}.sqlite3"
        base.backup_to(path)
        desk = Store(path)
        try:
            for ev in order:
                with desk.transaction() as s:
                    eventlog.ingest(s, [pulled(ev)])
            assert digests(desk) == want, f"order {i}"
        finally:
            desk.close()
        assert ops.check(path) == []


def test_a_book_lent_apart_before_the_merge_and_still_out_then_is_the_kept_members(tmp_path: Path) -> None:
    """The merging desk had not heard of a loan another desk made to the record merged away: open
    when the merge was made, it follows to the member kept (as the loans the merge knew did),
    even returned after; one returned before the merge stays the merged record's history."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    kept = lib.register_member(a, admin_a, CHILD, today=TODAY)
    gone = lib.register_member(b, admin_b, CHILD, today=TODAY)
    exchange(a, b)
    before = tmp_path / "before.sqlite3"
    a.backup_to(before)
    out = circulation.checkout(b, admin_b, gone.member_no, "B0002", today=TODAY)  # a does not hear
    back_later = circulation.checkout(b, admin_b, gone.member_no, "B0003", today=TODAY)
    back_before = circulation.checkout(b, admin_b, gone.member_no, "B0001", today=TODAY)
    circulation.checkin(b, admin_b, "B0001", today=TODAY)  # returned before the merge: its history
    c = only_conflict(a, admin_a, "member.registered_twice")
    conflicts.resolve(a, admin_a, c.id, "keep_first" if c.facts[0].aggregate_id == kept.id else "keep_second")
    circulation.checkin(b, admin_b, "B0003", today=TODAY)  # returned after the merge
    base = Store(before)
    new = missing(a, base) + missing(b, base)
    exchange(a, b)
    for store, admin in ((a, admin_a), (b, admin_b)):
        with store.read() as s:
            assert s.get(Loan, out.id).member_id == kept.id  # type: ignore[union-attr]
            assert s.get(Loan, back_later.id).member_id == kept.id  # type: ignore[union-attr]
            assert s.get(Loan, back_before.id).member_id == gone.id  # type: ignore[union-attr]
        assert [x.id for x in circulation.member_desk(store, admin, kept.member_no, today=TODAY).loans] == [out.id]
    assert digests(a) == digests(b)
    in_any_order(base, new, digests(a), tmp_path)
    base.close()
