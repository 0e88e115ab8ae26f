"""Fold of stock-take events: a shelf range opened with its expected copies, scans, closing."""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from ...eventlog import FoldEvent, projector, resetter
from ...models.library import Stocktake, StocktakeItem


@projector("stocktake.opened", "stocktake")
def _stocktake_opened(s: Session, e: FoldEvent) -> None:
    p = e.payload
    s.add(Stocktake(id=e.aggregate_id, centre=p["centre"], shelf_from=p.get("shelf_from", ""),
                    shelf_to=p.get("shelf_to", ""), opened_at=e.recorded_at, status="open"))
    s.flush()
    rows = [{"stocktake_id": e.aggregate_id, "barcode": barcode, "copy_id": copy_id, "expected": True,
             "expected_status": status, "scanned": False, "scanned_shelf": "", "outcome": "missing"}
            for barcode, copy_id, status in p["expected"]]
    if rows:
        s.execute(insert(StocktakeItem), rows)


@projector("stocktake.scanned", "stocktake")
def _stocktake_scanned(s: Session, e: FoldEvent) -> None:
    """The outcome was decided by the service at scan time (a fact of what the librarian saw)."""
    take = s.get(Stocktake, e.aggregate_id)
    if take is None:
        return
    for scan in e.payload["scans"]:
        item = s.get(StocktakeItem, (take.id, scan["barcode"]))
        if item is None:
            s.add(StocktakeItem(stocktake_id=take.id, barcode=scan["barcode"], copy_id=scan.get("copy_id"),
                                expected=False, expected_status="", scanned=True,
                                scanned_shelf=scan.get("shelf", ""), outcome=scan["outcome"]))
        else:
            item.scanned = True
            item.scanned_shelf = scan.get("shelf", "")
            item.outcome = scan["outcome"]
    s.flush()


@projector("stocktake.closed", "stocktake")
def _stocktake_closed(s: Session, e: FoldEvent) -> None:
    take = s.get(Stocktake, e.aggregate_id)
    if take is not None:
        take.status = "closed"
        take.closed_at = e.recorded_at
        s.flush()


@resetter("stocktake")
def _stocktake_reset(s: Session, take_id: str) -> None:
    s.execute(delete(StocktakeItem).where(StocktakeItem.stocktake_id == take_id))
    s.execute(delete(Stocktake).where(Stocktake.id == take_id))
