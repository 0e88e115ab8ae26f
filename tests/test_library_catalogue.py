"""The shared catalogue: one title per book (ISBN-10 and ISBN-13 alike), in the form and the import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.errors import ValidationError
from kanoon_desk.models.library import Title
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_import as imp
from tests.library_helpers import make_library

#: the ISBN-10 of the helper's title (978-964-391-300-7), worked by hand: 9·10+6·9+…+0·2 = 268,
#: 268 mod 11 = 4, check 7
ISBN10 = "964-391-300-7"


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
    return path


def _titles(L: object) -> int:
    from tests.library_helpers import Lib
    assert isinstance(L, Lib)
    with L.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Title)) or 0)


def test_isbn_normal_form() -> None:
    assert lib.isbn_key("9643913007") == "9789643913007"
    assert lib.isbn_key("9789643913007") == "9789643913007"
    assert lib.isbn_forms("9643913007") == ["9789643913007", "9643913007"]
    assert lib.isbn_forms("9791234567896") == ["9791234567896"]  # 979: no ISBN-10
    assert lib.isbn_key("080442957X") == "9780804429573"


def test_a_known_isbn_does_not_make_a_second_title(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    for typed in (ISBN10, "ISBN 978-964-391-300-7", "۹۷۸۹۶۴۳۹۱۳۰۰۷"):
        with pytest.raises(lib.DuplicateIsbn) as err:
            lib.add_title(L.store, L.admin, lib.TitleInput(title="ماهی سیاه", isbn=typed))
        assert err.value.field == "isbn" and err.value.existing.id == L.title.id
        assert err.value.existing.title == "ماهی سیاه کوچولو"
    assert _titles(L) == 1
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="کلاغ‌ها", isbn="978-964-337-556-0"))
    with pytest.raises(lib.DuplicateIsbn):  # corrected to the ISBN of another title
        lib.update_title(L.store, L.admin, other.id, lib.TitleInput(title="کلاغ‌ها", isbn=ISBN10))
    # its own ISBN, typed in the other form, is no duplicate
    kept = lib.update_title(L.store, L.admin, L.title.id, lib.TitleInput(
        title="ماهی سیاه کوچولو", author="صمد بهرنگی", isbn=ISBN10, age_group="ب"))
    assert kept.isbn == "9643913007"


def test_import_rows_with_a_known_isbn_join_the_title(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "t.csv", [
        ["عنوان", "نویسنده", "شابک", "بارکد", "قفسه", "امانت‌دادنی"],
        ["ماهی سیاه", "بهرنگی", ISBN10, "", "", ""],  # known, no copy: nothing to add
        ["ماهی سیاه کوچولو", "", "9789643913007", "N1", "b2", "خیر"],  # known: its copy joins
        ["کلاغ‌ها", "", "978-964-337-556-0", "N2", "", ""],  # new title with a copy
        ["کلاغها", "", "9643375560", "N3", "", "بله"],  # same book, a row above made it
        ["قصه", "", "", "", "", ""],
    ])
    preview = imp.preview_import(L.store, L.admin, "titles", path)
    assert preview.ok
    notes = {r.line: (r.note, r.note_title) for r in preview.rows}
    assert notes[2] == (imp.MSG_TITLE_KNOWN, "ماهی سیاه کوچولو")
    assert notes[3] == (imp.MSG_JOINS_TITLE, "ماهی سیاه کوچولو")
    assert notes[4] == ("", "")
    assert notes[5] == (imp.MSG_JOINS_ROW, "کلاغ‌ها")
    assert imp.commit_import(L.store, L.admin, preview) == 4  # the first row wrote nothing
    assert _titles(L) == 3
    n1 = lib.get_copy(L.store, "N1")
    assert (n1.title_id, n1.shelf, n1.loanable) == (L.title.id, "B2", False)
    n2, n3 = lib.get_copy(L.store, "N2"), lib.get_copy(L.store, "N3")
    assert n2.title_id == n3.title_id != L.title.id and n3.loanable


def test_import_same_isbn_twice_without_copies_is_an_error(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "t.csv", [["عنوان", "شابک"], ["کلاغ‌ها", "9789643375560"], ["کلاغ‌ها", "9643375560"]])
    preview = imp.preview_import(L.store, L.admin, "titles", path)
    assert [(r.line, r.field, r.error) for r in preview.errors] == [(3, "isbn", imp.MSG_DUP_IN_FILE)]


def test_copies_import_finds_the_title_by_either_isbn_and_reads_loanable(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    path = _csv(tmp_path / "c.csv", [["بارکد", "شابک", "loanable"], ["K1", ISBN10, "no"], ["K2", ISBN10, ""],
                                     ["K3", ISBN10, "شاید"]])
    preview = imp.preview_import(L.store, L.admin, "copies", path)
    assert [(r.line, r.field) for r in preview.errors] == [(4, "loanable")]
    assert preview.rows[0].note == imp.MSG_JOINS_TITLE and preview.rows[0].note_title == "ماهی سیاه کوچولو"
    preview.rows = preview.rows[:2]
    assert imp.commit_import(L.store, L.admin, preview) == 2
    assert [(c.barcode, c.loanable) for c in lib.copies_of_title(L.store, L.title.id) if c.barcode.startswith("K")] \
        == [("K1", False), ("K2", True)]


def test_copies_added_today_at_a_centre(tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from kanoon_desk.persian import TEHRAN

    L = make_library(tmp_path)
    lib.add_copy(L.store, L.admin, L.title.id, barcode="C14", home_centre="14")
    lib.mark_copy_lost(L.store, L.admin, "B0003")
    day = datetime.now(TEHRAN).date()
    assert [c.barcode for c in lib.copies_added_on(L.store, "13", day)] == ["B0001", "B0002"]
    assert [c.barcode for c in lib.copies_added_on(L.store, "14", day)] == ["C14"]
    assert lib.copies_added_on(L.store, "13", day - timedelta(days=1)) == []


def test_a_copy_is_corrected_field_by_field(tmp_path: Path) -> None:
    from kanoon_desk.errors import ValidationError
    from kanoon_desk.models import Event
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import TODAY

    L = make_library(tmp_path)

    def field_sets() -> list[dict[str, object]]:
        with L.store.read() as s:
            return [e.payload for e in s.scalars(select(Event).where(Event.type == "copy.field_set")
                                                  .order_by(Event.hlc))]

    fixed = lib.update_copy(L.store, L.admin, "B0001", shelf="A1", loanable=False, home_centre="13")
    assert not fixed.loanable and field_sets() == [{"loanable": False}]  # only what changed
    with pytest.raises(circ.CirculationRefused) as err:
        circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    assert err.value.codes == ["not_loanable"]
    assert lib.update_copy(L.store, L.admin, "B0001", loanable=True).loanable
    moved = lib.update_copy(L.store, L.admin, "b0002", shelf="C7", home_centre="14")
    # given to 14 for good: on its way there from this shelf until 14 scans it in
    assert (moved.shelf, moved.home_centre, moved.location, moved.status) == ("C7", "14", "13", "in_transit")
    assert field_sets()[-1] == {"shelf": "C7", "home_centre": "14"}
    # lent and returned here, then found to belong to 14: it goes home
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0003", today=TODAY)
    circ.checkin(L.store, L.admin, "B0003", today=TODAY)
    home = lib.update_copy(L.store, L.admin, "B0003", home_centre="14")
    assert (home.location, home.status) == ("13", "in_transit")
    with pytest.raises(ValidationError) as bad:
        lib.update_copy(L.store, L.admin, "B0003", home_centre="99")
    assert bad.value.field == "home_centre"
    with pytest.raises(ValidationError) as long_mark:
        lib.update_copy(L.store, L.admin, "B0003", shelf="X" * 40)
    assert long_mark.value.field == "shelf"
    before = len(field_sets())
    lib.update_copy(L.store, L.admin, "B0003", shelf="A1", loanable=True)  # nothing changed
    assert len(field_sets()) == before


@pytest.mark.parametrize("typed", [
    "978-964-391-300-7",  # as the copyright page prints it
    "978 964 391 300 7",
    "ISBN 978-964-391-300-7",
    "شابک ۹۷۸-۹۶۴-۳۹۱-۳۰۰-۷",
    ISBN10,  # the ISBN-10 on an older printing finds the title kept with its ISBN-13
    "9643913007",
])
def test_a_title_is_found_by_its_isbn_as_the_book_prints_it(tmp_path: Path, typed: str) -> None:
    """The search box says «شابک»: the ISBN with its hyphens (or in its other form) found nothing."""
    L = make_library(tmp_path)
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره", isbn="964-000-300-X"))
    assert [t.id for t in lib.search_titles(L.store, typed)] == [L.title.id]
    assert [t.id for t in lib.search_titles(L.store, "9789640003008")] == [other.id]  # kept as ISBN-10
    assert [t.id for t in lib.search_titles(L.store, "978-964")] == []  # not an ISBN: words as before


@pytest.mark.parametrize("typed", [
    "قصههای",  # the half-space left out: one word no indexed word starts with
    "قصههای رنگینکمان",  # two of them, as a phrase
    "رنگینکمانها",  # three parts
    "دانستنیهایی",
    "قصه‌های",  # as written
    "قصه های",  # a space for the half-space
    "رنگین",  # a beginning, as before
])
def test_a_word_typed_without_its_half_space_finds_the_title(tmp_path: Path, typed: str) -> None:
    """«قصه‌های» found the title, «قصههای» (the half-space a reader so often leaves out) nothing."""
    L = make_library(tmp_path)
    stories = lib.add_title(L.store, L.admin, lib.TitleInput(title="قصه‌های رنگین‌کمان‌ها"))
    facts = lib.add_title(L.store, L.admin, lib.TitleInput(title="دانستنی‌هایی درباره ستاره‌ها"))
    found = [t.id for t in lib.search_titles(L.store, typed)]
    assert found == ([facts.id] if typed == "دانستنیهایی" else [stories.id]), typed


def test_a_split_is_searched_only_where_the_index_has_it(tmp_path: Path) -> None:
    """«ماهیسیاه» is «ماهی سیاه» run together and finds it; a run of indexed words that no text
    holds side by side («سیاهماهی», «کوچولوسیاه») finds nothing."""
    L = make_library(tmp_path)
    assert [t.id for t in lib.search_titles(L.store, "ماهیسیاه")] == [L.title.id]
    assert lib.search_titles(L.store, "سیاهماهی") == []
    assert lib.search_titles(L.store, "کوچولوسیاه") == []


def test_words_typed_apart_find_the_text_that_has_them_as_one(tmp_path: Path) -> None:
    """The reverse: the title written without a half-space, the word typed with one."""
    L = make_library(tmp_path)
    t = lib.add_title(L.store, L.admin, lib.TitleInput(title="کتابهای رنگی"))
    assert [x.id for x in lib.search_titles(L.store, "کتاب‌های رنگی")] == [t.id]
    assert [x.id for x in lib.search_titles(L.store, "کتاب های")] == [t.id]


def test_what_a_librarian_or_an_admin_typed_keeps_its_diacritics(tmp_path: Path) -> None:
    """A child's book titled «کُلاغ و روباه», a member «محمّد», the office's address «مطهّری» and a
    holiday «عیدِ غدیر» lost their marks when stored (normalize dropped them): stored text keeps
    what was typed; search, on its key, finds it with the marks or without."""
    from datetime import date

    from kanoon_desk.services import accounts
    from kanoon_desk.services import library as lib
    from tests.library_helpers import NATIONAL_IDS, TODAY, make_library

    L = make_library(tmp_path)
    t = lib.add_title(L.store, L.admin, lib.TitleInput(title="کُلاغ و روباه", author="مهدی آذریزدی"))
    assert lib.get_title(L.store, t.id).title == "کُلاغ و روباه"
    assert [x.id for x in lib.search_titles(L.store, "کلاغ")] == [t.id]
    m = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="محمّد", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    assert m.first_name == "محمّد"
    assert m.id in [x.id for x in lib.search_members(L.store, L.admin, "محمد رضایی")]
    office = accounts.update_office(L.store, L.admin, address="خیابان شهید مطهّری")
    assert office.address == "خیابان شهید مطهّری"
    accounts.set_holiday(L.store, L.admin, date(2025, 6, 14), "عیدِ غدیر")
    assert accounts.holiday_title(L.store, date(2025, 6, 14)) == "عیدِ غدیر"


def test_the_books_own_isbn_barcode_is_not_taken_as_a_copys_label(tmp_path: Path) -> None:
    """The EAN-13 printed on the book (its ISBN, 978/979…) is the same on every copy: scanned into a
    copy's barcode by mistake it is refused at the barcode, in the form and in the import; a label's
    code of 13 digits that is no ISBN is taken."""
    L = make_library(tmp_path)
    for scanned in ("9789643913007", "۹۷۸۹۶۴۳۹۱۳۰۰۷", "9791234567896"):
        with pytest.raises(ValidationError) as err:
            lib.add_copy(L.store, L.admin, L.title.id, barcode=scanned)
        assert err.value.field == "barcode" and err.value.message == lib.MSG_BARCODE_IS_ISBN
    assert [c.barcode for c in lib.copies_of_title(L.store, L.title.id)] == ["B0001", "B0002", "B0003"]
    assert lib.add_copy(L.store, L.admin, L.title.id, barcode="9789643913008").barcode == "9789643913008"
    path = _csv(tmp_path / "c.csv", [["عنوان", "شابک", "بارکد"], ["ماهی سیاه کوچولو", "9789643913007", "9789643913007"]])
    preview = imp.preview_import(L.store, L.admin, "titles", path)
    assert [e for r in preview.rows for e in r.errors] == [("barcode", lib.MSG_BARCODE_IS_ISBN)]


def test_a_title_of_the_same_name_and_author_is_refused_unless_said_to_be_another(tmp_path: Path) -> None:
    """Same name and author as the search reads them (ي/ك, a half-space typed as a space, marks), and
    no ISBN that tells them apart: refused at the title, naming the title there; another author, an
    ISBN of its own on both, or `same_name_ok` add it."""
    L = make_library(tmp_path)  # «ماهی سیاه کوچولو», «صمد بهرنگی», 978-964-391-300-7
    for typed, author in (("ماهي سياه كوچولو", "صمد بهرنگي"), ("ماهیِ سیاهِ کوچولو", "صمد بهرنگی")):
        with pytest.raises(lib.SameTitle) as err:
            lib.add_title(L.store, L.admin, lib.TitleInput(title=typed, author=author))
        assert err.value.field == "title" and err.value.existing.id == L.title.id
        assert err.value.message == lib.MSG_TITLE_KNOWN
    assert _titles(L) == 1
    lib.add_title(L.store, L.admin, lib.TitleInput(title="ماهی سیاه کوچولو", author="دیگری"))
    lib.add_title(L.store, L.admin, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی",
                                                   isbn="978-964-337-556-0"))  # another edition
    bare = lib.add_title(L.store, L.admin, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی"),
                         same_name_ok=True)
    assert bare.id != L.title.id and _titles(L) == 4
    lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره"))
    with pytest.raises(lib.SameTitle) as err:  # a title with no ISBN: whatever ISBN is typed may be its
        lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره", isbn="978-600-00-0000-4"))
    assert err.value.message == lib.MSG_TITLE_KNOWN_NO_AUTHOR and _titles(L) == 5


def test_a_deliverys_copies_are_added_at_once_with_consecutive_barcodes_or_none(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    assert lib.barcode_run("K0098", 4) == ["K0098", "K0099", "K0100", "K0101"]
    assert lib.barcode_run("۹۹", 2) == ["99", "100"]
    added = lib.add_copies(L.store, L.admin, L.title.id, 20, first_barcode="k000120", shelf="C4")
    assert [c.barcode for c in added] == [f"K{n:06d}" for n in range(120, 140)]
    assert {(c.shelf, c.home_centre, c.status) for c in added} == {("C4", "13", "on_shelf")}
    # one label of the run another copy has: none added, that label named
    lib.add_copy(L.store, L.admin, L.title.id, barcode="K000145")
    with pytest.raises(lib.BarcodeInRunTaken) as taken:
        lib.add_copies(L.store, L.admin, L.title.id, 10, first_barcode="K000140")
    assert taken.value.barcode == "K000145" and taken.value.field == "barcode"
    for first, count, message in (("K000139", 2, lib.MSG_BARCODE_TAKEN), ("KX", 3, lib.MSG_BARCODE_RUN),
                                  ("", 0, lib.MSG_COPY_COUNT), ("", 201, lib.MSG_COPY_COUNT)):
        with pytest.raises(ValidationError) as err:
            lib.add_copies(L.store, L.admin, L.title.id, count, first_barcode=first)
        assert err.value.message == message
    assert len(lib.copies_of_title(L.store, L.title.id)) == 3 + 20 + 1
    issued = lib.add_copies(L.store, L.admin, L.title.id, 5)  # no barcode: the desk's own codes
    assert len({c.barcode for c in issued}) == 5 and all(c.barcode.isdigit() for c in issued)
