"""A copy's barcode corrected on two desks apart: one barcode given to two copies is one
`copy.barcode_twice` (as two copies added with one barcode are), the same on both desks, that a
person resolves by giving one of them a new barcode."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kanoon_desk.models.library import Copy
from kanoon_desk.services import circulation, conflicts
from kanoon_desk.services import library as lib
from tests.library_helpers import TODAY
from tests.sync.test_conflict_resolutions import (
    converges_in_any_order,
    digests,
    domain_events,
    exchange,
    only_conflict,
    two_centres,
)


def _barcodes(store: object) -> dict[str, str]:
    from kanoon_desk.store import Store

    assert isinstance(store, Store)
    with store.read() as s:
        return {c.id: c.barcode for c in s.scalars(select(Copy))}


@pytest.mark.parametrize("second", ["relabel", "add", "run"])
def test_one_new_barcode_on_two_copies_apart_is_a_conflict_resolved_by_a_new_label(tmp_path: Path,
                                                                                    second: str) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    relabelled = lib.relabel_copy(a, admin_a, "B0001", "K0700")
    if second == "relabel":  # the other desk corrects another copy to the same barcode
        other = lib.relabel_copy(b, admin_b, "B0002", "K0700")
    elif second == "add":  # the other desk adds a new copy with the barcode the first just gave
        other = lib.add_copy(b, admin_b, L.title.id, barcode="K0700", home_centre="14")
    else:  # … in a run of new copies (folded together where they arrive)
        other = lib.add_copies(b, admin_b, L.title.id, 3, first_barcode="K0699", home_centre="14")[1]
    exchange(a, b)
    assert digests(a) == digests(b)
    c = only_conflict(a, admin_a, "copy.barcode_twice")
    assert only_conflict(b, admin_b, "copy.barcode_twice").id == c.id
    assert c.subject == "K0700" and c.resolutions == ("keep_first", "keep_second")
    # the facts are the events that gave the barcode, the correction with the barcode it replaced
    assert {f.aggregate_id for f in c.facts} == {relabelled.id, other.id}
    fixed = next(f for f in c.facts if f.aggregate_id == relabelled.id)
    assert fixed.type == "copy.relabelled" and fixed.payload["previous"] == "B0001"
    side = "keep_first" if c.facts[0].aggregate_id == relabelled.id else "keep_second"
    conflicts.resolve(a, admin_a, c.id, side)
    barcodes = _barcodes(a)
    assert barcodes[relabelled.id] == "K0700" and barcodes[other.id] not in ("K0700", "")
    assert len(set(barcodes.values())) == len(barcodes)
    events = converges_in_any_order(a, b, tmp_path, base=L.store)
    assert domain_events(events, c.id) == [("copy.relabelled", other.id)]


def test_a_relabel_to_a_free_barcode_apart_is_no_conflict(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.relabel_copy(a, admin_a, "B0001", "K0700")
    lib.relabel_copy(b, admin_b, "B0002", "K0800")
    exchange(a, b)
    assert [c for c in conflicts.list_conflicts(a, admin_a) if c.kind == "copy.barcode_twice"] == []
    assert digests(a) == digests(b)


def test_a_loan_made_apart_before_the_correction_was_heard_of_stays_the_copys(tmp_path: Path) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.relabel_copy(a, admin_a, "B0001", "K0700")
    loan = circulation.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)  # b: still «B0001»
    exchange(a, b)
    assert digests(a) == digests(b)
    for store in (a, b):
        got = lib.get_copy(store, "K0700")
        assert got.status == "on_loan" and got.current_loan_id == loan.id
    back = circulation.checkin(a, admin_a, "K0700", today=TODAY)
    assert back.loan is not None and back.loan.id == loan.id


def test_a_copy_given_to_another_centre_is_on_its_way_on_both_desks_until_that_centre_scans_it_in(
        tmp_path: Path) -> None:
    from kanoon_desk.services import library_transit as transit

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    lib.update_copy(a, admin_a, "B0001", home_centre="14")
    exchange(a, b)
    for store in (a, b):
        got = lib.get_copy(store, "B0001")
        assert (got.status, got.location, got.home_centre) == ("in_transit", "13", "14")
        assert [(x.barcode, x.reason) for x in transit.in_transit_to(store, "14")] == [("B0001", "moved")]
    circulation.checkin(b, admin_b, "B0001", today=TODAY)
    exchange(a, b)
    assert digests(a) == digests(b)
    got = lib.get_copy(a, "B0001")
    assert (got.status, got.location) == ("on_shelf", "14") and transit.in_transit_to(a, "14") == []
