"""The province's agency directory (admin-editable) and the forwarding deadline it implies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import collate, func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import Event
from ..models.secretariat import Agency, Case, Forward
from ..persian import WorkingCalendar, normalize, normalize_text, search_key, to_ascii_digits
from ..persian_script import COLLATION
from ..projections.secretariat.parties import survivors
from ..store import Store
from .accounts import calendar_in, require
from .secretariat_common import _stamp
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
MSG_MERGE_CHOOSE = QT_TRANSLATE_NOOP("Errors", "دستگاهی را که کارها به آن می‌رود برگزینید.")
MSG_MERGE_SELF = QT_TRANSLATE_NOOP("Errors", "دستگاه را نمی‌توان در خودش ادغام کرد؛ دستگاه دیگری برگزینید.")
MSG_MERGED_ALREADY = QT_TRANSLATE_NOOP("Errors", "«{name}» پیش‌تر در «{into}» ادغام شده است.")
MSG_MERGE_INTO_MERGED = QT_TRANSLATE_NOOP(
    "Errors", "«{name}» خود در «{into}» ادغام شده است؛ «{into}» را برگزینید.")
MSG_MERGE_INTO_INACTIVE = QT_TRANSLATE_NOOP(
    "Errors", "«{name}» از فهرست ارجاع بیرون است؛ نخست آن را فعال کنید یا دستگاه دیگری برگزینید.")
MSG_NOT_MERGED = QT_TRANSLATE_NOOP("Errors", "«{name}» در دستگاه دیگری ادغام نشده است؛ ادغامی برای برگرداندن نیست.")
MSG_UNMERGE_TWIN = QT_TRANSLATE_NOOP(
    "Errors", "«{name}» و «{into}» در دو میز جدا در یکدیگر ادغام شده‌اند؛ نخست ادغام «{into}» را برگردانید.")
MSG_MERGED_NO_ACTIVE = QT_TRANSLATE_NOOP(
    "Errors", "«{name}» در «{into}» ادغام شده است و دوباره فعال نمی‌شود؛ کارهایش با «{into}» است.")


@dataclass(frozen=True)
class AgencyView:
    id: str
    name: str
    deadline_days: int | None
    address: str
    phone: str
    #: False for one taken out of the forward dialog, and for one merged into another
    active: bool
    #: the agency that holds its work since it was merged (`merge_agency`), and its name and the day
    merged_into: str | None = None
    merged_into_name: str = ""
    merged_on: date | None = None

    @property
    def effective_deadline_days(self) -> int:
        return self.deadline_days or DEFAULT_DEADLINE_DAYS


def _view(s: Session, a: Agency, into: dict[str, str] | None = None) -> AgencyView:
    final = (survivors(s) if into is None else into).get(a.id)
    if final is None:
        return AgencyView(a.id, a.name, a.deadline_days, a.address, a.phone, a.active)
    return AgencyView(a.id, a.name, a.deadline_days, a.address, a.phone, False, final,
                      s.scalar(select(Agency.name).where(Agency.id == final)) or "", a.merged_on)


def list_agencies(store: Store, *, include_inactive: bool = False) -> list[AgencyView]:
    """The directory by name; without `include_inactive`, only the agencies a case may be sent to
    (neither taken out nor merged into another)."""
    with store.read() as s:
        into = survivors(s)
        q = select(Agency).order_by(collate(Agency.name, COLLATION))
        if not include_inactive:
            q = q.where(Agency.active.is_(True))
        views = [_view(s, a, into) for a in s.scalars(q)]
        return views if include_inactive else [v for v in views if v.merged_into is None]


def get_agency(store: Store, agency_id: str) -> AgencyView:
    with store.read() as s:
        a = s.get(Agency, agency_id) if agency_id else None
        if a is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        return _view(s, a)


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
        return _view(s, a)


def set_agency_active(store: Store, actor: Actor, agency_id: str, active: bool) -> AgencyView:
    """Take an agency out of the forward dialog (or put it back). Never deleted: forwarded cases
    and their letters name it."""
    require(actor, "admin")
    with store.transaction() as s:
        row = s.get(Agency, agency_id) if agency_id else None
        if row is None:
            raise NotFound(MSG_NO_AGENCY, "agency_id")
        view = _view(s, row)
        if view.merged_into is not None and active:
            raise ValidationError(MSG_MERGED_NO_ACTIVE, "active", {"name": row.name, "into": view.merged_into_name})
        if row.active != bool(active):
            store.record(s, actor, "agency.set", agency_id, {"active": bool(active)}, subject=row.name)
        return _view(s, row)


@dataclass(frozen=True)
class MergePlan:
    """What merging `agency` into `into` moves (the confirmation says it): the cases it holds now
    (forwarded, waiting for its answer), those of them past their deadline, and the letters sent to
    it ever (they keep its name; the reports count them under the survivor)."""

    agency: AgencyView
    into: AgencyView
    open_cases: int
    overdue_cases: int
    letters: int


def _merge_checked(s: Session, agency_id: str, into_id: str) -> tuple[AgencyView, AgencyView]:
    a = s.get(Agency, agency_id) if agency_id else None
    if a is None:
        raise NotFound(MSG_NO_AGENCY, "agency_id")
    if not into_id:
        raise ValidationError(MSG_MERGE_CHOOSE, "into_id")
    b = s.get(Agency, into_id)
    if b is None:
        raise NotFound(MSG_NO_AGENCY, "into_id")
    if a.id == b.id:
        raise ValidationError(MSG_MERGE_SELF, "into_id")
    into = survivors(s)
    gone, kept = _view(s, a, into), _view(s, b, into)
    if gone.merged_into is not None:
        raise ValidationError(MSG_MERGED_ALREADY, "agency_id", {"name": gone.name, "into": gone.merged_into_name})
    if kept.merged_into is not None:
        raise ValidationError(MSG_MERGE_INTO_MERGED, "into_id", {"name": kept.name, "into": kept.merged_into_name})
    if not kept.active:
        raise ValidationError(MSG_MERGE_INTO_INACTIVE, "into_id", {"name": kept.name})
    return gone, kept


def merge_plan(store: Store, actor: Actor, agency_id: str, into_id: str, *, on: date | None = None) -> MergePlan:
    """The merge's checks and what it would move, for the admin to confirm (nothing written)."""
    require(actor, "admin")
    day, _at = _stamp(on)
    with store.read() as s:
        gone, kept = _merge_checked(s, agency_id, into_id)
        held = (Case.agency_id == gone.id, Case.status == "forwarded")
        open_cases = s.scalar(select(func.count()).select_from(Case).where(*held)) or 0
        cutoff = calendar_in(s).last_working_day_before(day)  # (`secretariat_search.late_cutoff`)
        overdue = s.scalar(select(func.count()).select_from(Case).where(*held, Case.deadline <= cutoff)) or 0
        letters = s.scalar(select(func.count()).select_from(Forward).where(
            Forward.agency_id == gone.id, Forward.status != "withdrawn")) or 0
        return MergePlan(gone, kept, open_cases, overdue, letters)


def merge_agency(store: Store, actor: Actor, agency_id: str, into_id: str, *, on: date | None = None) -> AgencyView:
    """Merge an agency into another (the governorate made them one): the cases it holds, late or
    not, are the survivor's (their deadlines as they were), it can no longer be chosen, and its
    letters, the cases' timelines and the reports' past keep its name (the reports count its cases
    under the survivor, with a note). One `agency.merged` event, seen by every office: a case
    forwarded to it at a desk that had not heard of the merge goes to the survivor once the two
    meet. Only the admin; the survivor's view is returned."""
    require(actor, "admin")
    day, _at = _stamp(on)
    with store.transaction() as s:
        gone, kept = _merge_checked(s, agency_id, into_id)
        store.record(s, actor, "agency.merged", gone.id,
                     {"into": kept.id, "into_name": kept.name, "name": gone.name, "day": day.isoformat()},
                     subject=gone.name)
        b = s.get(Agency, kept.id)
        assert b is not None
        return _view(s, b)


@dataclass(frozen=True)
class UnmergePlan:
    """What undoing a merge gives back (the confirmation says it): the cases still waiting on a
    letter sent to the merged agency (those answered or closed meanwhile stay as they ended), and
    of them those past their deadline."""

    agency: AgencyView
    into_name: str
    open_cases: int
    overdue_cases: int


def _unmerge_checked(s: Session, agency_id: str) -> tuple[Agency, AgencyView]:
    a = s.get(Agency, agency_id) if agency_id else None
    if a is None:
        raise NotFound(MSG_NO_AGENCY, "agency_id")
    view = _view(s, a)
    if a.merged_into is None:
        # (in a ring made at two desks apart, the survivor itself names the other as merged into)
        raise ValidationError(MSG_NOT_MERGED, "agency_id", {"name": a.name})
    if view.merged_into is None:  # the ring's survivor: its own merge is the one to undo first
        other = s.get(Agency, a.merged_into)
        raise ValidationError(MSG_UNMERGE_TWIN, "agency_id", {"name": a.name, "into": other.name if other else ""})
    return a, view


def unmerge_plan(store: Store, actor: Actor, agency_id: str, *, on: date | None = None) -> UnmergePlan:
    """The undoing's checks and what it would give back, for the admin to confirm (nothing written)."""
    require(actor, "admin")
    day, _at = _stamp(on)
    with store.read() as s:
        a, view = _unmerge_checked(s, agency_id)
        waiting = (select(Forward.case_id).join(Case, Case.id == Forward.case_id)
                   .where(Forward.agency_id == a.id, Forward.status == "open", Case.status == "forwarded"))
        open_cases = s.scalar(select(func.count()).select_from(waiting.distinct().subquery())) or 0
        overdue = s.scalar(select(func.count()).select_from(
            waiting.where(Case.deadline <= calendar_in(s).last_working_day_before(day)).distinct().subquery())) or 0
        into = s.scalar(select(Agency.name).where(Agency.id == a.merged_into)) or view.merged_into_name
        return UnmergePlan(view, into, open_cases, overdue)


def unmerge_agency(store: Store, actor: Actor, agency_id: str, *, on: date | None = None) -> AgencyView:
    """Undo a merge made by mistake: one `agency.unmerged` event naming the merge it undoes (`into`),
    seen by every office. The agency can be chosen again, the cases still waiting on a letter sent
    to it are its own again (their deadlines as they are), those answered or closed meanwhile stay
    as they ended; the reports count it on its own row again, and the agency's history and the
    cases' timelines say both steps. Every desk reaches the same result in any order of arrival: a
    later merge made at a desk apart stands. Only the admin; the agency's view is returned."""
    require(actor, "admin")
    day, _at = _stamp(on)
    with store.transaction() as s:
        a, view = _unmerge_checked(s, agency_id)
        into = s.get(Agency, a.merged_into) if a.merged_into else None
        store.record(s, actor, "agency.unmerged", a.id,
                     {"into": a.merged_into, "into_name": into.name if into else view.merged_into_name,
                      "name": a.name, "day": day.isoformat()}, subject=a.name)
        s.refresh(a)
        return _view(s, a)


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

