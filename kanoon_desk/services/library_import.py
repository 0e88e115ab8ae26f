"""Import titles, copies and members from the CSV/XLSX files centres keep: preview, per-row errors, all or nothing."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InputError, ServiceError, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import office_today
from ..models.accounts import Office
from ..models.library import Copy, Title
from ..persian import (
    JALALI_YEAR_MAX,
    JALALI_YEAR_MIN,
    format_jalali_date,
    normalize,
    normalize_isbn,
    normalize_national_id,
    parse_jalali_date,
    search_key,
)
from ..store import Store
from .accounts import require
from .library_catalogue import (
    TitleInput,
    isbn_key,
    title_by_isbn,
    title_by_name,
    titles_by_name,
    validate_barcode,
    validate_title,
)
from .library_common import LIBRARIAN, MSG_CENTRE, _new_code, centre_exists, clean_code
from .library_members import DuplicateChild, DuplicateNationalId, MemberInput, validate_member
from .library_rules import refuse_closed
from .sheets import (
    MSG_CANCELLED,
    MSG_FILE_EMPTY,
    MSG_FILE_TYPE,
    MSG_FILE_UNREADABLE,
    MSG_FORMULA_UNCOMPUTED,
    MSG_UNKNOWN_COLUMN,
    ImportCancelled,
    Progress,
    Table,
    read_rows,
    tell,
)

__all__ = ["KINDS", "HEADERS", "MSG_CANCELLED", "MSG_FILE_EMPTY", "MSG_FILE_TYPE", "MSG_FILE_UNREADABLE", "MSG_UNKNOWN_COLUMN",
           "ImportCancelled",
           "ImportPreview", "ImportRow", "Progress", "Table", "commit_import", "preview_import", "read_table"]

KINDS = ("titles", "copies", "members")

MSG_HAS_ERRORS = QT_TRANSLATE_NOOP("Errors", "پرونده ردیف نادرست دارد؛ هیچ ردیفی درون‌ریزی نشد.")
MSG_COLUMN_MISSING = QT_TRANSLATE_NOOP("Errors", "ستون لازم در پرونده نیست.")
MSG_DUP_IN_FILE = QT_TRANSLATE_NOOP("Errors", "این مقدار در ردیف دیگری از همین پرونده هم آمده است.")
MSG_CHILD_TWICE = QT_TRANSLATE_NOOP(
    "Errors", "همین کودک (همین نام با همین کد ملی ولی) در ردیف دیگری از همین پرونده هم آمده است.")
MSG_TITLE_UNKNOWN = QT_TRANSLATE_NOOP("Errors", "عنوانی با این شابک یا نام در فهرست نیست.")
MSG_LOANABLE = QT_TRANSLATE_NOOP("Errors", "ستون امانت‌دادنی «بله» یا «خیر» باشد.")
#: notes of a row that joins a title already there (`{t}`: its name, ImportRow.note_title)
MSG_TITLE_KNOWN = QT_TRANSLATE_NOOP("Errors", "این کتاب با همین شابک در فهرست هست: «{t}»؛ عنوان دوباره ساخته نمی‌شود.")
MSG_TITLE_NAMED = QT_TRANSLATE_NOOP(
    "Errors", "این کتاب با همین نام و نویسنده در فهرست هست: «{t}»؛ عنوان دوباره ساخته نمی‌شود.")
#: a row already in the store (the same file imported again): a note, and the row writes nothing
MSG_COPY_THERE = QT_TRANSLATE_NOOP("Errors", "نسخه‌ای با همین بارکد از همین کتاب در فهرست هست؛ دوباره افزوده نمی‌شود.")
MSG_MEMBER_THERE = QT_TRANSLATE_NOOP(
    "Errors", "این عضو پیش‌تر ثبت شده است (شماره عضویت {t})؛ دوباره ثبت نمی‌شود.")
MSG_JOINS_TITLE = QT_TRANSLATE_NOOP("Errors", "نسخه به عنوان «{t}» افزوده می‌شود که در فهرست هست.")
MSG_JOINS_ROW = QT_TRANSLATE_NOOP("Errors", "نسخه به عنوان «{t}» از ردیف بالاتر همین پرونده افزوده می‌شود.")
#: a member whose membership ended before the import (`{t}`: the Jalali date it ended)
MSG_IMPORTED_EXPIRED = QT_TRANSLATE_NOOP("Errors", "عضویت {t} به پایان رسیده است؛ عضو با عضویت پایان‌یافته درون‌ریزی می‌شود.")
MSG_CATEGORY_NAME = QT_TRANSLATE_NOOP("Errors", "گروه عضویت «کودک»، «نوجوان» یا «بزرگسال» باشد.")

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
    "گروه عضویت": "category", "گروه": "category", "category": "category",
    "تلفن": "phone", "شماره همراه": "phone", "تلفن همراه": "phone", "همراه": "phone", "موبایل": "phone",
    "شماره موبایل": "phone", "phone": "phone", "mobile": "phone",
    "نام ولی": "guardian_name", "guardian_name": "guardian_name",
    "تلفن ولی": "guardian_phone", "guardian_phone": "guardian_phone",
    "کد ملی ولی": "guardian_national_id", "guardian_national_id": "guardian_national_id",
    "پایان عضویت": "expires_on", "اعتبار تا": "expires_on", "expires_on": "expires_on",
    "امانت‌دادنی": "loanable", "امانت دادنی": "loanable", "امانت": "loanable", "loanable": "loanable",
}
#: A member category as centres write it (Persian or English, as the members list names it) → its
#: code; "" (کودک و نوجوان: a child or a teen) is decided by the birth date, a child without one.
CATEGORY_NAMES: dict[str, str] = {
    "کودک و نوجوان": "", "کودکان و نوجوانان": "", "کودک و نوجوانان": "",
    "کودک": "child", "کودکان": "child", "child": "child",
    "نوجوان": "teen", "نوجوانان": "teen", "teen": "teen",
    "بزرگسال": "adult", "بزرگ‌سال": "adult", "بزرگسالان": "adult", "adult": "adult",
}
#: The heading a field is named by in an error when the file has no such column.
FIELD_HEADINGS: dict[str, str] = {
    "title": "عنوان", "author": "نویسنده", "publisher": "ناشر", "isbn": "شابک", "age_group": "گروه سنی",
    "subject": "موضوع", "barcode": "بارکد", "centre": "مرکز", "shelf": "قفسه", "first_name": "نام",
    "last_name": "نام خانوادگی", "national_id": "کد ملی", "birth_date": "تاریخ تولد", "category": "گروه عضویت",
    "phone": "تلفن", "guardian_name": "نام ولی", "guardian_phone": "تلفن ولی", "expires_on": "پایان عضویت",
    "loanable": "امانت‌دادنی", "guardian_national_id": "کد ملی ولی",
}
#: A service's field name → the import's (a member's home centre is the file's "centre" column).
FIELD_ALIASES = {"home_centre": "centre"}
#: Stand-ins for required cells found wrong, so the rest of a row is still checked (never written).
_STAND_INS: dict[str, str] = {"title": "-", "first_name": "-", "last_name": "-", "guardian_name": "-",
                              "guardian_phone": "09120000000"}
REQUIRED: dict[str, tuple[str, ...]] = {
    "titles": ("title",), "copies": ("barcode",), "members": ("first_name", "last_name")}


@dataclass
class ImportRow:
    line: int  # the row number in the file (the heading is row 1)
    values: dict[str, str]
    error: str = ""  # the first of `errors`
    field: str = ""
    #: what the row does besides the plain case (Persian, "Errors" context, `{t}`: note_title)
    note: str = ""
    note_title: str = ""
    #: every error of the row: (field, Persian message, "Errors" context)
    errors: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    #: the values an error's message names (its `params`: who has this national ID), by field
    error_params: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    #: the fields whose cell is a formula the file keeps no value for (`sheets.UNCOMPUTED`): each
    #: an error of the row, however often it is checked again
    uncomputed: list[str] = dataclasses.field(default_factory=list)


#: One event an import row writes: (type, aggregate id, payload).
Write = tuple[str, str, dict[str, Any]]


@dataclass
class _FileState:
    """What the rows above have claimed: values that must be unique, and the titles they add by
    ISBN key (id, name) — a later row with that ISBN and a barcode is a copy of that title."""

    seen: dict[str, set[str]] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: the titles the store has by name and author, asked once for the file (thousands of rows
    #: name the same few; nothing is written while the rows are checked)
    named: dict[str, Title | None] = field(default_factory=dict)
    #: the office's centres, held so the session finds each in its identity map: every row asks
    #: whether its centre exists, and each asking loaded the centre anew (a third of a member row)
    centres: list[Office] = field(default_factory=list)


@dataclass
class _Claims:
    """What one row claims, kept apart until the row is checked: a row checked again (to find its
    other errors) must not meet its own barcode as a duplicate."""

    seen: list[tuple[str, str]] = field(default_factory=list)
    titles: list[tuple[str, tuple[str, str]]] = field(default_factory=list)

    def apply(self, state: _FileState) -> None:
        for name, value in self.seen:
            state.seen.setdefault(name, set()).add(value)
        state.titles.update(self.titles)


@dataclass
class ImportPreview:
    kind: str
    rows: list[ImportRow] = field(default_factory=list)
    #: each field's heading as the file writes it
    headings: dict[str, str] = field(default_factory=dict)
    #: the headings of the columns the import does not know (not read: said in the preview)
    unknown_columns: list[str] = field(default_factory=list)

    def column(self, field_name: str) -> str:
        """The column an error is about, as the file names it (or as the import calls it)."""
        return self.headings.get(field_name) or FIELD_HEADINGS.get(field_name, field_name)

    @property
    def errors(self) -> list[ImportRow]:
        return [r for r in self.rows if r.error]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


def read_table(path: Path, progress: Progress | None = None) -> Table:
    """The file's rows by the lending desk's column names (`sheets.read_rows` with `HEADERS`);
    `progress` is told (0, 0) as the rows are read: rows in all not known yet."""
    return read_rows(path, HEADERS, tick=None if progress is None else lambda: tell(progress, 0, 0))


#: A Jalali date written day first, as Persian forms (and sheets typed from them) write it: 5/1/1402.
_DAY_FIRST = re.compile(r"([0-9]{1,2})[/\-.]([0-9]{1,2})[/\-.]([0-9]{4})")


def _jalali(text: str, field_name: str) -> date | None:
    """A date cell: year first in any digits and separators (1402/1/5, ۱۴۰۲/۰۱/۰۵, 1402-01-05), or day
    first with a Jalali year (5/1/1402); a wrong one is said as the date field says it (the month
    out of 1–12, a day the month lacks, a Gregorian date written)."""
    if not text:
        return None
    cleaned = normalize(text)
    day_first = _DAY_FIRST.fullmatch(cleaned)
    if day_first is not None and JALALI_YEAR_MIN <= int(day_first.group(3)) <= JALALI_YEAR_MAX:
        cleaned = "/".join(reversed(day_first.groups()))
    try:
        return parse_jalali_date(cleaned)
    except InputError as exc:
        raise ValidationError(exc.message, field_name, exc.params) from None


def _loanable(v: dict[str, str]) -> bool:
    text = normalize(v.get("loanable", "")).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError(MSG_LOANABLE, "loanable")


def _copy_payload(s: Session, actor: Actor, v: dict[str, str], state: _FileState, claims: _Claims) -> dict[str, Any]:
    """A copy's payload from a row's barcode, centre, shelf and loanable cells (title_id to fill)."""
    code = validate_barcode(s, v["barcode"], scanned=False)  # a list's «1» beside its «10» is no scan cut short
    _unique(state, claims, "barcode", code)
    centre = v.get("centre") or actor.office_code
    if not centre_exists(s, centre):
        raise ValidationError(MSG_CENTRE, "centre")
    refuse_closed(s, centre, "centre")
    return {"barcode": code, "title_id": "", "home_centre": centre, "shelf": v.get("shelf", "").upper(),
            "loanable": _loanable(v)}


def _title_writes(s: Session, actor: Actor, v: dict[str, str], state: _FileState, claims: _Claims,
                  row: ImportRow) -> list[Write]:
    """A title row: a new title, unless its ISBN (either form) is in the catalogue or on a row
    above, or (without an ISBN) its name and author, written with ي/ك, a space for the half-space or
    the marks, are; with a barcode, a copy of that title too (none when that very copy is there)."""
    p = validate_title(TitleInput(v.get("title", ""), v.get("author", ""), v.get("publisher", ""),
                                  v.get("isbn", ""), v.get("age_group", ""), v.get("subject", "")))
    key = isbn_key(p["isbn"]) if p["isbn"] else ""
    named = _name_key(p["title"], p["author"])
    title_id, field_name = "", "isbn" if key else "title"
    if not key and named not in state.named:
        state.named[named] = _title_named(s, p["title"], p["author"])
    known = title_by_isbn(s, p["isbn"]) if key else state.named[named]
    if known is not None:
        title_id = known.id
        if v.get("barcode") and _copy_there(s, v, known.id):
            _unique(state, claims, "barcode", clean_code(v["barcode"]))
            row.note, row.note_title = MSG_COPY_THERE, known.title
            return []
    copy = _copy_payload(s, actor, v, state, claims) if v.get("barcode") else None
    if known is not None:
        row.note, row.note_title = (MSG_JOINS_TITLE if copy else MSG_TITLE_KNOWN if key else MSG_TITLE_NAMED), known.title
    elif (key or named) in state.titles:
        if copy is None:
            raise ValidationError(MSG_DUP_IN_FILE, field_name)
        title_id, name = state.titles[key or named]
        row.note, row.note_title = MSG_JOINS_ROW, name
    writes: list[Write] = []
    if not title_id:
        title_id = new_id()
        writes.append(("title.added", title_id, p))
        claims.titles.extend((k, (title_id, p["title"])) for k in (key, named) if k)
    if copy is not None:
        writes.append(("copy.added", new_id(), {**copy, "title_id": title_id}))
    return writes


def _name_key(title: str, author: str) -> str:
    """A title without an ISBN is the same book as another of the same name and author, as the
    search reads them (ي/ك, the half-space, the marks)."""
    return f"name:{search_key(title)}\n{search_key(author)}"


def _title_named(s: Session, title: str, author: str) -> Title | None:
    """The catalogue's first title of this name (as the search reads it) by this author."""
    key = _name_key(title, author)
    return next((t for t in titles_by_name(s, title) if _name_key(t.title, t.author) == key), None)


def _copy_there(s: Session, v: dict[str, str], title_id: str) -> bool:
    """Whether the row's barcode is already a copy of this title, at the centre the row names (if
    it names one): the row was imported before."""
    copy = s.scalar(select(Copy).where(Copy.barcode == clean_code(v.get("barcode", ""))).limit(1))
    return copy is not None and copy.title_id == title_id and v.get("centre", "") in ("", copy.home_centre)


def _category(text: str) -> str:
    """A member category cell: Persian (کودک، نوجوان، بزرگسال) or English; empty: from the birth date."""
    if not text:
        return ""
    found = CATEGORY_NAMES.get(normalize(text).lower())
    if found is None:
        raise ValidationError(MSG_CATEGORY_NAME, "category")
    return found


def _check_row(s: Session, actor: Actor, kind: str, v: dict[str, str], state: _FileState, claims: _Claims,
               today: date, row: ImportRow) -> list[Write]:
    """Validate one row against the store and the rows above it; returns the events it writes."""
    for name in REQUIRED[kind]:
        if not v.get(name):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "این خانه را پر کنید."), name)
    if kind == "titles":
        return _title_writes(s, actor, v, state, claims, row)
    if kind == "copies":
        try:
            there = _find_title(s, v)
        except ServiceError:
            there = None
        if there is not None and _copy_there(s, v, there.id):
            _unique(state, claims, "barcode", clean_code(v["barcode"]))
            row.note, row.note_title = MSG_COPY_THERE, there.title
            return []
        copy = _copy_payload(s, actor, v, state, claims)
        title = _find_title(s, v)
        if v.get("isbn") and title.isbn:
            row.note, row.note_title = MSG_JOINS_TITLE, title.title
        return [("copy.added", new_id(), {**copy, "title_id": title.id})]
    national_id, guardian_id = (_zeros_back(v.get(k, "")) for k in ("national_id", "guardian_national_id"))
    data = MemberInput(first_name=v.get("first_name", ""), last_name=v.get("last_name", ""),
                       national_id=national_id, category=_category(v.get("category", "")),
                       birth_date=_jalali(v.get("birth_date", ""), "birth_date"), phone=v.get("phone", ""),
                       guardian_name=v.get("guardian_name", ""), guardian_phone=v.get("guardian_phone", ""),
                       guardian_national_id=guardian_id, home_centre=v.get("centre", ""), expires_on=_jalali(v.get("expires_on", ""), "expires_on"))
    try:
        p = validate_member(s, actor, data, today, expired_ok=True)
    except (DuplicateNationalId, DuplicateChild) as taken:
        if search_key(taken.existing.full_name) != search_key(f"{data.first_name} {data.last_name}"):
            raise
        if national_id:  # the same member, imported before: a note, nothing written
            _unique(state, claims, "national_id", normalize_national_id(national_id))
        row.note, row.note_title = MSG_MEMBER_THERE, taken.existing.member_no
        return []
    if p["national_id"]:
        _unique(state, claims, "national_id", p["national_id"])
    elif p["guardian_national_id"]:
        _unique_child(state, claims, p)
    ended = date.fromisoformat(p["expires_on"])
    if ended < today:  # a member of years ago: kept, with the membership run out (renewed at the desk)
        row.note, row.note_title = MSG_IMPORTED_EXPIRED, format_jalali_date(ended)
    return [("member.registered", new_id(), p)]


def _zeros_back(national_id: str) -> str:
    """A national ID Excel kept as a number lost its leading zeros: they come back."""
    return national_id.zfill(10) if national_id.isdigit() and 8 <= len(national_id) < 10 else national_id


def _check_all_of_row(s: Session, actor: Actor, kind: str, values: dict[str, str], state: _FileState,
                      today: date, row: ImportRow) -> list[Write]:
    """Every error of a row, not only the first: a cell found wrong is set aside (or a required one
    stood in for) and the row checked again, until it passes or a column is wrong twice. A row with
    errors writes nothing; what it claims (a barcode, a national ID) still counts for the rows below.
    A formula cell without its value (`row.uncomputed`) is wrong from the start: never read as empty."""
    v = dict(values)
    claims = _Claims()
    for name in row.uncomputed:
        row.errors.append((name, MSG_FORMULA_UNCOMPUTED))
        _set_aside(kind, v, name, row.line)
    for _attempt in range(len(FIELD_HEADINGS) + 1):
        claims = _Claims()
        row.note = row.note_title = ""
        try:
            writes = _check_row(s, actor, kind, v, state, claims, today, row)
        except ServiceError as exc:
            name = FIELD_ALIASES.get(exc.field or "", exc.field or "")
            if any(f == name for f, _ in row.errors):
                break
            row.errors.append((name, exc.message))
            if exc.params:
                row.error_params[name] = {k: str(v) for k, v in exc.params.items()}
            _set_aside(kind, v, name, row.line)
            continue
        if not row.errors:
            claims.apply(state)
            return writes
        break
    claims.apply(state)
    row.note = row.note_title = ""
    row.field, row.error = row.errors[0]
    return []


def _set_aside(kind: str, v: dict[str, str], name: str, line: int) -> None:
    """A cell found wrong, out of the row's next check: a required one stood in for, a barcode
    made unique to the row, any other left out."""
    if name in _STAND_INS and not (kind == "copies" and name == "title"):
        v[name] = _STAND_INS[name]
    elif name == "barcode":
        v[name] = f"IMPORTCHECK{line}"
    else:
        v.pop(name, None)


def _unique(state: _FileState, claims: _Claims, name: str, value: str) -> None:
    if value in state.seen.get(name, ()) or (name, value) in claims.seen:
        raise ValidationError(MSG_DUP_IN_FILE, name)
    claims.seen.append((name, value))


def _unique_child(state: _FileState, claims: _Claims, p: dict[str, Any]) -> None:
    """A child known only by the guardian's national ID is the same child as a row above of the
    same name (as the search reads it) under the same ID, unless both rows give birth dates that
    differ: the rule a registration follows against the members already there."""
    key = f"{p['guardian_national_id']}\n{search_key(p['first_name'] + ' ' + p['last_name'])}"
    born = p.get("birth_date") or ""
    for value in state.seen.get("child", set()) | {v for n, v in claims.seen if n == "child"}:
        other_key, _, other_born = value.rpartition("\n")
        if other_key == key and (not born or not other_born or born == other_born):
            raise ValidationError(MSG_CHILD_TWICE, "first_name")  # the name: what makes it the same child
    claims.seen.append(("child", f"{key}\n{born}"))


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
        named = title_by_name(s, v["title"])
        if named is not None:
            return named
    raise ValidationError(MSG_TITLE_UNKNOWN, "title")


def _validate_all(s: Session, actor: Actor, kind: str, rows: list[tuple[int, dict[str, str]]],
                  today: date, progress: Progress | None = None,
                  total: int = 0, uncomputed: dict[int, list[str]] | None = None) -> tuple[ImportPreview, list[list[Write]]]:
    preview = ImportPreview(kind)
    writes: list[list[Write]] = []
    state = _FileState(centres=list(s.scalars(select(Office))))
    tell(progress, 0, total or len(rows))
    for n, values in rows:
        row = ImportRow(n, values, uncomputed=list((uncomputed or {}).get(n, ())))
        writes.append(_check_all_of_row(s, actor, kind, values, state, today, row))
        preview.rows.append(row)
        tell(progress, len(preview.rows), total or len(rows))
    return preview, writes


def preview_import(store: Store, actor: Actor, kind: str, path: Path, *, today: date | None = None,
                   progress: Progress | None = None) -> ImportPreview:
    """Read and check every row; nothing is written. Each bad row carries its Persian error.
    `progress` is told each row checked and may stop the preview (ImportCancelled)."""
    require(actor, *LIBRARIAN)
    if kind not in KINDS:
        raise ValueError(kind)
    table = read_table(path, progress)
    if not table.rows:
        raise ValidationError(MSG_FILE_EMPTY, "path")
    with store.read() as s:
        preview, _ = _validate_all(s, actor, kind, table.rows, today or office_today(), progress,
                                   uncomputed=table.uncomputed)
    preview.headings = table.headings
    preview.unknown_columns = table.unknown
    return preview


def commit_import(store: Store, actor: Actor, preview: ImportPreview, *, today: date | None = None,
                  progress: Progress | None = None) -> int:
    """Write every row in one transaction, checked again inside it: all rows or none. `progress` is
    told each row checked, then each written (twice the rows in all); stopped there, the transaction
    is rolled back and nothing is written (ImportCancelled)."""
    require(actor, *LIBRARIAN)
    if not preview.rows:
        raise ValidationError(MSG_FILE_EMPTY, "path")
    today = today or office_today()
    total = 2 * len(preview.rows)
    with store.transaction() as s:
        checked, writes = _validate_all(s, actor, preview.kind, [(r.line, r.values) for r in preview.rows], today,
                                        progress, total, {r.line: r.uncomputed for r in preview.rows if r.uncomputed})
        if checked.errors:
            preview.rows = checked.rows
            raise ValidationError(MSG_HAS_ERRORS, "path")
        for done, row_writes in enumerate(writes, start=len(writes) + 1):
            for event, aggregate_id, p in row_writes:
                if event == "member.registered":
                    p["member_no"] = _new_code(store, s, "member_no", 6)
                subject = p.get("barcode") or p.get("member_no") or p.get("title", "")
                store.record(s, actor, event, aggregate_id, p, subject=str(subject)[:200])
            tell(progress, done, total)
    return sum(1 for row_writes in writes if row_writes)
