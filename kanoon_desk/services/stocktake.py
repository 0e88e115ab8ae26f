"""Stock-take (انبارگردانی): expected list frozen at opening, shelf scans, results, missing → lost, export."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP, InvariantError, NotFound, ValidationError
from ..eventlog import Actor
from ..ids import new_id
from ..models import Event
from ..models.library import Copy, Hold, Stocktake, StocktakeItem, Title
from ..persian import latin_keys, normalize, to_ascii_digits
from ..store import Store
from ..whole_file import written_whole
from .accounts import require
from .library_common import LIBRARIAN, MSG_CENTRE, centre_exists, clean_code, office_actor, relabelled_copy
from .sheets import append_rows, csv_safe, finish_sheet

MSG_TAKE_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "انبارگردانی پیدا نشد.")
MSG_TAKE_CLOSED = QT_TRANSLATE_NOOP("Errors", "این انبارگردانی بسته شده است.")
MSG_TAKE_OPEN = QT_TRANSLATE_NOOP("Errors", "نخست انبارگردانی را ببندید.")
MSG_TAKE_RUNNING = QT_TRANSLATE_NOOP("Errors", "انبارگردانی دیگری برای این مرکز باز است.")
MSG_EMPTY_BARCODE = QT_TRANSLATE_NOOP("Errors", "بارکد خالی است.")
MSG_SHELF_RANGE = QT_TRANSLATE_NOOP(
    "Errors", "بازه قفسه وارونه است: «از قفسه» پس از «تا قفسه» می‌آید؛ آن دو را جابه‌جا بنویسید.")

#: found_lost / found_withdrawn: a copy recorded lost (or withdrawn) that turned up on the shelf
OUTCOMES: tuple[str, ...] = ("found", "missing", "misplaced", "unknown", "on_loan", "found_lost", "found_withdrawn")
#: The outcomes of copies that are back on a shelf though recorded gone: closing offers to reshelve them.
FOUND_GONE = ("found_lost", "found_withdrawn")

#: Copy statuses expected on the shelves at opening. A copy set aside for a hold ("held") waits on
#: the hold shelf, and one on its way ("in_transit") is on no shelf: neither is expected there, nor
#: ever counted missing or written off as lost by a stock-take.
SHELF_STATUSES = ("on_shelf",)


@dataclass(frozen=True)
class StocktakeView:
    id: str
    centre: str
    shelf_from: str
    shelf_to: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    counts: dict[str, int]
    expected: int


@dataclass(frozen=True)
class StocktakeRow:
    barcode: str
    title: str
    shelf: str
    scanned_shelf: str
    expected: bool
    outcome: str


def shelf_key(shelf: str) -> tuple[tuple[int, int | str], ...]:
    """A shelf mark in natural order: its runs of digits compared as numbers ("A2" < "A10" < "B1")."""
    return tuple((1, int(part)) if part.isdigit() else (0, part)
                 for part in re.split(r"(\d+)", to_ascii_digits(shelf).upper()) if part)


def _in_range(shelf: str, lo: str, hi: str) -> bool:
    key = shelf_key(shelf)
    return (not lo or key >= shelf_key(lo)) and (not hi or key <= shelf_key(hi))


def typed_shelf(s: Session, centre: str, typed: str) -> str:
    """A shelf mark as typed (upper case, ASCII digits), or read as typed with the Persian layout on
    (`latin_keys`: «ش۱» is A1) when no shelf of the centre begins as typed and one begins as that
    reading: a Persian mark («الف۱», «داستان») stays as it is."""
    mark = normalize(typed or "").upper()
    latin = latin_keys(mark)
    if latin == mark:
        return mark
    marks = {m.upper() for m in s.scalars(select(Copy.shelf).where(Copy.home_centre == centre).distinct())}

    def known(value: str) -> bool:
        lead = re.split(r"\d", value, maxsplit=1)[0]
        return any(m.startswith(lead) for m in marks)

    return latin if known(latin) and not known(mark) else mark


def _view(s: object, take: Stocktake) -> StocktakeView:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    counts = {o: 0 for o in OUTCOMES}
    for outcome, n in s.execute(select(StocktakeItem.outcome, func.count()).where(
            StocktakeItem.stocktake_id == take.id).group_by(StocktakeItem.outcome)):
        counts[outcome] = n
    expected = s.scalar(select(func.count()).select_from(StocktakeItem).where(
        StocktakeItem.stocktake_id == take.id, StocktakeItem.expected.is_(True))) or 0
    return StocktakeView(take.id, take.centre, take.shelf_from, take.shelf_to, take.status, take.opened_at,
                         take.closed_at, counts, expected)


def open_stocktake(store: Store, actor: Actor, centre: str = "", *, shelf_from: str = "",
                   shelf_to: str = "") -> StocktakeView:
    """Open a session; the list of copies expected on the shelves is frozen in the opening event."""
    require(actor, *LIBRARIAN)
    centre = centre or actor.office_code
    with store.transaction() as s:
        if not centre_exists(s, centre):
            raise ValidationError(MSG_CENTRE, "centre")
        lo, hi = typed_shelf(s, centre, shelf_from), typed_shelf(s, centre, shelf_to)
        if lo and hi and shelf_key(lo) > shelf_key(hi):  # «H9 تا A1» would expect nothing, find all misplaced
            raise ValidationError(MSG_SHELF_RANGE, "shelf_from")
        if s.scalar(select(Stocktake.id).where(Stocktake.centre == centre, Stocktake.status == "open",
                                               Stocktake.shelf_from == lo, Stocktake.shelf_to == hi).limit(1)):
            raise InvariantError(MSG_TAKE_RUNNING)
        q = select(Copy.barcode, Copy.id, Copy.status, Copy.shelf).where(
            Copy.home_centre == centre, Copy.status.in_(SHELF_STATUSES)).order_by(Copy.barcode)
        expected = [[b, cid, st] for b, cid, st, shelf in s.execute(q) if _in_range(shelf.upper(), lo, hi)]
        take_id = new_id()
        store.record(s, office_actor(store, actor), "stocktake.opened", take_id, {"centre": centre, "shelf_from": lo, "shelf_to": hi,
                                                             "expected": expected}, subject=centre)
        take = s.get(Stocktake, take_id)
        assert take is not None
        return _view(s, take)


def scan(store: Store, actor: Actor, take_id: str, barcodes: str | list[str], *, shelf: str = "") -> list[str]:
    """Record shelf scans; the outcome of each is decided now, from what the librarian saw.

    An on-loan copy found on a shelf is reported, never checked in: the loan stays for a person.
    """
    return [x.outcome for x in _scan(store, actor, take_id, barcodes, shelf=shelf)]


@dataclass(frozen=True)
class _Scanned:
    """One scan as `_scan` recorded it: the session's row it went to (`key`: the barcode the copy
    was expected under at opening, when it was relabelled since), its outcome, whether that row
    had been read already, and the copy's barcode now when the label read is an old one."""

    key: str
    outcome: str
    again: bool
    now_barcode: str


def _scan(store: Store, actor: Actor, take_id: str, barcodes: str | list[str], *, shelf: str = "") -> list[_Scanned]:
    """`scan`. A copy relabelled since the session opened is read under either barcode as the copy
    expected under the old one (its row is the one scanned), so it is never counted missing and
    written off while on its shelf; its old label read says the barcode it has now."""
    require(actor, *LIBRARIAN)
    codes = [clean_code(b) for b in ([barcodes] if isinstance(barcodes, str) else barcodes)]
    codes = [c for c in codes if c]
    if not codes:
        raise ValidationError(MSG_EMPTY_BARCODE, "barcode")
    with store.transaction() as s:
        take = s.get(Stocktake, take_id)
        if take is None:
            raise NotFound(MSG_TAKE_NOT_FOUND)
        if take.status != "open":
            raise InvariantError(MSG_TAKE_CLOSED)
        shelf = typed_shelf(s, take.centre, shelf)
        scans = []
        done: list[_Scanned] = []
        arrived: list[Copy] = []
        for code in codes:
            copy = s.scalar(select(Copy).where(Copy.barcode == code).limit(1))
            now_barcode = ""
            if copy is None:  # an old label still on the book: the copy it is
                copy = relabelled_copy(s, code)
                now_barcode = copy.barcode if copy is not None else ""
            item = s.get(StocktakeItem, (take.id, code))
            if item is None and copy is not None:  # relabelled since opening: the row it was expected under
                item = s.scalar(select(StocktakeItem).where(
                    StocktakeItem.stocktake_id == take.id, StocktakeItem.copy_id == copy.id,
                    StocktakeItem.expected.is_(True)).limit(1))
            key = item.barcode if item is not None else code
            again = any(x.key == key for x in done) or bool(item is not None and item.scanned)
            if copy is None:
                outcome = "unknown"
            elif copy.status == "on_loan":
                outcome = "on_loan"
            elif copy.status in ("lost", "withdrawn"):  # on the shelf though written off: said apart
                outcome = "found_" + copy.status
            elif copy.home_centre != take.centre:
                outcome = "misplaced"
            elif item is None or not item.expected:
                outcome = "misplaced" if not _in_range(copy.shelf.upper(), take.shelf_from, take.shelf_to) \
                    else "found"
            elif shelf and copy.shelf and shelf != copy.shelf.upper():
                outcome = "misplaced"
            else:
                outcome = "found"
            scans.append({"barcode": key, "copy_id": copy.id if copy else None, "shelf": shelf,
                          "outcome": outcome})
            done.append(_Scanned(key, outcome, again, now_barcode))
            if copy is not None and outcome in ("found", "misplaced") and _home_unreceived(s, copy, take.centre):
                arrived.append(copy)
        store.record(s, office_actor(store, actor), "stocktake.scanned", take.id, {"scans": scans}, subject=take.centre)
        for copy in arrived:  # on its home shelf, though recorded on its way: it is home
            store.record(s, actor, "copy.received", copy.id, {"centre": take.centre, "stocktake_id": take.id,
                                                              "knew_withdrawn": copy.withdrawn}, subject=copy.barcode)
        return done


def _home_unreceived(s: object, copy: Copy, centre: str) -> bool:
    """A copy of `centre` recorded on its way (sent home from where it was returned, or back from a
    hold that ended on its way) and claimed by no hold: found on its home shelf, it came home
    unscanned at the desk (or before this desk heard it had left) and is received there."""
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    if copy.status != "in_transit" or copy.home_centre != centre:
        return False
    return s.scalar(select(Hold.id).where(Hold.copy_id == copy.id, Hold.status.in_(("ready", "in_transit")))
                    .limit(1)) is None


def last_scanned_shelf(store: Store, take_id: str) -> str:
    """The shelf the session's latest scan was read on (on any desk), "" when none: a session taken
    up again (after a log-out, the next morning) goes on at that shelf."""
    with store.read() as s:
        payload = s.scalar(select(Event.payload).where(Event.aggregate_id == take_id, Event.type == "stocktake.scanned")
                           .order_by(Event.hlc.desc(), Event.id.desc()).limit(1))
    scans = (payload or {}).get("scans") or [{}]
    return str(scans[-1].get("shelf") or "")


def close_stocktake(store: Store, actor: Actor, take_id: str) -> StocktakeView:
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        take = s.get(Stocktake, take_id)
        if take is None:
            raise NotFound(MSG_TAKE_NOT_FOUND)
        if take.status != "open":
            raise InvariantError(MSG_TAKE_CLOSED)
        store.record(s, office_actor(store, actor), "stocktake.closed", take.id, {}, subject=take.centre)
        return _view(s, take)


def get_stocktake(store: Store, take_id: str) -> StocktakeView:
    with store.read() as s:
        take = s.get(Stocktake, take_id)
        if take is None:
            raise NotFound(MSG_TAKE_NOT_FOUND)
        return _view(s, take)


def list_stocktakes(store: Store, centre: str | None = None) -> list[StocktakeView]:
    with store.read() as s:
        q = select(Stocktake).order_by(Stocktake.opened_at.desc())
        if centre:
            q = q.where(Stocktake.centre == centre)
        return [_view(s, t) for t in s.scalars(q)]


def stocktake_rows(store: Store, take_id: str, outcome: str | None = None, *,
                   barcode: str | None = None) -> list[StocktakeRow]:
    """The session's rows by outcome, then barcode (`row_order`); of one outcome, or the one row of
    `barcode`. Read as plain columns: a 3,000-copy session reads in a few milliseconds."""
    with store.read() as s:
        q = (select(StocktakeItem.barcode, Title.title, Copy.shelf, StocktakeItem.scanned_shelf,
                    StocktakeItem.expected, StocktakeItem.outcome)
             .outerjoin(Copy, Copy.id == StocktakeItem.copy_id).outerjoin(Title, Title.id == Copy.title_id)
             .where(StocktakeItem.stocktake_id == take_id).order_by(StocktakeItem.outcome, StocktakeItem.barcode))
        if outcome:
            q = q.where(StocktakeItem.outcome == outcome)
        if barcode is not None:
            q = q.where(StocktakeItem.barcode == barcode)
        return [StocktakeRow(code, title or "", shelf or "", scanned_shelf or "", bool(expected), result)
                for code, title, shelf, scanned_shelf, expected, result in s.execute(q)]


def row_order(row: StocktakeRow) -> tuple[str, str]:
    """Where a row stands in `stocktake_rows`: by outcome, then barcode."""
    return row.outcome, row.barcode


@dataclass(frozen=True)
class ScanResult:
    """One scan at the desk: the barcode as read (`clean_code`), its outcome, whether this session
    had read it already (a second scan of the same label), and its row as it stands now."""
    barcode: str
    outcome: str
    again: bool
    row: StocktakeRow | None
    #: the copy's barcode now, when the label read is one it had before it was relabelled ("" else):
    #: the book wears an old label, to be printed again
    now_barcode: str = ""


def scan_copy(store: Store, actor: Actor, take_id: str, barcode: str, *, shelf: str = "") -> ScanResult:
    """`scan` of one barcode, with what the desk shows of it: the row it changed, whether the
    copy had been read already in this session, and its barcode now if the label is an old one."""
    code = clean_code(barcode)
    [done] = _scan(store, actor, take_id, code, shelf=shelf)
    rows = stocktake_rows(store, take_id, barcode=done.key)
    return ScanResult(code, done.outcome, done.again, rows[0] if rows else None, done.now_barcode)


def _missing_to_write_off(s: object, take: Stocktake) -> list[tuple[Copy, str]]:
    """The expected copies not scanned that are still on their shelf by the record: not those that
    moved since opening (lent, already written off, set aside for a hold or on their way — a session
    opened before held copies were left out of the list counts those missing too)."""
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    missing = list(s.execute(select(StocktakeItem.copy_id, StocktakeItem.barcode).where(
        StocktakeItem.stocktake_id == take.id, StocktakeItem.outcome == "missing")
        .order_by(StocktakeItem.barcode)))
    found: list[tuple[Copy, str]] = []
    for copy_id, barcode in missing:
        copy = s.get(Copy, copy_id) if copy_id else None
        if copy is not None and copy.status in SHELF_STATUSES:
            found.append((copy, barcode))
    return found


def missing_count(store: Store, take_id: str) -> int:
    """How many copies «ثبت ناپیداها به‌عنوان گم‌شده» would mark lost now (`mark_missing_lost`)."""
    with store.read() as s:
        take = s.get(Stocktake, take_id)
        if take is None:
            raise NotFound(MSG_TAKE_NOT_FOUND)
        return len(_missing_to_write_off(s, take))


def mark_missing_lost(store: Store, actor: Actor, take_id: str) -> int:
    """One action after closing: every expected copy not scanned is marked lost (one event each),
    unless it moved since opening (`_missing_to_write_off`): a copy set aside for a hold or on its way
    to one is never written off."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        take = s.get(Stocktake, take_id)
        if take is None:
            raise NotFound(MSG_TAKE_NOT_FOUND)
        if take.status != "closed":
            raise InvariantError(MSG_TAKE_OPEN)
        gone = _missing_to_write_off(s, take)
        for copy, barcode in gone:
            store.record(s, actor, "copy.marked_lost", copy.id, {"stocktake_id": take.id,
                                                                 "seen_received": copy.received_hlc or 0},
                         subject=barcode)
        return len(gone)


def reshelve_found(store: Store, actor: Actor, take_id: str) -> int:
    """After closing: the copies recorded lost or withdrawn that turned up on the shelves go back
    into circulation at the session's centre — a lost one received there (`copy.received`, found), a
    withdrawn one reinstated (`copy.reinstated`; received there too if the desk had it elsewhere: a
    copy given to another centre while withdrawn is then on its way there). Those that changed
    since the scan are left."""
    require(actor, *LIBRARIAN)
    with store.transaction() as s:
        take = s.get(Stocktake, take_id)
        if take is None:
            raise NotFound(MSG_TAKE_NOT_FOUND)
        if take.status != "closed":
            raise InvariantError(MSG_TAKE_OPEN)
        found = list(s.execute(select(StocktakeItem.copy_id, StocktakeItem.barcode, StocktakeItem.outcome).where(
            StocktakeItem.stocktake_id == take.id, StocktakeItem.outcome.in_(FOUND_GONE))
            .order_by(StocktakeItem.barcode)))
        n = 0
        for copy_id, barcode, outcome in found:
            copy = s.get(Copy, copy_id) if copy_id else None
            if copy is None or copy.status != outcome.removeprefix("found_"):
                continue
            if outcome == "found_lost":
                store.record(s, actor, "copy.received", copy.id, {"centre": take.centre, "found": True,
                                                                  "stocktake_id": take.id}, subject=barcode)
            else:
                store.record(s, actor, "copy.reinstated", copy.id, {"stocktake_id": take.id}, subject=barcode)
                if copy.location != take.centre:  # (given to another centre meanwhile: it is here, found)
                    store.record(s, actor, "copy.received", copy.id, {"centre": take.centre, "found": True,
                                                                      "stocktake_id": take.id}, subject=barcode)
            n += 1
        return n


def found_gone_count(store: Store, take_id: str) -> int:
    """How many copies recorded lost or withdrawn turned up in a session and are still so."""
    with store.read() as s:
        rows = s.execute(select(StocktakeItem.outcome, Copy.status).join(Copy, Copy.id == StocktakeItem.copy_id)
                         .where(StocktakeItem.stocktake_id == take_id, StocktakeItem.outcome.in_(FOUND_GONE)))
        return sum(1 for outcome, status in rows if status == outcome.removeprefix("found_"))


#: Column headings of the exported result, Persian first.
EXPORT_HEADERS = ["بارکد", "عنوان", "قفسه", "قفسه اسکن", "در فهرست", "نتیجه"]
OUTCOME_FA = {"found": "پیدا شد", "missing": "ناپیدا", "misplaced": "جابه‌جا", "unknown": "ناشناخته",
              "on_loan": "در امانت", "found_lost": "پیدا شد، گم‌شده ثبت شده بود",
              "found_withdrawn": "پیدا شد، خارج از گردش ثبت شده بود"}


def export_stocktake(store: Store, take_id: str, path: Path, *, headers: Sequence[str] = EXPORT_HEADERS,
                     outcomes: Mapping[str, str] = OUTCOME_FA, yes_no: tuple[str, str] = ("بله", "خیر"),
                     right_to_left: bool = True) -> int:
    """The result as .xlsx or .csv (by the file's suffix); returns the number of rows written. The
    words are Persian unless the interface passes its own (headers, outcomes, yes/no) and the
    sheet's direction."""
    rows = [[r.barcode, r.title, r.shelf, r.scanned_shelf, yes_no[0] if r.expected else yes_no[1],
             outcomes.get(r.outcome, r.outcome)] for r in stocktake_rows(store, take_id)]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        append_rows(ws, [list(headers), *rows])
        finish_sheet(ws, right_to_left=right_to_left)
        with written_whole(path) as part:
            wb.save(part)
    else:
        with written_whole(path) as part, part.open("w", newline="", encoding="utf-8-sig") as f:
            writer = csv.writer(f)
            writer.writerow(list(headers))
            writer.writerows([csv_safe(v) for v in row] for row in rows)
    return len(rows)
