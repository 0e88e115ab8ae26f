"""Circulation's shared terms: the refusal codes and messages, the refusals raised, and the views of
a loan, a hold, the member desk and a return (with the helpers that build them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound
from ..models import Event
from ..models.library import Copy, Hold, Loan, Member, Title
from ..persian import WorkingCalendar
from ..projections.library.copy_state import VOIDED_HLC
from .accounts import calendar_in
from .library_members import MemberView

#: Refusal code → Persian message (shown translated by the UI).
REFUSALS: dict[str, str] = {
    "expired": QT_TRANSLATE_NOOP("Errors", "عضویت این عضو به پایان رسیده است."),
    "erased": QT_TRANSLATE_NOOP(
        "Errors", "عضویت این عضو پایان یافته و مشخصاتش به درخواست ولی حذف شده است؛ این کارت دیگر امانت نمی‌گیرد."),
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
#: the same, naming who has it, where it was lent and until when (`{member}`, `{centre}`, `{due}`)
MSG_ON_LOAN_TO = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه هم‌اکنون به نام {member} از {centre} تا {due} در امانت است؛ نخست آن را بازگردانید.")
MSG_LOAN_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "امانت پیدا نشد.")
MSG_LOAN_CLOSED = QT_TRANSLATE_NOOP("Errors", "این امانت پیش‌تر بازگردانده شده است.")
MSG_NO_OPEN_LOAN = QT_TRANSLATE_NOOP("Errors", "این نسخه در امانت نیست.")
MSG_NO_OVERRIDE = QT_TRANSLATE_NOOP("Errors", "شما اجازه نادیده گرفتن این مانع را ندارید.")
MSG_OVERRIDE_REASON = QT_TRANSLATE_NOOP("Errors", "دلیل نادیده گرفتن مانع را کوتاه بنویسید.")
MSG_HOLD_DUPLICATE = QT_TRANSLATE_NOOP("Errors", "این عضو پیش‌تر این عنوان را رزرو کرده است.")
MSG_HOLD_ON_SHELF = QT_TRANSLATE_NOOP("Errors", "نسخه‌ای از این عنوان در قفسه همین مرکز هست؛ رزرو لازم نیست.")
MSG_HOLD_NO_COPY = QT_TRANSLATE_NOOP(
    "Errors", "این کتاب نسخه امانت‌دادنی ندارد؛ رزرو آن هرگز آماده نمی‌شود.")
MSG_HOLD_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "رزرو پیدا نشد.")
MSG_HOLD_CLOSED = QT_TRANSLATE_NOOP("Errors", "این رزرو دیگر باز نیست.")
MSG_HOLD_NOT_WAITING = QT_TRANSLATE_NOOP("Errors", "این رزرو دیگر در صف نیست؛ نسخه‌ای برایش فرستاده یا کنار گذاشته شده است.")
MSG_HOLD_HERE = QT_TRANSLATE_NOOP("Errors", "این رزرو در همین مرکز تحویل می‌شود؛ فرستادن لازم نیست.")
MSG_COPY_OTHER_TITLE = QT_TRANSLATE_NOOP("Errors", "این نسخه از کتاب دیگری است.")
MSG_COPY_NOT_HERE = QT_TRANSLATE_NOOP("Errors", "این نسخه در قفسه همین مرکز نیست.")
MSG_COPY_WAS_LOST = QT_TRANSLATE_NOOP(
    "Errors", "این نسخه گم‌شده ثبت شده بود. اگر پیدا شده است، «پیدا شد» را بزنید تا به گردش برگردد.")
MSG_COPY_NOT_LOST = QT_TRANSLATE_NOOP("Errors", "این نسخه گم‌شده ثبت نشده است.")
MSG_VOID_NOT_TODAY = QT_TRANSLATE_NOOP(
    "Errors", "تنها امانتی که امروز داده شده است به‌عنوان اشتباه لغو می‌شود؛ این کتاب را با «بازگشت» پس بگیرید.")
MSG_VOID_RENEWED = QT_TRANSLATE_NOOP(
    "Errors", "این امانت تمدید شده است و دیگر اشتباه خواندن نیست؛ کتاب را با «بازگشت» پس بگیرید.")
MSG_VOID_HOLD = QT_TRANSLATE_NOOP(
    "Errors", "این امانت رزرو همین عضو را تحویل داده است؛ کتاب را با «بازگشت» پس بگیرید تا رزرو دوباره بررسی شود.")

#: A hold that still wants or holds a copy: in the queue, its copy on the way, or set aside.
OPEN_HOLD = ("waiting", "in_transit", "ready")


def void_refused(out_on: date, renewals: int, today: date) -> str | None:
    """Why a loan cannot be voided as a checkout made by mistake, as far as its own dates tell
    (`void_checkout` also refuses one that collected the member's hold): the message, or None. The
    desk asks it before its question, so an older loan is not asked about only to be refused."""
    if out_on != today:
        return MSG_VOID_NOT_TODAY
    if renewals:
        return MSG_VOID_RENEWED
    return None

#: Refusals no override can lift: lending a copy that is on loan would make two open loans; a
#: renewal that moves no due date would only use up a renewal; a member whose details were removed
#: (`member.erased`) is no one the desk could ask for the book back.
HARD = frozenset({"on_loan", "not_due_yet", "erased"})


def open_loan(s: Session, loan_id: str) -> Loan:
    """The loan `loan_id`, still out: refused as not found, or as returned already (a renewal, a
    loss, a void of a loan another step ended)."""
    loan = s.get(Loan, loan_id)
    if loan is None:
        raise NotFound(MSG_LOAN_NOT_FOUND)
    if loan.returned_at is not None:
        raise InvariantError(MSG_LOAN_CLOSED)
    return loan


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
    #: closed because a person found it wrong (`loan.voided`: one copy lent at two centres), never
    #: returned; `returned_on` is the day it was voided
    voided: bool = False
    #: voided at the desk as a checkout made by mistake (`void_checkout`), not as one of two loans
    #: of one copy made apart
    mistaken: bool = False
    #: a checkout only: the copy that was set aside (or on its way) for this member's hold, freed
    #: when they borrowed another copy of the title — and where it goes now
    freed: ReturnResult | None = None


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
    #: a hold's copy freed (`release_copy`): the centre whose hold shelf it is on, or which it is on its
    #: way to ("in_transit" in notes)
    at: str = ""
    #: a loan's return that leaves another loan of the copy open (one copy lent at two centres while
    #: they were apart, `copy.double_loan`): that member's name and the centre that lent it
    still_lent_to: str = ""
    still_lent_at: str = ""


def _overdue_days(calendar: WorkingCalendar, loan: Loan, today: date) -> int:
    """An open loan's days late, in working days (`WorkingCalendar.days_late`): a book due on a day
    the centre turned out to be closed (a holiday entered after the slip was printed) is not late
    on the next open day, and Fridays, holidays and Nowruz count no lateness; 0 once it is back."""
    return calendar.days_late(loan.due_on, today) if loan.returned_at is None and loan.due_on < today else 0


def _loan_view(s: Session, loan: Loan, today: date, copy: Copy | None = None) -> LoanView:
    copy = copy or s.get(Copy, loan.copy_id)
    title = s.scalar(select(Title.title).where(Title.id == loan.title_id)) or ""
    overdue = _overdue_days(calendar_in(s), loan, today) if loan.returned_at is None and loan.due_on < today else 0
    voided = loan.returned_hlc == VOIDED_HLC
    return LoanView(loan.id, loan.copy_id, copy.barcode if copy else "", loan.title_id, title, loan.member_id,
                    loan.centre, loan.out_at, loan.out_on, loan.due_on, loan.renewals, loan.returned_at,
                    loan.returned_on, overdue, loan.lost_hlc is not None, voided=voided,
                    mistaken=voided and loan.id in mistaken_loans(s, [loan.id]))


def mistaken_loans(s: Session, voided_ids: list[str]) -> set[str]:
    """Of these voided loans, those voided at the desk as a checkout made by mistake (their
    `loan.voided` says "mistake"; a conflict's decision says nothing)."""
    if not voided_ids:
        return set()
    return {aid for aid, payload in s.execute(select(Event.aggregate_id, Event.payload).where(
        Event.aggregate_id.in_(voided_ids), Event.type == "loan.voided")) if payload.get("reason") == "mistake"}


def _title_of(s: Session, title_id: str) -> str:
    return s.scalar(select(Title.title).where(Title.id == title_id)) or ""


def _loan_views(s: Session, loans: list[Loan], today: date, calendar: WorkingCalendar | None = None) -> list[LoanView]:
    """Views of many loans with two look-ups in all (barcodes, titles), not two per loan."""
    if not loans:
        return []
    barcodes: dict[str, str] = {i: b for i, b in s.execute(select(Copy.id, Copy.barcode).where(
        Copy.id.in_({x.copy_id for x in loans})))}
    titles: dict[str, str] = {i: t for i, t in s.execute(select(Title.id, Title.title).where(
        Title.id.in_({x.title_id for x in loans})))}
    calendar = calendar or calendar_in(s)
    mistaken = mistaken_loans(s, [x.id for x in loans if x.returned_hlc == VOIDED_HLC])
    return [LoanView(x.id, x.copy_id, barcodes.get(x.copy_id, ""), x.title_id, titles.get(x.title_id, ""),
                     x.member_id, x.centre, x.out_at, x.out_on, x.due_on, x.renewals, x.returned_at, x.returned_on,
                     _overdue_days(calendar, x, today),
                     x.lost_hlc is not None, voided=x.returned_hlc == VOIDED_HLC, mistaken=x.id in mistaken)
            for x in loans]


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
