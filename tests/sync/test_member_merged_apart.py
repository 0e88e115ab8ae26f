"""One child registered twice, the records merged at one desk («keep one») while another desk, not
yet told, lent a book to the record merged away (by its old card): the loan is the kept member's,
as the merge made the loans open then, on both desks and in any arrival order — not left on a
record nobody finds, out of the child's loans, limits and overdue list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kanoon_desk.eventlog import Actor
from kanoon_desk.models.library import Loan
from kanoon_desk.services import circulation, conflicts
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from tests.library_helpers import NATIONAL_IDS, TODAY

from .apart import in_any_order
from .test_conflict_resolutions import digests, exchange, missing, only_conflict, two_centres

CHILD = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                        guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))


@dataclass
class _Merged:
    """One child registered at 13 (`kept`, desk a) and at 14 (`gone`, desk b); the desks met once,
    and `before` is desk a then (the base the events since are replayed on)."""

    a: Store
    b: Store
    admin_a: Actor
    admin_b: Actor
    kept: lib.MemberView
    gone: lib.MemberView
    before: Store

    def merge_at_a(self) -> None:
        """Desk a keeps `kept` («keep one» on `member.registered_twice`): `gone` is merged into it."""
        c = only_conflict(self.a, self.admin_a, "member.registered_twice")
        conflicts.resolve(self.a, self.admin_a, c.id,
                          "keep_first" if c.facts[0].aggregate_id == self.kept.id else "keep_second")

    def meet(self, tmp_path: Path, **loans: tuple[lib.MemberView, str]) -> None:
        """The desks exchange: on both, each loan (its id: (the member it must be, what it is)) is
        that member's and the kept child's desk lists the loans named "out" alone; the desks end
        alike, and so does a desk as `before` that takes the events since in any order."""
        new = missing(self.a, self.before) + missing(self.b, self.before)
        exchange(self.a, self.b)
        for store, admin in ((self.a, self.admin_a), (self.b, self.admin_b)):
            with store.read() as s:
                for loan_id, (member, _name) in loans.items():
                    assert s.get(Loan, loan_id).member_id == member.id, _name  # type: ignore[union-attr]
            desk = circulation.member_desk(store, admin, self.kept.member_no, today=TODAY)
            assert [x.id for x in desk.loans] == [k for k, (_m, name) in loans.items() if name == "out"]
        assert digests(self.a) == digests(self.b)
        in_any_order(self.before, new, tmp_path, want=digests(self.a))
        self.before.close()


def _registered_twice(tmp_path: Path, lend: Callable[[Store, Actor, lib.MemberView], object] | None = None) -> _Merged:
    """`_Merged`, with `lend(b, admin_b, gone)` run at desk b before the desks meet."""
    _L, a, b, admin_a, admin_b = two_centres(tmp_path)
    kept = lib.register_member(a, admin_a, CHILD, today=TODAY)
    gone = lib.register_member(b, admin_b, CHILD, today=TODAY)
    if lend is not None:
        lend(b, admin_b, gone)
    exchange(a, b)
    a.backup_to(tmp_path / "before.sqlite3")
    return _Merged(a, b, admin_a, admin_b, kept, gone, Store(tmp_path / "before.sqlite3"))


def test_a_book_lent_apart_to_a_record_merged_meanwhile_is_the_kept_members(tmp_path: Path) -> None:
    earlier: list[str] = []

    def lent_and_returned(b: Store, admin_b: Actor, gone: lib.MemberView) -> None:
        earlier.append(circulation.checkout(b, admin_b, gone.member_no, "B0003", today=TODAY).id)
        circulation.checkin(b, admin_b, "B0003", today=TODAY)  # before the merge, returned: its history

    m = _registered_twice(tmp_path, lent_and_returned)
    m.merge_at_a()
    loan = circulation.checkout(m.b, m.admin_b, m.gone.member_no, "B0002", today=TODAY)  # b had not heard
    m.meet(tmp_path, **{loan.id: (m.kept, "out"), earlier[0]: (m.gone, "returned before")})


def test_a_book_lent_apart_before_the_merge_and_still_out_then_is_the_kept_members(tmp_path: Path) -> None:
    """The merging desk had not heard of a loan another desk made to the record merged away: open
    when the merge was made, it follows to the member kept (as the loans the merge knew did),
    even returned after; one returned before the merge stays the merged record's history."""
    m = _registered_twice(tmp_path)
    b, admin_b, gone = m.b, m.admin_b, m.gone
    out = circulation.checkout(b, admin_b, gone.member_no, "B0002", today=TODAY)  # a does not hear
    back_later = circulation.checkout(b, admin_b, gone.member_no, "B0003", today=TODAY)
    back_before = circulation.checkout(b, admin_b, gone.member_no, "B0001", today=TODAY)
    circulation.checkin(b, admin_b, "B0001", today=TODAY)  # returned before the merge: its history
    m.merge_at_a()
    circulation.checkin(b, admin_b, "B0003", today=TODAY)  # returned after the merge
    m.meet(tmp_path, **{out.id: (m.kept, "out"), back_later.id: (m.kept, "returned after"),
                        back_before.id: (gone, "returned before")})
