"""Import titles, copies and members from the CSV/XLSX files centres keep: preview, per-row errors, all or nothing."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, ServiceError, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models.library import Title
from ..persian import normalize, normalize_isbn, parse_jalali_date
from ..store import Store
from .accounts import require
from .library import (
    LIBRARIAN,
    MSG_CENTRE,
    MemberInput,
    TitleInput,
    _new_code,
    centre_exists,
    isbn_key,
    title_by_isbn,
    validate_barcode,
    validate_member,
    validate_title,
)

KINDS = ("titles", "copies", "members")

MSG_FILE_TYPE = QT_TRANSLATE_NOOP("Errors", "فقط پرونده CSV یا XLSX را می‌توان درون‌ریزی کرد.")
MSG_FILE_EMPTY = QT_TRANSLATE_NOOP("Errors", "پرونده ردیفی ندارد.")
MSG_HAS_ERRORS = QT_TRANSLATE_NOOP("Errors", "پرونده ردیف نادرست دارد؛ هیچ ردیفی درون‌ریزی نشد.")
MSG_COLUMN_MISSING = QT_TRANSLATE_NOOP("Errors", "ستون لازم در پرونده نیست.")
MSG_DUP_IN_FILE = QT_TRANSLATE_NOOP("Errors", "این مقدار در ردیف دیگری از همین پرونده هم آمده است.")
MSG_TITLE_UNKNOWN = QT_TRANSLATE_NOOP("Errors", "عنوانی با این شابک یا نام در فهرست نیست.")
MSG_DATE = QT_TRANSLATE_NOOP("Errors", "تاریخ درست نیست (مانند ۱۴۰۳/۰۵/۱۲).")
MSG_LOANABLE = QT_TRANSLATE_NOOP("Errors", "ستون امانت‌دادنی «بله» یا «خیر» باشد.")
#: notes of a row that joins a title already there (`{t}`: its name, ImportRow.note_title)
MSG_TITLE_KNOWN = QT_TRANSLATE_NOOP("Errors", "این کتاب با همین شابک در فهرست هست: «{t}»؛ عنوان دوباره ساخته نمی‌شود.")
MSG_JOINS_TITLE = QT_TRANSLATE_NOOP("Errors", "نسخه به عنوان «{t}» افزوده می‌شود که در فهرست هست.")
MSG_JOINS_ROW = QT_TRANSLATE_NOOP("Errors", "نسخه به عنوان «{t}» از ردیف بالاتر همین پرونده افزوده می‌شود.")

#: How a "loanable" cell says yes or no (empty: yes, the usual case).
YES = frozenset({"", "بله", "آری", "اری", "هست", "دارد", "1", "yes", "y", "true"})
NO = frozenset({"خیر", "نه", "نیست", "ندارد", "0", "no", "n", "false"})

#: Accepted column headings (Persian as centres write them, or English) → field name.
HEADERS: dict[str, str] = {
    "عنوان": "title", "نام کتاب": "title", "title": "title",
    "نویسنده": "author", "پدیدآورنده": "author", "author": "author",
    "ناشر": "publisher", "publisher": "publisher",
    "شابک": "isbn", "isbn": "isbn",
    "گروه سنی": "age_group", "age_group": "age_group",
    "موضوع": "subject", "subject": "subject",
    "بارکد": "barcode", "barcode": "barcode",
    "مرکز": "centre", "کد مرکز": "centre", "centre": "centre",
    "قفسه": "shelf", "shelf": "shelf",
    "نام": "first_name", "first_name": "first_name",
    "نام خانوادگی": "last_name", "last_name": "last_name",
    "کد ملی": "national_id", "national_id": "national_id",
    "تاریخ تولد": "birth_date", "birth_date": "birth_date",
    "گروه عضویت": "category", "category": "category",
    "تلفن": "phone", "شماره همراه": "phone", "phone": "phone",
    "نام ولی": "guardian_name", "guardian_name": "guardian_name",
    "تلفن ولی": "guardian_phone", "guardian_phone": "guardian_phone",
    "پایان عضویت": "expires_on", "expires_on": "expires_on",
    "امانت‌دادنی": "loanable", "امانت دادنی": "loanable", "امانت": "loanable", "loanable": "loanable",
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "titles": ("title",), "copies": ("barcode",), "members": ("first_name", "last_name")}


@dataclass
class ImportRow:
    line: int  # the row number in the file (the heading is row 1)
    values: dict[str, str]
    error: str = ""
    field: str = ""
    #: what the row does besides the plain case (Persian, "Errors" context, `{t}`: note_title)
    note: str = ""
    note_title: str = ""


#: One event an import row writes: (type, aggregate id, payload).
Write = tuple[str, str, dict[str, Any]]


@dataclass
class _FileState:
    """What the rows above have claimed: values that must be unique, and the titles they add by
    ISBN key (id, name) — a later row with that ISBN and a barcode is a copy of that title."""

    seen: dict[str, set[str]] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class ImportPreview:
    kind: str
    rows: list[ImportRow] = field(default_factory=list)

    @property
    def errors(self) -> list[ImportRow]:
        return [r for r in self.rows if r.error]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


def read_table(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(row number, values by field name) of the first sheet (XLSX) or the file (CSV, UTF-8 with or
    without BOM); blank rows are skipped but keep their numbers."""
    suffix = path.suffix.lower()
    raw: list[list[Any]]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            raw = [list(r) for r in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    elif suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as f:
            raw = [list(r) for r in csv.reader(f)]
    else:
        raise ValidationError(MSG_FILE_TYPE, "path")
    if not raw:
        raise ValidationError(MSG_FILE_EMPTY, "path")
    names = [HEADERS.get(normalize(str(h or "")).lower(), "") for h in raw[0]]
    rows = []
    for line, r in enumerate(raw[1:], start=2):
        if all(v is None or str(v).strip() == "" for v in r):
            continue
        rows.append((line, {n: _cell(v) for n, v in zip(names, r, strict=False) if n}))
    return rows


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return normalize(str(v))


def _jalali(text: str, field_name: str) -> date | None:
    if not text:
        return None
    try:
        return parse_jalali_date(text)
    except ValueError:
        raise ValidationError(MSG_DATE, field_name) from None


def _loanable(v: dict[str, str]) -> bool:
    text = normalize(v.get("loanable", "")).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError(MSG_LOANABLE, "loanable")


def _copy_payload(s: Session, actor: Actor, v: dict[str, str], state: _FileState) -> dict[str, Any]:
    """A copy's payload from a row's barcode, centre, shelf and loanable cells (title_id to fill)."""
    code = validate_barcode(s, v["barcode"])
    _unique(state.seen, "barcode", code)
    centre = v.get("centre") or actor.office_code
    if not centre_exists(s, centre):
        raise ValidationError(MSG_CENTRE, "centre")
    return {"barcode": code, "title_id": "", "home_centre": centre, "shelf": v.get("shelf", "").upper(),
            "loanable": _loanable(v)}


def _title_writes(s: Session, actor: Actor, v: dict[str, str], state: _FileState, row: ImportRow) -> list[Write]:
    """A title row: a new title, unless its ISBN (either form) is in the catalogue or on a row
    above; with a barcode, a copy of that title too."""
    p = validate_title(TitleInput(v.get("title", ""), v.get("author", ""), v.get("publisher", ""),
                                  v.get("isbn", ""), v.get("age_group", ""), v.get("subject", "")))
    copy = _copy_payload(s, actor, v, state) if v.get("barcode") else None
    key = isbn_key(p["isbn"]) if p["isbn"] else ""
    title_id = ""
    if key:
        known = title_by_isbn(s, p["isbn"])
        if known is not None:
            title_id = known.id
            row.note, row.note_title = (MSG_JOINS_TITLE if copy else MSG_TITLE_KNOWN), known.title
        elif key in state.titles:
            if copy is None:
                raise ValidationError(MSG_DUP_IN_FILE, "isbn")
            title_id, name = state.titles[key]
            row.note, row.note_title = MSG_JOINS_ROW, name
    writes: list[Write] = []
    if not title_id:
        title_id = new_id()
        writes.append(("title.added", title_id, p))
        if key:
            state.titles[key] = (title_id, p["title"])
    if copy is not None:
        writes.append(("copy.added", new_id(), {**copy, "title_id": title_id}))
    return writes


def _check_row(s: Session, actor: Actor, kind: str, v: dict[str, str], state: _FileState, today: date,
               row: ImportRow) -> list[Write]:
    """Validate one row against the store and the rows above it; returns the events it writes."""
    for name in REQUIRED[kind]:
        if not v.get(name):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید."), name)
    if kind == "titles":
        return _title_writes(s, actor, v, state, row)
    if kind == "copies":
        copy = _copy_payload(s, actor, v, state)
        title = _find_title(s, v)
        if v.get("isbn") and title.isbn:
            row.note, row.note_title = MSG_JOINS_TITLE, title.title
        return [("copy.added", new_id(), {**copy, "title_id": title.id})]
    national_id = v.get("national_id", "")
    if national_id.isdigit() and 8 <= len(national_id) < 10:  # Excel kept it as a number: zeros lost
        national_id = national_id.zfill(10)
    data = MemberInput(first_name=v.get("first_name", ""), last_name=v.get("last_name", ""),
                       national_id=national_id, category=v.get("category", ""),
                       birth_date=_jalali(v.get("birth_date", ""), "birth_date"), phone=v.get("phone", ""),
                       guardian_name=v.get("guardian_name", ""), guardian_phone=v.get("guardian_phone", ""),
                       home_centre=v.get("centre", ""), expires_on=_jalali(v.get("expires_on", ""), "expires_on"))
    p = validate_member(s, actor, data, today)
    if p["national_id"]:
        _unique(state.seen, "national_id", p["national_id"])
    return [("member.registered", new_id(), p)]


def _unique(seen: dict[str, set[str]], name: str, value: str) -> None:
    bucket = seen.setdefault(name, set())
    if value in bucket:
        raise ValidationError(MSG_DUP_IN_FILE, name)
    bucket.add(value)


def _find_title(s: Session, v: dict[str, str]) -> Title:
    """The title a copy row names: by ISBN (either form), else by its exact name."""
    if v.get("isbn"):
        try:
            isbn = normalize_isbn(v["isbn"])
        except ValueError:
            isbn = ""
        found = title_by_isbn(s, isbn)
        if found is not None:
            return found
    if v.get("title"):
        named = s.scalar(select(Title).where(Title.title == normalize(v["title"])).order_by(Title.added_at).limit(1))
        if named is not None:
            return named
    raise ValidationError(MSG_TITLE_UNKNOWN, "title")


def _validate_all(s: Session, actor: Actor, kind: str, rows: list[tuple[int, dict[str, str]]],
                  today: date) -> tuple[ImportPreview, list[list[Write]]]:
    preview = ImportPreview(kind)
    writes: list[list[Write]] = []
    state = _FileState()
    for n, values in rows:
        row = ImportRow(n, values)
        try:
            writes.append(_check_row(s, actor, kind, values, state, today, row))
        except ServiceError as exc:
            row.error, row.field, row.note = exc.message, exc.field or "", ""
        preview.rows.append(row)
    return preview, writes


def preview_import(store: Store, actor: Actor, kind: str, path: Path, *, today: date | None = None) -> ImportPreview:
    """Read and check every row; nothing is written. Each bad row carries its Persian error."""
    require(actor, *LIBRARIAN)
    if kind not in KINDS:
        raise ValueError(kind)
    rows = read_table(path)
    if not rows:
        raise ValidationError(MSG_FILE_EMPTY, "path")
    with store.read() as s:
        preview, _ = _validate_all(s, actor, kind, rows, today or date.today())
    return preview


def commit_import(store: Store, actor: Actor, preview: ImportPreview, *, today: date | None = None) -> int:
    """Write every row in one transaction, checked again inside it: all rows or none."""
    require(actor, *LIBRARIAN)
    if not preview.rows:
        raise ValidationError(MSG_FILE_EMPTY, "path")
    today = today or date.today()
    with store.transaction() as s:
        checked, writes = _validate_all(s, actor, preview.kind, [(r.line, r.values) for r in preview.rows], today)
        if checked.errors:
            preview.rows = checked.rows
            raise ValidationError(MSG_HAS_ERRORS, "path")
        for row_writes in writes:
            for event, aggregate_id, p in row_writes:
                if event == "member.registered":
                    p["member_no"] = _new_code(store, s, "member_no", 6)
                subject = p.get("barcode") or p.get("member_no") or p.get("title", "")
                store.record(s, actor, event, aggregate_id, p, subject=str(subject)[:200])
    return sum(1 for row_writes in writes if row_writes)
