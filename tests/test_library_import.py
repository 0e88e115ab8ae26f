"""Import of titles, copies and members from CSV/XLSX: preview, per-row Persian errors, all or nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kanoon_desk.errors import ValidationError
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_import as imp
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_titles_from_csv_with_persian_headings(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "t.csv", [["عنوان", "نویسنده", "شابک", "گروه سنی"],
                                      ["قصه‌های مجید", "هوشنگ مرادی کرمانی", "", "د"],
                                      ["", "", "", ""],
                                      ["خمره", "هوشنگ مرادی کرمانی", "", "ج"]])
    preview = imp.preview_import(L.store, L.admin, "titles", path)
    assert preview.ok and [r.line for r in preview.rows] == [2, 4]
    assert imp.commit_import(L.store, L.admin, preview) == 2
    assert [t.title for t in lib.search_titles(L.store, "خمره")] == ["خمره"]


def test_bad_rows_are_reported_and_nothing_is_imported(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "m.csv", [
        ["نام", "نام خانوادگی", "کد ملی", "تاریخ تولد", "نام ولی", "تلفن ولی", "گروه عضویت"],
        ["سارا", "کریمی", NATIONAL_IDS[2], "1392/01/10", "رضا کریمی", "09120000000", ""],
        ["نیما", "کریمی", "1234567890", "1392/01/10", "رضا کریمی", "09120000000", ""],
        ["مینا", "کریمی", NATIONAL_IDS[3], "1392/13/10", "رضا کریمی", "09120000000", ""],
        ["سینا", "کریمی", NATIONAL_IDS[2], "1392/01/10", "رضا کریمی", "09120000000", ""],
        ["پدر", "کریمی", NATIONAL_IDS[0], "", "", "", "adult"],
    ])
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    errors = {r.line: (r.field, r.error) for r in preview.errors}
    assert {k: v[0] for k, v in errors.items()} == {
        3: "national_id", 4: "birth_date", 5: "national_id", 6: "national_id"}
    assert errors[5][1] == imp.MSG_DUP_IN_FILE  # twice in the file
    assert errors[6][1] == lib.MSG_NATIONAL_ID_TAKEN  # already a member
    with pytest.raises(ValidationError):
        imp.commit_import(L.store, L.admin, preview, today=TODAY)
    assert lib.lookup_member(L.store, NATIONAL_IDS[2]) is None


def test_members_and_copies_from_xlsx(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    members = _xlsx(tmp_path / "m.xlsx", [
        ["first_name", "last_name", "national_id", "category", "phone", "centre", "expires_on"],
        ["مریم", "رضایی", int(NATIONAL_IDS[2]), "adult", "09121112233", "14", "1405/01/01"]])
    preview = imp.preview_import(L.store, L.admin, "members", members, today=TODAY)
    assert preview.ok  # the national ID lost its leading zero in Excel and got it back
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 1
    m = lib.lookup_member(L.store, NATIONAL_IDS[2])
    assert m is not None and m.home_centre == "14" and m.expires_on.isoformat() == "2026-03-21"
    copies = _xlsx(tmp_path / "c.xlsx", [
        ["بارکد", "شابک", "عنوان", "مرکز", "قفسه"],
        ["K100", "9789643913007", "", "14", "a3"],
        ["K101", "", "ماهی سیاه کوچولو", "", ""],
        ["K102", "", "کتاب ناموجود", "", ""],
        ["B0001", "", "ماهی سیاه کوچولو", "", ""]])
    preview = imp.preview_import(L.store, L.admin, "copies", copies)
    assert [(r.line, r.field) for r in preview.errors] == [(4, "title"), (5, "barcode")]
    preview.rows = [r for r in preview.rows if not r.error]  # the librarian drops the bad rows
    assert imp.commit_import(L.store, L.admin, preview) == 2
    k100 = lib.get_copy(L.store, "K100")
    assert (k100.home_centre, k100.shelf, k100.title_id) == ("14", "A3", L.title.id)


def test_wrong_file_type(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    (tmp_path / "x.txt").write_text("a")
    with pytest.raises(ValidationError):
        imp.preview_import(L.store, L.admin, "titles", tmp_path / "x.txt")
