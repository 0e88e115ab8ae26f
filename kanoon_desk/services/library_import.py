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
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "titles": ("title",), "copies": ("barcode",), "members": ("first_name", "last_name")}


@dataclass
class ImportRow:
    line: int  # the row number in the file (the heading is row 1)
    values: dict[str, str]
    error: str = ""
    field: str = ""


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


def _check_row(s: Session, actor: Actor, kind: str, v: dict[str, str], seen: dict[str, set[str]],
               today: date) -> dict[str, Any]:
    """Validate one row against the store and the rows above it; returns the event payload."""
    for name in REQUIRED[kind]:
        if not v.get(name):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید."), name)
    if kind == "titles":
        p = validate_title(TitleInput(v.get("title", ""), v.get("author", ""), v.get("publisher", ""),
                                      v.get("isbn", ""), v.get("age_group", ""), v.get("subject", "")))
        if p["isbn"]:
            _unique(seen, "isbn", p["isbn"])
        return p
    if kind == "copies":
        code = validate_barcode(s, v["barcode"])
        _unique(seen, "barcode", code)
        title_id = _find_title(s, v)
        centre = v.get("centre") or actor.office_code
        if not centre_exists(s, centre):
            raise ValidationError(MSG_CENTRE, "centre")
        return {"barcode": code, "title_id": title_id, "home_centre": centre, "shelf": v.get("shelf", "").upper(),
                "loanable": True}
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
        _unique(seen, "national_id", p["national_id"])
    return p


def _unique(seen: dict[str, set[str]], name: str, value: str) -> None:
    bucket = seen.setdefault(name, set())
    if value in bucket:
        raise ValidationError(MSG_DUP_IN_FILE, name)
    bucket.add(value)


def _find_title(s: Session, v: dict[str, str]) -> str:
    if v.get("isbn"):
        try:
            isbn = normalize_isbn(v["isbn"])
        except ValueError:
            isbn = ""
        found = s.scalar(select(Title.id).where(Title.isbn == isbn).limit(1)) if isbn else None
        if found:
            return found
    if v.get("title"):
        found = s.scalar(select(Title.id).where(Title.title == normalize(v["title"])).limit(1))
        if found:
            return found
    raise ValidationError(MSG_TITLE_UNKNOWN, "title")


def _validate_all(s: Session, actor: Actor, kind: str, rows: list[tuple[int, dict[str, str]]],
                  today: date) -> tuple[ImportPreview, list[dict[str, Any]]]:
    preview = ImportPreview(kind)
    payloads: list[dict[str, Any]] = []
    seen: dict[str, set[str]] = {}
    for n, values in rows:
        row = ImportRow(n, values)
        try:
            payloads.append(_check_row(s, actor, kind, values, seen, today))
        except ServiceError as exc:
            row.error, row.field = exc.message, exc.field or ""
        preview.rows.append(row)
    return preview, payloads


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
        checked, payloads = _validate_all(s, actor, preview.kind, [(r.line, r.values) for r in preview.rows], today)
        if checked.errors:
            preview.rows = checked.rows
            raise ValidationError(MSG_HAS_ERRORS, "path")
        event = {"titles": "title.added", "copies": "copy.added", "members": "member.registered"}[preview.kind]
        for p in payloads:
            if preview.kind == "members":
                p["member_no"] = _new_code(store, s, "member_no", 6)
            subject = p.get("barcode") or p.get("member_no") or p.get("title", "")
            store.record(s, actor, event, new_id(), p, subject=str(subject)[:200])
    return len(payloads)
