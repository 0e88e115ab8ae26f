"""The files centres really bring to the import: a title above the headings, a hidden sheet, dates
as Excel date cells, rows of invisible marks, CSV as Excel's «Unicode text» (UTF-16, tabs) or with
«;» — each read as the clerk sees it in Excel, rows numbered as the sheet numbers them."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from kanoon_desk.errors import ValidationError
from kanoon_desk.models.events import Event
from kanoon_desk.models.library import Copy
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_import as imp
from kanoon_desk.store import Store
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library


def _events(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Event)) or 0


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
    m = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
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
    from kanoon_desk.models.library import Member

    with L.store.read() as s:
        born = set(s.scalars(select(Member.birth_date).where(Member.first_name.like("کودک%"))))
    assert born == {date(2019, 3, 25)}


def test_the_same_title_written_differently_is_found_not_made_again(tmp_path: Path) -> None:
    """Titles without an ISBN, as most centres' lists have them: the same name and author written
    with ي/ك or a space for the half-space, in the file twice or in the catalogue already, are one
    title — its copies join it — and the same file imported again adds nothing."""
    L = make_library(tmp_path)
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([
            ["عنوان", "نویسنده", "بارکد"],
            ["قصه‌های مجید", "هوشنگ مرادی کرمانی", "K1"],
            ["قصه های مجيد", "هوشنگ مرادي كرماني", "K2"],  # row 3: the same book, typed on another PC
            ["ماهي سياه كوچولو", "صمد بهرنگی", "K3"],  # in the catalogue (with its ISBN)
            ["ماهی سیاه کوچولو", "نویسنده‌ای دیگر", "K4"],  # another author: another book
            ["خمره", "هوشنگ مرادی کرمانی", ""],
            ["خمره", "هوشنگ مرادی کرمانی", ""],  # row 7: twice, with no copy to add: said
        ])
    preview = imp.preview_import(L.store, L.admin, "titles", path)
    assert [(r.line, r.field) for r in preview.errors] == [(7, "title")]
    notes = {r.line: r.note for r in preview.rows}
    assert notes[3] == imp.MSG_JOINS_ROW and notes[4] == imp.MSG_JOINS_TITLE and notes[5] == ""
    preview.rows = [r for r in preview.rows if not r.error]
    assert imp.commit_import(L.store, L.admin, preview) == 5
    majid = lib.get_copy(L.store, "K1").title_id
    assert lib.get_copy(L.store, "K2").title_id == majid
    assert lib.get_copy(L.store, "K3").title_id == L.title.id
    assert lib.get_copy(L.store, "K4").title_id not in (L.title.id, majid)
    assert len(lib.search_titles(L.store, "قصه های مجید")) == 1

    again = imp.preview_import(L.store, L.admin, "titles", path)
    assert again.ok  # every row found: the twice-written «خمره» is the catalogue's now
    assert {r.line: r.note for r in again.rows} == {
        2: imp.MSG_COPY_THERE, 3: imp.MSG_COPY_THERE, 4: imp.MSG_COPY_THERE, 5: imp.MSG_COPY_THERE,
        6: imp.MSG_TITLE_NAMED, 7: imp.MSG_TITLE_NAMED}
    assert imp.commit_import(L.store, L.admin, again) == 0
    assert len(lib.search_titles(L.store, "قصه های مجید")) == 1
    assert len(lib.search_titles(L.store, "خمره")) == 1


def test_members_and_copies_imported_again_are_found_and_add_nothing(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    members = tmp_path / "m.csv"
    with members.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([
            ["نام", "نام خانوادگی", "کد ملی", "کد ملی ولی", "تاریخ تولد", "نام ولی", "تلفن ولی", "گروه عضویت"],
            ["مریم", "رضایی", NATIONAL_IDS[2], "", "", "", "", "بزرگسال"],
            ["نیما", "کريمي", "", NATIONAL_IDS[3], "1398/01/05", "رضا کریمی", "09120000000", ""]])
    copies = tmp_path / "c.csv"
    with copies.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["بارکد", "عنوان", "مرکز"], ["K10", "ماهی سیاه کوچولو", "13"]])
    for path, kind in ((members, "members"), (copies, "copies")):
        first = imp.preview_import(L.store, L.admin, kind, path, today=TODAY)
        assert imp.commit_import(L.store, L.admin, first, today=TODAY) == len(first.rows)
    before = _events(L.store)
    maryam = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
    assert maryam is not None
    again = imp.preview_import(L.store, L.admin, "members", members, today=TODAY)
    assert again.ok and [r.note for r in again.rows] == [imp.MSG_MEMBER_THERE] * 2
    assert again.rows[0].note_title == maryam.member_no
    assert imp.commit_import(L.store, L.admin, again, today=TODAY) == 0
    copies_again = imp.preview_import(L.store, L.admin, "copies", copies)
    assert copies_again.ok and copies_again.rows[0].note == imp.MSG_COPY_THERE
    assert imp.commit_import(L.store, L.admin, copies_again) == 0
    assert _events(L.store) == before
    # the same national ID under another name is still refused, naming who has it
    other = tmp_path / "o.csv"
    with other.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["نام", "نام خانوادگی", "کد ملی", "گروه عضویت"],
                                 ["سارا", "رضایی", NATIONAL_IDS[2], "بزرگسال"]])
    [row] = imp.preview_import(L.store, L.admin, "members", other, today=TODAY).rows
    assert row.field == "national_id" and row.error == lib.MSG_NATIONAL_ID_TAKEN


def test_the_same_child_twice_in_a_file_written_differently_is_said_not_registered_twice(tmp_path: Path) -> None:
    """A child known by the guardian's national ID only, on two rows of one list (typed again on a
    PC with Arabic ي/ك, the date in another form, or without it): the second row is said, as a
    national ID twice is; a sibling (another name) and a namesake born another day are not."""
    L = make_library(tmp_path)
    guardian = ["رضا کریمی", "09120000000"]
    rows = [["نام", "نام خانوادگی", "کد ملی ولی", "تاریخ تولد", "نام ولی", "تلفن ولی"],
            ["نیما", "کریمی", NATIONAL_IDS[3], "1398/01/05", *guardian],
            ["نيما", "كريمي", NATIONAL_IDS[3], "5/1/1398", *guardian],  # row 3: the same child
            ["نیما", "کریمی", NATIONAL_IDS[3], "", *guardian],  # row 4: no date: the same child
            ["سارا", "کریمی", NATIONAL_IDS[3], "1398/01/05", *guardian],  # a twin sister
            ["نیما", "کریمی", NATIONAL_IDS[2], "1398/01/05", *guardian]]  # another guardian's Nima
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    assert [(r.line, r.errors) for r in preview.errors] == [
        (3, [("first_name", imp.MSG_CHILD_TWICE)]), (4, [("first_name", imp.MSG_CHILD_TWICE)])]
    preview.rows = [r for r in preview.rows if not r.error]
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 3
    from kanoon_desk.models.library import Member

    with L.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Member).where(Member.first_name == "نیما")) == 2


def test_codes_kept_as_numbers_in_a_column_formatted_with_zeros_keep_their_leading_zeros(tmp_path: Path) -> None:
    """Excel keeps «00123» typed in a column formatted «00000» as the number 123, and shows it
    «00123» (the label on the book): the copy is «00123», as the scanner reads it."""
    L = make_library(tmp_path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["بارکد", "عنوان"])
    for code in (123, 4501):
        ws.append([code, "ماهی سیاه کوچولو"])
    ws.append([77, "ماهی سیاه کوچولو"])  # row 4: a plain number, shown «77»
    for row in (2, 3):
        ws.cell(row=row, column=1).number_format = "00000"
    path = tmp_path / "c.xlsx"
    wb.save(path)
    preview = imp.preview_import(L.store, L.admin, "copies", path)
    assert [r.values["barcode"] for r in preview.rows] == ["00123", "04501", "77"]
    assert imp.commit_import(L.store, L.admin, preview) == 3
    assert lib.get_copy(L.store, "00123").title_id == L.title.id


def test_headings_as_centres_write_them_words_run_together_or_half_spaced_and_mobile(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["نام", "نام\u200cخانوادگی", "کدملی", "تاریخ‌تولد", "موبایل", "گروه عضویت", "نام پدر"],
                                 ["مریم", "رضایی", NATIONAL_IDS[2], "1369/01/05", "9121234567", "بزرگسال", "علی"]])
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    assert preview.ok, [(r.line, r.errors) for r in preview.rows]
    assert preview.unknown_columns == ["نام پدر"]  # a column no field reads is still said
    assert preview.column("national_id") == "کدملی" and preview.column("phone") == "موبایل"
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 1
    m = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
    assert m is not None and m.phone == "09121234567" and m.birth_date == date(1990, 3, 25)


def test_a_formula_saved_without_its_value_is_said_at_its_row_and_column_not_read_as_empty(tmp_path: Path) -> None:
    """A sheet written by a program (openpyxl, some exporters) keeps a formula without the value
    Excel would save beside it: its cell read as empty, silently (a phone gone, a last name «fill
    this cell»). Each such cell is now an error of its row, at its column, saying what to do."""
    from kanoon_desk.services.sheets import MSG_FORMULA_UNCOMPUTED
    from tests.secretariat_helpers import national_id

    L = make_library(tmp_path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADINGS)
    ws.append(["مریم", "رضایی", NATIONAL_IDS[2], "1369/01/05", "=\"0912\"&\"1234567\"", "بزرگسال"])  # row 2
    ws.append(["علی", "=UPPER(\"کریمی\")", NATIONAL_IDS[3], "1369/01/05", "09121234568", "بزرگسال"])  # row 3
    ws.append(["سارا", "احمدی", national_id(424242), "1369/01/05", "09121234569", "بزرگسال"])  # row 4: plain
    ws.append([None, None, None, "=TODAY()", None, None])  # row 5: only a formula: not a blank row
    path = tmp_path / "members.xlsx"
    wb.save(path)
    before = _events(L.store)
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    by_line = {r.line: r for r in preview.rows}
    assert sorted(by_line) == [2, 3, 4, 5]
    assert by_line[2].errors == [("phone", MSG_FORMULA_UNCOMPUTED)]  # (its other cells are right)
    assert by_line[3].errors[0] == ("last_name", MSG_FORMULA_UNCOMPUTED)
    assert ("birth_date", MSG_FORMULA_UNCOMPUTED) in by_line[5].errors
    assert by_line[4].errors == []
    assert preview.column("phone") == "تلفن"  # the column the error names, as the file heads it
    assert not preview.ok
    with pytest.raises(ValidationError):
        imp.commit_import(L.store, L.admin, preview, today=TODAY)  # all or nothing, checked again
    assert _events(L.store) == before


def test_a_centre_merged_down_a_block_of_rows_is_each_rows_centre(tmp_path: Path) -> None:
    """A centre's code written once for its block of rows, the cell merged down (how many centres
    lay their lists out): only the block's top row had it, the others came out with no centre, and
    the copies went to this desk's centre. Each row of the block is now that centre's; a merge
    across columns (a title over the headings) is left alone."""
    L = make_library(tmp_path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["فهرست کتاب‌ها"])  # row 1: a title, merged across the columns
    ws.merge_cells("A1:C1")
    ws.append(["عنوان", "بارکد", "مرکز"])  # row 2
    ws.append(["کتاب یک", "M0001", "14"])  # rows 3–5: centre 14, written once
    ws.append(["کتاب دو", "M0002", None])
    ws.append(["کتاب سه", "M0003", None])
    ws.merge_cells("C3:C5")
    ws.append(["کتاب چهار", "M0004", None])  # row 6: no centre: this desk's
    path = tmp_path / "titles.xlsx"
    wb.save(path)
    preview = imp.preview_import(L.store, L.admin, "titles", path, today=TODAY)
    assert preview.ok, [(r.line, r.errors) for r in preview.rows]
    assert [(r.line, r.values.get("centre", "")) for r in preview.rows] == [(3, "14"), (4, "14"), (5, "14"), (6, "")]
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 4
    with L.store.read() as s:
        homes = [s.scalar(select(Copy.home_centre).where(Copy.barcode == f"M000{i}")) for i in range(1, 5)]
    assert homes == ["14", "14", "14", "13"]
