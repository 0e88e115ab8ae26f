"""Rows of the CSV and XLSX files offices keep (the lending desk's imports, the agency directory's):
the first visible sheet or the file, under the row of column headings (found below a title or blank
rows), by the fields those headings name; and the sheets the app
writes (`append_rows`, `finish_sheet`, `csv_safe`): text never read as a formula, a bold heading
that stays in view, columns as wide as what they hold."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jdatetime

from ..errors import QT_TRANSLATE_NOOP, ServiceError, ValidationError
from ..persian import JALALI_YEAR_MAX, JALALI_YEAR_MIN, normalize

__all__ = ["MSG_CANCELLED", "MSG_FILE_EMPTY", "MSG_FILE_TYPE", "MSG_FILE_UNREADABLE", "MSG_FORMULA_UNCOMPUTED",
           "MSG_UNKNOWN_COLUMN", "ImportCancelled", "Progress", "Table", "append_rows", "tell",
           "csv_safe", "finish_sheet", "read_rows"]

MSG_FILE_TYPE = QT_TRANSLATE_NOOP("Errors", "فقط پرونده CSV یا XLSX را می‌توان درون‌ریزی کرد.")
MSG_FILE_EMPTY = QT_TRANSLATE_NOOP("Errors", "پرونده ردیفی ندارد.")
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Errors", "پرونده خوانده نشد؛ شاید آسیب دیده یا در برنامه دیگری باز است. آن را دوباره از Excel ذخیره کنید.")

#: A column whose heading names no field: said in the preview, never dropped silently ({c}: the heading).
MSG_UNKNOWN_COLUMN = QT_TRANSLATE_NOOP("Errors", "ستون «{c}» شناخته نشد و نادیده گرفته می‌شود.")
#: A formula cell the file keeps no value for (`Table.uncomputed`): said at its row and column.
MSG_FORMULA_UNCOMPUTED = QT_TRANSLATE_NOOP("Errors", "فرمول بدون مقدار ذخیره‌شده؛ فایل را در اکسل باز و ذخیره کنید.")


#: The person stopped an import (its progress window's «انصراف», the preview's «توقف»): nothing was written.
MSG_CANCELLED = QT_TRANSLATE_NOOP("Errors", "درون‌ریزی لغو شد؛ هیچ ردیفی درون‌ریزی نشد.")

#: Told (rows done, rows in all; 0 in all while the rows are read) as an import reads, checks and
#: writes a file's rows; returns False to stop (the person pressed «انصراف»): `ImportCancelled`.
Progress = Callable[[int, int], bool]


class ImportCancelled(ServiceError):
    """An import was stopped from its progress window; a write stopped writes nothing (its
    transaction is rolled back)."""

    def __init__(self) -> None:
        super().__init__(MSG_CANCELLED, "path")


def tell(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far the import is; stopped there: `ImportCancelled`."""
    if progress is not None and not progress(done, total):
        raise ImportCancelled()


class _Uncomputed:
    """The value of a formula cell whose result the file does not hold: Excel and LibreOffice save
    each formula's result beside it, but a sheet written by a program (openpyxl, some exporters)
    keeps the formula alone, and it read as an empty cell."""

    def __repr__(self) -> str:
        return "UNCOMPUTED"


UNCOMPUTED = _Uncomputed()


@dataclass
class Table:
    """A file's rows: (row number, values by field name), and each field's heading as written."""

    rows: list[tuple[int, dict[str, str]]]
    headings: dict[str, str]
    #: the headings, as written, of the columns that name no field (their cells are not read)
    unknown: list[str] = field(default_factory=list)
    #: by row number, the fields whose cell is a formula without its value (read as empty)
    uncomputed: dict[int, list[str]] = field(default_factory=dict)


#: How many rows from the top are looked through for the heading row (a title, a date, a blank
#: row or two above the headings is how many centres' sheets begin).
HEADING_SEARCH = 20
#: The separators a CSV may use: Excel writes «;» where the comma is the decimal mark, its
#: «Unicode text» (UTF-16) has tabs.
SEPARATORS = (",", ";", "\t", "|")


#: How many rows are read between two calls of `read_rows`' `tick`.
TICK_ROWS = 500


#: A merged range of an XLSX sheet: (first column, first row, last column, last row), from 1.
Merge = tuple[int, int, int, int]


def _grids(path: Path, tick: Callable[[], None] | None = None) -> Generator[tuple[list[list[Any]], list[Merge]], None, None]:
    """The file's candidate grids of cells (row 1 first) and their merged ranges, best guess first:
    an XLSX's visible sheets in their order (a hidden one is not what the clerk sees), a CSV read
    with each separator."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            sheets = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
            for ws in sheets or wb.worksheets[:1]:
                yield _sheet_grid(wb, ws, tick)
        finally:
            wb.close()
        return
    text = _decoded(path.read_bytes())
    head = "\n".join(text.splitlines()[:HEADING_SEARCH])
    order = sorted(SEPARATORS, key=lambda sep: -head.count(sep))
    for sep in order:
        yield [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep)], []


def _sheet_grid(wb: Any, ws: Any, tick: Callable[[], None] | None) -> tuple[list[list[Any]], list[Merge]]:
    """A read-only sheet's cells by row (row n at index n - 1) and its merged ranges, in one pass
    over its XML. openpyxl's own read-only rows cannot tell a formula without a saved value from
    an empty cell (`UNCOMPUTED`), nor give the merged ranges (written after the rows): its sheet
    parser is asked directly, as its read-only sheet asks it (openpyxl 3.1)."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils import range_boundaries
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]  # (openpyxl has no types)
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            # t="str" with an empty value: a formula whose result is the empty text, saved so
            if cell["value"] is None and element.get("t") != "str" and element.find(FORMULA_TAG) is not None:
                cell["value"] = UNCOMPUTED
            return cell

    grid: list[list[Any]] = []
    with ws._get_source() as src:
        parser = Parser(src, ws._shared_strings, data_only=True, epoch=wb.epoch, date_formats=wb._date_formats,
                        timedelta_formats=wb._timedelta_formats)
        for number, cells in parser.parse():
            grid.extend([] for _ in range(number - 1 - len(grid)))  # rows the file leaves out
            row: list[Any] = [None] * max((c["column"] for c in cells), default=0)
            for c in cells:
                row[c["column"] - 1] = _shown(ReadOnlyCell(ws, **c))
            grid.append(row)
            if tick is not None and len(grid) % TICK_ROWS == 0:
                tick()
        merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
    return grid, [tuple(range_boundaries(m.ref)) for m in merged]


def _fill_merged(raw: list[list[Any]], merges: list[Merge], top: int) -> None:
    """A cell merged down over several rows below the headings (a centre's code written once for
    its block of rows, «مرکز» merged) holds its value in its top row alone: the rows below it read
    it too, as the clerk sees it. Only down its first column: a merge across columns is one value
    shown wide, not a value of each column."""
    for first_col, first_row, _last_col, last_row in merges:
        if first_row - 1 <= top or first_row - 1 >= len(raw):
            continue
        column = first_col - 1
        top_row = raw[first_row - 1]
        value = top_row[column] if column < len(top_row) else None
        if value is None:
            continue
        for r in range(first_row, min(last_row, len(raw))):
            row = raw[r]
            row.extend([None] * (column + 1 - len(row)))
            if row[column] is None:
                row[column] = value


#: A number format of zeros only («0000000»): Excel shows the number with its leading zeros.
_ZEROS = re.compile(r"0+")


def _shown(cell: Any) -> Any:
    """A cell's value; a whole number shown through a format of zeros (a barcode «00123» or a
    national ID «0012345678» kept as a number, its column formatted «00000») as the text Excel
    shows, its leading zeros kept."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        form = getattr(cell, "number_format", "") or ""
        if _ZEROS.fullmatch(form) and len(form) > len(str(int(value))) and value >= 0:
            return str(int(value)).zfill(len(form))
    return value


def _decoded(data: bytes) -> str:
    """A CSV's text: UTF-16 with its byte-order mark (Excel's «Unicode text»), or without one when
    every other byte is a zero or 06 (the high byte of ASCII and of the Arabic script's block); UTF-8,
    with or without BOM; else Windows-1256 (a Persian Windows' Excel saving «CSV»)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    sample = data[:400] if len(data) % 2 == 0 else b""
    for high, encoding in ((sample[1::2], "utf-16-le"), (sample[::2], "utf-16-be")):
        if sample and all(b in (0, 6) for b in high) and high.count(0) < len(high):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


def _heading_row(raw: list[list[Any]], headers: Mapping[str, str]) -> tuple[int, int]:
    """(index, fields named) of the row that holds the headings: among the first `HEADING_SEARCH`
    rows, the first naming the most fields; none naming any: the first row not blank."""
    best, score = -1, 0
    for i, r in enumerate(raw[:HEADING_SEARCH]):
        named = len({f for f in (_field(headers, _heading(v)) for v in r) if f})
        if named > score:
            best, score = i, named
    if best < 0:
        best = next((i for i, r in enumerate(raw) if not _blank(r)), 0)
    return best, score


def _field(headers: Mapping[str, str], heading: str) -> str:
    """The field a column heading names: as accepted, or written with its words run together or
    joined by a half-space («کدملی», «کد‌ملی» for «کد ملی»), or snake_case as «national id»."""
    key = heading.lower()
    found = headers.get(key)
    if found is None:
        loose = _loose(key)
        found = next((f for h, f in headers.items() if _loose(h) == loose), "") if loose else ""
    return found


def _loose(heading: str) -> str:
    return "".join(c for c in heading if not c.isspace() and c not in "\u200c_-")


def _heading(v: Any) -> str:
    return normalize(str(v if v is not None and v is not UNCOMPUTED else ""))


def _blank(r: Sequence[Any]) -> bool:
    """A row with nothing in it: empty cells, or only spaces and invisible marks (a formula without
    its value is not nothing: its row is read, and the formula said)."""
    return all(_cell(v) == "" and v is not UNCOMPUTED for v in r)


def _rows_and_heading(path: Path, headers: Mapping[str, str],
                      tick: Callable[[], None] | None = None) -> tuple[list[list[Any]], int, list[Merge]]:
    """The grid to read (the first whose headings name the most fields), its heading row and its
    merged ranges."""
    chosen: tuple[list[list[Any]], int, list[Merge]] | None = None
    best = -1
    with closing(_grids(path, tick)) as grids:  # closed when left early: the workbook's file too
        for raw, merges in grids:
            if not raw:
                continue
            index, score = _heading_row(raw, headers)
            if score > best:
                chosen, best = (raw, index, merges), score
            if score and score == len({h for h in _heading_names(raw[index]) if h}):
                break  # every heading of this grid is known: no other guess can read more
    if chosen is None:
        return [], 0, []
    return chosen


def _heading_names(r: Sequence[Any]) -> list[str]:
    return [_heading(v) for v in r]


def read_rows(path: Path, headers: Mapping[str, str], *, tick: Callable[[], None] | None = None) -> Table:
    """The rows under the headings, by the fields their headings name: an XLSX's first visible sheet
    whose headings name a field (else its first visible sheet), the headings on whichever of the
    first rows names the most fields (a title or blank rows above them are left out); a CSV in
    UTF-8 (with or without BOM), UTF-16 or Windows-1256, separated by «,», «;», tab or «|». Blank
    rows (or rows of spaces and invisible marks) are skipped but keep their numbers, as the sheet
    numbers them; a date cell is read as its Jalali date. `headers` names the fields by their
    accepted column headings (lower case); the headings that name none are listed
    (`Table.unknown`). An empty, unreadable or damaged file is refused with a Persian message at the
    "path" field, never a traceback. `tick` is called every `TICK_ROWS` rows of an XLSX read (a
    progress window is drawn; a ServiceError it raises stops the reading and is raised)."""
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError(MSG_FILE_TYPE, "path")
    try:
        raw, top, merges = _rows_and_heading(path, headers, tick)
    except ServiceError:  # `tick` stopped the reading (the import's «انصراف»)
        raise
    except Exception:  # openpyxl and zipfile raise many kinds for a damaged or non-Excel file
        raise ValidationError(MSG_FILE_UNREADABLE, "path") from None
    if not raw or all(_blank(r) for r in raw):
        raise ValidationError(MSG_FILE_EMPTY, "path")
    _fill_merged(raw, merges, top)
    headings = _heading_names(raw[top])
    names = [_field(headers, h) for h in headings]
    rows = []
    uncomputed: dict[int, list[str]] = {}
    for line, r in enumerate(raw[top + 1:], start=top + 2):
        if _blank(r):
            continue
        values: dict[str, str] = {}
        for n, v in zip(names, r, strict=False):
            if n:
                values[n] = _cell(v)
                if v is UNCOMPUTED and n not in uncomputed.setdefault(line, []):
                    uncomputed[line].append(n)
        if not uncomputed.get(line):
            uncomputed.pop(line, None)
        rows.append((line, values))
    found: dict[str, str] = {}
    for n, h in zip(names, headings, strict=False):
        if n:
            found.setdefault(n, h)
    unknown = list(dict.fromkeys(h for n, h in zip(names, headings, strict=False) if not n and h))
    return Table(rows, found, unknown, uncomputed)


def _cell(v: Any) -> str:
    """A cell as text: a whole number without «.0» (a phone or national ID Excel kept as a number),
    a date cell as its Jalali date («1402/01/05»: one typed as a Jalali date that the spreadsheet
    took for a Gregorian year keeps its numbers)."""
    if v is None or v is UNCOMPUTED:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    elif isinstance(v, datetime | date):
        day = v.date() if isinstance(v, datetime) else v
        if JALALI_YEAR_MIN <= day.year <= JALALI_YEAR_MAX:
            return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"
        j = jdatetime.date.fromgregorian(date=day)
        return f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
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
