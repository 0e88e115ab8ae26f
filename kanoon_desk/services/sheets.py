"""Rows of the CSV and XLSX files offices keep (the lending desk's imports, the agency directory's):
the first sheet or the file, by the fields their column headings name."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from ..persian import normalize

__all__ = ["MSG_FILE_EMPTY", "MSG_FILE_TYPE", "MSG_FILE_UNREADABLE", "MSG_UNKNOWN_COLUMN", "Table", "read_rows"]

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
