"""The province's agency directory (admin-editable) and the forwarding deadline it implies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import collate, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import Event
from ..models.secretariat import Agency
from ..persian import WorkingCalendar, normalize, normalize_text, search_key, to_ascii_digits
from ..persian_script import COLLATION
from ..store import Store
from .accounts import require
from .sheets import MSG_FORMULA_UNCOMPUTED, Progress, read_rows, tell

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
        q = select(Agency).order_by(collate(Agency.name, COLLATION))
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
    address, phone = normalize_text(address or ""), normalize(phone or "")
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


def agency_name_at(s: Session, agency_id: str, hlc: int) -> str | None:
    """The name the agency had at the stamp `hlc` (its last `agency.set` naming it, by fold order,
    at or before it), or None when it had none yet. What a forward written by an older version
    (its event names no agency) was sent to: the name in force when it was recorded."""
    name: str | None = None
    for set_hlc, payload in s.execute(select(Event.hlc, Event.payload).where(
            Event.aggregate_id == agency_id, Event.type == "agency.set").order_by(Event.hlc, Event.id)):
        if set_hlc > hlc:
            break
        if "name" in payload:
            name = str(payload["name"])
    return name


def sent_to(s: Session, event: Event) -> str | None:
    """The agency's name as a forward (or a follow-up of one) wrote it on its letter: the name the
    event keeps (the name the desk that recorded it knew, as it printed it), else the one in force at
    its stamp. A rename since does not change a letter already sent."""
    kept = event.payload.get("agency_name")
    if isinstance(kept, str) and kept:
        return kept
    agency_id = event.payload.get("agency_id")
    return agency_name_at(s, agency_id, event.hlc) if isinstance(agency_id, str) and agency_id else None


def default_deadline(calendar: WorkingCalendar, agency: AgencyView, day: date) -> date:
    """The agency's answer deadline for a letter sent on `day`: N working days later."""
    return calendar.add_working_days(day, agency.effective_deadline_days)


# -- import from a sheet ------------------------------------------------------------------------

#: Accepted column headings of an agency list (Persian as offices write them, or English).
AGENCY_HEADINGS: dict[str, str] = {
    "نام": "name", "نام دستگاه": "name", "دستگاه": "name", "دستگاه اجرایی": "name", "name": "name",
    "مهلت": "deadline_days", "مهلت پاسخ": "deadline_days", "مهلت (روز کاری)": "deadline_days",
    "deadline_days": "deadline_days", "deadline": "deadline_days",
    "تلفن": "phone", "phone": "phone", "نشانی": "address", "address": "address",
}
MSG_NO_NAME_COLUMN = QT_TRANSLATE_NOOP("Errors", "پرونده ستون «نام» دستگاه‌ها را ندارد.")
MSG_DUP_NAME_IN_FILE = QT_TRANSLATE_NOOP("Errors", "این نام در ردیف دیگری از همین پرونده هم آمده است.")
MSG_AGENCY_ROWS_WRONG = QT_TRANSLATE_NOOP("Errors", "پرونده ردیف نادرست دارد؛ هیچ دستگاهی افزوده نشد.")


@dataclass(frozen=True)
class AgencyRow:
    """One row of an agency list: what it would add, or why it cannot (`error` at `field`)."""

    line: int
    name: str
    deadline_days: int | None
    phone: str
    address: str
    error: str = ""
    field: str = ""
    #: the deadline's cell as the file wrote it (shown when it is what is wrong)
    deadline_text: str = ""


class AgencyRows(list[AgencyRow]):
    """The rows of an agency list, and the headings of the file's columns that name no field (not
    read: the preview says so, `sheets.MSG_UNKNOWN_COLUMN`)."""

    def __init__(self, rows: list[AgencyRow], unknown_columns: list[str],
                 headings: dict[str, str] | None = None) -> None:
        super().__init__(rows)
        self.unknown_columns = unknown_columns
        #: each field's column heading as the file writes it (a row's error names its column so)
        self.headings = dict(headings or {})


def preview_agencies(store: Store, actor: Actor, path: Path, *, progress: Progress | None = None) -> AgencyRows:
    """Every row of an agency list (CSV or XLSX: name, and perhaps deadline in working days, phone,
    address) checked as the form checks one, against the directory and the rows above it.
    `progress` is told as the file is read (0 of 0) and each row checked; it may stop the preview
    (`ImportCancelled`)."""
    require(actor, "admin")
    table = read_rows(path, AGENCY_HEADINGS, tick=None if progress is None else lambda: tell(progress, 0, 0))
    if "name" not in table.headings:
        raise ValidationError(MSG_NO_NAME_COLUMN, "path")
    with store.read() as s:
        taken = {search_key(name) for name in s.scalars(select(Agency.name))}
    out: list[AgencyRow] = []
    seen: set[str] = set()
    tell(progress, 0, len(table.rows))
    for line, v in table.rows:
        if out:
            tell(progress, len(out), len(table.rows))
        formulas = table.uncomputed.get(line)
        if formulas:  # a formula the file keeps no value for: said, never read as an empty cell
            out.append(AgencyRow(line, v.get("name", ""), None, v.get("phone", ""), v.get("address", ""),
                                 MSG_FORMULA_UNCOMPUTED, formulas[0], v.get("deadline_days", "")))
            continue
        days_text = to_ascii_digits(v.get("deadline_days", "").strip())
        try:
            days = int(days_text) if days_text else None
            fields = _checked(v.get("name", ""), days, v.get("address", ""), v.get("phone", ""))
        except ValueError:  # a deadline that is not a number of days
            out.append(AgencyRow(line, v.get("name", ""), None, v.get("phone", ""), v.get("address", ""),
                                 MSG_DAYS, "deadline_days", v.get("deadline_days", "")))
            continue
        except ValidationError as err:
            out.append(AgencyRow(line, v.get("name", ""), None, v.get("phone", ""), v.get("address", ""),
                                 err.message, err.field or "", v.get("deadline_days", "")))
            continue
        key = search_key(fields["name"])
        error = MSG_NAME_TAKEN if key in taken else MSG_DUP_NAME_IN_FILE if key in seen else ""
        seen.add(key)
        out.append(AgencyRow(line, fields["name"], fields["deadline_days"], fields["phone"], fields["address"],
                             error, "name" if error else ""))
    tell(progress, len(out), len(table.rows))
    return AgencyRows(out, table.unknown, table.headings)


def import_agencies(store: Store, actor: Actor, rows: list[AgencyRow], *, progress: Progress | None = None) -> int:
    """Add the previewed agencies, all of them in one transaction or none (a wrong row, or a name
    another desk's sync brought meanwhile, refuses the whole list); how many were added. `progress`
    is told each row added; stopped there, the transaction is rolled back (`ImportCancelled`)."""
    require(actor, "admin")
    if not rows or any(r.error for r in rows):
        raise ValidationError(MSG_AGENCY_ROWS_WRONG, "path")
    with store.transaction() as s:
        taken = {search_key(name) for name in s.scalars(select(Agency.name))}
        tell(progress, 0, len(rows))
        for done, r in enumerate(rows, start=1):
            if search_key(r.name) in taken:
                raise ValidationError(MSG_NAME_TAKEN, "name")
            fields = {"name": r.name, "deadline_days": r.deadline_days, "address": r.address, "phone": r.phone,
                      "active": True}
            store.record(s, actor, "agency.set", new_id(), fields, subject=r.name)
            tell(progress, done, len(rows))
    return len(rows)

