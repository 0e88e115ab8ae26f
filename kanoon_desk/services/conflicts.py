"""The conflict inbox: broken invariants met by sync, both facts side by side, and a person's choice.

A resolution is one more event (`conflict.resolved`), so it syncs to every desk that sees the
conflict, and the choice does what it says: in the same transaction it records the domain events
that make it so (`loan.voided`, `case.forward_withdrawn`, `case.reopened`, `case.renumbered`,
`copy.relabelled`, `member.renumbered`, `member.merged` with `loan.member_moved`, `user.renamed`,
`copy.received`, `copy.reinstated`, `loan.lost`), each naming the conflict. The fold stays a function of each aggregate's own
events; nothing edits another aggregate's rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import hlc_millis
from ..models import Conflict, Event, Office, User, utcnow
from ..models.library import Copy, Loan, Member
from ..models.secretariat import Case, Forward
from ..persian import TEHRAN
from ..projections import conflicts as _conflict_projection  # noqa: F401 - registers conflict.resolved
from ..store import Store
from . import numbers
from .accounts import require
from .library_common import _new_code as new_library_code  # the desk's own barcode / member-number allocator

#: Roles allowed to see and resolve conflicts.
RESOLVER_ROLES = ("admin", "manager")

#: Persian names of the conflict kinds the desks raise.
KIND_TITLES: dict[str, str] = {
    "username.duplicate": QT_TRANSLATE_NOOP("Errors", "یک نام کاربری در دو میز ساخته شده است"),
    "copy.double_loan": QT_TRANSLATE_NOOP("Errors", "یک نسخه در دو مرکز امانت داده شده است"),
    "loan.return_on_closed": QT_TRANSLATE_NOOP("Errors", "بازگشت امانتی که مرکز دیگری بسته است"),
    "case.forwarded_twice": QT_TRANSLATE_NOOP("Errors", "یک پرونده دو بار ارسال شده است"),
    "case.acted_after_close": QT_TRANSLATE_NOOP("Errors", "کار روی پرونده‌ای که دفتر دیگری بسته است"),
    "case.number_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره ثبت دبیرخانه به دو پرونده داده شده است"),
    "copy.barcode_twice": QT_TRANSLATE_NOOP("Errors", "یک بارکد روی دو نسخه است"),
    "member.number_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره عضویت به دو عضو داده شده است"),
    "member.registered_twice": QT_TRANSLATE_NOOP("Errors", "یک کد ملی در دو مرکز عضو شده است"),
    "conflict.resolved_twice": QT_TRANSLATE_NOOP("Errors", "یک ناسازگاری در دو میز جداگانه حل شده است"),
    "copy.retired_on_loan": QT_TRANSLATE_NOOP(
        "Errors", "نسخه‌ای که در مرکزی از گردش خارج یا گم‌شده ثبت شد، در مرکز دیگری امانت داده شده است"),
}

#: Resolution code → Persian label. "First" and "second" are the two facts as the inbox shows
#: them side by side (the conflict's involved ids in order).
RESOLUTION_TITLES: dict[str, str] = {
    "keep_first": QT_TRANSLATE_NOOP("Errors", "رویداد نخست درست است"),
    "keep_second": QT_TRANSLATE_NOOP("Errors", "رویداد دوم درست است"),
    "keep_both": QT_TRANSLATE_NOOP("Errors", "هر دو درست است"),
    "fixed_manually": QT_TRANSLATE_NOOP("Errors", "دستی اصلاح شد"),
    "first_return_stands": QT_TRANSLATE_NOOP("Errors", "بازگشت نخست درست است"),
    "copy_at_second_return": QT_TRANSLATE_NOOP("Errors", "نسخه در مرکز بازگشت دوم است"),
    "keep_closed": QT_TRANSLATE_NOOP("Errors", "پرونده بسته بماند"),
    "reopen": QT_TRANSLATE_NOOP("Errors", "پرونده دوباره باز شود"),
    "keep_retired": QT_TRANSLATE_NOOP("Errors", "خارج از گردش (یا گم‌شده) بماند"),
    "reinstate": QT_TRANSLATE_NOOP("Errors", "خارج کردن (یا گم‌شدن) پس گرفته شود"),
}
#: The resolutions each kind offers, in the order of its buttons.
RESOLUTIONS: dict[str, tuple[str, ...]] = {
    "username.duplicate": ("keep_first", "keep_second"),
    "copy.double_loan": ("keep_first", "keep_second", "fixed_manually"),
    "loan.return_on_closed": ("first_return_stands", "copy_at_second_return"),
    "case.forwarded_twice": ("keep_first", "keep_second", "keep_both"),
    "case.acted_after_close": ("keep_closed", "reopen"),
    "case.number_twice": ("keep_first", "keep_second"),
    "copy.barcode_twice": ("keep_first", "keep_second"),
    "member.number_twice": ("keep_first", "keep_second"),
    "member.registered_twice": ("keep_first", "keep_second", "fixed_manually"),
    "copy.retired_on_loan": ("keep_retired", "reinstate"),
}
DEFAULT_RESOLUTIONS = ("fixed_manually",)

#: What each resolution does, in the words the inbox shows beside its button.
EXPLANATIONS: dict[tuple[str, str], str] = {
    ("username.duplicate", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "حساب رویداد نخست نامش را نگه می‌دارد؛ حساب رویداد دوم نام کاربری تازه‌ای می‌گیرد (همان نام با "
        "پسوند عددی، مانند ali.2) و با همان گذرواژه وارد می‌شود."),
    ("username.duplicate", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "حساب رویداد دوم نامش را نگه می‌دارد؛ حساب رویداد نخست نام کاربری تازه‌ای می‌گیرد (همان نام با "
        "پسوند عددی، مانند ali.2) و با همان گذرواژه وارد می‌شود."),
    ("copy.double_loan", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب نزد عضو امانت نخست است: امانت دوم باطل می‌شود و وضعیت نسخه از امانت نخست گرفته می‌شود."),
    ("copy.double_loan", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب نزد عضو امانت دوم است: امانت نخست باطل می‌شود و وضعیت نسخه از امانت دوم گرفته می‌شود."),
    ("copy.double_loan", "fixed_manually"): QT_TRANSLATE_NOOP(
        "Errors", "یکی از دو امانت پیش‌تر با بازگشت کتاب بسته شده است؛ چیزی تغییر نمی‌کند. تا هر دو امانت باز "
        "است این راه پذیرفته نیست."),
    ("loan.return_on_closed", "first_return_stands"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب همان‌جاست که بازگشت نخست ثبت کرد؛ بازگشت دوم نادیده می‌ماند و چیزی تغییر نمی‌کند."),
    ("loan.return_on_closed", "copy_at_second_return"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب در مرکزی است که بازگشت دوم را ثبت کرد: جای نسخه به آن مرکز تغییر می‌کند (اگر مرکز خودش "
        "نباشد، «در راه» دیده می‌شود تا به مرکز خود فرستاده شود)."),
    ("case.forwarded_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "ارسال نخست درست است: ارسال دوم پس گرفته می‌شود و پرونده چشم‌به‌راه پاسخ دستگاه ارسال نخست "
        "می‌ماند. نامه دوم را در صورت نیاز با تماس از دستگاه پس بگیرید."),
    ("case.forwarded_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "ارسال دوم درست است: ارسال نخست پس گرفته می‌شود و پرونده چشم‌به‌راه پاسخ دستگاه ارسال دوم "
        "می‌ماند. نامه نخست را در صورت نیاز با تماس از دستگاه پس بگیرید."),
    ("case.forwarded_twice", "keep_both"): QT_TRANSLATE_NOOP(
        "Errors", "پرونده به هر دو دستگاه فرستاده شده است و هر دو ارسال می‌ماند؛ چیزی تغییر نمی‌کند."),
    ("case.acted_after_close", "keep_closed"): QT_TRANSLATE_NOOP(
        "Errors", "بستن پرونده درست است: پرونده بسته می‌ماند و کار انجام‌شده پس از بستن تنها در سابقه دیده "
        "می‌شود."),
    ("case.acted_after_close", "reopen"): QT_TRANSLATE_NOOP(
        "Errors", "کار انجام‌شده لازم بود: پرونده دوباره باز می‌شود و به مرحله پیش از بستن برمی‌گردد؛ آن کار را "
        "از روی سابقه دوباره انجام دهید."),
    ("case.number_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "پرونده رویداد نخست شماره ثبتش را نگه می‌دارد؛ این میز به پرونده رویداد دوم شماره ثبت تازه‌ای "
        "می‌دهد (کد رهگیری متقاضی تغییر نمی‌کند)."),
    ("case.number_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "پرونده رویداد دوم شماره ثبتش را نگه می‌دارد؛ این میز به پرونده رویداد نخست شماره ثبت تازه‌ای "
        "می‌دهد (کد رهگیری متقاضی تغییر نمی‌کند)."),
    ("copy.barcode_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "نسخه رویداد نخست بارکدش را نگه می‌دارد؛ این میز به نسخه رویداد دوم بارکد تازه‌ای می‌دهد: "
        "برچسب تازه را چاپ کنید و روی آن نسخه بچسبانید."),
    ("copy.barcode_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "نسخه رویداد دوم بارکدش را نگه می‌دارد؛ این میز به نسخه رویداد نخست بارکد تازه‌ای می‌دهد: "
        "برچسب تازه را چاپ کنید و روی آن نسخه بچسبانید."),
    ("member.number_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "عضو رویداد نخست شماره عضویتش را نگه می‌دارد؛ این میز به عضو رویداد دوم شماره تازه‌ای می‌دهد: "
        "کارت عضویت تازه او را چاپ کنید."),
    ("member.number_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "عضو رویداد دوم شماره عضویتش را نگه می‌دارد؛ این میز به عضو رویداد نخست شماره تازه‌ای می‌دهد: "
        "کارت عضویت تازه او را چاپ کنید."),
    ("member.registered_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "عضویت رویداد نخست می‌ماند و عضویت رویداد دوم در آن ادغام می‌شود: دیگر در جست‌وجو پیدا نمی‌شود "
        "و کارت او به عضو نخست می‌رسد. امانت‌های باز او به نام عضو نخست می‌شود؛ امانت‌های بسته‌اش در سابقه "
        "همان عضویت ادغام‌شده می‌ماند."),
    ("member.registered_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "عضویت رویداد دوم می‌ماند و عضویت رویداد نخست در آن ادغام می‌شود: دیگر در جست‌وجو پیدا نمی‌شود "
        "و کارت او به عضو دوم می‌رسد. امانت‌های باز او به نام عضو دوم می‌شود؛ امانت‌های بسته‌اش در سابقه "
        "همان عضویت ادغام‌شده می‌ماند."),
    ("member.registered_twice", "fixed_manually"): QT_TRANSLATE_NOOP(
        "Errors", "دو عضو دو کودک جدا هستند و کد ملی یکی نادرست بود و در صفحه اعضا اصلاح شده است؛ تا هر دو یک کد "
        "ملی دارند این راه پذیرفته نیست."),
}
EXPLANATIONS[("copy.retired_on_loan", "keep_retired")] = QT_TRANSLATE_NOOP(
    "Errors", "نسخه از گردش خارج می‌ماند: امانت تا بازگشت کتاب باز است و کتاب پس از بازگشت به قفسه برنمی‌گردد. "
    "اگر گم‌شده ثبت شده بود، امانت همین حالا «گم‌شده نزد عضو» بسته می‌شود و عضو دیگر برای آن دیرکرد ندارد.")
EXPLANATIONS[("copy.retired_on_loan", "reinstate")] = QT_TRANSLATE_NOOP(
    "Errors", "کتاب نزد عضو است و در گردش می‌ماند: خارج کردن از گردش (یا ثبت گم‌شدن) پس گرفته می‌شود، نسخه در "
    "امانت همان عضو دیده می‌شود و پس از بازگشت به قفسه برمی‌گردد.")
EXPLANATIONS[("conflict.resolved_twice", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "دو میز پیش از همگام‌سازی این ناسازگاری را هر یک جداگانه حل کرده‌اند و کار هر دو تصمیم انجام شده است "
    "(برای نمونه هر دو امانت باطل یا دو شماره تازه داده شده است). نتیجه را در صفحه‌های میز بررسی و درست کنید، "
    "سپس این را ثبت کنید.")
GENERIC_EXPLANATION = QT_TRANSLATE_NOOP("Errors", "کار لازم با صفحه‌های میز انجام شده است؛ تنها تصمیم ثبت می‌شود.")


def explanation(kind: str, resolution: str) -> str:
    """What choosing `resolution` does to a conflict of `kind` (Persian source, "Errors" context)."""
    return EXPLANATIONS.get((kind, resolution), GENERIC_EXPLANATION)


MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "این ناسازگاری پیدا نشد.")
MSG_BAD_RESOLUTION = QT_TRANSLATE_NOOP("Errors", "این راه‌حل برای این ناسازگاری پذیرفته نیست.")
MSG_ALREADY = QT_TRANSLATE_NOOP("Errors", "این ناسازگاری پیش‌تر حل شده است.")
MSG_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "این میز هنوز همه داده‌های این ناسازگاری را ندارد؛ پس از همگام‌سازی دوباره بکوشید.")
MSG_BOTH_LOANS_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "هر دو امانت هنوز باز است؛ یکی از دو امانت را درست بدانید، یا نخست کتاب را بازگردانید.")
MSG_LOAN_CLOSED = QT_TRANSLATE_NOOP(
    "Errors", "امانتی که باید باطل شود پیش‌تر بسته شده است؛ «دستی اصلاح شد» را برگزینید.")
MSG_FORWARD_NOT_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "ارسالی که باید پس گرفته شود دیگر باز نیست (پاسخ گرفته یا پرونده بسته شده است)؛ «هر دو درست است» "
    "را برگزینید.")
MSG_NOT_CLOSED = QT_TRANSLATE_NOOP("Errors", "این پرونده اکنون بسته نیست؛ بازگشایی لازم نیست.")
MSG_STILL_SAME_ID = QT_TRANSLATE_NOOP(
    "Errors", "هر دو عضو هنوز یک کد ملی دارند؛ نخست کد ملی نادرست را در صفحه اعضا اصلاح کنید، یا یکی از دو "
    "عضویت را نگه دارید.")
MSG_ALREADY_MERGED = QT_TRANSLATE_NOOP("Errors", "یکی از این دو عضو پیش‌تر در عضو دیگری ادغام شده است.")
#: The reason a reopening by a conflict's resolution records (the case's timeline shows it).
REOPEN_REASON = "ناسازگاری: کاری که دفتر دیگری پس از بستن پرونده انجام داد لازم بود"


@dataclass(frozen=True)
class Fact:
    """One event involved in a conflict, for side-by-side display."""

    event_id: str
    type: str
    aggregate_id: str
    office_code: str
    device_id: str
    user_id: str
    recorded_at: datetime
    payload: dict[str, Any]
    #: Who recorded it and the office's name, as this desk knows them ("" when it does not: a user
    #: of another office is not on this desk).
    user_name: str = ""
    office_name: str = ""
    #: The payload's references as a person reads them: copy_id → the copy's barcode, member_id →
    #: the member's name and number, title_id → the title, agency_id → the agency, case_id → the
    #: tracking code, a centre's code → its name and code (those this desk holds).
    refs: dict[str, str] = field(default_factory=dict)


def _refs(s: Any, payload: dict[str, Any]) -> dict[str, str]:
    from ..models.library import Copy, Member, Title
    from ..models.secretariat import Agency, Case

    found: dict[str, str] = {}
    for key, model in (("copy_id", Copy), ("member_id", Member), ("title_id", Title), ("agency_id", Agency),
                       ("case_id", Case)):
        value = payload.get(key)
        row = s.get(model, value) if isinstance(value, str) and value else None
        if row is None:
            continue
        if isinstance(row, Copy):
            found[key] = row.barcode
        elif isinstance(row, Member):
            found[key] = f"{row.first_name} {row.last_name} ({row.member_no})"
        elif isinstance(row, Title):
            found[key] = row.title
        elif isinstance(row, Agency):
            found[key] = row.name
        else:
            found[key] = row.tracking_code
    from ..models import Office

    for key in _CENTRE_FIELDS:  # a centre by its name, as the office row above it is
        code = payload.get(key)
        office = s.get(Office, code) if isinstance(code, str) and code else None
        if office is not None and office.name:
            found[key] = f"{office.name} ({code})"
    return found


#: Payload fields that name a centre or office by its code.
_CENTRE_FIELDS = ("centre", "home_centre", "pickup_centre", "returned_centre", "office_code")


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str
    title: str
    aggregate_type: str
    aggregate_id: str
    office_code: str
    raised_at: datetime
    status: str
    summary: dict[str, Any]
    facts: tuple[Fact, ...]
    resolutions: tuple[str, ...]
    resolution: str | None
    resolution_note: str | None
    #: What each of `resolutions` does (Persian source, context "Errors"), in the same order.
    explanations: tuple[str, ...] = ()


def _view(s: Any, c: Conflict) -> ConflictView:
    involved = list(c.facts.get("involved", []))
    events = list(s.scalars(select(Event).where(or_(Event.id.in_(involved), Event.aggregate_id.in_(involved)))
                            .order_by(Event.hlc, Event.id).limit(40))) if involved else []
    # one fact per involved id: the event itself, or the first event of that aggregate
    facts: list[Fact] = []
    for key in involved:
        ev = next((x for x in events if x.id == key), None) or next(
            (x for x in events if x.aggregate_id == key), None)
        if ev is not None:
            user, office = s.get(User, ev.user_id), s.get(Office, ev.office_code)
            payload = dict(ev.payload)
            facts.append(Fact(ev.id, ev.type, ev.aggregate_id, ev.office_code, ev.device_id, ev.user_id,
                              ev.recorded_at, payload, user.full_name if user else "",
                              office.name if office else "", _refs(s, payload)))
    offered = RESOLUTIONS.get(c.kind, DEFAULT_RESOLUTIONS)
    return ConflictView(c.id, c.kind, KIND_TITLES.get(c.kind, c.kind), c.aggregate_type, c.aggregate_id,
                        c.office_code, datetime.fromtimestamp(hlc_millis(c.raised_hlc) / 1000, UTC), c.status,
                        dict(c.facts.get("summary", {})), tuple(facts),
                        offered, c.resolution, c.resolution_note, tuple(explanation(c.kind, r) for r in offered))


def list_conflicts(store: Store, actor: Actor, *, status: str | None = "open") -> list[ConflictView]:
    """Conflicts, newest first (`status` None: all)."""
    require(actor, *RESOLVER_ROLES)
    with store.read() as s:
        q = select(Conflict).order_by(Conflict.raised_hlc.desc(), Conflict.id)
        if status is not None:
            q = q.where(Conflict.status == status)
        return [_view(s, c) for c in s.scalars(q)]


def open_count(store: Store) -> int:
    """For the status bar (no role needed to see that there is something to look at)."""
    from sqlalchemy import func

    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open")) or 0)


#: An event a resolution records: (type, aggregate id, payload, audit subject).
Planned = tuple[str, str, dict[str, Any], str]


def resolve(store: Store, actor: Actor, conflict_id: str, resolution: str, note: str = "") -> ConflictView:
    """Record a person's decision as a `conflict.resolved` event and, in the same transaction, the
    domain events that make it so (a loan voided, a forward withdrawn, a new number…), each
    carrying the conflict's id. Every desk folds those events as any others, so all end alike.

    Refused (nothing written) when the choice does not fit the conflict, or this desk lacks the
    facts it needs (a fact not synced here yet)."""
    require(actor, *RESOLVER_ROLES)
    with store.transaction() as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound(MSG_NOT_FOUND)
        if c.status == "resolved":
            raise ValidationError(MSG_ALREADY, "resolution")
        if resolution not in RESOLUTIONS.get(c.kind, DEFAULT_RESOLUTIONS):
            raise ValidationError(MSG_BAD_RESOLUTION, "resolution")
        plan = _PLANS.get(c.kind, _nothing)(store, s, c, resolution)
        described = {"kind": c.kind, "aggregate_type": c.aggregate_type, "aggregate_id": c.aggregate_id,
                     "office_code": c.office_code, "facts": c.facts, "raised_hlc": c.raised_hlc}
        store.record(s, actor, "conflict.resolved", conflict_id,
                     {"resolution": resolution, "note": (note or "").strip(), "conflict": described},
                     subject=c.kind)
        for event_type, aggregate_id, payload, subject in plan:
            store.record(s, actor, event_type, aggregate_id, {**payload, "conflict_id": conflict_id},
                         subject=subject)
        s.flush()
        return _view(s, c)


# --- what each resolution records -------------------------------------------------------------

Plan = Callable[[Store, Session, Conflict, str], list[Planned]]


def _nothing(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    return []


def _pair(c: Conflict, resolution: str) -> tuple[str, str]:
    """(kept, changed): the involved ids of the two facts, the one the person found right first."""
    involved = list(c.facts.get("involved", []))
    if len(involved) != 2:
        raise ValidationError(MSG_MISSING, "resolution")
    first, second = involved
    return (first, second) if resolution == "keep_first" else (second, first)


def _event(s: Session, event_id: str) -> Event:
    ev = s.get(Event, event_id)
    if ev is None:
        raise ValidationError(MSG_MISSING, "resolution")
    return ev


def _today() -> date:
    return datetime.now(TEHRAN).date()


def _double_loan(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    loans = [s.get(Loan, loan_id) for loan_id in c.facts.get("involved", [])]
    if len(loans) != 2 or any(loan is None for loan in loans):
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "fixed_manually":
        if all(loan is not None and loan.returned_at is None for loan in loans):
            raise ValidationError(MSG_BOTH_LOANS_OPEN, "resolution")
        return []
    _kept, wrong_id = _pair(c, resolution)
    wrong = s.get(Loan, wrong_id)
    assert wrong is not None
    if wrong.returned_at is not None:
        raise ValidationError(MSG_LOAN_CLOSED, "resolution")
    copy = s.get(Copy, wrong.copy_id)
    return [("loan.voided", wrong.id, {"day": _today().isoformat()}, copy.barcode if copy else wrong.id)]


def _return_on_closed(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    loan = s.get(Loan, c.aggregate_id)
    copy = s.get(Copy, loan.copy_id) if loan is not None else None
    if loan is None or copy is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "first_return_stands":
        return []
    centre = str(c.facts.get("summary", {}).get("second_centre") or "")
    if not centre:
        raise ValidationError(MSG_MISSING, "resolution")
    return [("copy.received", copy.id, {"centre": centre}, copy.barcode)]


def _retired_on_loan(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    """Keep the withdrawal (or the loss: the loan is then closed as lost with its member), or take
    it back (`copy.reinstated`; a loss that came from another loan closed as lost: the copy is
    received where this loan was made)."""
    summary = c.facts.get("summary", {})
    copy, loan = s.get(Copy, summary.get("copy_id", "")), s.get(Loan, summary.get("loan_id", ""))
    if copy is None or loan is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_retired":
        if copy.status == "lost" and loan.returned_at is None:
            return [("loan.lost", loan.id, {"copy_id": copy.id, "day": _today().isoformat(), "centre": loan.centre,
                                            "note": ""}, copy.barcode)]
        return []
    if copy.withdrawn or copy.lost_hlc is not None:
        return [("copy.reinstated", copy.id, {}, copy.barcode)]
    if copy.status == "lost":
        return [("copy.received", copy.id, {"centre": loan.centre, "found": True}, copy.barcode)]
    return []


def _forwarded_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    case = s.get(Case, c.aggregate_id)
    forwards = [s.get(Forward, fid) for fid in c.facts.get("involved", [])]
    if case is None or len(forwards) != 2 or any(f is None for f in forwards):
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_both":
        return []
    _kept, wrong_id = _pair(c, resolution)
    wrong = s.get(Forward, wrong_id)
    assert wrong is not None
    if wrong.status != "open":
        raise ValidationError(MSG_FORWARD_NOT_OPEN, "resolution")
    return [("case.forward_withdrawn", case.id, {"forward_id": wrong.id, "day": _today().isoformat()},
             case.registration_no or case.tracking_code)]


def _acted_after_close(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    case = s.get(Case, c.aggregate_id)
    if case is None:
        raise ValidationError(MSG_MISSING, "resolution")
    if resolution == "keep_closed":
        return []
    if case.status not in ("closed", "rejected"):
        raise ValidationError(MSG_NOT_CLOSED, "resolution")
    now = utcnow()
    return [("case.reopened", case.id, {"reason": REOPEN_REASON, "day": _today().isoformat(),
                                        "at": now.isoformat()}, case.registration_no or case.tracking_code)]


def _unused(s: Session, column: Any, make: Callable[[], str]) -> str:
    """A new number from this desk's allocator that no row here holds yet (a desk that once shared
    a device number may meet its own numbers again)."""
    while True:
        value = make()
        if s.scalar(select(func.count()).where(column == value)) == 0:
            return value


def _case_number_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    _kept, other = _pair(c, resolution)
    case_ids = [_event(s, eid).aggregate_id for eid in c.facts["involved"]]
    if any(s.get(Case, cid) is None for cid in case_ids):
        raise ValidationError(MSG_MISSING, "resolution")
    case = s.get(Case, _event(s, other).aggregate_id)
    assert case is not None
    day = _today()
    number = _unused(s, Case.registration_no, lambda: numbers.allocate_number(store, s, "case", day))
    return [("case.renumbered", case.id, {"registration_no": number, "previous": case.registration_no or ""},
             number)]


def _barcode_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    if any(s.get(Copy, cid) is None for cid in c.facts.get("involved", [])):
        raise ValidationError(MSG_MISSING, "resolution")
    _kept, other = _pair(c, resolution)
    copy = s.get(Copy, other)
    assert copy is not None
    barcode = _unused(s, Copy.barcode, lambda: new_library_code(store, s, "copy_barcode", 7))
    return [("copy.relabelled", copy.id, {"barcode": barcode, "previous": copy.barcode}, barcode)]


def _members(s: Session, c: Conflict) -> list[Member]:
    found = [s.get(Member, mid) for mid in c.facts.get("involved", [])]
    if len(found) != 2 or any(m is None for m in found):
        raise ValidationError(MSG_MISSING, "resolution")
    return [m for m in found if m is not None]


def _member_number_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    _members(s, c)
    _kept, other = _pair(c, resolution)
    member = s.get(Member, other)
    assert member is not None
    number = _unused(s, Member.member_no, lambda: new_library_code(store, s, "member_no", 6))
    return [("member.renumbered", member.id, {"member_no": number, "previous": member.member_no}, number)]


def _registered_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    first, second = _members(s, c)
    if resolution == "fixed_manually":
        if first.national_id and first.national_id == second.national_id:
            raise ValidationError(MSG_STILL_SAME_ID, "resolution")
        return []
    if first.merged_into or second.merged_into:
        raise ValidationError(MSG_ALREADY_MERGED, "resolution")
    kept, gone = _pair(c, resolution)
    member = s.get(Member, gone)
    assert member is not None
    plan: list[Planned] = [("member.merged", gone, {"into": kept}, member.member_no)]
    # its open loans count for the member kept (limits, overdue lists); closed ones stay its history
    for loan in s.scalars(select(Loan).where(Loan.member_id == gone, Loan.returned_at.is_(None))
                          .order_by(Loan.out_hlc, Loan.id)):
        plan.append(("loan.member_moved", loan.id, {"member_id": kept, "from_member_id": gone}, member.member_no))
    return plan


def _username_twice(store: Store, s: Session, c: Conflict, resolution: str) -> list[Planned]:
    users = [s.get(User, uid) for uid in c.facts.get("involved", [])]
    if len(users) != 2 or any(u is None for u in users):
        raise ValidationError(MSG_MISSING, "resolution")
    _kept, other = _pair(c, resolution)
    user = s.get(User, other)
    assert user is not None
    base = user.username[:60]
    n = 2
    while s.scalar(select(func.count()).select_from(User).where(User.username == f"{base}.{n}")):
        n += 1
    return [("user.renamed", user.id, {"username": f"{base}.{n}", "previous": user.username}, f"{base}.{n}")]


_PLANS: dict[str, Plan] = {
    "copy.double_loan": _double_loan,
    "loan.return_on_closed": _return_on_closed,
    "copy.retired_on_loan": _retired_on_loan,
    "case.forwarded_twice": _forwarded_twice,
    "case.acted_after_close": _acted_after_close,
    "case.number_twice": _case_number_twice,
    "copy.barcode_twice": _barcode_twice,
    "member.number_twice": _member_number_twice,
    "member.registered_twice": _registered_twice,
    "username.duplicate": _username_twice,
}
