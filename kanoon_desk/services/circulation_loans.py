"""Lending to a member: the member desk after a card is scanned, checkout and renewal by the loan
rules, their refusals, and the overrides a permitted librarian makes (logged with a reason)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..errors import InvariantError, NotFound, PermissionDenied, ValidationError
from ..eventlog import Actor, SqliteStatement
from ..ids import new_id
from ..models import Office, office_today, table_of
from ..models.library import Copy, Hold, Loan, Member, Title
from ..persian import WorkingCalendar, normalize_text
from ..store import Store
from .accounts import calendar_in, require, working_calendar
from .circulation_holds import LIVE_HOLDER, release_copy
from .circulation_views import (
    HARD,
    MSG_NO_OVERRIDE,
    MSG_ON_LOAN,
    MSG_ON_LOAN_TO,
    MSG_OVERRIDE_REASON,
    MSG_VOID_HOLD,
    OPEN_HOLD,
    CirculationRefused,
    LoanView,
    MemberDesk,
    _hold_view,
    _loan_view,
    _loan_views,
    open_loan,
    void_refused,
)
from .library_common import (
    LIBRARIAN,
    MSG_MEMBER_NOT_FOUND,
    clean_code,
    copy_not_found,
    find_member,
    office_actor,
)
from .library_members import member_category, member_view
from .library_rules import MSG_CENTRE_CLOSED, get_rule, may_override


def _open_loans(s: Session, member_id: str) -> list[Loan]:
    return list(s.scalars(select(Loan).where(Loan.member_id == member_id, Loan.returned_at.is_(None))
                          .order_by(Loan.due_on, Loan.out_hlc)))


def _late(calendar: WorkingCalendar, due_dates: list[date], today: date) -> bool:
    """Any of these due dates passed: its day, or the next open day when the centre was closed on
    it (a holiday entered after the slip was printed), is behind `today`."""
    return any(due < today and calendar.days_late(due, today) > 0 for due in due_dates)


def _blocks(expires_on: date, due_dates: list[date], max_loans: int, today: date, calendar: WorkingCalendar, *,
            erased: bool = False) -> list[str]:
    """The refusal codes that stop a new loan for a member: details removed, expired, overdue items,
    limit reached. A member whose details were removed is only that (not also «renew the
    membership»: it cannot be renewed)."""
    if erased:
        return ["erased"]
    blocks = []
    if expires_on < today:
        blocks.append("expired")
    if _late(calendar, due_dates, today):
        blocks.append("overdue")
    if len(due_dates) >= max_loans:
        blocks.append("limit")
    return blocks


_MEMBERS, _COPIES, _LOANS, _HOLDS = table_of(Member), table_of(Copy), table_of(Loan), table_of(Hold)
_MEMBER_COLS = (_MEMBERS.c.id, _MEMBERS.c.category, _MEMBERS.c.expires_on, _MEMBERS.c.merged_into,
                _MEMBERS.c.birth_date, _MEMBERS.c.erased_on)
# the checkout's reads: on the DBAPI connection, rows typed as the ORM reads them (SqliteStatement)
_MEMBER_BY = {key: SqliteStatement(select(*_MEMBER_COLS).where(col == bindparam("code")).limit(1), typed=True)
              for key, col in (("no", _MEMBERS.c.member_no), ("nid", _MEMBERS.c.national_id), ("id", _MEMBERS.c.id))}
_COPY_BY_BARCODE = SqliteStatement(
    select(_COPIES.c.id, _COPIES.c.barcode, _COPIES.c.title_id, _COPIES.c.status, _COPIES.c.loanable)
    .where(_COPIES.c.barcode == bindparam("code")).limit(1), typed=True)
_OPEN_DUE = SqliteStatement(select(_LOANS.c.due_on).where(_LOANS.c.member_id == bindparam("member_id"),
                                                          _LOANS.c.returned_at.is_(None)), typed=True)
_CHECKOUT_HOLDS = SqliteStatement(select(_HOLDS.c.id, _HOLDS.c.copy_id, _HOLDS.c.status, _HOLDS.c.member_id, _HOLDS.c.title_id)
                   .where((_HOLDS.c.status == "waiting") | (_HOLDS.c.status == "in_transit")
                          | (_HOLDS.c.status == "ready"),
                          (_HOLDS.c.copy_id == bindparam("copy_id"))
                          | ((_HOLDS.c.member_id == bindparam("member_id"))
                             & (_HOLDS.c.title_id == bindparam("title_id"))))
                   .order_by(_HOLDS.c.placed_hlc), typed=True)
_TITLE_NAME = SqliteStatement(select(table_of(Title).c.title).where(table_of(Title).c.id == bindparam("title_id")))


def _on_loan(s: Session, copy_id: str) -> InvariantError:
    """The refusal of a copy on loan, naming who has it, from which centre and until when (a copy
    lent at another centre, or at two while they were apart: the librarian knows whom to ask)."""
    from ..models import Office
    from ..persian import format_jalali_date

    loan = s.scalar(select(Loan).where(Loan.copy_id == copy_id, Loan.returned_at.is_(None))
                    .order_by(Loan.out_hlc.desc()).limit(1))
    member = s.get(Member, loan.member_id) if loan is not None else None
    if loan is None or member is None:
        return InvariantError(MSG_ON_LOAN, "barcode")
    office = s.get(Office, loan.centre)
    return InvariantError(MSG_ON_LOAN_TO, "barcode", {
        "member": f"{member.first_name} {member.last_name}", "centre": office.name if office else loan.centre,
        "due": format_jalali_date(loan.due_on)})


def _member_key(s: Session, code: str) -> Any:
    """(id, category, expires_on) of a member by card number, national ID or id — as `find_member`."""
    clean = clean_code(code)
    row = _MEMBER_BY["no"].first(s, code=clean) if clean else None
    if row is None and len(clean) == 10 and clean.isdigit():
        row = _MEMBER_BY["nid"].first(s, code=clean)
    if row is None and code:
        row = _MEMBER_BY["id"].first(s, code=code)
    for _hop in range(3):  # a merged record's card leads to the member kept (as `find_member`)
        if row is None or not row.merged_into:
            break
        row = _MEMBER_BY["id"].first(s, code=row.merged_into) or row
    return row


def member_desk(store: Store, actor: Actor, code: str, *, today: date | None = None,
                history: int = 20) -> MemberDesk:
    """Scan a card (or type a national ID): the member, their loans, blocks, holds and history. A
    librarian's."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.read() as s:
        m = find_member(s, code) or s.get(Member, code)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND, "member")
        loans = _open_loans(s, m.id)
        past = list(s.scalars(select(Loan).where(Loan.member_id == m.id, Loan.returned_at.is_not(None))
                              .order_by(Loan.returned_at.desc()).limit(history))) if history else []
        holds = s.scalars(select(Hold).where(Hold.member_id == m.id, Hold.status.in_(OPEN_HOLD))
                          .order_by(Hold.placed_hlc))
        calendar = calendar_in(s)
        views = _loan_views(s, loans + past, today, calendar)
        category = member_category(m, today)
        max_loans = get_rule(s, category).max_loans
        return MemberDesk(replace(member_view(m), category=category), views[:len(loans)],
                          _blocks(m.expires_on, [x.due_on for x in loans], max_loans, today, calendar,
                                  erased=m.erased_on is not None),
                          [_hold_view(s, h) for h in holds], views[len(loans):], max_loans)


def _log_override(store: Store, s: Session, actor: Actor, action: str, codes: list[str], *,
                  member_id: str = "", copy_id: str = "", loan_id: str = "", note: str = "") -> None:
    if not may_override(s, actor):
        raise PermissionDenied(MSG_NO_OVERRIDE)
    reason = normalize_text(note or "")
    if not reason:  # the admin's list of overrides says why each was done
        raise ValidationError(MSG_OVERRIDE_REASON, "note")
    store.record(s, office_actor(store, actor), "circulation.overridden", new_id(), {
        "action": action, "refusals": codes, "member_id": member_id, "copy_id": copy_id, "loan_id": loan_id,
        "note": reason, "centre": actor.office_code}, subject=action)


def due_date(calendar: WorkingCalendar, today: date, period_days: int) -> date:
    """The due date: `period_days` working days after today, on the Jalali working calendar."""
    return calendar.add_working_days(today, period_days)


_OFFICES = table_of(Office)
_CENTRE_CLOSED = SqliteStatement(select(_OFFICES.c.closed_on, _OFFICES.c.name).where(_OFFICES.c.code == bindparam("code")))


def checkout(store: Store, actor: Actor, member_code: str, barcode: str, *, today: date | None = None,
             override: bool = False, note: str = "", calendar: WorkingCalendar | None = None) -> LoanView:
    """Lend a scanned copy to a member. Refusals raise CirculationRefused; with `override` a permitted
    librarian lends anyway, giving a short reason (`note`), and the override is logged as its own
    event."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    calendar = calendar or working_calendar(store)
    with store.transaction() as s:
        # The desk's busiest write: plain statements built once, no ORM objects (see recompute_copy).
        s.flush()
        closed = _CENTRE_CLOSED.first(s, code=actor.office_code)
        if closed is not None and closed[0] is not None:  # (a desk of a centre closed at another desk)
            raise ValidationError(MSG_CENTRE_CLOSED, "centre", {"name": closed[1]})
        m = _member_key(s, member_code)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND, "member")
        clean = clean_code(barcode)
        copy = _COPY_BY_BARCODE.first(s, code=clean) if clean else None
        if copy is None:
            raise copy_not_found(s, barcode)
        if copy.status == "on_loan":
            raise _on_loan(s, copy.id)
        rule = get_rule(s, member_category(m, today))  # a child grown up lends by the teen's rule
        codes = _blocks(m.expires_on, [r.due_on for r in _OPEN_DUE.rows(s, member_id=m.id)], rule.max_loans,
                        today, calendar, erased=m.erased_on is not None)
        if copy.status in ("lost", "withdrawn"):
            codes.append(copy.status)
        elif not copy.loanable:
            codes.append("not_loanable")
        # one look at the holds: the copy set aside (or sent) for someone, or this member's own hold
        holds = _CHECKOUT_HOLDS.rows(s, copy_id=copy.id, member_id=m.id, title_id=copy.title_id)
        if any(h.copy_id == copy.id and h.status in ("ready", "in_transit") and h.member_id != m.id for h in holds):
            codes.append("held_for_other")
        if codes and (not override or HARD.intersection(codes)):
            raise CirculationRefused(codes)
        loan_id = new_id()
        if codes:
            _log_override(store, s, actor, "checkout", codes, member_id=m.id, copy_id=copy.id, loan_id=loan_id,
                          note=note)
        due_on = due_date(calendar, today, rule.period_days)
        payload: dict[str, Any] = {"copy_id": copy.id, "member_id": m.id, "title_id": copy.title_id,
                                   "due_on": due_on.isoformat(), "out_on": today.isoformat(),
                                   "centre": actor.office_code}
        if codes:
            payload["overridden"] = codes
        event = store.record(s, actor, "loan.checked_out", loan_id, payload, subject=copy.barcode)
        if "held_for_other" in codes:  # lent by override: the hold it was set aside (or sent) for waits
            for h in holds:               # again at its place in the queue; the next copy back serves it
                if h.copy_id == copy.id and h.status in ("ready", "in_transit") and h.member_id != m.id:
                    store.record(s, actor, "hold.requeued", h.id, {"copy_id": copy.id, "loan_id": loan_id},
                                 subject=copy.barcode)
        mine = next((h for h in holds if h.member_id == m.id and h.title_id == copy.title_id), None)
        freed = None
        if mine is not None:
            claimed = s.get(Hold, mine.id) if mine.copy_id not in (None, copy.id) else None
            was = (claimed.status, claimed.copy_id, claimed.pickup_centre, claimed.sent_from or "") if claimed else None
            store.record(s, actor, "hold.collected", mine.id, {"copy_id": copy.id, "loan_id": loan_id,
                                                               "was": {"status": mine.status,
                                                                       "copy_id": mine.copy_id or ""}})
            if was is not None:  # another copy was set aside (or on its way) for this member: it is free
                freed = release_copy(store, s, actor, *was, today)
        found = _TITLE_NAME.first(s, title_id=copy.title_id)
        title = str(found[0]) if found else ""
        return LoanView(loan_id, copy.id, copy.barcode, copy.title_id, title, m.id, actor.office_code,
                        event.recorded_at, today, due_on, 0, None, None, 0, freed=freed)


def renew(store: Store, actor: Actor, loan_id: str, *, today: date | None = None, override: bool = False,
          note: str = "", calendar: WorkingCalendar | None = None) -> LoanView:
    """Extend a loan by the rule's period from today. Refused (as a checkout is) for a member with
    overdue items or whose membership ended, past the rule's renewals, or when another member holds
    the title — a permitted librarian may override these, with a reason, logged. A renewal that
    would not move the due date (a loan made today) is refused outright: it would use up a renewal
    for nothing."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    calendar = calendar or working_calendar(store)
    with store.transaction() as s:
        loan = open_loan(s, loan_id)
        m = s.get(Member, loan.member_id)
        rule = get_rule(s, member_category(m, today) if m else "child")
        codes = []
        if m is not None and m.erased_on is not None:
            codes.append("erased")
        if m is not None and m.expires_on < today:
            codes.append("expired")
        if _late(calendar, [r.due_on for r in _OPEN_DUE.rows(s, member_id=loan.member_id)], today):
            codes.append("overdue")  # this loan or another: as at checkout, the member is blocked
        if loan.renewals >= rule.max_renewals:
            codes.append("max_renewals")
        if s.scalar(select(Hold.id).where(Hold.title_id == loan.title_id, Hold.status == "waiting",
                                          Hold.member_id != loan.member_id, LIVE_HOLDER).limit(1)):
            codes.append("hold_waiting")
        due = due_date(calendar, today, rule.period_days)
        if due <= loan.due_on:
            codes.append("not_due_yet")
        if codes and (not override or HARD.intersection(codes)):
            raise CirculationRefused(codes)
        if codes:
            _log_override(store, s, actor, "renew", codes, member_id=loan.member_id, copy_id=loan.copy_id,
                          loan_id=loan.id, note=note)
        store.record(s, actor, "loan.renewed", loan.id, {"due_on": due.isoformat(), "day": today.isoformat()})
        return _loan_view(s, loan, today)


def void_checkout(store: Store, actor: Actor, loan_id: str, *, today: date | None = None,
                  note: str = "") -> LoanView:
    """A checkout scanned by mistake (the wrong child's card on the desk, another child's book read
    in the pile) taken back at the desk: the loan is voided (`loan.voided`, reason "mistake"), so
    it is no loan in the reports, the copy is back where it stood and the member's count drops; the
    event stays on the record with who and when. Only a loan made today and not renewed, and not
    one that collected the member's own hold: any other is a real loan, ended by a return."""
    require(actor, *LIBRARIAN)
    today = today or office_today()
    with store.transaction() as s:
        loan = open_loan(s, loan_id)
        refused = void_refused(loan.out_on, loan.renewals, today)
        if refused:
            raise InvariantError(refused)
        if s.scalar(select(Hold.id).where(Hold.member_id == loan.member_id, Hold.copy_id == loan.copy_id,
                                          Hold.status == "collected").limit(1)) is not None:
            raise InvariantError(MSG_VOID_HOLD)
        copy = s.get(Copy, loan.copy_id)
        store.record(s, actor, "loan.voided", loan.id,
                     {"day": today.isoformat(), "reason": "mistake", "note": normalize_text(note or "")[:300]},
                     subject=copy.barcode if copy is not None else loan.id)
        s.flush()
        s.refresh(loan)
        return _loan_view(s, loan, today)


def renew_all(store: Store, actor: Actor, member_code: str, *,
              today: date | None = None) -> list[tuple[LoanView | None, str, CirculationRefused | None]]:
    """Renew every open loan of a member: (renewed loan or None, loan id, refusal or None) per loan."""
    today = today or office_today()
    desk = member_desk(store, actor, member_code, today=today)
    calendar = working_calendar(store)
    results: list[tuple[LoanView | None, str, CirculationRefused | None]] = []
    for loan in desk.loans:
        try:
            results.append((renew(store, actor, loan.id, today=today, calendar=calendar), loan.id, None))
        except CirculationRefused as exc:
            results.append((None, loan.id, exc))
    return results
