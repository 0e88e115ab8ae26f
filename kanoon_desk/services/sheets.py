"""Rows of the CSV and XLSX files offices keep (the lending desk's imports, the agency directory's):
the first sheet or the file, by the fields their column headings name; and the sheets the app
writes (`append_rows`, `finish_sheet`, `csv_safe`): text never read as a formula, a bold heading
that stays in view, columns as wide as what they hold."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from ..persian import normalize

__all__ = ["MSG_FILE_EMPTY", "MSG_FILE_TYPE", "MSG_FILE_UNREADABLE", "MSG_UNKNOWN_COLUMN", "Table", "append_rows",
           "csv_safe", "finish_sheet", "read_rows"]

MSG_FILE_TYPE = QT_TRANSLATE_NOOP("Errors", "فقط پرونده CSV یا XLSX را می‌توان درون‌ریزی کرد.")
MSG_FILE_EMPTY = QT_TRANSLATE_NOOP("Errors", "پرونده ردیفی ندارد.")
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Errors", "پرونده خوانده نشد؛ شاید آسیب دیده یا در برنامه دیگری باز است. آن را دوباره از Excel ذخیره کنید.")

#: A column whose heading names no field: said in the preview, never dropped silently ({c}: the heading).
MSG_UNKNOWN_COLUMN = QT_TRANSLATE_NOOP("Errors", "ستون «{c}» شناخته نشد و نادیده گرفته می‌شود.")


@dataclass
class Table:
    """A file's rows: (row number, values by field name), and each field's heading as written."""

    rows: list[tuple[int, dict[str, str]]]
    headings: dict[str, str]
    #: the headings, as written, of the columns that name no field (their cells are not read)
    unknown: list[str] = field(default_factory=list)


def _raw_rows(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            return [list(r) for r in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # saved by a Persian Windows' Excel: its own code page
        text = data.decode("cp1256", errors="replace")
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def read_rows(path: Path, headers: Mapping[str, str]) -> Table:
    """The first sheet (XLSX) or the file (CSV in UTF-8, with or without BOM, or Windows-1256); blank
    rows are skipped but keep their numbers; `headers` names the fields by their accepted column
    headings (lower case); the headings that name none are listed (`Table.unknown`). An empty, unreadable or damaged file is refused with a Persian message at
    the "path" field, never a traceback."""
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError(MSG_FILE_TYPE, "path")
    try:
        raw = _raw_rows(path)
    except Exception:  # openpyxl and zipfile raise many kinds for a damaged or non-Excel file
        raise ValidationError(MSG_FILE_UNREADABLE, "path") from None
    if not raw:
        raise ValidationError(MSG_FILE_EMPTY, "path")
    headings = [normalize(str(h or "")) for h in raw[0]]
    names = [headers.get(h.lower(), "") for h in headings]
    rows = []
    for line, r in enumerate(raw[1:], start=2):
        if all(v is None or str(v).strip() == "" for v in r):
            continue
        rows.append((line, {n: _cell(v) for n, v in zip(names, r, strict=False) if n}))
    found: dict[str, str] = {}
    for n, h in zip(names, headings, strict=False):
        if n:
            found.setdefault(n, h)
    unknown = list(dict.fromkeys(h for n, h in zip(names, headings, strict=False) if not n and h))
    return Table(rows, found, unknown)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return normalize(str(v))


#: How a cell's text may start that Excel (or LibreOffice) reads as a formula: a complaint subject
#: «=HYPERLINK(…)», «+98…», «-…» or «@…» typed by a citizen must stay the words they typed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The narrowest and widest a written column is made (in Excel's character widths).
NARROWEST, WIDEST = 8, 60


def csv_safe(value: Any) -> Any:
    """A value for a CSV cell: text that would start a formula when Excel opens the file gets an
    apostrophe before it (shown as written, never run); other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def append_rows(ws: Any, rows: Iterable[Sequence[Any]]) -> None:
    """Append `rows` to an openpyxl worksheet with every text kept as text: openpyxl stores a
    string starting with «=» as a formula (a complaint subject «=HYPERLINK(…)» became a live link
    in the clerk's Excel), and Excel turns one starting with «+», «-» or «@» into a formula once
    the cell is edited. Such text is stored as a string marked to stay one (Excel's leading
    apostrophe); numbers stay numbers. An empty text is an empty cell: written as "", Excel
    counted it (COUNTA) and a filter's «(Blanks)» did not find it."""
    for row in rows:
        ws.append([None if v == "" else v for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def finish_sheet(ws: Any, *, right_to_left: bool = True, header_row: int | None = 1) -> None:
    """Make a written sheet read as a clerk expects on opening it: right to left for Persian, the
    heading row (`header_row`, from 1; None: none) bold and kept in view while scrolling, and each
    column as wide as its longest value (within `NARROWEST`..`WIDEST`: Excel's default cut the
    names and dates short)."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.sheet_view.rightToLeft = right_to_left
    if header_row is not None and ws.max_row >= header_row:
        for cell in ws[header_row]:
            if cell.value is not None:
                cell.font = Font(bold=True)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            widths[cell.column] = max(widths.get(cell.column, 0), _width(cell.value))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, NARROWEST), WIDEST)
