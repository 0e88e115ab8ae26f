"""A copy's barcode corrected (a label stuck or typed wrong), a scan cut short, and a copy given to
another centre for good: what the catalogue refuses, what the desks then read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kanoon_desk.errors import NotFound, ValidationError
from kanoon_desk.services import circulation, history, stocktake
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as transit
from tests.library_helpers import TODAY, actor_at, make_library


def test_a_barcode_typed_wrong_is_corrected_and_the_old_one_kept_in_the_history(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    fixed = lib.relabel_copy(L.store, L.admin, "B0001", "k0101")
    assert fixed.barcode == "K0101" and fixed.id == L.copies[0].id
    assert lib.get_copy(L.store, "K0101").id == L.copies[0].id
    barcodes = [c.value for c in history.field_history(L.store, L.admin, "copy", fixed.id) if c.field == "barcode"]
    assert barcodes == ["K0101", "B0001"]  # newest first: the old one stays in its history


@pytest.mark.parametrize(("typed", "message"), [
    ("B0002", lib.MSG_BARCODE_TAKEN),  # another copy's
    ("9789643913007", lib.MSG_BARCODE_IS_ISBN),  # the book's own ISBN, as for a new copy
    ("B 00*1", lib.MSG_BARCODE_SHAPE),
    ("B0001", lib.MSG_SAME_BARCODE),
])
def test_a_correction_is_refused_at_the_barcode_and_nothing_changes(tmp_path: Path, typed: str, message: str) -> None:
    L = make_library(tmp_path)
    with pytest.raises(ValidationError) as err:
        lib.relabel_copy(L.store, L.admin, "B0001", typed)
    assert err.value.message == message and err.value.field == "barcode"
    assert lib.get_copy(L.store, "B0001").id == L.copies[0].id


def test_a_barcode_another_centre_holds_is_refused(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.add_copy(L.store, actor_at(L.admin, "14"), L.title.id, barcode="C0500", home_centre="14")
    with pytest.raises(ValidationError) as err:
        lib.relabel_copy(L.store, L.admin, "B0001", "C0500")
    assert err.value.message == lib.MSG_BARCODE_TAKEN


def test_a_scan_of_the_old_barcode_names_the_new_one(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    lib.relabel_copy(L.store, L.admin, "B0001", "K0101")
    for scan in (lambda: circulation.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY),
                 lambda: circulation.checkin(L.store, L.admin, "B0001", today=TODAY),
                 lambda: lib.get_copy(L.store, "b0001")):
        with pytest.raises(lib.OldBarcode) as err:
            scan()
        assert err.value.barcode == "K0101"
    with pytest.raises(NotFound) as never:  # a code no copy ever had is not found, as before
        lib.get_copy(L.store, "B9999")
    assert never.value.message == lib.MSG_COPY_NOT_FOUND
    loan = circulation.checkout(L.store, L.admin, L.child.member_no, "K0101", today=TODAY)
    assert loan.barcode == "K0101"


def test_a_loan_before_the_correction_stays_the_copys(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circulation.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    lib.relabel_copy(L.store, L.admin, "B0001", "K0101")
    back = circulation.checkin(L.store, L.admin, "K0101", today=TODAY)
    assert back.loan is not None and back.loan.barcode == "K0101"
    assert lib.get_copy(L.store, "K0101").status == "on_shelf"


@pytest.mark.parametrize("cut", ["B000", "B00", "b00"])
def test_a_scan_cut_short_is_not_a_new_barcode(tmp_path: Path, cut: str) -> None:
    L = make_library(tmp_path)
    for add in (lambda: lib.add_copy(L.store, L.admin, L.title.id, barcode=cut),
                lambda: lib.relabel_copy(L.store, L.admin, "B0003", cut)):
        with pytest.raises(lib.BarcodeCutShort) as err:
            add()
        assert err.value.field == "barcode" and err.value.barcode == "B0001"
    assert len(lib.copies_of_title(L.store, L.title.id)) == 3
    with pytest.raises(NotFound):  # nor does it find a copy by its beginning
        circulation.checkin(L.store, L.admin, cut, today=TODAY)
    assert lib.add_copy(L.store, L.admin, L.title.id, barcode="B00011").barcode == "B00011"  # longer is fine


def test_a_copy_given_to_another_centre_travels_until_it_is_scanned_there(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    there = actor_at(L.admin, "14")
    moved = lib.update_copy(L.store, L.admin, "B0001", home_centre="14")
    assert moved.home_centre == "14" and moved.status == "in_transit" and moved.location == "13"
    listed = transit.in_transit_to(L.store, "14")
    assert [(x.barcode, x.reason, x.from_centre) for x in listed] == [("B0001", "moved", "13")]
    assert listed[0].since is not None
    # one lent, returned here, then given to 14: on its way there too, from where it was returned
    circulation.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY)
    circulation.checkin(L.store, L.admin, "B0002", today=TODAY)
    lib.update_copy(L.store, L.admin, "B0002", home_centre="14")
    assert [(x.barcode, x.reason) for x in transit.in_transit_to(L.store, "14")] == [("B0001", "moved"),
                                                                                     ("B0002", "moved")]
    for centre, who in (("13", L.admin), ("14", there)):  # expected in neither stock-take
        take = stocktake.open_stocktake(L.store, who, centre)
        assert "B0001" not in [r.barcode for r in stocktake.stocktake_rows(L.store, take.id)]
    got = circulation.checkin(L.store, there, "B0001", today=TODAY)  # read at 14's desk, as its list says
    assert got.loan is None and got.notes == ["received"]
    got = lib.get_copy(L.store, "B0001")
    assert (got.status, got.location, got.home_centre) == ("on_shelf", "14", "14")
    assert [x.barcode for x in transit.in_transit_to(L.store, "14")] == ["B0002"]


@pytest.mark.parametrize("label", ["K0101", "B0001"])
def test_a_copy_relabelled_during_a_stock_take_is_found_under_either_label_not_written_off(
        tmp_path: Path, label: str) -> None:
    """The list was frozen at opening under the old barcode: the copy read under its new one (or
    its old label still on the book) is its row found, not a stranger beside a «missing» row that
    the write-off would mark lost while it stands on its shelf."""
    L = make_library(tmp_path)
    take = stocktake.open_stocktake(L.store, L.admin, "13")
    lib.relabel_copy(L.store, L.admin, "B0001", "K0101")
    read = stocktake.scan_copy(L.store, L.admin, take.id, label)
    assert read.outcome == "found" and read.now_barcode == ("K0101" if label == "B0001" else "")
    assert read.row is not None and read.row.outcome == "found"
    stocktake.scan(L.store, L.admin, take.id, ["B0002", "B0003"])
    assert stocktake.scan_copy(L.store, L.admin, take.id, label).again
    stocktake.close_stocktake(L.store, L.admin, take.id)
    assert stocktake.missing_count(L.store, take.id) == 0
    assert stocktake.mark_missing_lost(L.store, L.admin, take.id) == 0
    assert lib.get_copy(L.store, "K0101").status == "on_shelf"


def test_a_barcode_not_found_reads_the_relabellings_from_their_index_not_the_whole_log(tmp_path: Path) -> None:
    """Each barcode not found (a typing slip at the desk) looks for a copy relabelled from it: a
    scan of every event (about 2 ms on the small demo's 10,800 events, seconds on the large one's
    12.8 million) unless read from `ix_events_relabelled_from` (about 5 µs, as an exact barcode)."""
    from tests.query_plans import plans

    L = make_library(tmp_path)
    lib.relabel_copy(L.store, L.admin, "B0001", "K0101")
    with plans(L.store) as seen:
        with pytest.raises(NotFound):
            lib.get_copy(L.store, "Z0404")
    events = [line for sql, lines in seen for line in lines if " events " in line + " "]
    assert events and all("USING INDEX ix_events_relabelled_from" in line for line in events), seen


def test_an_imported_list_with_short_numbers_beside_long_ones_is_no_scan_cut_short(tmp_path: Path) -> None:
    """A centre's old list numbered its books 1, 2 … 10, 11: «1» begins «10», but a spreadsheet's
    cell was not cut by a scanner, and the list comes in whole."""
    from kanoon_desk.services import library_import as imp
    from tests.test_library_import import _csv

    L = make_library(tmp_path)
    lib.add_copy(L.store, L.admin, L.title.id, barcode="10")
    path = _csv(tmp_path / "c.csv", [["بارکد", "شابک"], ["1", "9789643913007"], ["B00", "9789643913007"]])
    preview = imp.preview_import(L.store, L.admin, "copies", path)
    assert preview.errors == []
    assert imp.commit_import(L.store, L.admin, preview) == 2
    with pytest.raises(lib.BarcodeCutShort):  # typed or scanned at the form, it is asked again
        lib.add_copy(L.store, L.admin, L.title.id, barcode="B0")
