"""The files centres really bring to the import: a title above the headings, a hidden sheet, dates
as Excel date cells, rows of invisible marks, CSV as Excel's «Unicode text» (UTF-16, tabs) or with
«;» — each read as the clerk sees it in Excel, rows numbered as the sheet numbers them."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from kanoon_desk.services import library as lib
from kanoon_desk.services import library_import as imp
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library

HEADINGS = ["نام", "نام خانوادگی", "کد ملی", "تاریخ تولد", "تلفن", "گروه عضویت"]


def test_a_sheet_with_a_title_above_its_headings_a_hidden_sheet_and_date_cells(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    wb = Workbook()
    old = wb.active
    assert old is not None
    old.title, old.sheet_state = "قدیمی", "hidden"  # last year's list, hidden: not what the clerk sees
    old.append(["نام", "نام خانوادگی"])
    old.append(["قدیمی", "پنهان"])
    ws = wb.create_sheet("اعضا")
    ws.append(["فهرست اعضای کتابخانه مرکز ۱ — سال ۱۴۰۴"])  # row 1: the sheet's title
    ws.append([])  # row 2: blank
    ws.append([*HEADINGS, None, None])  # row 3: the headings (two blank columns after them)
    ws.append(["مریم", "رضایی", int(NATIONAL_IDS[2]), datetime(1990, 3, 25), 9121234567.0, "بزرگسال"])
    ws.append(["\u200d", " ", None, None, None, None])  # row 5: only a zero-width joiner and a space
    ws.append(["علی", "کریمی", int(NATIONAL_IDS[3]), date(1369, 1, 5), 9121234568, "بزرگسال"])
    path = tmp_path / "members.xlsx"
    wb.save(path)
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    assert [r.line for r in preview.rows] == [4, 6]  # numbered as the sheet numbers them
    assert preview.ok, [(r.line, r.errors) for r in preview.rows]
    assert preview.unknown_columns == []
    maryam, ali = preview.rows
    assert maryam.values["birth_date"] == "1369/01/05"  # the Excel date cell, read as its Jalali day
    assert ali.values["birth_date"] == "1369/01/05"  # a Jalali date the sheet took for a year 1369
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 2
    m = lib.lookup_member(L.store, NATIONAL_IDS[2])
    assert m is not None and m.phone == "09121234567" and m.birth_date == date(1990, 3, 25)


@pytest.mark.parametrize(("encoding", "separator"), [
    ("utf-16", "\t"),  # Excel's «Unicode text»: UTF-16 with its byte-order mark, tab separated
    ("utf-16-le", "\t"),  # the same without a byte-order mark
    ("utf-8-sig", ";"),  # Excel where the comma is the decimal mark
    ("utf-8", "\t"),
])
def test_a_csv_in_utf16_or_with_semicolons_or_tabs(tmp_path: Path, encoding: str, separator: str) -> None:
    L = make_library(tmp_path)
    rows = [["فهرست اعضا"], HEADINGS,
            ["مریم", "رضایی", NATIONAL_IDS[2], "", "09121234567", "بزرگسال"],
            ["علی", "کریمی\nزاده", NATIONAL_IDS[3], "1369/01/05", "", "بزرگسال"]]
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f, delimiter=separator).writerows(rows)
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    assert preview.ok, [(r.line, r.errors) for r in preview.rows]
    assert [r.line for r in preview.rows] == [3, 4] and preview.unknown_columns == []
    assert preview.rows[1].values["last_name"] == "کریمی زاده"  # a newline inside the quoted cell
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 2


def test_jalali_dates_in_every_form_a_sheet_writes_and_what_to_fix_in_a_wrong_one(tmp_path: Path) -> None:
    from kanoon_desk import persian

    L = make_library(tmp_path)
    dates = ["1398/1/5", "۱۳۹۸/۰۱/۰۵", "1398-01-05", "5/1/1398", "05.01.1398", "١٣٩٨/١/٥",
             "1398/13/10", "31/12/1398", "25/03/2019"]
    rows = [["نام", "نام خانوادگی", "کد ملی ولی", "تاریخ تولد", "نام ولی", "تلفن ولی"]]
    rows += [[f"کودک{i}", "کریمی", NATIONAL_IDS[3], d, "رضا کریمی", "09120000000"] for i, d in enumerate(dates)]
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    read = {r.line: r for r in preview.rows}
    assert [n for n, r in read.items() if not r.errors] == [2, 3, 4, 5, 6, 7]  # all Farvardin 5, 1398
    assert {(r.field, r.error) for r in preview.errors} == {
        ("birth_date", persian.MSG_DATE_MONTH_INVALID), ("birth_date", persian.MSG_DATE_DAY_INVALID),
        ("birth_date", persian.MSG_DATE_GREGORIAN)}
    assert read[9].error_params["birth_date"] == {"month": "اسفند", "days": "29", "day": "31"}
    preview.rows = [r for r in preview.rows if not r.error]
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 6
    from sqlalchemy import select

    from kanoon_desk.models.library import Member
    with L.store.read() as s:
        born = set(s.scalars(select(Member.birth_date).where(Member.first_name.like("کودک%"))))
    assert born == {date(2019, 3, 25)}
