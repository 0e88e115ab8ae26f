"""Circulation: checkout, return, renewal with the loan rules, refusals and overrides, transit, holds."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, PermissionDenied, ValidationError
from ..eventlog import Actor, SqliteStatement
from ..ids import new_id
from ..models import Office, table_of
from ..models.library import Copy, Hold, Loan, Member, OverrideGrant, Title
from ..persian import WorkingCalendar, normalize
from ..store import Store
from .accounts import require, working_calendar
from .library import (
    LIBRARIAN,
    MSG_COPY_NOT_FOUND,
    MSG_MEMBER_NOT_FOUND,
    MSG_TITLE_NOT_FOUND,
    MemberView,
    centre_exists,
    clean_code,
    find_copy,
    find_member,
    get_rule,
    member_category,
    member_view,
    office_actor,
)

#: Refusal code → Persian message (shown translated by the UI).
REFUSALS: dict[str, str] = {
    "expired": QT_TRANSLATE_NOOP("Errors", "عضویت این عضو به پایان رسیده است."),
    "overdue": QT_TRANSLATE_NOOP("Errors", "این عضو کتاب دیرکرد دارد."),
    "limit": QT_TRANSLATE_NOOP("Errors", "سقف امانت این عضو پر است."),
    "not_loanable": QT_TRANSLATE_NOOP("Errors", "این نسخه امانت‌دادنی نیست."),
    "lost": QT_TRANSLATE_NOOP("Errors", "این نسخه گم‌شده ثبت شده است."),
    "withdrawn": QT_TRANSLATE_NOOP("Errors", "این نسخه از گردش خارج شده است."),
    "held_for_other": QT_TRANSLATE_NOOP("Errors", "این نسخه برای عضو دیگری کنار گذاشته شده است."),
    "max_renewals": QT_TRANSLATE_NOOP("Errors", "سقف تمدید این امانت پر است."),
    "hold_waiting": QT_TRANSLATE_NOOP("Errors", "عضو دیگری این عنوان را رزرو کرده است."),
    "not_due_yet": QT_TRANSLATE_NOOP(
        "Errors", "تمدید امروز مهلت بازگشت را جلو نمی‌برد؛ نزدیک‌تر به مهلت تمدید کنید (تمدیدی هدر نرفت)."),
}
MSG_ON_LOAN = QT_TRANSLATE_NOOP("Errors", "این نسخه هم‌اکنون در امانت است؛ نخست آن را بازگردانید.")
MSG_LOAN_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "امانت پیدا نشد.")
MSG_LOAN_CLOSED = QT_TRANSLATE_NOOP("Errors", "این امانت پیش‌تر بازگردانده شده است.")
MSG_NO_OPEN_LOAN = QT_TRANSLATE_NOOP("Errors", "این نسخه در امانت نیست.")
MSG_NO_OVERRIDE = QT_TRANSLATE_NOOP("Errors", "شما اجازه نادیده گرفتن این مانع را ندارید.")
MSG_OVERRIDE_REASON = QT_TRANSLATE_NOOP("Errors", "دلیل نادیده گرفتن مانع را کوتاه بنویسید.")
MSG_HOLD_DUPLICATE = QT_TRANSLATE_NOOP("Errors", "این عضو پیش‌تر این عنوان را رزرو کرده است.")
MSG_HOLD_ON_SHELF = QT_TRANSLATE_NOOP("Errors", "نسخه‌ای از این عنوان در قفسه همین مرکز هست؛ رزرو لازم نیست.")
MSG_HOLD_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "رزرو پیدا نشد.")
MSG_HOLD_CLOSED = QT_TRANSLATE_NOOP("Errors", "این رزرو دیگر باز نیست.")
MSG_CENTRE = QT_TRANSLATE_NOOP("Errors", "مرکز فرهنگی هنری پیدا نشد.")
MSG_HOLD_NOT_WAITING = QT_TRANSLATE_NOOP("Errors", "این رزرو دیگر در صف نیست؛ نسخه‌ای برایش فرستاده یا کنار گذاشته شده است.")
MSG_HOLD_HERE = QT_TRANSLATE_NOOP("Errors", "این رزرو در همین مرکز تحویل می‌شود؛ فرستادن لازم نیست.")
MSG_COPY_OTHER_TITLE = QT_TRANSLATE_NOOP("Errors", "این نسخه از کتاب دیگری است.")
MSG_COPY_NOT_HERE = QT_TRANSLATE_NOOP("Errors", "این نسخه در قفسه همین مرکز نیست.")
MSG_COPY_WAS_LOST = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه گم‌شده ثبت شده بود. اگر پیدا شده است، «پیدا شد» را بزنید تا به گردش برگردد.")
MSG_COPY_NOT_LOST = QT_TRANSLATE_NOOP("Errors", "این نسخه گم‌شده ثبت نشده است.")

#: A hold that still wants or holds a copy: in the queue, its copy on the way, or set aside.
OPEN_HOLD = ("waiting", "in_transit", "ready")

#: Refusals no override can lift: lending a copy that is on loan would make two open loans; a
#: renewal that moves no due date would only use up a renewal.
HARD = frozenset({"on_loan", "not_due_yet"})


class CopyWasLost(InvariantError):
    """A copy recorded lost was scanned at the return desk: it goes back into circulation only by a
    deliberate «پیدا شد» (`found_copy`), never silently."""

    def __init__(self, barcode: str) -> None:
        super().__init__(MSG_COPY_WAS_LOST, "barcode")
        self.barcode = barcode


class CirculationRefused(InvariantError):
    """One or more reasons why a loan or renewal is refused; `codes` are keys of REFUSALS.

    `overridable` says whether a permitted librarian may go ahead anyway.
    """

    def __init__(self, codes: list[str]) -> None:
        self.codes = codes
        self.messages = [REFUSALS[c] for c in codes]
        super().__init__(" ".join(self.messages))
        self.overridable = not HARD.intersection(codes)


@dataclass(frozen=True)
class LoanView:
    id: str
    copy_id: str
    barcode: str
    title_id: str
    title: str
    member_id: str
    centre: str
    out_at: datetime
    out_on: date
    due_on: date
    renewals: int
    returned_at: datetime | None
    returned_on: date | None
    overdue_days: int
    #: closed because the book was lost with the member (`loan.lost`), not returned
    lost: bool = False


@dataclass(frozen=True)
class HoldView:
    id: str
    title_id: str
    title: str
    member_id: str
    pickup_centre: str
    status: str
    copy_id: str | None
    ready_until: date | None
    position: int
    #: when and from which centre its copy was sent (status in_transit)
    sent_at: datetime | None = None
    sent_from: str = ""
    #: the member's name, as the return desk says whom a copy is set aside for
    member_name: str = ""


@dataclass(frozen=True)
class MemberDesk:
    """What the desk shows after a member is scanned."""

    member: MemberView
    loans: list[LoanView]
    blocks: list[str]  # refusal codes that would stop a new loan
    holds: list[HoldView]
    history: list[LoanView]
    rule_max_loans: int


@dataclass(frozen=True)
class ReturnResult:
    loan: LoanView | None
    #: "reshelve" | "send_home" | "hold_here" | "send_to_hold" | "withdrawn" (kept off the shelf)
    next_action: str
    send_to: str = ""
    hold: HoldView | None = None
    notes: list[str] = field(default_factory=list)
    #: The copy it is about, when the result is not a loan's (a hold that expired).
    barcode: str = ""
    title: str = ""
    #: the name of the member who returned it (a loan's return)
    member: str = ""


def _loan_view(s: Session, loan: Loan, today: date, copy: Copy | None = None) -> LoanView:
    copy = copy or s.get(Copy, loan.copy_id)
    title = s.scalar(select(Title.title).where(Title.id == loan.title_id)) or ""
    overdue = (today - loan.due_on).days if loan.returned_at is None and loan.due_on < today else 0
    return LoanView(loan.id, loan.copy_id, copy.barcode if copy else "", loan.title_id, title, loan.member_id,
                    loan.centre, loan.out_at, loan.out_on, loan.due_on, loan.renewals, loan.returned_at,
                    loan.returned_on, overdue, loan.lost_hlc is not None)


def _title_of(s: Session, title_id: str) -> str:
    return s.scalar(select(Title.title).where(Title.id == title_id)) or ""


def _loan_views(s: Session, loans: list[Loan], today: date) -> list[LoanView]:
    """Views of many loans with two look-ups in all (barcodes, titles), not two per loan."""
    if not loans:
        return []
    barcodes: dict[str, str] = {i: b for i, b in s.execute(select(Copy.id, Copy.barcode).where(
        Copy.id.in_({x.copy_id for x in loans})))}
    titles: dict[str, str] = {i: t for i, t in s.execute(select(Title.id, Title.title).where(
        Title.id.in_({x.title_id for x in loans})))}
    return [LoanView(x.id, x.copy_id, barcodes.get(x.copy_id, ""), x.title_id, titles.get(x.title_id, ""),
                     x.member_id, x.centre, x.out_at, x.out_on, x.due_on, x.renewals, x.returned_at, x.returned_on,
                     (today - x.due_on).days if x.returned_at is None and x.due_on < today else 0,
                     x.lost_hlc is not None) for x in loans]


def _hold_view(s: Session, h: Hold) -> HoldView:
    title = s.scalar(select(Title.title).where(Title.id == h.title_id)) or ""
    position = 0
    if h.status == "waiting":
        position = 1 + (s.scalar(select(func.count()).select_from(Hold).where(
            Hold.title_id == h.title_id, Hold.status == "waiting",
            (Hold.placed_hlc < h.placed_hlc) | ((Hold.placed_hlc == h.placed_hlc) & (Hold.id < h.id)))) or 0)
    name = s.execute(select(Member.first_name, Member.last_name).where(Member.id == h.member_id)).first()
    return HoldView(h.id, h.title_id, title, h.member_id, h.pickup_centre, h.status, h.copy_id, h.ready_until,
                    position, h.sent_at, h.sent_from or "", f"{name[0]} {name[1]}" if name else "")


def _open_loans(s: Session, member_id: str) -> list[Loan]:
    return list(s.scalars(select(Loan).where(Loan.member_id == member_id, Loan.returned_at.is_(None))
                          .order_by(Loan.due_on, Loan.out_hlc)))


def _blocks(expires_on: date, due_dates: list[date], max_loans: int, today: date) -> list[str]:
    """The refusal codes that stop a new loan for a member: expired, overdue items, limit reached."""
    blocks = []
    if expires_on < today:
        blocks.append("expired")
    if any(due < today for due in due_dates):
        blocks.append("overdue")
    if len(due_dates) >= max_loans:
        blocks.append("limit")
    return blocks


_MEMBERS, _COPIES, _LOANS, _HOLDS = table_of(Member), table_of(Copy), table_of(Loan), table_of(Hold)
_MEMBER_COLS = (_MEMBERS.c.id, _MEMBERS.c.category, _MEMBERS.c.expires_on, _MEMBERS.c.merged_into,
                _MEMBERS.c.birth_date)
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


def member_desk(store: Store, code: str, *, today: date | None = None, history: int = 20) -> MemberDesk:
    """Scan a card (or type a national ID): the member, their loans, blocks, holds and history."""
    today = today or date.today()
    with store.read() as s:
        m = find_member(s, code) or s.get(Member, code)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND, "member")
        loans = _open_loans(s, m.id)
        past = list(s.scalars(select(Loan).where(Loan.member_id == m.id, Loan.returned_at.is_not(None))
                              .order_by(Loan.returned_at.desc()).limit(history))) if history else []
        holds = s.scalars(select(Hold).where(Hold.member_id == m.id, Hold.status.in_(OPEN_HOLD))
                          .order_by(Hold.placed_hlc))
        views = _loan_views(s, loans + past, today)
        category = member_category(m, today)
        max_loans = get_rule(s, category).max_loans
        return MemberDesk(replace(member_view(m), category=category), views[:len(loans)],
                          _blocks(m.expires_on, [x.due_on for x in loans], max_loans, today),
                          [_hold_view(s, h) for h in holds], views[len(loans):], max_loans)


def _may_override(s: Session, actor: Actor) -> bool:
    if actor.has("admin"):
        return True
    grant = s.get(OverrideGrant, actor.user_id)
    return bool(grant and grant.granted)


def _log_override(store: Store, s: Session, actor: Actor, action: str, codes: list[str], *,
                  member_id: str = "", copy_id: str = "", loan_id: str = "", note: str = "") -> None:
    if not _may_override(s, actor):
        raise PermissionDenied(MSG_NO_OVERRIDE)
    reason = normalize(note or "")
    if not reason:  # the admin's list of overrides says why each was done
        raise ValidationError(MSG_OVERRIDE_REASON, "note")
    store.record(s, office_actor(store, actor), "circulation.overridden", new_id(), {
        "action": action, "refusals": codes, "member_id": member_id, "copy_id": copy_id, "loan_id": loan_id,
        "note": reason, "centre": actor.office_code}, subject=action)


def due_date(calendar: WorkingCalendar, today: date, period_days: int) -> date:
    """The due date: `period_days` working days after today, on the Jalali working calendar."""
    return calendar.add_working_days(today, period_days)


def checkout(store: Store, actor: Actor, member_code: str, barcode: str, *, today: date | None = None,
             override: bool = False, note: str = "", calendar: WorkingCalendar | None = None) -> LoanView:
    """Lend a scanned copy to a member. Refusals raise CirculationRefused; with `override` a permitted
    librarian lends anyway, giving a short reason (`note`), and the override is logged as its own
    event."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    calendar = calendar or working_calendar(store)
    with store.transaction() as s:
        # The desk's busiest write: plain statements built once, no ORM objects (see recompute_copy).
        s.flush()
        m = _member_key(s, member_code)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND, "member")
        clean = clean_code(barcode)
        copy = _COPY_BY_BARCODE.first(s, code=clean) if clean else None
        if copy is None:
            raise NotFound(MSG_COPY_NOT_FOUND, "barcode")
        if copy.status == "on_loan":
            raise InvariantError(MSG_ON_LOAN, "barcode")
        rule = get_rule(s, member_category(m, today))  # a child grown up lends by the teen's rule
        codes = _blocks(m.expires_on, [r.due_on for r in _OPEN_DUE.rows(s, member_id=m.id)], rule.max_loans,
                        today)
        if copy.status in ("lost", "withdrawn"):
            codes.append(copy.status)
        elif not copy.loanable:
            codes.append("not_loanable")
        # one look at the holds: the copy set aside (or sent) for someone, or this member's own hold
        holds = _CHECKOUT_HOLDS.rows(s, copy_id=copy.id, member_id=m.id, title_id=copy.title_id)
        if any(h.copy_id == copy.id and h.status in ("ready", "in_transit") and h.member_id != m.id for h in holds):
            codes.append("held_for_other")
        if codes and not override:
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
        if mine is not None:
            store.record(s, actor, "hold.collected", mine.id, {"copy_id": copy.id, "loan_id": loan_id})
        found = _TITLE_NAME.first(s, title_id=copy.title_id)
        title = str(found[0]) if found else ""
        return LoanView(loan_id, copy.id, copy.barcode, copy.title_id, title, m.id, actor.office_code,
                        event.recorded_at, today, due_on, 0, None, None, 0)


def _next_hold(s: Session, title_id: str) -> Hold | None:
    return s.scalar(select(Hold).where(Hold.title_id == title_id, Hold.status == "waiting")
                    .order_by(Hold.placed_hlc, Hold.id).limit(1))


def _transit_hold(s: Session, copy_id: str) -> Hold | None:
    """The hold a copy was sent to its pick-up centre for, while it is on its way."""
    return s.scalar(select(Hold).where(Hold.copy_id == copy_id, Hold.status == "in_transit")
                    .order_by(Hold.placed_hlc, Hold.id).limit(1))


def _set_aside(store: Store, s: Session, actor: Actor, hold: Hold, copy: Copy, today: date) -> HoldView:
    """The copy waits on this centre's hold shelf for the hold's member, who is told."""
    member = s.get(Member, hold.member_id)
    rule = get_rule(s, member_category(member, today) if member else "child")
    until = working_calendar(store).add_working_days(today, rule.hold_days)
    store.record(s, actor, "hold.ready", hold.id, {"copy_id": copy.id, "until": until.isoformat(),
                                                   "notified": True})
    _notify_hold(store, s, actor, hold, member, until, today)
    return _hold_view(s, hold)


def record_sent_for_hold(store: Store, s: Session, actor: Actor, hold: Hold, copy: Copy) -> HoldView:
    """The copy goes to the hold's pick-up centre, the hold's own on the way: it is not lent here,
    and the hold is out of the queue (the next copy serves the next hold)."""
    store.record(s, actor, "hold.in_transit", hold.id, {"copy_id": copy.id, "from": actor.office_code},
                 subject=copy.barcode)
    return _hold_view(s, hold)


def _route(store: Store, s: Session, actor: Actor, copy: Copy, today: date) -> tuple[str, str, HoldView | None]:
    """Where a copy that just came back (here) goes next: the hold it was sent for, if it was; else
    a waiting hold first, in the order placed — set aside here, or sent to the pick-up centre."""
    here = actor.office_code
    if copy.withdrawn:  # out of circulation (withdrawn while it was on loan): it stays off the shelf
        return "withdrawn", here, None
    sent_for = _transit_hold(s, copy.id)
    if sent_for is not None:
        if sent_for.pickup_centre == here:
            return "hold_here", here, _set_aside(store, s, actor, sent_for, copy, today)
        return "send_to_hold", sent_for.pickup_centre, _hold_view(s, sent_for)  # still on its way
    hold = _next_hold(s, copy.title_id)
    if hold is not None and copy.loanable:
        if hold.pickup_centre == here:
            return "hold_here", here, _set_aside(store, s, actor, hold, copy, today)
        return "send_to_hold", hold.pickup_centre, record_sent_for_hold(store, s, actor, hold, copy)
    if copy.home_centre != here:
        return "send_home", copy.home_centre, None
    return "reshelve", here, None


def _notify_hold(store: Store, s: Session, actor: Actor, hold: Hold, member: Member | None, until: date,
                 today: date) -> None:
    """The member (or the guardian) gets an SMS, queued until the server can send it."""
    from ..persian import format_jalali_date, script_digits

    phone = (member.guardian_phone or member.phone) if member else ""
    if not phone or member is None:
        return
    title = s.scalar(select(Title.title).where(Title.id == hold.title_id)) or ""
    centre = s.get(Office, hold.pickup_centre)
    where = f"کتابخانه {script_digits(centre.name)}" if centre is not None else "کتابخانه کانون"
    text = (f"کتاب «{title}» که برای {member.first_name} {member.last_name} رزرو شده بود آماده است؛ "
            f"تا {format_jalali_date(until)} آن را از {where} بگیرید.")
    store.record(s, office_actor(store, actor), "notice.queued", new_id(), {
        "loan_id": "", "member_id": member.id, "phone": phone, "text": text, "queued_on": today.isoformat(),
        "centre": actor.office_code, "hold_id": hold.id},  # (withdrawn unsent if the hold ends first)
                 subject=member.member_no)


def checkin(store: Store, actor: Actor, barcode: str, *, today: date | None = None) -> ReturnResult:
    """A copy scanned at the return desk: close its loan (or receive it from transit) and say what next."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise NotFound(MSG_COPY_NOT_FOUND, "barcode")
        loan = s.scalar(select(Loan).where(Loan.copy_id == copy.id, Loan.returned_at.is_(None))
                        .order_by(Loan.out_hlc.desc()).limit(1))
        if loan is None:
            if copy.status == "lost":  # found: back into circulation only when the librarian says so
                raise CopyWasLost(copy.barcode)
            if copy.location != actor.office_code:
                store.record(s, actor, "copy.received", copy.id, {"centre": actor.office_code},
                             subject=copy.barcode)
                action, to, hold = _route(store, s, actor, copy, today)
                return ReturnResult(None, action, to, hold, ["received"], barcode=copy.barcode,
                                    title=_title_of(s, copy.title_id))
            sent_for = _transit_hold(s, copy.id)
            if sent_for is not None:  # scanned again before it left: where it goes is already recorded
                return ReturnResult(None, "send_to_hold", sent_for.pickup_centre, _hold_view(s, sent_for),
                                    barcode=copy.barcode, title=_title_of(s, copy.title_id))
            raise InvariantError(MSG_NO_OPEN_LOAN, "barcode")
        view = _loan_view(s, loan, today, copy)
        store.record(s, actor, "loan.returned", loan.id, {"centre": actor.office_code, "copy_id": copy.id,
                                                          "returned_on": today.isoformat()},
                     subject=copy.barcode)
        action, to, hold = _route(store, s, actor, copy, today)
        name = s.execute(select(Member.first_name, Member.last_name).where(Member.id == loan.member_id)).first()
        return ReturnResult(view, action, to, hold, barcode=copy.barcode, title=view.title,
                            member=f"{name[0]} {name[1]}" if name else "")


def found_copy(store: Store, actor: Actor, barcode: str, *, today: date | None = None) -> ReturnResult:
    """«پیدا شد»: a copy recorded lost turned up here; it is received here (`copy.received`, newer than
    the loss) and goes where a returned copy goes — a waiting hold, its home centre or the shelf."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise NotFound(MSG_COPY_NOT_FOUND, "barcode")
        if copy.status != "lost":
            raise InvariantError(MSG_COPY_NOT_LOST, "barcode")
        store.record(s, actor, "copy.received", copy.id, {"centre": actor.office_code, "found": True},
                     subject=copy.barcode)
        action, to, hold = _route(store, s, actor, copy, today)
        return ReturnResult(None, action, to, hold, ["found"], barcode=copy.barcode,
                            title=_title_of(s, copy.title_id))


def record_loan_lost(store: Store, s: Session, actor: Actor, loan: Loan, barcode: str, note: str,
                     today: date) -> None:
    """One `loan.lost`: the loan is closed as lost with its member and the copy counts as lost."""
    store.record(s, actor, "loan.lost", loan.id, {"copy_id": loan.copy_id, "day": today.isoformat(),
                                                  "centre": actor.office_code, "note": normalize(note or "")},
                 subject=barcode)


def mark_loan_lost(store: Store, actor: Actor, loan_id: str, *, note: str = "",
                   today: date | None = None) -> LoanView:
    """«گم‌شده نزد عضو»: the member lost the book. The loan is closed (off the overdue list and its
    notices; it no longer blocks the member) and the copy stays lost until it is found."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    with store.transaction() as s:
        loan = s.get(Loan, loan_id)
        if loan is None:
            raise NotFound(MSG_LOAN_NOT_FOUND)
        if loan.returned_at is not None:
            raise InvariantError(MSG_LOAN_CLOSED)
        copy = s.get(Copy, loan.copy_id)
        record_loan_lost(store, s, actor, loan, copy.barcode if copy else "", note, today)
        return _loan_view(s, loan, today, copy)


def renew(store: Store, actor: Actor, loan_id: str, *, today: date | None = None, override: bool = False,
          note: str = "", calendar: WorkingCalendar | None = None) -> LoanView:
    """Extend a loan by the rule's period from today. Refused (as a checkout is) for a member with
    overdue items or whose membership ended, past the rule's renewals, or when another member holds
    the title — a permitted librarian may override these, with a reason, logged. A renewal that
    would not move the due date (a loan made today) is refused outright: it would use up a renewal
    for nothing."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    calendar = calendar or working_calendar(store)
    with store.transaction() as s:
        loan = s.get(Loan, loan_id)
        if loan is None:
            raise NotFound(MSG_LOAN_NOT_FOUND)
        if loan.returned_at is not None:
            raise InvariantError(MSG_LOAN_CLOSED)
        m = s.get(Member, loan.member_id)
        rule = get_rule(s, member_category(m, today) if m else "child")
        codes = []
        if m is not None and m.expires_on < today:
            codes.append("expired")
        if any(r.due_on < today for r in _OPEN_DUE.rows(s, member_id=loan.member_id)):
            codes.append("overdue")  # this loan or another: as at checkout, the member is blocked
        if loan.renewals >= rule.max_renewals:
            codes.append("max_renewals")
        if s.scalar(select(Hold.id).where(Hold.title_id == loan.title_id, Hold.status == "waiting",
                                          Hold.member_id != loan.member_id).limit(1)):
            codes.append("hold_waiting")
        due = due_date(calendar, today, rule.period_days)
        if due <= loan.due_on:
            codes.append("not_due_yet")
        if codes and (not override or HARD.intersection(codes)):
            raise CirculationRefused(codes)
        if codes:
            _log_override(store, s, actor, "renew", codes, member_id=loan.member_id, copy_id=loan.copy_id,
                          loan_id=loan.id, note=note)
        store.record(s, actor, "loan.renewed", loan.id, {"due_on": due.isoformat()})
        return _loan_view(s, loan, today)


def renew_all(store: Store, actor: Actor, member_code: str, *,
              today: date | None = None) -> list[tuple[LoanView | None, str, CirculationRefused | None]]:
    """Renew every open loan of a member: (renewed loan or None, loan id, refusal or None) per loan."""
    today = today or date.today()
    desk = member_desk(store, member_code, today=today)
    calendar = working_calendar(store)
    results: list[tuple[LoanView | None, str, CirculationRefused | None]] = []
    for loan in desk.loans:
        try:
            results.append((renew(store, actor, loan.id, today=today, calendar=calendar), loan.id, None))
        except CirculationRefused as exc:
            results.append((None, loan.id, exc))
    return results


# --- transit ----------------------------------------------------------------------------------


def send_copy(store: Store, actor: Actor, barcode: str, to_centre: str) -> None:
    """The copy leaves this centre for another (its home, or a hold's pick-up centre)."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise NotFound(MSG_COPY_NOT_FOUND, "barcode")
        if not centre_exists(s, to_centre):
            raise ValidationError(MSG_CENTRE, "centre")
        store.record(s, actor, "copy.sent", copy.id, {"from": actor.office_code, "to": to_centre},
                     subject=copy.barcode)


def receive_copy(store: Store, actor: Actor, barcode: str, *, today: date | None = None) -> ReturnResult:
    """A copy in transit scanned at arrival: it is here now; a waiting hold here sets it aside."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    with store.transaction() as s:
        copy = find_copy(s, barcode)
        if copy is None:
            raise NotFound(MSG_COPY_NOT_FOUND, "barcode")
        if copy.status == "on_loan":
            raise InvariantError(MSG_ON_LOAN, "barcode")
        store.record(s, actor, "copy.received", copy.id, {"centre": actor.office_code}, subject=copy.barcode)
        action, to, hold = _route(store, s, actor, copy, today)
        return ReturnResult(None, action, to, hold, ["received"], barcode=copy.barcode,
                            title=_title_of(s, copy.title_id))


# --- holds ------------------------------------------------------------------------------------


def place_hold(store: Store, actor: Actor, member_code: str, title_id: str, *, pickup_centre: str = "",
               today: date | None = None) -> HoldView:
    """Reserve a title that is out here (or on a shelf at another centre); served in the order placed."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    pickup = pickup_centre or actor.office_code
    with store.transaction() as s:
        m = find_member(s, member_code) or s.get(Member, member_code)
        if m is None:
            raise NotFound(MSG_MEMBER_NOT_FOUND, "member")
        if s.get(Title, title_id) is None:
            raise NotFound(MSG_TITLE_NOT_FOUND)
        if not centre_exists(s, pickup):
            raise ValidationError(MSG_CENTRE, "pickup_centre")
        if m.expires_on < today:
            raise CirculationRefused(["expired"])
        if s.scalar(select(Hold.id).where(Hold.member_id == m.id, Hold.title_id == title_id,
                                          Hold.status.in_(OPEN_HOLD)).limit(1)):
            raise InvariantError(MSG_HOLD_DUPLICATE)
        if s.scalar(select(Copy.id).where(Copy.title_id == title_id, Copy.status == "on_shelf",
                                          Copy.home_centre == pickup, Copy.loanable.is_(True)).limit(1)):
            raise InvariantError(MSG_HOLD_ON_SHELF)
        hold_id = new_id()
        store.record(s, actor, "hold.placed", hold_id, {"title_id": title_id, "member_id": m.id,
                                                        "pickup_centre": pickup}, subject=m.member_no)
        hold = s.get(Hold, hold_id)
        assert hold is not None
        return _hold_view(s, hold)


def cancel_hold(store: Store, actor: Actor, hold_id: str) -> None:
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        hold = s.get(Hold, hold_id)
        if hold is None:
            raise NotFound(MSG_HOLD_NOT_FOUND)
        if hold.status not in OPEN_HOLD:
            raise InvariantError(MSG_HOLD_CLOSED)
        store.record(s, actor, "hold.cancelled", hold_id, {})


def expire_holds(store: Store, actor: Actor, *, today: date | None = None) -> list[ReturnResult]:
    """Uncollected holds past their date expire; each freed copy goes to the next hold or the shelf."""
    require(actor, *LIBRARIAN)
    today = today or date.today()
    results: list[ReturnResult] = []
    with store.transaction() as s:
        stale = list(s.scalars(select(Hold).where(Hold.status == "ready", Hold.ready_until < today,
                                                  Hold.pickup_centre == actor.office_code)))
        for hold in stale:
            copy_id = hold.copy_id
            store.record(s, actor, "hold.expired", hold.id, {})
            copy = s.get(Copy, copy_id) if copy_id else None
            if copy is not None:
                action, to, nxt = _route(store, s, actor, copy, today)
                title = s.scalar(select(Title.title).where(Title.id == copy.title_id)) or ""
                results.append(ReturnResult(None, action, to, nxt, barcode=copy.barcode, title=title))
    return results


def holds_of_title(store: Store, title_id: str) -> list[HoldView]:
    with store.read() as s:
        rows = s.scalars(select(Hold).where(Hold.title_id == title_id, Hold.status.in_(OPEN_HOLD))
                         .order_by(Hold.placed_hlc, Hold.id))
        return [_hold_view(s, h) for h in rows]


def ready_holds(store: Store, centre: str) -> list[HoldView]:
    """The hold shelf of a centre: copies set aside for members to collect."""
    with store.read() as s:
        rows = s.scalars(select(Hold).where(Hold.pickup_centre == centre, Hold.status == "ready")
                         .order_by(Hold.ready_until))
        return [_hold_view(s, h) for h in rows]
