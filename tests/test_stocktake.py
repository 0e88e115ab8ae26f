"""Stock-take outcomes: found, missing, misplaced, unknown, on-loan never checked in; close, lost, export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kanoon_desk.errors import InvariantError
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import stocktake as st
from tests.library_helpers import TODAY, actor_at, make_library
from tests.refold_check import assert_refolds_alike


def test_stocktake_outcomes_and_mark_missing_lost(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0004", shelf="A2")
    other = lib.add_copy(L.store, actor_at(L.admin, "14"), L.title.id, barcode="C0001")
    loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0003", today=TODAY)
    take = st.open_stocktake(L.store, L.admin, "13")
    assert take.expected == 3  # B0001, B0002, B0004; B0003 is on loan; C0001 belongs to 14
    # copies added after opening are not expected
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0005", shelf="A1")
    assert st.scan(L.store, L.admin, take.id, "B0001", shelf="A1") == ["found"]
    assert st.scan(L.store, L.admin, take.id, ["B0004"], shelf="A1") == ["misplaced"]  # lives on A2
    assert st.scan(L.store, L.admin, take.id, other.barcode) == ["misplaced"]
    assert st.scan(L.store, L.admin, take.id, "ZZZ9") == ["unknown"]
    assert st.scan(L.store, L.admin, take.id, "B0003") == ["on_loan"]
    # the stock-take never checks the loan in
    assert lib.get_copy(L.store, "B0003").status == "on_loan"
    assert circ.member_desk(L.store, L.admin, L.adult.member_no, today=TODAY).loans[0].id == loan.id
    with pytest.raises(InvariantError):
        st.mark_missing_lost(L.store, L.admin, take.id)
    closed = st.close_stocktake(L.store, L.admin, take.id)
    assert closed.status == "closed"
    assert closed.counts == {"found": 1, "missing": 1, "misplaced": 2, "unknown": 1, "on_loan": 1, "found_lost": 0,
                             "found_withdrawn": 0}
    with pytest.raises(InvariantError):
        st.scan(L.store, L.admin, take.id, "B0002")
    assert [r.barcode for r in st.stocktake_rows(L.store, take.id, "missing")] == ["B0002"]
    assert st.mark_missing_lost(L.store, L.admin, take.id) == 1
    assert lib.get_copy(L.store, "B0002").status == "lost"
    assert lib.get_copy(L.store, "B0005").status == "on_shelf"
    out = tmp_path / "take.csv"
    assert st.export_stocktake(L.store, take.id, out) == 6
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == st.EXPORT_HEADERS
    assert ["B0002", "ماهی سیاه کوچولو", "A1", "", "بله", "ناپیدا"] in rows
    xlsx = tmp_path / "take.xlsx"
    assert st.export_stocktake(L.store, take.id, xlsx) == 6
    from openpyxl import load_workbook
    wb = load_workbook(xlsx)
    ws = wb.active
    assert ws is not None and ws.cell(1, 1).value == "بارکد" and ws.max_row == 7
    # a shelf not scanned is an empty cell, not an empty text (Excel counted and never filtered it as blank)
    missing = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "B0002")
    assert [c.value for c in missing] == ["B0002", "ماهی سیاه کوچولو", "A1", None, "بله", "ناپیدا"]
    assert missing[3].data_type == "n"
    wb.close()


def test_shelf_range_and_one_open_session(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0009", shelf="C1")
    take = st.open_stocktake(L.store, L.admin, "13", shelf_from="A1", shelf_to="B9")
    assert take.expected == 3
    with pytest.raises(InvariantError):
        st.open_stocktake(L.store, L.admin, "13", shelf_from="A1", shelf_to="B9")
    assert st.scan(L.store, L.admin, take.id, "B0009") == ["misplaced"]
    assert [t.id for t in st.list_stocktakes(L.store, "13")] == [take.id]


def test_stocktake_survives_a_refold(tmp_path: Path) -> None:

    L = make_library(tmp_path)
    take = st.open_stocktake(L.store, L.admin)
    st.scan(L.store, L.admin, take.id, ["B0001", "X"])
    st.close_stocktake(L.store, L.admin, take.id)
    assert_refolds_alike(L.store)
    assert lib.search_titles(L.store, "ماهی")  # the FTS index is rebuilt too


def test_a_shelf_range_reads_shelf_marks_in_natural_order(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    for barcode, shelf in (("S1", "A1"), ("S2", "A2"), ("S10", "A10"), ("S11", "A11"), ("S99", "B1")):
        lib.add_copy(L.store, L.admin, L.title.id, barcode=barcode, shelf=shelf)
    take = st.open_stocktake(L.store, L.admin, "13", shelf_from="a2", shelf_to="A10")
    assert sorted(r.barcode for r in st.stocktake_rows(L.store, take.id)) == ["S10", "S2"]
    assert st.shelf_key("A2") < st.shelf_key("A10") < st.shelf_key("B1")


def test_copies_written_off_that_turn_up_on_the_shelf_are_said_and_put_back_at_closing(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.mark_copy_lost(L.store, L.admin, "B0002")
    lib.withdraw_copy(L.store, L.admin, "B0003", "فرسوده")
    take = st.open_stocktake(L.store, L.admin, "13")
    assert st.scan(L.store, L.admin, take.id, ["B0001", "B0002", "B0003"]) == ["found", "found_lost",
                                                                               "found_withdrawn"]
    with pytest.raises(InvariantError):  # not while the session is open
        st.reshelve_found(L.store, L.admin, take.id)
    view = st.close_stocktake(L.store, L.admin, take.id)
    assert (view.counts["found_lost"], view.counts["found_withdrawn"]) == (1, 1)
    assert st.found_gone_count(L.store, take.id) == 2
    assert st.reshelve_found(L.store, L.admin, take.id) == 2
    assert [lib.get_copy(L.store, b).status for b in ("B0002", "B0003")] == ["on_shelf", "on_shelf"]
    assert st.found_gone_count(L.store, take.id) == 0 and st.reshelve_found(L.store, L.admin, take.id) == 0
    out = tmp_path / "take.csv"
    st.export_stocktake(L.store, take.id, out)
    assert "پیدا شد، گم‌شده ثبت شده بود" in out.read_text(encoding="utf-8-sig")


def test_a_reversed_shelf_range_is_refused_at_its_first_field(tmp_path: Path) -> None:
    """«H9 تا A1» would freeze an empty list and call every copy scanned misplaced."""
    from kanoon_desk.errors import ValidationError

    L = make_library(tmp_path)
    with pytest.raises(ValidationError) as caught:
        st.open_stocktake(L.store, L.admin, "13", shelf_from="b1", shelf_to="A10")
    assert caught.value.field == "shelf_from"
    assert str(caught.value) == "بازه قفسه وارونه است: «از قفسه» پس از «تا قفسه» می‌آید؛ آن دو را جابه‌جا بنویسید."
    assert st.list_stocktakes(L.store, "13") == []
    assert st.open_stocktake(L.store, L.admin, "13", shelf_from="A10", shelf_to="A10").centre == "13"


def test_copies_set_aside_for_holds_or_on_their_way_are_not_expected_nor_written_off(tmp_path: Path) -> None:

    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    for bc in ("B0001", "B0002"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0003", today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.place_hold(L.store, at_b, L.adult.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0003", today=TODAY)  # set aside for the child: on the hold shelf
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # on its way to 14 for the adult
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0004", shelf="A1")
    assert [lib.get_copy(L.store, b).status for b in ("B0001", "B0003", "B0004")] == ["in_transit", "held", "on_shelf"]
    take = st.open_stocktake(L.store, L.admin, "13")
    assert take.expected == 1  # B0004 only: B0002 is out, B0003 on the hold shelf, B0001 on its way
    st.close_stocktake(L.store, L.admin, take.id)
    assert st.missing_count(L.store, take.id) == 1
    assert st.mark_missing_lost(L.store, L.admin, take.id) == 1
    assert [lib.get_copy(L.store, b).status for b in ("B0001", "B0003", "B0004")] == ["in_transit", "held", "lost"]
    # the child collects the copy set aside for them
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0003", today=TODAY)
    assert loan.barcode == "B0003"
    assert_refolds_alike(L.store)


def test_a_session_opened_before_expecting_held_copies_never_writes_them_off(tmp_path: Path) -> None:
    from kanoon_desk.ids import new_id

    L = make_library(tmp_path)
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # set aside
    circ.checkin(L.store, L.admin, "B0002", today=TODAY)  # on the shelf
    held, shelf = lib.get_copy(L.store, "B0001"), lib.get_copy(L.store, "B0002")
    take_id = new_id()
    with L.store.transaction() as s:  # as the older desk froze the list: the held copy expected too
        L.store.record(s, L.admin, "stocktake.opened", take_id, {
            "centre": "13", "shelf_from": "", "shelf_to": "",
            "expected": [["B0001", held.id, "held"], ["B0002", shelf.id, "on_shelf"]]}, subject="13")
    st.close_stocktake(L.store, L.admin, take_id)
    assert st.missing_count(L.store, take_id) == 1
    assert st.mark_missing_lost(L.store, L.admin, take_id) == 1
    assert (lib.get_copy(L.store, "B0001").status, lib.get_copy(L.store, "B0002").status) == ("held", "lost")
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)  # not refused as lost


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_title_that_looks_like_a_formula_is_exported_as_the_words_typed(tmp_path: Path, suffix: str) -> None:
    """A title catalogued as «=2+3» (or «-» or «@» first, as a pasted list gives) came back from
    the export as a formula: openpyxl stored it as one (Excel showed ۵, or ran a HYPERLINK), and
    Excel runs a CSV cell that starts so. Now the sheet holds it as text, and the CSV cell starts
    with Excel's apostrophe; the sheet's heading row is bold and stays in view, its columns wide
    enough for the titles."""
    L = make_library(tmp_path)
    titles = ['=HYPERLINK("http://x.example","ببینید")', "+98 نمونه", "-خراب", "@همه"]
    for n, name in enumerate(titles):
        t = lib.add_title(L.store, L.admin, lib.TitleInput(title=name, author="نویسنده"))
        lib.add_copy(L.store, L.admin, t.id, barcode=f"F{n:04d}", shelf="A1")
    take = st.open_stocktake(L.store, L.admin, "13")
    st.scan(L.store, L.admin, take.id, [f"F{n:04d}" for n in range(len(titles))])
    st.close_stocktake(L.store, L.admin, take.id)
    out = tmp_path / f"take{suffix}"
    st.export_stocktake(L.store, take.id, out)
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig") as f:
            written = {r[1] for r in csv.reader(f)}
        assert {"'" + name for name in titles} <= written
        return
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    assert ws is not None
    cells = {c.value: c for c in ws["B"]}
    assert set(titles) <= set(cells) and all(cells[name].data_type == "s" for name in titles)
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
    assert (ws.column_dimensions["B"].width or 0) >= len(titles[0])


def test_shelf_marks_and_barcodes_typed_with_the_persian_layout_on_are_read_as_meant(tmp_path: Path) -> None:
    """A librarian who types the shelf «A1» with the Persian keyboard on writes «ش۱», and a
    scanner that types keys writes «ذ۰۰۰۱» for B0001: the session's range, the shelf scanned and the
    label are read as meant (the copies on A1 found there, not all «misplaced», the label not
    «unknown»); a shelf marked in Persian («الف۱») is read as typed."""
    L = make_library(tmp_path)
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0004", shelf="A2")
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0005", shelf="الف۱")
    take = st.open_stocktake(L.store, L.admin, "13", shelf_from="ش۱", shelf_to="ش۱")  # A1 to A1
    assert take.expected == 3  # B0001..B0003 stand on A1
    assert st.scan(L.store, L.admin, take.id, ["ذ۰۰۰۱", "B0002"], shelf="ش۱") == ["found", "found"]
    assert st.scan(L.store, L.admin, take.id, "B0004", shelf="ش۱") == ["misplaced"]  # lives on A2
    persian = st.open_stocktake(L.store, L.admin, "13", shelf_from="الف۱", shelf_to="الف۱")
    assert persian.expected == 1
    assert st.scan(L.store, L.admin, persian.id, "B0005", shelf="الف۱") == ["found"]
    assert lib.get_copy(L.store, "ذ۰۰۰۱").barcode == "B0001"
