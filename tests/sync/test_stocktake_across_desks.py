"""A stock-take open at a copy's home centre while another centre sends the copy home: found on its
home shelf once the sync brings the journey, it is counted found and is home on every desk."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_transit as tr
from kanoon_desk.services import stocktake as st
from tests.library_helpers import TODAY

from .helpers import LiveServer
from .test_lending_across_centres import centre_13_with_a_copy, centre_14, hold_at_14_for_13s_copy, synced


def test_a_copy_sent_home_during_its_centres_stock_take_is_found_and_home(server: LiveServer, tmp_path: Path) -> None:
    a, admin_a, child, _adult = centre_13_with_a_copy(server, tmp_path)
    b, admin_b = centre_14(server, tmp_path)
    title = lib.search_titles(a, "ماهی")[0]
    lib.add_copy(a, admin_a, title.id, barcode="B0009", shelf="A1")
    circ.checkout(a, admin_a, child.member_no, "B0001", today=TODAY)
    synced(a, b, a)
    take = st.open_stocktake(a, admin_a)  # B0001 is out: not expected on 13's shelves
    assert take.expected == 1
    # the reader returns it at 14, which sends it home; it is shelved at 13 as it arrives
    assert circ.checkin(b, admin_b, "B0001", today=TODAY).next_action == "send_home"
    synced(b, a)
    assert lib.get_copy(a, "B0001").status == "in_transit"
    assert st.scan(a, admin_a, take.id, ["B0001", "B0009"], shelf="A1") == ["found", "found"]
    st.close_stocktake(a, admin_a, take.id)
    synced(a, b, a)
    for store in (a, b):
        copy = lib.get_copy(store, "B0001")
        assert (copy.status, copy.location) == ("on_shelf", "13")  # home, not «on its way» at 14 for ever
        assert tr.in_transit_to(store, "13") == []
    assert st.missing_count(a, take.id) == 0
    assert sorted((r.barcode, r.outcome) for r in st.stocktake_rows(a, take.id)) == [
        ("B0001", "found"), ("B0009", "found")]


def test_a_copy_on_its_way_to_a_hold_scanned_at_home_is_left_to_its_hold(server: LiveServer, tmp_path: Path) -> None:
    d = hold_at_14_for_13s_copy(server, tmp_path, sent=False)
    a, admin_a, hold = d.a, d.admin_a, d.hold_id
    take = st.open_stocktake(a, admin_a)
    tr.send_for_hold(a, admin_a, hold, "B0001")  # packed, not gone yet: still on a shelf here
    st.scan(a, admin_a, take.id, ["B0001"], shelf="A1")
    assert lib.get_copy(a, "B0001").status == "in_transit"  # the hold's, on its way to 14
