"""Lending desk: loan rules per member category, override grants, and the cultural centres."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, FieldChecks, ValidationError
from ..eventlog import Actor
from ..ids import is_centre_of
from ..models import Office, office_today, table_of
from ..models.library import MEMBER_CATEGORIES, Copy, Hold, Loan, LoanRule, Member, OverrideGrant
from ..persian import normalize, normalize_text, to_ascii_digits
from ..store import Store
from .accounts import require
from .library_common import MSG_CATEGORY, MSG_REQUIRED, pack_to_move

MSG_RULE_VALUE = QT_TRANSLATE_NOOP("Errors", "مقدار قاعده امانت باید عددی مثبت باشد.")

#: Loan rules a new desk starts with (working days, loans at once, renewals).
DEFAULT_RULES: dict[str, tuple[int, int, int]] = {"child": (10, 3, 2), "teen": (14, 4, 2), "adult": (14, 5, 1)}


# --- loan rules and override grants -------------------------------------------------------------


@dataclass(frozen=True)
class RuleView:
    category: str
    period_days: int
    max_loans: int
    max_renewals: int
    hold_days: int


_RULES = table_of(LoanRule)
_RULE = select(_RULES.c.period_days, _RULES.c.max_loans, _RULES.c.max_renewals, _RULES.c.hold_days).where(
    _RULES.c.category == bindparam("category"))


def get_rule(s: Session, category: str) -> RuleView:
    """The loan rule of a member category (the defaults until an admin sets one); one plain
    statement, as every checkout and renewal asks."""
    s.flush()
    r = s.connection().execute(_RULE, {"category": category}).one_or_none()
    if r is None:
        period, loans, renewals = DEFAULT_RULES.get(category, DEFAULT_RULES["child"])
        return RuleView(category, period, loans, renewals, 3)
    return RuleView(category, r.period_days, r.max_loans, r.max_renewals, r.hold_days)


def list_rules(store: Store) -> list[RuleView]:
    with store.read() as s:
        return [get_rule(s, c) for c in MEMBER_CATEGORIES]


def set_rule(store: Store, actor: Actor, category: str, *, period_days: int, max_loans: int,
             max_renewals: int, hold_days: int = 3) -> RuleView:
    """The admin edits the loan rule of a member category."""
    require(actor, "admin")
    if category not in MEMBER_CATEGORIES:
        raise ValidationError(MSG_CATEGORY, "category")
    values = {"period_days": period_days, "max_loans": max_loans, "max_renewals": max_renewals,
              "hold_days": hold_days}
    for key, value in values.items():
        if not isinstance(value, int) or value < (0 if key == "max_renewals" else 1) or value > 365:
            raise ValidationError(MSG_RULE_VALUE, key)
    with store.transaction() as s:
        store.record(s, actor, "loan_rule.set", category, values, subject=category)
        return get_rule(s, category)


def set_override_grant(store: Store, actor: Actor, user_id: str, granted: bool) -> None:
    """The admin lets a librarian override circulation refusals (or takes it back)."""
    require(actor, "admin")
    with store.transaction() as s:
        store.record(s, actor, "override.grant_set", user_id, {"granted": granted})


def may_override(s: Session, actor: Actor) -> bool:
    """Whether `actor` may override a refusal: an admin, or a librarian an admin granted it to."""
    if actor.has("admin"):
        return True
    g = s.get(OverrideGrant, actor.user_id)
    return bool(g and g.granted)


def can_override(store: Store, actor: Actor) -> bool:
    with store.read() as s:
        return may_override(s, actor)


MSG_CENTRE_OF_ANOTHER_OFFICE = QT_TRANSLATE_NOOP(
    "Errors", "کد مرکز باید کد دفتر همین میز و دو رقم پس از آن باشد (مانند ۱۳۰۱ برای دفتر ۱۳)؛ "
              "مرکزهای دفترهای دیگر را میز همان دفتر ثبت می‌کند.")


MSG_CENTRE_EXISTS = QT_TRANSLATE_NOOP("Errors", "مرکزی با این کد پیش‌تر ثبت شده است؛ آن را در فهرست برگزینید و اصلاح کنید.")
MSG_NOT_A_CENTRE = QT_TRANSLATE_NOOP("Errors", "مرکز فرهنگی هنری پیدا نشد.")
MSG_CENTRE_CODE = QT_TRANSLATE_NOOP("Errors", "کد مرکز ۱ تا ۸ رقم یا حرف لاتین باشد.")
MSG_CENTRE_IS_THIS_OFFICE = QT_TRANSLATE_NOOP(
    "Errors", "کد {code} کد خود این دفتر است، نه مرکزی از آن؛ کد مرکز کد دفتر و دو رقم پس از آن است، مانند {example}. "
              "اگر این دفتر خود مرکز فرهنگی هنری است، آن را در «مشخصات دفتر» مرکز کنید.")
MSG_CENTRE_IS_AN_OFFICE = QT_TRANSLATE_NOOP(
    "Errors", "کد {code} کد یک دفتر است، نه مرکز فرهنگی هنری؛ کد دیگری برگزینید.")


#: A centre's phone and address as the agency directory bounds them (the overdue notices print both).
CENTRE_PHONE_MAX = 40
CENTRE_ADDRESS_MAX = 400
MSG_CENTRE_PHONE = QT_TRANSLATE_NOOP(
    "Errors", "شماره تلفن مرکز را با رقم بنویسید (خط تیره، فاصله و پرانتز هم رواست؛ بیش از ۴۰ نویسه نه).")
MSG_CENTRE_ADDRESS_LONG = QT_TRANSLATE_NOOP("Errors", "نشانی بیش از ۴۰۰ نویسه است.")


@dataclass(frozen=True)
class CentreView:
    code: str
    name: str
    province: str
    city: str
    #: printed on the centre's overdue notices, for a guardian to call
    phone: str = ""
    address: str = ""
    #: closed (`close_centre`): the day, and the centre its members and copies went to
    closed_on: date | None = None
    closed_into: str | None = None
    closed_into_name: str = ""


def _centre_fields(name: str, province: str, city: str, phone: str, address: str) -> dict[str, str]:
    """A centre's fields normalised (the phone in Latin digits), or the refusal of every wrong one."""
    values = {"name": normalize_text(name or ""), "province": normalize_text(province or ""), "city": normalize_text(city or ""),
              "phone": to_ascii_digits(normalize(phone or "")), "address": normalize_text(address or "")}
    checks = FieldChecks()
    if not values["name"]:
        checks.refuse(ValidationError(MSG_REQUIRED, "name"))
    phone = values["phone"]
    if phone and (len(phone) > CENTRE_PHONE_MAX or not any(ch.isdigit() for ch in phone)
                  or any(not (ch.isascii() and ch.isdigit()) and ch not in " -()+/" for ch in phone)):
        checks.refuse(ValidationError(MSG_CENTRE_PHONE, "phone"))
    if len(values["address"]) > CENTRE_ADDRESS_MAX:
        checks.refuse(ValidationError(MSG_CENTRE_ADDRESS_LONG, "address"))
    checks.raise_any()
    return values


def _centre_view(o: Office, names: dict[str, str] | None = None) -> CentreView:
    into = (names or {}).get(o.closed_into or "", "") if o.closed_into else ""
    return CentreView(o.code, o.name, o.province, o.city, o.phone, o.address, o.closed_on, o.closed_into, into)


def _centre_code(store: Store, code: str) -> str:
    code = to_ascii_digits(code or "").strip().upper()
    if not (1 <= len(code) <= 8 and code.isascii() and code.isalnum()):
        raise ValidationError(MSG_CENTRE_CODE, "code")
    office = store.identity.office_code.upper()
    if code != office and not is_centre_of(code, office):
        raise ValidationError(MSG_CENTRE_OF_ANOTHER_OFFICE, "code")
    return code


def add_centre(store: Store, actor: Actor, code: str, name: str, *, province: str = "", city: str = "",
               phone: str = "", address: str = "") -> None:
    """A cultural centre (an office of kind "centre") that holds copies and members.

    A desk records only its own office's centres: its office code and two digits (1301 under 13),
    or its own office when that is the centre and this desk does not know it yet. The server
    refuses an office record of any other code from this desk (it would rename another office on
    every desk). A code already a centre is refused (correct it with `update_centre`), and so is
    the code of an office that is not one: it would turn the office into a centre and rename it on
    every letter and every desk (the office itself becomes a centre in its own details:
    `accounts.update_office(kind="centre")`). A wrong code and an empty name are said together."""
    require(actor, "admin")
    checks = FieldChecks()
    code = checks.value(lambda: _centre_code(store, code), "")
    empty: dict[str, str] = {}
    values = checks.value(lambda: _centre_fields(name, province, city, phone, address), empty)
    checks.raise_any()
    with store.transaction() as s:
        office = s.get(Office, code)
        if office is not None and office.kind == "centre":
            raise ValidationError(MSG_CENTRE_EXISTS, "code")
        if office is not None:
            own = code == store.identity.office_code.upper()
            raise ValidationError(MSG_CENTRE_IS_THIS_OFFICE if own else MSG_CENTRE_IS_AN_OFFICE, "code",
                                  {"code": code, "example": f"{code}01"} if own else {"code": code})
        payload = {"name": values["name"], "kind": "centre", "province": values["province"], "city": values["city"]}
        payload.update({k: values[k] for k in ("phone", "address") if values[k]})  # (as before when not given)
        store.record(s, actor, "office.set", code, payload, subject=code)


def update_centre(store: Store, actor: Actor, code: str, *, name: str, province: str = "",
                  city: str = "", phone: str | None = None, address: str | None = None) -> CentreView:
    """Correct a centre's name, province, city, phone and address (only the fields that changed are
    recorded; a phone or address not given stays as it is)."""
    require(actor, "admin")
    code = _centre_code(store, code)
    values: dict[str, str] = _centre_fields(name, province, city, phone or "", address or "")
    if phone is None:
        del values["phone"]
    if address is None:
        del values["address"]
    with store.transaction() as s:
        office = s.get(Office, code)
        if office is None or office.kind != "centre":
            raise ValidationError(MSG_NOT_A_CENTRE, "code")
        changed = {k: v for k, v in values.items() if getattr(office, k) != v}
        if changed:
            store.record(s, actor, "office.set", code, changed, subject=code)
        return _centre_view(office)


def centres(store: Store) -> list[CentreView]:
    """Every cultural centre this desk knows (its office's and those sync brought), by code."""
    with store.read() as s:
        rows = list(s.scalars(select(Office).where(Office.kind == "centre").order_by(Office.code)))
        names = {o.code: o.name for o in rows}
        return [_centre_view(o, names) for o in rows]


def list_centres(store: Store, *, open_only: bool = False) -> list[tuple[str, str]]:
    """(code, name) of every centre, by code; with `open_only`, those a new member, copy, hold or
    loan may name (a closed centre is still named by its past: lists and reports keep it)."""
    with store.read() as s:
        q = select(Office).where(Office.kind == "centre").order_by(Office.code)
        if open_only:
            q = q.where(Office.closed_on.is_(None))
        return [(o.code, o.name) for o in s.scalars(q)]


# --- closing a centre ---------------------------------------------------------------------------

MSG_CENTRE_CLOSED = QT_TRANSLATE_NOOP(
    "Errors", "مرکز «{name}» بسته شده است؛ مرکز دیگری برگزینید.")
MSG_CLOSED_ALREADY = QT_TRANSLATE_NOOP("Errors", "این مرکز پیش‌تر بسته شده است.")
MSG_CLOSE_LEFT = QT_TRANSLATE_NOOP(
    "Errors", "مرکز هنوز کار باز دارد و بسته نشد: امانت باز {loans}، رزرو {holds}، نسخه در راه {transit}. "
              "نخست کتاب‌های امانتی بازگردانده شود، رزروها تحویل یا لغو شود و نسخه‌های در راه برسند.")
MSG_CLOSE_INTO = QT_TRANSLATE_NOOP(
    "Errors", "مرکزی را برگزینید که اعضا و نسخه‌های این مرکز به آن می‌رود.")
MSG_CLOSE_INTO_SELF = QT_TRANSLATE_NOOP("Errors", "مرکز را نمی‌توان به خودش سپرد؛ مرکز دیگری برگزینید.")
MSG_CLOSE_REASON = QT_TRANSLATE_NOOP("Errors", "چرا نسخه‌ها وجین می‌شوند؟ دلیل را بنویسید؛ مرکز بسته نشد.")


def closed_centre(s: Session, code: str) -> Office | None:
    """The centre `code` if it is closed (a new member, copy, hold or loan may not name it)."""
    office = s.get(Office, code) if code else None
    return office if office is not None and office.closed_on is not None else None


def refuse_closed(s: Session, code: str, field: str) -> None:
    """Refuse naming a closed centre for anything new, at `field`."""
    office = closed_centre(s, code)
    if office is not None:
        raise ValidationError(MSG_CENTRE_CLOSED, field, {"name": office.name})


@dataclass(frozen=True)
class ClosingPlan:
    """What stands in the way of closing a centre (`loans`, `holds`, `transit`: each must be 0),
    and what closing it moves (its members, its copies in circulation; `lost`: how many of those
    copies are lost, which move as the other centre's lost copies unless written off)."""

    centre: CentreView
    loans: int
    holds: int
    transit: int
    members: int
    copies: int
    lost: int = 0

    @property
    def blocked(self) -> bool:
        return bool(self.loans or self.holds or self.transit)


def _plan(s: Session, store: Store, code: str) -> ClosingPlan:
    code = _centre_code(store, code)
    office = s.get(Office, code)
    if office is None or office.kind != "centre":
        raise ValidationError(MSG_NOT_A_CENTRE, "code")
    if office.closed_on is not None:
        raise ValidationError(MSG_CLOSED_ALREADY, "code")
    its_copies = select(Copy.id).where(Copy.home_centre == code)
    loans = s.scalar(select(func.count()).select_from(Loan).where(
        Loan.returned_at.is_(None), Loan.lost_hlc.is_(None),
        or_(Loan.centre == code, Loan.copy_id.in_(its_copies)))) or 0
    holds = s.scalar(select(func.count()).select_from(Hold).where(
        Hold.pickup_centre == code, Hold.status.in_(("waiting", "in_transit", "ready")))) or 0
    transit = s.scalar(select(func.count()).select_from(Copy).where(
        Copy.status == "in_transit", or_(Copy.home_centre == code, Copy.location == code))) or 0
    members = s.scalar(select(func.count()).select_from(Member).where(
        Member.home_centre == code, Member.merged_into.is_(None), Member.erased_on.is_(None))) or 0
    copies = s.scalar(select(func.count()).select_from(Copy).where(
        Copy.home_centre == code, Copy.withdrawn.is_(False))) or 0
    lost = s.scalar(select(func.count()).select_from(Copy).where(
        Copy.home_centre == code, Copy.withdrawn.is_(False), Copy.status == "lost")) or 0
    return ClosingPlan(_centre_view(office), loans, holds, transit, members, copies, lost)


def closing_plan(store: Store, actor: Actor, code: str) -> ClosingPlan:
    """What is left open at a centre and what closing it would move (nothing written)."""
    require(actor, "admin")
    with store.read() as s:
        return _plan(s, store, code)


#: The reason a lost copy of a closed centre is written off with (`close_centre`'s `withdraw_lost`).
LOST_AT_CLOSING = "گم‌شده؛ مرکز بسته شد"


def close_centre(store: Store, actor: Actor, code: str, *, into: str = "", withdraw_copies: bool = False,
                 reason: str = "", withdraw_lost: bool = False, on: date | None = None) -> CentreView:
    """Close a cultural centre, in one step: refused while a loan, a hold or a copy on its way is
    left there (each counted in the message); its members, and its copies (or, with
    `withdraw_copies`, none: they are withdrawn, saying `reason`), go to the centre `into` (the
    copies on their way there, as a copy given to another centre is, until it scans them in); then
    `centre.closed`. With `withdraw_lost`, its lost copies are written off (`LOST_AT_CLOSING`)
    rather than moved as the other centre's lost copies. It stays in the lists and reports of its
    past, and is chosen for nothing new.
    Only the admin, of a centre of this desk's office."""
    require(actor, "admin")
    day = on or office_today()
    why = normalize_text(reason or "")
    with store.transaction() as s:
        plan = _plan(s, store, code)
        code = plan.centre.code
        if plan.blocked:
            raise ValidationError(MSG_CLOSE_LEFT, "code",
                                  {"loans": plan.loans, "holds": plan.holds, "transit": plan.transit})
        if withdraw_copies and plan.copies and not why:
            raise ValidationError(MSG_CLOSE_REASON, "reason")
        needs_into = plan.members or (plan.copies - (plan.lost if withdraw_lost else 0) and not withdraw_copies)
        if into == code:
            raise ValidationError(MSG_CLOSE_INTO_SELF, "into")
        if into:
            target = s.get(Office, into)
            if target is None or target.kind != "centre":
                raise ValidationError(MSG_NOT_A_CENTRE, "into")
            refuse_closed(s, into, "into")
        elif needs_into:
            raise ValidationError(MSG_CLOSE_INTO, "into")
        for member_id, member_no in s.execute(select(Member.id, Member.member_no).where(
                Member.home_centre == code, Member.merged_into.is_(None), Member.erased_on.is_(None))):
            store.record(s, actor, "member.field_set", member_id, {"home_centre": into}, subject=member_no)
        for copy in s.scalars(select(Copy).where(Copy.home_centre == code, Copy.withdrawn.is_(False))).all():
            if withdraw_copies or (withdraw_lost and copy.status == "lost"):
                store.record(s, actor, "copy.withdrawn", copy.id,
                             {"reason": why if withdraw_copies else LOST_AT_CLOSING,
                              "seen_received": copy.received_hlc or 0}, subject=copy.barcode)
            else:  # on its way to `into`, as a copy given to another centre from the catalogue
                pack_to_move(s, store, actor, copy)
                store.record(s, actor, "copy.field_set", copy.id, {"home_centre": into}, subject=copy.barcode)
        store.record(s, actor, "centre.closed", code,
                     {"day": day.isoformat(), "into": into, "members": plan.members, "copies": plan.copies,
                      "withdrawn": bool(withdraw_copies)}, subject=code)
        office = s.get(Office, code)
        assert office is not None
        return _centre_view(office)
