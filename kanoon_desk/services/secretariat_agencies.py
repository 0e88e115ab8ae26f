"""The province's agency directory (admin-editable) and the forwarding deadline it implies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models.secretariat import Agency
from ..persian import WorkingCalendar, normalize
from ..store import Store
from .accounts import require

DEFAULT_DEADLINE_DAYS = 15

MSG_NAME = QT_TRANSLATE_NOOP("Errors", "نام دستگاه را بنویسید.")
MSG_DAYS = QT_TRANSLATE_NOOP("Errors", "مهلت پاسخ باید بین ۱ تا ۹۰ روز کاری باشد.")
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
        a = s.get(Agency, agency_id)
        if a is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        return _view(a)


def save_agency(store: Store, actor: Actor, *, name: str, deadline_days: int | None = None,
                address: str = "", phone: str = "", active: bool = True,
                agency_id: str | None = None) -> AgencyView:
    """Add an agency, or change one (`agency_id` given). Only the admin edits the directory."""
    require(actor, "admin")
    name = normalize(name or "")
    if not name:
        raise ValidationError(MSG_NAME, "name")
    if deadline_days is not None and not 1 <= deadline_days <= 90:
        raise ValidationError(MSG_DAYS, "deadline_days")
    aid = agency_id or new_id()
    with store.transaction() as s:
        if agency_id is not None and s.get(Agency, agency_id) is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        store.record(s, actor, "agency.set", aid, {
            "name": name, "deadline_days": deadline_days, "address": normalize(address or ""),
            "phone": normalize(phone or ""), "active": bool(active)}, subject=name)
        a = s.get(Agency, aid)
        assert a is not None
        return _view(a)


def default_deadline(calendar: WorkingCalendar, agency: AgencyView, day: date) -> date:
    """The agency's answer deadline for a letter sent on `day`: N working days later."""
    return calendar.add_working_days(day, agency.effective_deadline_days)
