"""Import of titles, copies and members from CSV/XLSX: preview, per-row Persian errors, all or nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kanoon_desk.errors import ValidationError
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_import as imp
from tests.factories import write_xlsx
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
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
    assert lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2]) is None


def test_members_and_copies_fromwrite_xlsx(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    members = write_xlsx(tmp_path / "m.xlsx", [
        ["first_name", "last_name", "national_id", "category", "phone", "centre", "expires_on"],
        ["مریم", "رضایی", int(NATIONAL_IDS[2]), "adult", "09121112233", "14", "1405/01/01"]])
    preview = imp.preview_import(L.store, L.admin, "members", members, today=TODAY)
    assert preview.ok  # the national ID lost its leading zero in Excel and got it back
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 1
    m = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
    assert m is not None and m.home_centre == "14" and m.expires_on.isoformat() == "2026-03-21"
    copies = write_xlsx(tmp_path / "c.xlsx", [
        ["بارکد", "شابک", "عنوان", "مرکز", "قفسه"],
        ["K100", "9789643913007", "", "14", "a3"],
        ["K101", "", "ماهی سیاه کوچولو", "", ""],
        ["K102", "", "کتاب ناموجود", "", ""],
        ["B0001", "", "ماهی سیاه کوچولو", "14", ""]])  # centre 13's copy: not this row's
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


def test_ordinary_centre_files_persian_categories_ended_memberships_windows_1256(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    rows = [["نام", "نام خانوادگی", "کد ملی", "گروه عضویت", "تلفن", "پایان عضویت", "نام ولی", "تلفن ولی"],
            ["مریم", "رضایی", NATIONAL_IDS[2], "بزرگسال", "09121112233", "1402/12/29", "", ""],
            ["علي", "كريمي", NATIONAL_IDS[3], "نوجوان", "", "", "رضا كريمي", "09120000000"]]
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="cp1256") as f:  # Excel's «CSV» on a Persian Windows (ی as ي)
        csv.writer(f).writerows([[cell.replace("ی", "ي") for cell in r] for r in rows])
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    assert preview.ok, [(r.line, r.errors) for r in preview.rows]
    ended, teen = preview.rows
    assert ended.note == imp.MSG_IMPORTED_EXPIRED and ended.note_title == "۱۴۰۲/۱۲/۲۹"  # a note, not an error
    assert teen.note == ""
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 2
    m = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[2])
    assert m is not None and m.category == "adult" and m.expires_on.isoformat() == "2024-03-19"
    t = lib.lookup_member(L.store, L.admin, NATIONAL_IDS[3])
    assert t is not None and (t.category, t.first_name, t.last_name) == ("teen", "علی", "کریمی")  # ي/ك folded
    bad = _csv(tmp_path / "bad.csv", [["نام", "نام خانوادگی", "گروه عضویت"], ["سارا", "کریمی", "دانش‌آموز"]])
    [row] = imp.preview_import(L.store, L.admin, "members", bad, today=TODAY).rows
    assert (row.field, row.error) == ("category", imp.MSG_CATEGORY_NAME)


@pytest.mark.parametrize("content", [b"", "نام,نام خانوادگی\n".encode(), b"PK\x03\x04 not really a workbook"])
def test_an_empty_or_unreadable_file_is_refused_in_persian(tmp_path: Path, content: bytes) -> None:
    L = make_library(tmp_path)
    path = tmp_path / ("x.xlsx" if content.startswith(b"PK") else "x.csv")
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        imp.preview_import(L.store, L.admin, "members", path)
    assert err.value.field == "path"
    assert err.value.message == (imp.MSG_FILE_UNREADABLE if content.startswith(b"PK") else imp.MSG_FILE_EMPTY)


def test_every_error_of_a_row_is_named_with_its_column(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "m.csv", [
        ["نام", "نام خانوادگی", "کد ملی", "تاریخ تولد", "تلفن ولی", "نام ولی", "مرکز"],
        ["", "کریمی", "1234567890", "1392/13/10", "0912", "رضا کریمی", "99"],
        ["سارا", "کریمی", NATIONAL_IDS[2], "1392/01/10", "09120000000", "رضا کریمی", ""]])
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    first, good = preview.rows
    assert not good.errors and len(preview.errors) == 1
    assert sorted(name for name, _ in first.errors) == ["birth_date", "centre", "first_name", "guardian_phone",
                                                        "national_id"]
    assert (first.field, first.error) == first.errors[0]
    assert dict(first.errors)["national_id"] == lib.MSG_NATIONAL_ID
    assert [preview.column(name) for name in ("national_id", "centre", "category")] == ["کد ملی", "مرکز", "گروه عضویت"]
    copies = _csv(tmp_path / "c.csv", [["بارکد", "عنوان", "امانت‌دادنی"], ["ب ۱", "کتاب ناموجود", "شاید"]])
    [row] = imp.preview_import(L.store, L.admin, "copies", copies).rows
    assert sorted(name for name, _ in row.errors) == ["barcode", "loanable", "title"]


def test_a_child_row_with_the_guardians_national_id_and_a_taken_one_named(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "m.csv", [
        ["نام", "نام خانوادگی", "کد ملی", "کد ملی ولی", "تاریخ تولد", "نام ولی", "تلفن ولی"],
        ["نیما", "کریمی", "", NATIONAL_IDS[3], "1398/01/10", "رضا کریمی", "09120000000"],
        ["سارا", "کریمی", NATIONAL_IDS[0], "", "1398/01/10", "رضا کریمی", "09120000000"]])
    nima, sara = imp.preview_import(L.store, L.admin, "members", path, today=TODAY).rows
    assert not nima.errors
    assert sara.field == "national_id" and sara.error_params["national_id"]["name"] == "زهرا محمدی"


def test_the_members_lists_own_headings_are_read_and_unknown_ones_are_said(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "m.csv", [
        ["شماره عضویت", "نام", "نام خانوادگی", "کد ملی", "گروه", "تلفن", "اعتبار تا", "تاریخ تولد", "نام ولی",
         "تلفن ولی", "یادداشت"],
        ["", "مهدی", "کاظمی", NATIONAL_IDS[2], "بزرگسال", "09121110000", "1405/01/31", "", "", "", "مشتری قدیمی"],
        ["", "نیلوفر", "کاظمی", NATIONAL_IDS[3], "کودک و نوجوان", "", "", "1394/02/01", "مهدی کاظمی",
         "09121110000", ""]])
    preview = imp.preview_import(L.store, L.admin, "members", path, today=TODAY)
    assert [r.errors for r in preview.rows] == [[], []] and preview.ok
    assert preview.unknown_columns == ["شماره عضویت", "یادداشت"]
    assert preview.column("category") == "گروه" and preview.column("expires_on") == "اعتبار تا"
    assert imp.commit_import(L.store, L.admin, preview, today=TODAY) == 2
    from sqlalchemy import select

    from kanoon_desk.models.library import Member
    with L.store.read() as s:
        got = {n: (c, e.isoformat()) for n, c, e in s.execute(
            select(Member.national_id, Member.category, Member.expires_on)
            .where(Member.national_id.in_([NATIONAL_IDS[2], NATIONAL_IDS[3]])))}
    assert got[NATIONAL_IDS[2]] == ("adult", "2026-04-20")  # 1405/01/31
    assert got[NATIONAL_IDS[3]][0] == "child"  # «کودک و نوجوان»: by the birth date (a child of ten)


def test_a_file_with_only_known_headings_has_no_unknown_columns(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "t.csv", [["عنوان", "نویسنده"], ["خمره", "هوشنگ مرادی کرمانی"]])
    assert imp.preview_import(L.store, L.admin, "titles", path).unknown_columns == []


def test_a_copy_row_finds_its_title_written_with_its_marks_or_without(tmp_path: Path) -> None:
    """Titles keep the marks typed («کُلاغ و روباه»): a copies sheet naming it without them (or a
    title kept without them named with them) still finds it, and a name that only begins the same
    finds nothing."""
    L = make_library(tmp_path)
    marked = lib.add_title(L.store, L.admin, lib.TitleInput(title="کُلاغ و روباه"))
    copies = _csv(tmp_path / "c.csv", [["بارکد", "عنوان"], ["K200", "کلاغ و روباه"], ["K201", "ماهیِ سیاه کوچولو"],
                                       ["K202", "کلاغ"]])
    preview = imp.preview_import(L.store, L.admin, "copies", copies)
    assert [(r.line, r.field) for r in preview.errors] == [(4, "title")]
    preview.rows = [r for r in preview.rows if not r.error]
    assert imp.commit_import(L.store, L.admin, preview) == 2
    assert lib.get_copy(L.store, "K200").title_id == marked.id
    assert lib.get_copy(L.store, "K201").title_id == L.title.id
