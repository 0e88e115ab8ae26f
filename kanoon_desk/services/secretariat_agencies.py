"""The province's agency directory (admin-editable) and the forwarding deadline it implies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models.secretariat import Agency
from ..persian import WorkingCalendar, normalize, search_key
from ..store import Store
from .accounts import require

DEFAULT_DEADLINE_DAYS = 15
NAME_MAX, ADDRESS_MAX, PHONE_MAX = 200, 400, 40

MSG_NAME = QT_TRANSLATE_NOOP("Errors", "نام دستگاه را بنویسید.")
MSG_NAME_LONG = QT_TRANSLATE_NOOP("Errors", "نام دستگاه بیش از ۲۰۰ نویسه است؛ کوتاه‌ترش کنید.")
MSG_NAME_TAKEN = QT_TRANSLATE_NOOP("Errors", "دستگاهی با همین نام در فهرست هست.")
MSG_DAYS = QT_TRANSLATE_NOOP("Errors", "مهلت پاسخ باید بین ۱ تا ۹۰ روز کاری باشد.")
MSG_ADDRESS_LONG = QT_TRANSLATE_NOOP("Errors", "نشانی بیش از ۴۰۰ نویسه است؛ کوتاه‌ترش کنید.")
MSG_PHONE_LONG = QT_TRANSLATE_NOOP("Errors", "شماره تلفن بیش از ۴۰ نویسه است.")
MSG_NO_AGENCY = QT_TRANSLATE_NOOP("Errors", "دستگاه اجرایی پیدا نشد.")


@dataclass(frozen=True)
class AgencyView:
    id: str
    name: str
    deadline_days: int | None
    address: str
    phone: str
    active: bool

    @property
    def effective_deadline_days(self) -> int:
        return self.deadline_days or DEFAULT_DEADLINE_DAYS


def _view(a: Agency) -> AgencyView:
    return AgencyView(a.id, a.name, a.deadline_days, a.address, a.phone, a.active)


def list_agencies(store: Store, *, include_inactive: bool = False) -> list[AgencyView]:
    with store.read() as s:
        q = select(Agency).order_by(Agency.name)
        if not include_inactive:
            q = q.where(Agency.active.is_(True))
        return [_view(a) for a in s.scalars(q)]


def get_agency(store: Store, agency_id: str) -> AgencyView:
    with store.read() as s:
        a = s.get(Agency, agency_id) if agency_id else None
        if a is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        return _view(a)


def _checked(name: str, deadline_days: int | None, address: str, phone: str) -> dict[str, Any]:
    """The directory's fields normalised, or a ValidationError at the first wrong one (form order)."""
    name = normalize(name or "")
    if not name:
        raise ValidationError(MSG_NAME, "name")
    if len(name) > NAME_MAX:
        raise ValidationError(MSG_NAME_LONG, "name")
    if deadline_days is not None and not 1 <= deadline_days <= 90:
        raise ValidationError(MSG_DAYS, "deadline_days")
    address, phone = normalize(address or ""), normalize(phone or "")
    if len(address) > ADDRESS_MAX:
        raise ValidationError(MSG_ADDRESS_LONG, "address")
    if len(phone) > PHONE_MAX:
        raise ValidationError(MSG_PHONE_LONG, "phone")
    return {"name": name, "deadline_days": deadline_days, "address": address, "phone": phone}


def save_agency(store: Store, actor: Actor, *, name: str, deadline_days: int | None = None,
                address: str = "", phone: str = "", active: bool = True,
                agency_id: str | None = None) -> AgencyView:
    """Add an agency, or correct one (`agency_id` given). Only the admin edits the directory.

    A correction records only the fields that changed (two desks correcting different fields of
    one agency offline both keep their change); nothing changed records nothing. Two agencies of
    one name are refused: the forward dialog lists them by name."""
    require(actor, "admin")
    fields = _checked(name, deadline_days, address, phone)
    fields["active"] = bool(active)
    key = search_key(fields["name"])
    with store.transaction() as s:
        row = s.get(Agency, agency_id) if agency_id is not None else None
        if agency_id is not None and row is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        for other in s.scalars(select(Agency).where(Agency.id != (agency_id or ""))):
            if search_key(other.name) == key:
                raise ValidationError(MSG_NAME_TAKEN, "name")
        if row is None:
            aid = new_id()
            store.record(s, actor, "agency.set", aid, fields, subject=fields["name"])
        else:
            aid = row.id
            changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
            if changed:
                store.record(s, actor, "agency.set", aid, changed, subject=fields["name"])
        a = s.get(Agency, aid)
        assert a is not None
        return _view(a)


def set_agency_active(store: Store, actor: Actor, agency_id: str, active: bool) -> AgencyView:
    """Take an agency out of the forward dialog (or put it back). Never deleted: forwarded cases
    and their letters name it."""
    require(actor, "admin")
    with store.transaction() as s:
        row = s.get(Agency, agency_id) if agency_id else None
        if row is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        if row.active != bool(active):
            store.record(s, actor, "agency.set", agency_id, {"active": bool(active)}, subject=row.name)
        return _view(row)


def default_deadline(calendar: WorkingCalendar, agency: AgencyView, day: date) -> date:
    """The agency's answer deadline for a letter sent on `day`: N working days later."""
    return calendar.add_working_days(day, agency.effective_deadline_days)
