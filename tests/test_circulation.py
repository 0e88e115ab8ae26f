"""Checkout, return, renewal, refusals and overrides, transit between centres, double loans offline."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.errors import InvariantError, NotFound, PermissionDenied, ValidationError
from kanoon_desk.models import Conflict
from kanoon_desk.models.library import OverrideLog
from kanoon_desk.services import accounts
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from tests.factories import make_user
from tests.library_helpers import TODAY, actor_at, add_other_centre, make_library
from tests.refold_check import assert_refolds_alike


def test_checkout_due_date_on_working_calendar(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    # child rule: 10 working days; Fridays (9th, 16th) do not count
    assert loan.due_on == date(2025, 5, 17)
    accounts.set_holiday(L.store, L.admin, date(2025, 5, 10), "تعطیل")
    loan2 = circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY)
    assert loan2.due_on == date(2025, 5, 18)
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    assert lib.get_copy(L.store, "B0001").current_loan_id == loan.id
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY)
    assert [x.barcode for x in desk.loans] == ["B0001", "B0002"]
    assert desk.blocks == []


def test_copy_already_on_loan_is_refused_even_with_override(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    with pytest.raises(InvariantError) as err:
        circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY, override=True)
    assert "امانت" in err.value.message


def test_unknown_member_or_copy(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with pytest.raises(NotFound):
        circ.checkout(L.store, L.admin, "000", "B0001", today=TODAY)
    with pytest.raises(NotFound):
        circ.checkout(L.store, L.admin, L.child.member_no, "NOPE", today=TODAY)


def test_limit_reached_refused_then_overridden_and_logged(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.set_rule(L.store, L.admin, "child", period_days=10, max_loans=2, max_renewals=1)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY)
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, L.admin, L.child.member_no, "B0003", today=TODAY)
    assert err.value.codes == ["limit"]
    assert lib.get_copy(L.store, "B0003").status == "on_shelf"  # nothing written
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0003", today=TODAY, override=True, note="امتحان")
    with L.store.read() as s:
        log = s.scalars(select(OverrideLog)).one()
        assert (log.action, log.refusals, log.user_id, log.loan_id, log.note) == (
            "checkout", "limit", L.admin.user_id, loan.id, "امتحان")


def test_override_needs_admin_or_a_grant(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    lib.renew_membership(L.store, L.admin, L.adult.id, TODAY - timedelta(days=1))
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, librarian, L.adult.member_no, "B0001", today=TODAY)
    assert err.value.codes == ["expired"]
    with pytest.raises(PermissionDenied):
        circ.checkout(L.store, librarian, L.adult.member_no, "B0001", today=TODAY, override=True)
    assert not lib.can_override(L.store, librarian)
    lib.set_override_grant(L.store, L.admin, librarian.user_id, True)
    assert lib.can_override(L.store, librarian)
    with pytest.raises(ValidationError) as no_reason:  # an override says why
        circ.checkout(L.store, librarian, L.adult.member_no, "B0001", today=TODAY, override=True, note="  ")
    assert no_reason.value.field == "note"
    circ.checkout(L.store, librarian, L.adult.member_no, "B0001", today=TODAY, override=True, note="کارت تازه")
    assert lib.get_copy(L.store, "B0001").status == "on_loan"


def test_overdue_items_block_new_loans(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    later = TODAY + timedelta(days=30)
    desk = circ.member_desk(L.store, L.admin, L.adult.member_no, today=later)
    assert desk.blocks == ["overdue"] and desk.loans[0].overdue_days > 0
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=later)
    assert err.value.codes == ["overdue"]
    assert err.value.message == circ.REFUSALS["overdue"]


@pytest.mark.parametrize("how", ["lost", "withdrawn", "not_loanable"])
def test_copy_not_loanable(tmp_path: Path, how: str) -> None:
    L = make_library(tmp_path)
    barcode = "B0001"
    if how == "lost":
        lib.mark_copy_lost(L.store, L.admin, barcode)
    elif how == "withdrawn":
        lib.withdraw_copy(L.store, L.admin, barcode, "فرسوده")
    else:
        barcode = lib.add_copy(L.store, L.admin, L.title.id, barcode="REF1", loanable=False).barcode
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, L.admin, L.adult.member_no, barcode, today=TODAY)
    assert err.value.codes == [how]


def test_return_reshelve_and_history(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    result = circ.checkin(L.store, L.admin, "b0001", today=TODAY)
    assert result.next_action == "reshelve" and result.loan is not None and result.loan.id == loan.id
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    desk = circ.member_desk(L.store, L.admin, L.adult.member_no, today=TODAY)
    assert desk.loans == [] and [h.id for h in desk.history] == [loan.id]
    with pytest.raises(InvariantError):
        circ.checkin(L.store, L.admin, "B0001", today=TODAY)


def test_renew_until_the_rule_says_no(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.set_rule(L.store, L.admin, "adult", period_days=14, max_loans=5, max_renewals=1)
    loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    renewed = circ.renew(L.store, L.admin, loan.id, today=TODAY + timedelta(days=10))
    assert renewed.renewals == 1 and renewed.due_on > loan.due_on
    with pytest.raises(circ.CirculationRefused) as err:
        circ.renew(L.store, L.admin, loan.id, today=TODAY + timedelta(days=12))
    assert err.value.codes == ["max_renewals"]
    again = circ.renew(L.store, L.admin, loan.id, today=TODAY + timedelta(days=12), override=True, note="امتحان")
    assert again.renewals == 2


def test_renew_refused_when_another_member_holds_the_title(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    results = circ.renew_all(L.store, L.admin, L.adult.member_no, today=TODAY + timedelta(days=3))
    assert len(results) == 3
    assert all(r[0] is None and r[2] is not None and r[2].codes == ["hold_waiting"] for r in results)


def test_renewal_refused_for_a_member_with_overdue_items_unless_overridden_and_logged(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    late = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    fresh = circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY + timedelta(days=10))
    later = TODAY + timedelta(days=20)  # B0001 is overdue, B0002 is not
    for loan_id in (late.id, fresh.id):
        with pytest.raises(circ.CirculationRefused) as err:
            circ.renew(L.store, L.admin, loan_id, today=later)
        assert err.value.codes == ["overdue"] and err.value.message == circ.REFUSALS["overdue"]
        assert err.value.overridable
    assert [x.renewals for x in circ.member_desk(L.store, L.admin, L.adult.member_no, today=later).loans] == [0, 0]
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    with pytest.raises(PermissionDenied):
        circ.renew(L.store, librarian, late.id, today=later, override=True, note="سفر")
    renewed = circ.renew(L.store, L.admin, late.id, today=later, override=True, note="عضو بیمار بود")
    assert renewed.renewals == 1 and renewed.due_on > later
    with L.store.read() as s:
        log = s.scalars(select(OverrideLog)).one()
        assert (log.action, log.refusals, log.loan_id, log.note) == ("renew", "overdue", late.id, "عضو بیمار بود")


def test_a_renewal_that_moves_no_due_date_is_refused_and_uses_no_renewal(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    for override in (False, True):  # no override lifts it: it would only use up a renewal
        with pytest.raises(circ.CirculationRefused) as err:
            circ.renew(L.store, L.admin, loan.id, today=TODAY, override=override, note="امتحان")
        assert err.value.codes == ["not_due_yet"] and not err.value.overridable
    with L.store.read() as s:
        assert s.scalars(select(OverrideLog)).all() == []
    desk = circ.member_desk(L.store, L.admin, L.adult.member_no, today=TODAY)
    assert (desk.loans[0].renewals, desk.loans[0].due_on) == (0, loan.due_on)
    assert circ.renew(L.store, L.admin, loan.id, today=TODAY + timedelta(days=1)).renewals == 1


def test_renew_all(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY)
    results = circ.renew_all(L.store, L.admin, L.adult.member_no, today=TODAY + timedelta(days=3))
    assert [r[0].renewals for r in results if r[0]] == [1, 1]


def test_member_of_a_returns_at_b_goes_into_transit_and_is_received_home(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    # a member of centre 13 borrows a copy of 13 at home...
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    # ...and returns it at centre 14
    result = circ.checkin(L.store, at_b, "B0001", today=TODAY)
    assert (result.next_action, result.send_to) == ("send_home", "13")
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.location) == ("in_transit", "14")
    circ.send_copy(L.store, at_b, "B0001", "13")
    assert lib.get_copy(L.store, "B0001").status == "in_transit"
    arrived = circ.receive_copy(L.store, L.admin, "B0001", today=TODAY)
    assert arrived.next_action == "reshelve"
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.location) == ("on_shelf", "13")
    assert loan.centre == "13"


def test_member_borrows_at_another_centre(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    other = lib.add_copy(L.store, at_b, L.title.id, barcode="C0001")
    assert other.home_centre == "14"
    loan = circ.checkout(L.store, at_b, L.child.member_no, "C0001", today=TODAY)
    assert loan.centre == "14"
    assert circ.checkin(L.store, at_b, "C0001", today=TODAY).next_action == "reshelve"


def test_scan_at_return_of_a_copy_in_transit_receives_it(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    circ.checkin(L.store, actor_at(L.admin, "14"), "B0001", today=TODAY)
    result = circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    assert result.notes == ["received"] and result.next_action == "reshelve"
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"


def test_a_lost_copy_scanned_at_return_goes_back_only_when_found_is_said(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.mark_copy_lost(L.store, L.admin, "B0002")
    assert lib.get_copy(L.store, "B0002").status == "lost"
    with pytest.raises(circ.CopyWasLost) as err:
        circ.checkin(L.store, L.admin, "B0002", today=TODAY)
    assert err.value.field == "barcode" and err.value.message == circ.MSG_COPY_WAS_LOST
    assert lib.get_copy(L.store, "B0002").status == "lost"  # nothing written
    found = circ.found_copy(L.store, L.admin, "B0002", today=TODAY)
    assert (found.next_action, found.notes, found.title) == ("reshelve", ["found"], "ماهی سیاه کوچولو")
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"
    with pytest.raises(InvariantError):
        circ.found_copy(L.store, L.admin, "B0002", today=TODAY)


def test_a_book_lost_with_its_member_closes_the_loan_and_keeps_the_copy_lost(tmp_path: Path) -> None:
    from kanoon_desk.services import library_reports as rep

    L = make_library(tmp_path)
    lost = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    kept = circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY + timedelta(days=10))
    later = TODAY + timedelta(days=20)  # B0001 is overdue: the child is blocked, on the list, noticed
    assert circ.member_desk(L.store, L.admin, L.child.member_no, today=later).blocks == ["overdue"]
    assert [r.barcode for r in rep.overdue_page(L.store, L.admin, today=later)] == ["B0001"]
    view = circ.mark_loan_lost(L.store, L.admin, lost.id, note="در اسباب‌کشی گم شد", today=later)
    assert view.lost and view.returned_on == later
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=later)
    assert desk.blocks == [] and [x.id for x in desk.loans] == [kept.id]
    assert [(x.id, x.lost) for x in desk.history] == [(lost.id, True)]
    assert rep.overdue_page(L.store, L.admin, today=later) == []
    assert rep.queue_overdue_notices(L.store, L.admin, today=later) == 0
    copy = lib.get_copy(L.store, "B0001")
    assert (copy.status, copy.current_loan_id) == ("lost", None)
    with pytest.raises(InvariantError):  # closed: not lost twice
        circ.mark_loan_lost(L.store, L.admin, lost.id, today=later)
    with pytest.raises(circ.CopyWasLost):  # the member brings it back after all: not silently
        circ.checkin(L.store, L.admin, "B0001", today=later)
    assert lib.get_copy(L.store, "B0001").status == "lost"
    circ.found_copy(L.store, L.admin, "B0001", today=later)
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    assert_refolds_alike(L.store)


def test_marking_a_copy_on_loan_lost_closes_its_loan(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    lib.mark_copy_lost(L.store, L.admin, "B0001", "گزارش ولی", today=TODAY + timedelta(days=40))
    assert lib.get_copy(L.store, "B0001").status == "lost"
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY + timedelta(days=40))
    assert desk.loans == [] and desk.blocks == [] and desk.history[0].id == loan.id and desk.history[0].lost


def clone(ev: object) -> object:
    """A pulled copy of another desk's event (no local outbox number)."""
    from kanoon_desk.models import Event
    cols = {c.key: getattr(ev, c.key) for c in Event.__table__.columns}
    cols["client_seq"] = None
    return Event(**cols)


def _conflicts(store: object) -> list[Conflict]:
    from kanoon_desk.store import Store
    assert isinstance(store, Store)
    with store.read() as s:
        return list(s.scalars(select(Conflict).order_by(Conflict.kind)))


def test_double_loan_offline_keeps_both_and_raises_one_conflict_in_any_order(tmp_path: Path) -> None:
    from kanoon_desk.eventlog import ingest, projection_digests, refold_all
    from kanoon_desk.models import Event
    from kanoon_desk.store import Store

    L = make_library(tmp_path)
    with L.store.read() as s:
        base = [e.id for e in s.scalars(select(Event))]
    # Two desks copy the same base store, then lend B0001 offline to different members.
    for name in ("a.sqlite3", "b.sqlite3"):
        L.store.backup_to(tmp_path / name)
    a, b = Store(tmp_path / "a.sqlite3"), Store(tmp_path / "b.sqlite3")
    b.set_identity("14", 2)
    la = circ.checkout(a, L.admin, L.child.member_no, "B0001", today=TODAY)
    lb = circ.checkout(b, actor_at(L.admin, "14"), L.adult.member_no, "B0001", today=TODAY)

    def new_events(store: Store) -> list[Event]:
        with store.read() as s:
            rows = list(s.scalars(select(Event).where(Event.id.not_in(base)).order_by(Event.hlc)))
            for r in rows:
                s.expunge(r)
            return rows

    ea, eb = new_events(a), new_events(b)
    with a.transaction() as s:
        ingest(s, [clone(e) for e in eb])  # type: ignore[misc]
    with b.transaction() as s:
        ingest(s, [clone(e) for e in ea])  # type: ignore[misc]
    for store in (a, b):
        kinds = [(c.kind, sorted(c.facts["involved"])) for c in _conflicts(store)]
        assert kinds == [("copy.double_loan", sorted([la.id, lb.id]))]
        assert lib.get_copy(store, "B0001").status == "on_loan"
        desk_child = circ.member_desk(store, L.admin, L.child.member_no, today=TODAY)
        desk_adult = circ.member_desk(store, L.admin, L.adult.member_no, today=TODAY)
        assert len(desk_child.loans) == 1 and len(desk_adult.loans) == 1
    with a.read() as s:
        da = projection_digests(s)
    with b.read() as s:
        db = projection_digests(s)
    assert da == db
    with a.transaction() as s:
        refold_all(s)
    with a.read() as s:
        assert projection_digests(s) == da
    # The copy comes back once; the other loan is still open, the conflict stays for a person.
    # Returned here (13), it closes the loan made here, the child's — not the latest, made at 14.
    circ.checkin(a, L.admin, "B0001", today=TODAY)
    assert lib.get_copy(a, "B0001").status == "on_loan"
    assert circ.member_desk(a, L.admin, L.child.member_no, today=TODAY).loans == []
    assert [x.id for x in circ.member_desk(a, L.admin, L.adult.member_no, today=TODAY).loans] == [lb.id]


def test_return_on_a_loan_closed_elsewhere_raises_conflict(tmp_path: Path) -> None:
    from kanoon_desk.eventlog import ingest
    from kanoon_desk.models import Event
    from kanoon_desk.store import Store

    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    with L.store.read() as s:
        base = [e.id for e in s.scalars(select(Event))]
    L.store.backup_to(tmp_path / "b.sqlite3")
    b = Store(tmp_path / "b.sqlite3")
    b.set_identity("14", 2)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)
    circ.checkin(b, actor_at(L.admin, "14"), "B0001", today=TODAY)
    with b.read() as s:
        theirs = list(s.scalars(select(Event).where(Event.id.not_in(base))))
        for e in theirs:
            s.expunge(e)
    with L.store.transaction() as s:
        ingest(s, [clone(e) for e in theirs])  # type: ignore[misc]
    kinds = [c.kind for c in _conflicts(L.store)]
    assert kinds == ["loan.return_on_closed"]
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"


def test_returns_at_three_centres_arriving_newest_first_fold_as_a_full_refold(tmp_path: Path) -> None:
    """Found by the sync state machine: the second-return conflict named the centre that had closed
    the loan when it was folded; an earlier return arriving later must change that description."""
    from kanoon_desk.eventlog import ingest, projection_digests, refold_all
    from kanoon_desk.models import Event
    from kanoon_desk.store import Store

    L = make_library(tmp_path)
    add_other_centre(L.store, L.admin, "15", "مرکز فرهنگی هنری شماره ۳")
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    with L.store.read() as s:
        base = [e.id for e in s.scalars(select(Event))]
    desks = []
    for i, centre in enumerate(("13", "14", "15")):
        L.store.backup_to(tmp_path / f"{centre}.sqlite3")
        desk = Store(tmp_path / f"{centre}.sqlite3")
        desk.set_identity(centre, i + 2)
        desks.append((desk, centre))
    returns: list[Event] = []
    for desk, centre in desks:  # one after another in time: 13's return is the first
        circ.checkin(desk, actor_at(L.admin, centre), "B0001", today=TODAY)
        with desk.read() as s:
            mine = list(s.scalars(select(Event).where(Event.id.not_in(base))))
            for e in mine:
                s.expunge(e)
        returns += mine
    returns.sort(key=lambda e: (e.hlc, e.id))
    L.store.backup_to(tmp_path / "w.sqlite3")
    w = Store(tmp_path / "w.sqlite3")
    w.set_identity("13", 9)
    for ev in reversed(returns):  # newest first, each in its own pull
        with w.transaction() as s:
            ingest(s, [clone(ev)])  # type: ignore[misc]
    found = {c.facts["summary"]["second_centre"]: c.facts["summary"]["first_centre"] for c in _conflicts(w)}
    assert found == {"14": "13", "15": "13"}
    with w.read() as s:
        incremental = projection_digests(s)
    with w.transaction() as s:
        refold_all(s)
    with w.read() as s:
        assert projection_digests(s) == incremental


def test_objects_held_in_the_transaction_see_what_the_fold_wrote(tmp_path: Path) -> None:
    """The lending fold writes with plain statements; a Copy or Loan the same transaction already
    holds as an ORM object must show the new state, and must not be written back stale."""
    from kanoon_desk.ids import new_id
    from kanoon_desk.models.library import Copy, Loan

    L = make_library(tmp_path)
    with L.store.transaction() as s:
        copy = s.scalar(select(Copy).where(Copy.barcode == "B0001"))
        assert copy is not None and copy.status == "on_shelf"
        loan_id = new_id()
        L.store.record(s, L.admin, "loan.checked_out", loan_id, {
            "copy_id": copy.id, "member_id": L.child.id, "title_id": copy.title_id,
            "due_on": "2025-05-17", "out_on": TODAY.isoformat(), "centre": L.admin.office_code})
        assert (copy.status, copy.current_loan_id) == ("on_loan", loan_id)
        assert copy not in s.dirty
        loan = s.get(Loan, loan_id)
        assert loan is not None and loan.renewals == 0
        L.store.record(s, L.admin, "loan.renewed", loan_id, {"due_on": "2025-05-31"})
        assert (loan.renewals, loan.due_on) == (1, date(2025, 5, 31))
        L.store.record(s, L.admin, "loan.returned", loan_id, {"centre": L.admin.office_code,
                                                              "copy_id": copy.id, "returned_on": "2025-05-20"})
        assert loan.returned_on == date(2025, 5, 20) and loan not in s.dirty
        assert (copy.status, copy.current_loan_id) == ("on_shelf", None)
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    with L.store.read() as s:
        stored = s.get(Loan, loan_id)
        assert stored is not None and (stored.renewals, stored.returned_on) == (1, date(2025, 5, 20))


def test_due_dates_skip_the_fixed_holidays_of_any_year_without_a_table(tmp_path: Path) -> None:
    from kanoon_desk.persian import parse_jalali_date

    L = make_library(tmp_path)
    assert accounts.list_holidays(L.store) == []  # nobody entered a holiday
    calendar = accounts.working_calendar(L.store)
    for year in (1404, 1410, 1425):  # Nowruz, 13 Farvardin, 14-15 Khordad, 22 Bahman, 29 Esfand: every year
        for month, day in ((1, 1), (1, 4), (1, 12), (1, 13), (3, 14), (3, 15), (11, 22), (12, 29)):
            assert not calendar.is_working_day(parse_jalali_date(f"{year}/{month:02d}/{day:02d}"))
        assert calendar.is_working_day(parse_jalali_date(f"{year}/01/05")) or \
            parse_jalali_date(f"{year}/01/05").weekday() == 4
    # an adult's loan of 14 working days made on 1409/12/25 is not due in the Nowruz holidays
    out = parse_jalali_date("1409/12/25")
    lib.renew_membership(L.store, L.admin, L.adult.id, parse_jalali_date("1411/01/01"))
    loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=out)
    nowruz = {parse_jalali_date(f"1410/01/{d:02d}") for d in (1, 2, 3, 4, 12, 13)}
    assert loan.due_on not in nowruz and calendar.working_days_between(out, loan.due_on) == 14
    assert loan.due_on > parse_jalali_date("1410/01/04")


def test_the_years_whose_lunar_holidays_are_missing(tmp_path: Path) -> None:
    from kanoon_desk.persian import parse_jalali_date

    L = make_library(tmp_path)
    summer = parse_jalali_date("1404/05/01")
    assert accounts.lunar_holidays_missing(L.store, summer) == [1404]
    with L.store.transaction() as s:  # fixed days and Fridays in the table (entered before the desk
        # refused them, or brought by an older desk) do not count as lunar ones
        for day in ("1404/01/01", "1405/01/01", "1404/05/03"):
            L.store.record(s, L.admin, "holiday.set", parse_jalali_date(day).isoformat(), {"title": "تعطیل"})
    assert parse_jalali_date("1404/05/03").weekday() == 4  # a Friday
    assert accounts.lunar_holidays_missing(L.store, summer) == [1404]
    for day in ("1405/01/01", "1404/05/03"):  # and the desk enters neither
        with pytest.raises(ValidationError) as refused:
            accounts.set_holiday(L.store, L.admin, parse_jalali_date(day), "تعطیل")
        assert refused.value.field == "day"
    accounts.set_holiday(L.store, L.admin, parse_jalali_date("1404/04/15"), "عاشورا")
    assert accounts.lunar_holidays_missing(L.store, summer) == []
    winter = parse_jalali_date("1404/10/20")  # from Dey on, the coming year too
    assert accounts.lunar_holidays_missing(L.store, winter) == [1405]
