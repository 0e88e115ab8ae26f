"""Each conflict kind's resolutions do what they say, through domain events any desk folds alike.

Two desks made from one store work offline, exchange their events (as sync would) and meet a
conflict; a person resolves it on one desk; the other desk receives what that recorded in several
orders (as written, newest first, shuffled, one by one) and each time ends with the same
projections as the resolving desk, and with what a re-fold of its own events gives.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from kanoon_desk import eventlog
from kanoon_desk.errors import ValidationError
from kanoon_desk.eventlog import Actor
from kanoon_desk.models import Conflict, Event, User
from kanoon_desk.models.library import Copy, Loan, Member
from kanoon_desk.models.secretariat import Case, Forward
from kanoon_desk.projections.library.copy_state import VOIDED_HLC
from kanoon_desk.services import accounts, circulation, conflicts, ops
from kanoon_desk.services import library as lib
from kanoon_desk.services import secretariat as sec
from kanoon_desk.store import Store
from tests.factories import PASSWORD, make_desk, make_user
from tests.library_helpers import NATIONAL_IDS, TODAY, Lib, actor_at, make_library
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk

from .apart import digests, exchange, in_any_order, missing, pulled

__all__ = ["digests", "exchange", "missing", "pulled"]  # (imported from here by the other sync tests)

DAY = date(2025, 5, 5)
def converges_in_any_order(resolver: Store, other: Store, tmp_path: Path, base: Store | None = None) -> list[Event]:
    """`other` takes what `resolver` recorded since they last exchanged, in several orders, and
    each time ends as the resolver (and as a re-fold of its own events); `base`, a desk from
    before the offline work, takes everything in one pulled page (the facts and their resolution
    together) and ends alike too. Returns the events `other` took."""
    new = missing(resolver, other)
    assert new, "the resolution recorded nothing"
    shuffled = list(new)
    random.Random(7).shuffle(shuffled)
    want = digests(resolver)
    if base is not None:
        path = tmp_path / "from-base.sqlite3"
        base.backup_to(path)
        fresh = Store(path)
        try:
            page = missing(resolver, fresh)
            with fresh.transaction() as s:
                eventlog.ingest(s, page)
            assert digests(fresh) == want, "one page"
        finally:
            fresh.close()
    resolution_first = sorted(new, key=lambda e: e.type != "conflict.resolved")
    in_any_order(other, new, tmp_path, orders=[shuffled, resolution_first], want=want)
    assert ops.check(resolver.path) == []
    return new


def only_conflict(store: Store, actor: Actor, kind: str) -> conflicts.ConflictView:
    found = [c for c in conflicts.list_conflicts(store, actor) if c.kind == kind]
    assert len(found) == 1, [c.kind for c in conflicts.list_conflicts(store, actor)]
    return found[0]


def domain_events(events: list[Event], cid: str) -> list[tuple[str, str]]:
    """(type, aggregate) of the events a resolution recorded besides `conflict.resolved` (each
    names the conflict), in the order recorded."""
    assert [e.aggregate_id for e in events if e.type == "conflict.resolved"] == [cid]
    return [(e.type, e.aggregate_id) for e in events if e.payload.get("conflict_id") == cid]


# --- lending ----------------------------------------------------------------------------------


def two_centres(tmp_path: Path, *, same_device: bool = False) -> tuple[Lib, Store, Store, Actor, Actor]:
    """The library desk, and two desks copied from it: centre 13's and (unless `same_device`, a
    copy restored on a second machine) centre 14's."""
    L = make_library(tmp_path)
    L.store.backup_to(tmp_path / "a.sqlite3")
    L.store.backup_to(tmp_path / "b.sqlite3")
    a, b = Store(tmp_path / "a.sqlite3"), Store(tmp_path / "b.sqlite3")
    if not same_device:
        b.set_identity("14", 2)
        return L, a, b, L.admin, actor_at(L.admin, "14")
    return L, a, b, L.admin, L.admin


def test_double_loan_the_second_is_right_voids_the_first_and_the_copy_follows_the_second(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "copy.double_loan")
    assert c.resolutions == ("keep_first", "keep_second", "fixed_manually")
    assert len(c.explanations) == 3 and all(c.explanations)
    with pytest.raises(ValidationError) as refused:
        conflicts.resolve(a, admin_a, c.id, "fixed_manually")
    assert refused.value.message == conflicts.MSG_BOTH_LOANS_OPEN
    first, second = c.facts[0].aggregate_id, c.facts[1].aggregate_id
    before = digests(a)
    conflicts.resolve(a, admin_a, c.id, "keep_second", "کتاب نزد عضو دوم است")
    assert digests(a) != before
    with a.read() as s:
        voided, kept = s.get(Loan, first), s.get(Loan, second)
        assert voided is not None and kept is not None
        assert voided.returned_at is not None and voided.returned_hlc == VOIDED_HLC and kept.returned_at is None
        copy = s.scalars(select(Copy).where(Copy.barcode == "B0001")).one()
        assert (copy.status, copy.current_loan_id) == ("on_loan", second)
        assert s.get(Conflict, c.id).status == "resolved"  # type: ignore[union-attr]
    # the member of the voided loan has nothing out any more; the other still has the book
    holders = {L.child.id: L.child.member_no, L.adult.id: L.adult.member_no}
    with a.read() as s:
        member_of = {loan.id: loan.member_id for loan in s.scalars(select(Loan))}
    assert circulation.member_desk(a, admin_a, holders[member_of[first]], today=TODAY).loans == []
    assert len(circulation.member_desk(a, admin_a, holders[member_of[second]], today=TODAY).loans) == 1
    events = converges_in_any_order(a, b, tmp_path, base=L.store)
    assert domain_events(events, c.id) == [("loan.voided", first)]
    # the copy comes back once: on the shelf, no new conflict
    circulation.checkin(a, admin_a, "B0001", today=TODAY)
    assert lib.get_copy(a, "B0001").status == "on_shelf"
    with a.read() as s:
        assert [x.kind for x in s.scalars(select(Conflict))] == ["copy.double_loan"]


def test_a_voided_loan_is_no_late_loan_in_the_overdue_rate(tmp_path: Path) -> None:
    """The copy lent at both centres on 15 Ordibehesht (due ten working days later); the wrong loan
    is voided weeks after that day and the right one comes back in time. The month's report counted
    the voided loan as a loan returned late (its void day as a return): 2 loans, 1 late, 50٪."""
    from kanoon_desk.models import acting_at
    from kanoon_desk.services import library_reports

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "copy.double_loan")
    later = TODAY + timedelta(days=40)
    with acting_at(datetime.combine(later, time(9), UTC)):
        conflicts.resolve(a, admin_a, c.id, "keep_second", "کتاب نزد عضو دوم است")
    circulation.checkin(a, admin_a, "B0001", today=TODAY + timedelta(days=3))
    with a.read() as s:
        voided = s.get(Loan, c.facts[0].aggregate_id)
        assert voided is not None and voided.returned_hlc == VOIDED_HLC and voided.returned_on == later
    first, last = library_reports.period_bounds("month", 1404, 2)
    got = library_reports.overdue_rate(a, first, last, today=later)
    assert (got.loans, got.late, got.lost, got.rate) == (1, 0, 0, 0.0)


def test_a_voided_loan_is_no_loan_in_the_period_reports(tmp_path: Path) -> None:
    """The copy lent at both centres on one day, the wrong loan voided: the month's popular titles,
    active readers, active centres and loans by age group (all centres and each centre) counted it
    as a loan (the title lent twice, the voided loan's member a reader, its centre a lending one)."""
    from kanoon_desk.services import library_reports as rep

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "copy.double_loan")
    conflicts.resolve(a, admin_a, c.id, "keep_second", "کتاب نزد عضو دوم است")
    exchange(a, b)
    with a.read() as s:
        voided, kept = s.get(Loan, c.facts[0].aggregate_id), s.get(Loan, c.facts[1].aggregate_id)
        assert voided is not None and kept is not None and voided.returned_hlc == VOIDED_HLC
        assert voided.centre != kept.centre and voided.member_id != kept.member_id
    first, last = rep.period_bounds("month", 1404, 2)
    assert first <= TODAY <= last
    for desk in (a, b):
        for centre in (None, kept.centre):
            titles = rep.popular_titles(desk, first, last, centre=centre)
            assert [(t.key, t.count) for t in titles] == [(kept.title_id, 1)], centre
            assert [(r.key, r.count) for r in rep.active_readers(desk, admin_a, first, last, centre=centre)] == [
                (kept.member_id, 1)]
            assert sum(g.count for g in rep.loans_by_age_group(desk, first, last, centre=centre)) == 1
            popular, ages = rep.title_figures(desk, first, last, centre=centre)
            assert (popular, ages) == (titles, rep.loans_by_age_group(desk, first, last, centre=centre))
        assert [(x.key, x.count, x.detail) for x in rep.active_centres(desk, first, last)] == [(kept.centre, 1, 1)]
        # the voided loan's centre lent nothing that month
        assert rep.popular_titles(desk, first, last, centre=voided.centre) == []
        assert rep.active_readers(desk, admin_a, first, last, centre=voided.centre) == []
        assert sum(g.count for g in rep.loans_by_age_group(desk, first, last, centre=voided.centre)) == 0
        assert rep.title_figures(desk, first, last, centre=voided.centre)[0] == []
        # a season's and a year's reports alike
        for kind, n in (("season", 1), ("year", 1)):
            lo, hi = rep.period_bounds(kind, 1404, n)
            assert [t.count for t in rep.popular_titles(desk, lo, hi)] == [1]
            assert [x.key for x in rep.active_readers(desk, admin_a, lo, hi)] == [kept.member_id]


def test_double_loan_fixed_by_hand_once_one_loan_is_back(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(b, admin_b, "copy.double_loan")
    circulation.checkin(b, admin_b, "B0001", today=TODAY)  # closes the newest open loan
    with pytest.raises(ValidationError) as refused:  # the loan to void is already back
        conflicts.resolve(b, admin_b, c.id, "keep_first" if c.facts[1].aggregate_id == _returned(b) else
                          "keep_second")
    assert refused.value.message == conflicts.MSG_LOAN_CLOSED
    conflicts.resolve(b, admin_b, c.id, "fixed_manually")
    events = converges_in_any_order(b, a, tmp_path, base=L.store)
    assert domain_events(events, c.id) == []  # (the return was the clerk's own work)


def _returned(store: Store) -> str:
    with store.read() as s:
        return s.scalars(select(Loan.id).where(Loan.returned_at.is_not(None))).one()


def test_a_desk_that_lacks_a_fact_refuses_and_writes_nothing(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "copy.double_loan")
    with a.transaction() as s:  # as on a desk the second loan has not reached yet
        s.execute(delete(Loan).where(Loan.id == c.facts[1].aggregate_id))
    before = digests(a)
    with pytest.raises(ValidationError) as refused:
        conflicts.resolve(a, admin_a, c.id, "keep_first")
    assert refused.value.message == conflicts.MSG_MISSING
    assert digests(a) == before and conflicts.open_count(a) == 1


def test_second_return_the_copy_is_where_the_second_return_was(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circulation.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    L.store.backup_to(tmp_path / "b.sqlite3")
    a, b = L.store, Store(tmp_path / "b.sqlite3")
    b.set_identity("14", 2)
    circulation.checkin(a, L.admin, "B0001", today=TODAY)
    circulation.checkin(b, actor_at(L.admin, "14"), "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(b, L.admin, "loan.return_on_closed")
    assert c.resolutions == ("first_return_stands", "copy_at_second_return")
    first, second = c.summary["first_centre"], c.summary["second_centre"]
    assert {first, second} == {"13", "14"}
    assert lib.get_copy(b, "B0001").location == first
    conflicts.resolve(b, L.admin, c.id, "copy_at_second_return")
    copy = lib.get_copy(b, "B0001")
    assert copy.location == second and copy.status == ("on_shelf" if second == "13" else "in_transit")
    events = converges_in_any_order(b, a, tmp_path)
    assert [t for t, _ in domain_events(events, c.id)] == ["copy.received"]


def test_second_return_the_first_stands_changes_nothing_but_the_conflict(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circulation.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    L.store.backup_to(tmp_path / "b.sqlite3")
    a, b = L.store, Store(tmp_path / "b.sqlite3")
    b.set_identity("14", 2)
    circulation.checkin(a, L.admin, "B0001", today=TODAY)
    circulation.checkin(b, actor_at(L.admin, "14"), "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, L.admin, "loan.return_on_closed")
    location = lib.get_copy(a, "B0001").location
    conflicts.resolve(a, L.admin, c.id, "first_return_stands")
    assert lib.get_copy(a, "B0001").location == location
    assert domain_events(converges_in_any_order(a, b, tmp_path), c.id) == []


def test_one_barcode_on_two_copies_gives_one_a_new_barcode(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.add_copy(a, admin_a, L.title.id, barcode="B0777", shelf="A2")
    lib.add_copy(b, admin_b, L.title.id, barcode="B0777", shelf="C1")
    exchange(a, b)
    c = only_conflict(a, admin_a, "copy.barcode_twice")
    assert c.resolutions == ("keep_first", "keep_second")
    kept, relabelled = c.facts[0].aggregate_id, c.facts[1].aggregate_id
    conflicts.resolve(a, admin_a, c.id, "keep_first")
    with a.read() as s:
        barcodes = {copy.id: copy.barcode for copy in s.scalars(select(Copy))}
    assert barcodes[kept] == "B0777" and barcodes[relabelled] not in ("B0777", "")
    assert len(set(barcodes.values())) == len(barcodes)  # every barcode unique again
    assert lib.get_copy(a, barcodes[relabelled]).shelf in ("A2", "C1")
    assert lib.get_copy(a, "B0777").id == kept
    events = converges_in_any_order(a, b, tmp_path, base=L.store)
    assert domain_events(events, c.id) == [("copy.relabelled", relabelled)]


def test_one_member_number_given_twice_gives_one_a_new_number(tmp_path: Path) -> None:
    # a desk restored from a backup on a second machine, before it enrolled: same device number
    L, a, b, admin_a, admin_b = two_centres(tmp_path, same_device=True)
    one = lib.register_member(a, admin_a, lib.MemberInput(
        first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2], birth_date=date(2015, 1, 1),
        guardian_name="مریم رضایی", guardian_phone="09121112233"), today=TODAY)
    two = lib.register_member(b, admin_b, lib.MemberInput(
        first_name="رضا", last_name="کاظمی", national_id=NATIONAL_IDS[3], category="adult",
        phone="09351112233"), today=TODAY)
    assert one.member_no == two.member_no
    exchange(a, b)
    c = only_conflict(b, admin_b, "member.number_twice")
    conflicts.resolve(b, admin_b, c.id, "keep_second")
    renumbered, kept = c.facts[0].aggregate_id, c.facts[1].aggregate_id
    with b.read() as s:
        numbers = {m.id: m.member_no for m in s.scalars(select(Member))}
    assert numbers[kept] == one.member_no and numbers[renumbered] != one.member_no
    assert len(set(numbers.values())) == len(numbers)
    assert lib.lookup_member(b, admin_b, one.member_no).id == kept  # type: ignore[union-attr]
    assert lib.lookup_member(b, admin_b, numbers[renumbered]).id == renumbered  # type: ignore[union-attr]
    events = converges_in_any_order(b, a, tmp_path, base=L.store)
    assert domain_events(events, c.id) == [("member.renumbered", renumbered)]


def test_one_child_registered_at_two_centres_keeps_one_and_moves_the_open_loans(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233",
                            birth_date=date(2015, 1, 1))
    at_a = lib.register_member(a, admin_a, child, today=TODAY)
    at_b = lib.register_member(b, admin_b, child, today=TODAY)
    loan = circulation.checkout(b, admin_b, at_b.member_no, "B0002", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    assert c.resolutions == ("keep_first", "keep_second", "fixed_manually")
    with pytest.raises(ValidationError) as refused:  # they still share the national ID
        conflicts.resolve(a, admin_a, c.id, "fixed_manually")
    assert refused.value.message == conflicts.MSG_STILL_SAME_ID
    # keep centre 13's record; centre 14's (which has a book out) is merged into it
    choice = "keep_first" if c.facts[0].aggregate_id == at_a.id else "keep_second"
    conflicts.resolve(a, admin_a, c.id, choice)
    with a.read() as s:
        gone = s.get(Member, at_b.id)
        assert gone is not None and gone.merged_into == at_a.id
        assert s.get(Loan, loan.id).member_id == at_a.id  # type: ignore[union-attr]
    assert [m.id for m in lib.search_members(a, admin_a, "سارا رضایی")] == [at_a.id]
    assert lib.lookup_member(a, admin_a, NATIONAL_IDS[2]).id == at_a.id  # type: ignore[union-attr]
    assert lib.lookup_member(a, admin_a, at_b.member_no).id == at_a.id  # type: ignore[union-attr]  # the old card
    desk = circulation.member_desk(a, admin_a, at_a.member_no, today=TODAY)
    assert [x.id for x in desk.loans] == [loan.id]
    events = converges_in_any_order(a, b, tmp_path, base=L.store)
    assert domain_events(events, c.id) == [("member.merged", at_b.id), ("loan.member_moved", loan.id)]
    # the book comes back by its barcode as always; the old card lends to the member kept
    circulation.checkin(a, admin_a, "B0002", today=TODAY)
    assert circulation.member_desk(a, admin_a, at_a.member_no, today=TODAY).loans == []
    assert circulation.checkout(a, admin_a, at_b.member_no, "B0003", today=TODAY).member_id == at_a.id


def test_the_child_kept_after_a_merge_can_still_be_corrected(tmp_path: Path) -> None:
    """After «keep one» the record merged away still holds the child's national ID; the member form
    sends it with every correction, and the kept record was refused «این کد ملی پیش‌تر برای سارا
    رضایی (شماره عضویت …) ثبت شده است» — naming the child's own merged record: the guardian's new
    phone could not be written. A record merged into this one is not another member."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    at_a = lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    conflicts.resolve(a, admin_a, c.id, "keep_first" if c.facts[0].aggregate_id == at_a.id else "keep_second")
    fixed = lib.update_member(a, admin_a, at_a.id, dataclasses.replace(child, guardian_phone="09124445566"),
                              today=TODAY)
    assert fixed.guardian_phone == "09124445566" and fixed.national_id == NATIONAL_IDS[2]
    other = lib.register_member(a, admin_a, lib.MemberInput(first_name="رضا", last_name="کاظمی",
                                                            national_id=NATIONAL_IDS[3], category="adult",
                                                            phone="09351112233"), today=TODAY)
    with pytest.raises(lib.DuplicateNationalId):  # another member given her ID is still refused
        lib.update_member(a, admin_a, other.id, lib.MemberInput(first_name="رضا", last_name="کاظمی",
                                                                national_id=NATIONAL_IDS[2], category="adult",
                                                                phone="09351112233"), today=TODAY)


def test_a_child_registered_twice_and_merged_is_one_reader_in_the_reports(tmp_path: Path) -> None:
    """A child borrowed at centre 13 under one record and twice at centre 14 under another; the
    records were merged. The book still out moved to the record kept, the returned one stayed on
    the merged record: the month's active readers listed the child twice (2 and 1 loans) and
    centre 14 counted two borrowing members."""
    from kanoon_desk.services import library_reports

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    at_a = lib.register_member(a, admin_a, child, today=TODAY)
    at_b = lib.register_member(b, admin_b, child, today=TODAY)
    circulation.checkout(a, admin_a, at_a.member_no, "B0001", today=TODAY)
    circulation.checkin(a, admin_a, "B0001", today=TODAY + timedelta(days=2))
    circulation.checkout(b, admin_b, at_b.member_no, "B0003", today=TODAY)
    circulation.checkin(b, admin_b, "B0003", today=TODAY + timedelta(days=1))
    circulation.checkout(b, admin_b, at_b.member_no, "B0002", today=TODAY + timedelta(days=1))
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    conflicts.resolve(a, admin_a, c.id, "keep_first" if c.facts[0].aggregate_id == at_a.id else "keep_second")
    first, last = library_reports.period_bounds("month", 1404, 2)
    readers = library_reports.active_readers(a, admin_a, first, last)
    assert [(r.key, r.label, r.count, r.detail) for r in readers] == [(at_a.id, "سارا رضایی", 3, at_a.member_no)]
    assert {c.key: (c.count, c.detail) for c in library_reports.active_centres(a, first, last)} == {
        "13": (1, 1), "14": (2, 1)}
    assert [(r.key, r.count) for r in library_reports.active_readers(a, admin_a, first, last, centre="14")] == [(at_a.id, 2)]


def test_one_child_twice_fixed_by_correcting_a_national_id(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    at_b = lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    c = only_conflict(b, admin_b, "member.registered_twice")
    # the second child's own national ID, typed wrong at centre 14
    lib.update_member(b, admin_b, at_b.id, dataclasses.replace(child, national_id=NATIONAL_IDS[3]), today=TODAY)
    conflicts.resolve(b, admin_b, c.id, "fixed_manually")
    assert domain_events(converges_in_any_order(b, a, tmp_path), c.id) == []


# --- accounts ---------------------------------------------------------------------------------


def test_one_user_name_made_on_two_desks_renames_one_account(tmp_path: Path) -> None:
    a, admin = make_desk(tmp_path / "a.sqlite3")
    a.backup_to(tmp_path / "b.sqlite3")
    b = Store(tmp_path / "b.sqlite3")
    make_user(a, admin, "ali", "clerk")
    make_user(b, admin, "ali", "librarian")
    exchange(a, b)
    c = only_conflict(a, admin, "username.duplicate")
    assert c.resolutions == ("keep_first", "keep_second")
    conflicts.resolve(a, admin, c.id, "keep_first")
    with a.read() as s:
        names = {u.id: u.username for u in s.scalars(select(User))}
    assert names[c.facts[0].aggregate_id] == "ali" and names[c.facts[1].aggregate_id] == "ali.2"
    # each person logs in with their own name and password
    assert accounts.login(a, "ali.2", PASSWORD).user_id == c.facts[1].aggregate_id
    assert accounts.login(a, "ali", PASSWORD).user_id == c.facts[0].aggregate_id
    events = converges_in_any_order(a, b, tmp_path)
    assert domain_events(events, c.id) == [("user.renamed", c.facts[1].aggregate_id)]


# --- secretariat ------------------------------------------------------------------------------


def twin_desks(tmp_path: Path) -> tuple[Desk, Store, str]:
    """A secretariat desk with a registered case, and a copy of it on a second machine."""
    desk = make_secretariat_desk(tmp_path)
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    desk.store.backup_to(tmp_path / "twin.sqlite3")
    return desk, Store(tmp_path / "twin.sqlite3"), r.case_id


def _forward_status(store: Store) -> dict[str, str]:
    with store.read() as s:
        return {f.letter_no: f.status for f in s.scalars(select(Forward))}


def test_forwarded_twice_the_first_is_right_withdraws_the_second(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.forward(desk.store, desk.admin, case_id, desk.agency.id, letter_no="A-1", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-1", on=DAY + timedelta(days=1))
    exchange(desk.store, other)
    c = only_conflict(desk.store, desk.admin, "case.forwarded_twice")
    assert c.resolutions == ("keep_first", "keep_second", "keep_both")
    kept_letter = c.facts[0].payload["letter_no"]
    withdrawn_letter = c.facts[1].payload["letter_no"]
    conflicts.resolve(desk.store, desk.admin, c.id, "keep_first")
    assert _forward_status(desk.store) == {kept_letter: "open", withdrawn_letter: "withdrawn"}
    with desk.store.read() as s:
        case = s.get(Case, case_id)
        kept = s.get(Forward, c.facts[0].event_id)
        assert case is not None and kept is not None
        assert (case.status, case.agency_id, case.deadline) == ("forwarded", kept.agency_id, kept.deadline)
    events = converges_in_any_order(desk.store, other, tmp_path)
    assert domain_events(events, c.id) == [("case.forward_withdrawn", case_id)]


def test_forwarded_twice_refuses_to_withdraw_a_forward_already_answered(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.forward(desk.store, desk.admin, case_id, desk.agency.id, letter_no="A-1", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-1", on=DAY)
    exchange(desk.store, other)
    sec.record_response(desk.store, desk.admin, case_id, text="پاسخ دستگاه", on=DAY + timedelta(days=3))
    c = only_conflict(desk.store, desk.admin, "case.forwarded_twice")
    with pytest.raises(ValidationError) as refused:
        conflicts.resolve(desk.store, desk.admin, c.id, "keep_second")
    assert refused.value.message == conflicts.MSG_FORWARD_NOT_OPEN
    conflicts.resolve(desk.store, desk.admin, c.id, "keep_both")
    assert domain_events(converges_in_any_order(desk.store, other, tmp_path), c.id) == []


@pytest.mark.parametrize("choice", ["reopen", "keep_closed"])
def test_acted_after_close_reopens_or_stays_closed(tmp_path: Path, choice: str) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.close(desk.store, desk.admin, case_id, outcome="unresolved", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-2", on=DAY + timedelta(days=1))
    exchange(desk.store, other)
    c = only_conflict(other, desk.admin, "case.acted_after_close")
    assert c.resolutions == ("keep_closed", "reopen")
    conflicts.resolve(other, desk.admin, c.id, choice)
    with other.read() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert case.status == ("registered" if choice == "reopen" else "closed")
    events = converges_in_any_order(other, desk.store, tmp_path)
    assert domain_events(events, c.id) == ([("case.reopened", case_id)] if choice == "reopen" else [])
    if choice == "reopen":  # the office goes on with the case: the forward is done again
        sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-3", on=DAY + timedelta(days=2))
        assert _forward_status(other)["B-3"] == "open"


def test_acted_after_close_refuses_to_reopen_a_case_no_longer_closed(tmp_path: Path) -> None:
    desk, other, case_id = twin_desks(tmp_path)
    sec.close(desk.store, desk.admin, case_id, outcome="unresolved", on=DAY)
    sec.forward(other, desk.admin, case_id, desk.agency.id, letter_no="B-2", on=DAY + timedelta(days=1))
    exchange(desk.store, other)
    sec.reopen(desk.store, desk.admin, case_id, reason="درخواست متقاضی")
    c = only_conflict(desk.store, desk.admin, "case.acted_after_close")
    with pytest.raises(ValidationError) as refused:
        conflicts.resolve(desk.store, desk.admin, c.id, "reopen")
    assert refused.value.message == conflicts.MSG_NOT_CLOSED


def test_one_registration_number_on_two_cases_gives_one_a_new_number(tmp_path: Path) -> None:
    desk, other, _case_id = twin_desks(tmp_path)
    mine, theirs = [sec.intake(store, desk.clerk, case_input(n), on=DAY).case_id
                    for store, n in ((desk.store, 2), (other, 3))]
    for store, case_id in ((desk.store, mine), (other, theirs)):
        sec.review(store, desk.expert, case_id, accept=True, on=DAY)
    number = sec.register(desk.store, desk.clerk, mine, on=DAY)
    assert sec.register(other, desk.clerk, theirs, on=DAY) == number  # one device number on two machines
    exchange(desk.store, other)
    c = only_conflict(desk.store, desk.admin, "case.number_twice")
    assert c.resolutions == ("keep_first", "keep_second")
    renumbered = c.facts[1].aggregate_id
    conflicts.resolve(desk.store, desk.admin, c.id, "keep_first")
    with desk.store.read() as s:
        numbers = {case.id: case.registration_no for case in s.scalars(select(Case))}
    assert numbers[c.facts[0].aggregate_id] == number and numbers[renumbered] not in (number, None)
    assert len(set(numbers.values())) == len(numbers)
    events = converges_in_any_order(desk.store, other, tmp_path)
    assert domain_events(events, c.id) == [("case.renumbered", renumbered)]


def test_one_conflict_decided_on_two_desks_before_either_synced_is_a_new_conflict(tmp_path: Path) -> None:
    """Both decisions were carried out (here: both loans voided); the fold says so with one more
    conflict, the same on every desk whatever the order the two decisions arrive in."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    circulation.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "copy.double_loan")
    conflicts.resolve(a, admin_a, c.id, "keep_first")
    conflicts.resolve(b, admin_b, c.id, "keep_second")
    everything = missing(a, L.store) + [e for e in missing(b, L.store) if e.type in (
        "conflict.resolved", "loan.voided")]
    exchange(a, b)
    assert digests(a) == digests(b)
    twice = only_conflict(a, admin_a, "conflict.resolved_twice")
    assert twice.resolutions == ("fixed_manually",) and twice.summary["conflict_id"] == c.id
    assert {f.type for f in twice.facts} == {"conflict.resolved"}
    assert {f.payload["resolution"] for f in twice.facts} == {"keep_first", "keep_second"}
    assert lib.get_copy(a, "B0001").status == "on_shelf"  # both loans voided: a person must look
    for i, order in enumerate((everything, list(reversed(everything)))):
        path = tmp_path / f"third-{i}.sqlite3"
        L.store.backup_to(path)
        third = Store(path)
        try:
            if i == 0:
                with third.transaction() as s:
                    eventlog.ingest(s, [pulled(e) for e in order])
            else:
                for e in order:
                    with third.transaction() as s:
                        eventlog.ingest(s, [pulled(e)])
            assert digests(third) == digests(a)
        finally:
            third.close()
        assert ops.check(path) == []
    conflicts.resolve(a, admin_a, twice.id, "fixed_manually", "امانت دوم دوباره ثبت شد")
    assert conflicts.open_count(a) == 0


def test_one_child_merged_opposite_ways_on_two_desks_stays_findable_everywhere(tmp_path: Path) -> None:
    """Centre 13 keeps its record, centre 14 keeps its own, before either syncs: each member would
    be merged into the other and the child found nowhere. The newer merge is void on every desk,
    whatever the order; the two decisions are one more conflict for a person."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    at_a = lib.register_member(a, admin_a, child, today=TODAY)
    at_b = lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    mine = "keep_first" if c.facts[0].aggregate_id == at_a.id else "keep_second"
    theirs = "keep_second" if mine == "keep_first" else "keep_first"
    conflicts.resolve(a, admin_a, c.id, mine)  # at_b merged into at_a (the older merge: it stands)
    conflicts.resolve(b, admin_b, c.id, theirs)  # at_a merged into at_b (the newer: void)
    everything = missing(a, L.store) + [e for e in missing(b, L.store) if e.payload.get("conflict_id") == c.id
                                        or e.type == "conflict.resolved"]
    exchange(a, b)
    assert digests(a) == digests(b)
    for desk in (a, b):
        assert [m.id for m in lib.search_members(desk, admin_a, "سارا رضایی")] == [at_a.id]
        for code in (at_a.member_no, at_b.member_no, NATIONAL_IDS[2]):
            assert lib.lookup_member(desk, admin_a, code).id == at_a.id  # type: ignore[union-attr]
        with desk.read() as s:
            assert s.get(Member, at_a.id).merged_into is None  # type: ignore[union-attr]
            assert s.get(Member, at_b.id).merged_into == at_a.id  # type: ignore[union-attr]
    assert only_conflict(a, admin_a, "conflict.resolved_twice").summary["conflict_id"] == c.id
    in_any_order(L.store, everything, tmp_path, want=digests(a))
    assert ops.check(a.path) == [] and ops.check(b.path) == []


def test_a_member_merged_into_another_is_not_among_the_members_registered_last(tmp_path: Path) -> None:
    """The members page opens on the members registered last: the record merged away (the same child
    registered at two centres) stood there beside the one kept, its card and renewal the stale one's."""
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233",
                            birth_date=date(2015, 1, 1))
    at_a = lib.register_member(a, admin_a, child, today=TODAY)
    at_b = lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    c = only_conflict(a, admin_a, "member.registered_twice")
    conflicts.resolve(a, admin_a, c.id, "keep_first" if c.facts[0].aggregate_id == at_a.id else "keep_second")
    assert at_b.id not in [m.id for m in lib.recent_members(a, admin_a)]
    assert at_b.id not in [m.id for m in lib.recent_members(a, admin_a, at_b.home_centre)]
    assert at_a.id in [m.id for m in lib.recent_members(a, admin_a)]


def _letters(store: Store) -> dict[str, str]:
    """Each forward's and letter follow-up's letter number, by the event that recorded it."""
    from kanoon_desk.models.secretariat import FollowUp

    with store.read() as s:
        found = {f.id: f.letter_no for f in s.scalars(select(Forward))}
        found.update({f.id: f.letter_no for f in s.scalars(select(FollowUp).where(FollowUp.method == "letter"))})
    return found


def test_one_letter_number_on_two_letters_is_a_conflict_that_renumbers_one(tmp_path: Path) -> None:
    """Two copies of one desk each forwarded a case with the desk's next letter number: two
    letters went out as …-L000001 and nothing said so (only registration, membership numbers and
    barcodes were checked). Now one conflict is raised, the same whatever the arrival order, the
    two letters side by side, and «رویداد نخست درست است» gives the other letter a new number on
    every desk; an agency's batch follow-up letter, one number on several cases, is one letter
    (not a conflict with itself) and is renumbered whole; a number typed by hand is not checked."""
    from kanoon_desk.services.secretariat_followups import follow_up_agency

    desk, other, first_case = twin_desks(tmp_path)
    second = [sec.intake(store, desk.clerk, case_input(n), on=DAY).case_id for store, n in ((desk.store, 2),)][0]
    sec.review(desk.store, desk.expert, second, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, second, on=DAY)
    desk.store.backup_to(tmp_path / "twin.sqlite3")  # (the copy made now: both cases on both)
    other.close()
    other = Store(tmp_path / "twin.sqlite3")
    mine = sec.forward(desk.store, desk.manager, first_case, desk.agency.id, on=DAY)
    theirs = sec.forward(other, desk.manager, second, desk.agency.id, on=DAY)
    assert mine.letter_no == theirs.letter_no and "-L" in mine.letter_no  # one device number on two machines
    # the same hand-typed number on both: the agency's own, shared on purpose; not a conflict
    third = sec.intake(desk.store, desk.clerk, case_input(4), on=DAY).case_id
    sec.review(desk.store, desk.expert, third, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, third, on=DAY)
    sec.forward(desk.store, desk.manager, third, desk.agency.id, letter_no="۱۲۳/الف", on=DAY)
    exchange(desk.store, other)
    # one batch follow-up letter for both cases on this desk, one follow-up letter on the other
    batch = follow_up_agency(desk.store, desk.expert, desk.agency.id, [first_case, second], method="letter",
                             on=DAY + timedelta(days=1))
    sec.follow_up(other, desk.expert, third, method="letter", on=DAY + timedelta(days=1))
    fifth = sec.intake(other, desk.clerk, case_input(5), on=DAY).case_id
    sec.review(other, desk.expert, fifth, accept=True, on=DAY)
    sec.register(other, desk.clerk, fifth, on=DAY)
    sec.forward(other, desk.manager, fifth, desk.agency.id, letter_no="۱۲۳/الف", on=DAY)  # typed: not checked
    exchange(desk.store, other)
    assert digests(desk.store) == digests(other)
    twice = [c for c in conflicts.list_conflicts(desk.store, desk.admin) if c.kind == "case.letter_twice"]
    assert sorted(c.summary["letter_no"] for c in twice) == sorted([mine.letter_no, batch.letter_no])
    assert [c.id for c in conflicts.list_conflicts(other, desk.admin) if c.kind == "case.letter_twice"] == \
        [c.id for c in twice]
    c = next(c for c in twice if c.summary["letter_no"] == mine.letter_no)
    assert c.resolutions == ("keep_first", "keep_second")
    assert conflicts.KIND_TITLES[c.kind] == "یک شماره نامه صادره به دو نامه داده شده است"
    assert {f.event_id for f in c.facts} == {mine.id, theirs.id}  # both letters side by side
    with desk.store.read() as s:  # each with the case it is for (the two read alike but for it)
        codes = {s.get(Case, cid).tracking_code for cid in (first_case, second)}  # type: ignore[union-attr]
    assert {f.refs["case_id"] for f in c.facts} == codes == set(c.summary["tracking_codes"])
    kept, renumbered = c.facts[0].event_id, c.facts[1].event_id
    conflicts.resolve(desk.store, desk.admin, c.id, "keep_first")
    letters = _letters(desk.store)
    assert letters[kept] == mine.letter_no and letters[renumbered] not in (mine.letter_no, "")
    events = converges_in_any_order(desk.store, other, tmp_path)
    assert domain_events(events, c.id) == [("case.letter_renumbered", f.aggregate_id) for f in c.facts[1:]]
    # the batch letter against the other's single letter: the batch renumbered whole (both its cases)
    exchange(desk.store, other)
    b = next(c for c in twice if c.summary["letter_no"] == batch.letter_no)
    batch_side = "keep_second" if b.facts[0].aggregate_id in (first_case, second) else "keep_first"
    conflicts.resolve(other, desk.admin, b.id, batch_side)
    letters = _letters(other)
    assert list(letters.values()).count(batch.letter_no) == 1  # the single letter kept it
    renumbered_batch = {n for n in letters.values() if n not in (batch.letter_no, mine.letter_no)
                        and n != letters[renumbered] and "-L" in n}
    assert len(renumbered_batch) == 1  # one new number, on both cases of the batch
    assert list(letters.values()).count(renumbered_batch.pop()) == 2
    converges_in_any_order(other, desk.store, tmp_path)
