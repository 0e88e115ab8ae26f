"""The benchmark-size lending demo: the same events, projection rows and chained audit entries the
services would write, inserted with executemany in big batches (minutes for millions of loans).

Every row here must be exactly what the projectors make of the event (`check` and the bulk test
re-fold the store and compare digests). Times are historical: each event's HLC is taken from its
own recorded time, so the fold order is the order things happened.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from ..audit_chain import GENESIS_HASH, _audit_hash
from ..eventlog import system_actor
from ..ids import hlc_pack, new_id
from ..models import AuditEntry, Counter, User
from ..persian import damm_check_digit, normalize, search_key, to_ascii_digits
from ..projections.library.titles import FTS_TABLE
from ..services.accounts import working_calendar
from ..services.library import DEFAULT_RULES
from ..store import Store
from .library import LOST_NOTE, REGISTERED_DAYS_AGO, Plan, lost_day

BATCH = 50_000
_FMT = "%Y-%m-%d %H:%M:%S.%f"

EVENT_SQL = ("INSERT INTO events (id, type, aggregate_type, aggregate_id, payload, hlc, device_id, office_code, "
             "user_id, recorded_at, schema_version, client_seq, server_seq) VALUES (?,?,?,?,?,?,?,?,?,?,1,?,NULL)")
AUDIT_SQL = ("INSERT INTO audit (at, user_id, username, action, subject, event_id, detail, prev_hash, hash) "
             "VALUES (?,?,?,?,?,?,'',?,?)")


class _Writer:
    """Appends events with their audit entries, chaining the hashes and numbering the outbox."""

    def __init__(self, store: Store, conn: Any, user: tuple[str, str]) -> None:
        self.conn = conn
        self.device = store.identity.device_id
        self.user_id, self.username = user
        with store.read() as s:
            self.prev = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)) or GENESIS_HASH
            row = s.get(Counter, ("client_seq", 0))
            self.seq = row.value if row else 0
        self.events: list[tuple[Any, ...]] = []
        self.audits: list[tuple[Any, ...]] = []
        self.last_ms = 0
        self.counter = 0

    def stamp(self, at: datetime) -> tuple[int, datetime]:
        ms = int(at.timestamp() * 1000)
        if ms <= self.last_ms:
            self.counter += 1
            ms = self.last_ms
        else:
            self.counter = 0
        self.last_ms = ms
        return hlc_pack(ms, self.counter), datetime.fromtimestamp(ms / 1000, UTC)

    def add(self, at: datetime, etype: str, agg_type: str, agg_id: str, payload: dict[str, Any], office: str,
            subject: str) -> tuple[int, datetime]:
        hlc, when = self.stamp(at)
        eid = new_id()
        self.seq += 1
        naive = when.replace(tzinfo=None).strftime(_FMT)
        self.events.append((eid, etype, agg_type, agg_id, json.dumps(payload), hlc, self.device, office,
                            self.user_id, naive, self.seq))
        h = _audit_hash(self.prev, when, self.user_id, self.username, etype, subject, eid, "")
        self.audits.append((naive, self.user_id, self.username, etype, subject, eid, self.prev, h))
        self.prev = h
        if len(self.events) >= BATCH:
            self.flush()
        return hlc, when

    def flush(self) -> None:
        if self.events:
            self.conn.executemany(EVENT_SQL, self.events)
            self.conn.executemany(AUDIT_SQL, self.audits)
            self.events.clear()
            self.audits.clear()

    def finish(self) -> None:
        self.flush()
        self.conn.execute("INSERT INTO counters(series, year, value) VALUES ('client_seq', 0, ?) "
                          "ON CONFLICT(series, year) DO UPDATE SET value = excluded.value", (self.seq,))


def _insert(conn: Any, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.executemany(sql, batch)
            batch.clear()
    if batch:
        conn.executemany(sql, batch)


def _code(office: str, device: int, n: int, width: int) -> str:
    body = f"{to_ascii_digits(office)}{device:02d}{n:0{width}d}"
    return body + (damm_check_digit(body) if body.isdigit() else "")


def _bump(conn: Any, series: str, n: int) -> int:
    row = conn.execute("SELECT value FROM counters WHERE series = ? AND year = 0", (series,)).fetchone()
    start = row[0] if row else 0
    conn.execute("INSERT INTO counters(series, year, value) VALUES (?, 0, ?) "
                 "ON CONFLICT(series, year) DO UPDATE SET value = excluded.value", (series, start + n))
    return int(start)


def _ts(d: date, seconds: float) -> datetime:
    """A moment of a working day in Tehran (from 09:00 local = 05:30 UTC)."""
    return datetime(d.year, d.month, d.day, 5, 30, tzinfo=UTC) + timedelta(seconds=seconds)


def write_bulk(store: Store, plan: Plan, *, today: date) -> dict[str, int]:
    ident = store.identity
    with store.read() as s:
        user = s.scalar(select(User).where(User.username == "librarian1"))
    who = (user.id, user.username) if user else (system_actor(ident.office_code).user_id, "system")
    raw = store.write_engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        conn.execute("BEGIN IMMEDIATE")
        try:
            counts = _write(store, conn, plan, today, who)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        raw.close()
    return counts


def _write(store: Store, conn: Any, plan: Plan, today: date, who: tuple[str, str]) -> dict[str, int]:
    ident = store.identity
    w = _Writer(store, conn, who)
    day0 = today - timedelta(days=REGISTERED_DAYS_AGO)
    # members
    first_no = _bump(conn, "member_no", len(plan.members))
    member_ids = [new_id() for _ in plan.members]
    member_rows = []
    for i, m in enumerate(plan.members):
        p = {"first_name": m["first_name"], "last_name": m["last_name"], "national_id": m["national_id"],
             "category": m["category"], "birth_date": m["birth_date"].isoformat(), "phone": m["phone"],
             "guardian_phone": m["guardian_phone"], "guardian_name": m["guardian_name"],
             "home_centre": m["home_centre"], "expires_on": m["expires_on"].isoformat(), "photo": "",
             "member_no": _code(ident.office_code, ident.device_no, first_no + i + 1, 6)}
        _hlc, when = w.add(_ts(day0, i * 0.5), "member.registered", "member", member_ids[i], p, m["home_centre"],
                           p["member_no"])
        member_rows.append((member_ids[i], p["member_no"], p["national_id"], p["first_name"], p["last_name"],
                            search_key(f"{p['first_name']} {p['last_name']}"), p["category"], p["birth_date"],
                            p["phone"], p["guardian_name"], p["guardian_phone"], p["home_centre"], p["expires_on"],
                            "", when.replace(tzinfo=None).strftime(_FMT)))
    _insert(conn, "lib_members", ("id", "member_no", "national_id", "first_name", "last_name", "name_key",
                                  "category", "birth_date", "phone", "guardian_name", "guardian_phone",
                                  "home_centre", "expires_on", "photo", "registered_at"), member_rows)
    del member_rows
    # titles
    day1 = day0 + timedelta(days=1)
    title_ids = [new_id() for _ in plan.titles]
    title_rows, fts_rows = [], []
    for i, t in enumerate(plan.titles):
        _hlc, when = w.add(_ts(day1, i * 0.2), "title.added", "title", title_ids[i], dict(t), ident.office_code,
                           t["title"][:200])
        title_rows.append((title_ids[i], t["title"], t["author"], t["publisher"], t["isbn"], t["age_group"],
                           t["subject"], when.replace(tzinfo=None).strftime(_FMT)))
        fts_rows.append((title_ids[i], search_key(" ".join([t["title"], t["author"], t["publisher"], t["subject"],
                                                              t["isbn"]]))))
    _insert(conn, "lib_titles", ("id", "title", "author", "publisher", "isbn", "age_group", "subject", "added_at"),
            title_rows)
    _insert(conn, FTS_TABLE, ("title_id", "body"), fts_rows)
    del title_rows, fts_rows
    # copies (rows written at the end, once their loans are known)
    day2 = day0 + timedelta(days=2)
    first_bc = _bump(conn, "copy_barcode", len(plan.copies))
    copy_ids = [new_id() for _ in plan.copies]
    barcodes = [_code(ident.office_code, ident.device_no, first_bc + i + 1, 7) for i in range(len(plan.copies))]
    copy_added: list[str] = []
    for i, c in enumerate(plan.copies):
        p = {"barcode": barcodes[i], "title_id": title_ids[c["title"]], "home_centre": c["centre"],
             "shelf": c["shelf"], "loanable": True}
        _hlc, when = w.add(_ts(day2, i * 0.1), "copy.added", "copy", copy_ids[i], p, c["centre"], barcodes[i])
        copy_added.append(when.replace(tzinfo=None).strftime(_FMT))
    # loans, day by day: returns and arrivals home first, then the day's checkouts
    calendar = working_calendar(store)
    due_cache: dict[tuple[date, int], date] = {}
    n = len(plan.loans)
    loan_ids = [new_id() for _ in range(n)]
    out_hlc, back_hlc = array("q", [0]) * n, array("q", [0]) * n
    out_at: list[str] = [""] * n
    back_at: list[str | None] = [None] * n
    due: list[str] = [""] * n
    lost: dict[int, tuple[date, int]] = {}  # loan closed as lost with its member -> (day, hlc)
    by_day: dict[date, list[tuple[int, int]]] = {}
    for i, (out, ci, _mi, _c, back, back_centre) in enumerate(plan.loans):
        by_day.setdefault(out, []).append((2, i))
        if back is not None:
            by_day.setdefault(back, []).append((0, i))
            if back_centre != plan.copies[ci]["centre"] and back + timedelta(days=3) <= today:
                by_day.setdefault(back + timedelta(days=3), []).append((1, i))
        elif (day_lost := lost_day(plan, i, today)) is not None:
            by_day.setdefault(day_lost, []).append((3, i))
    received: dict[int, tuple[int, str]] = {}
    for day in sorted(by_day):
        for k, (kind, i) in enumerate(sorted(by_day[day])):
            out, ci, mi, centre, back, back_centre = plan.loans[i]
            at = _ts(day, k * 2.0)
            barcode = barcodes[ci]
            if kind == 2:
                period = DEFAULT_RULES[plan.members[mi]["category"]][0]
                key = (out, period)
                if key not in due_cache:
                    due_cache[key] = calendar.add_working_days(out, period)
                due[i] = due_cache[key].isoformat()
                p = {"copy_id": copy_ids[ci], "member_id": member_ids[mi], "title_id": title_ids[plan.copies[ci]["title"]],
                     "due_on": due[i], "out_on": out.isoformat(), "centre": centre}
                hlc, when = w.add(at, "loan.checked_out", "loan", loan_ids[i], p, centre, barcode)
                out_hlc[i], out_at[i] = hlc, when.replace(tzinfo=None).strftime(_FMT)
            elif kind == 0:
                assert back is not None
                p = {"centre": back_centre, "copy_id": copy_ids[ci], "returned_on": back.isoformat()}
                hlc, when = w.add(at, "loan.returned", "loan", loan_ids[i], p, back_centre, barcode)
                back_hlc[i], back_at[i] = hlc, when.replace(tzinfo=None).strftime(_FMT)
            elif kind == 1:
                home = plan.copies[ci]["centre"]
                hlc, _when = w.add(at, "copy.received", "copy", copy_ids[ci], {"centre": home}, home, barcode)
                received[ci] = (hlc, home)
            else:  # recorded lost with its member: closed, never returned (`loan.lost`)
                p = {"copy_id": copy_ids[ci], "day": day.isoformat(), "centre": centre, "note": normalize(LOST_NOTE)}
                hlc, when = w.add(at, "loan.lost", "loan", loan_ids[i], p, centre, barcode)
                back_hlc[i], back_at[i] = hlc, when.replace(tzinfo=None).strftime(_FMT)
                lost[i] = (day, hlc)
    w.finish()
    loan_rows = (
        (loan_ids[i], copy_ids[ci], member_ids[mi], title_ids[plan.copies[ci]["title"]], centre, out_at[i],
         out_hlc[i], out.isoformat(), due[i], 0, back_at[i],
         back_hlc[i] if back is not None or i in lost else None,
         back.isoformat() if back is not None else lost[i][0].isoformat() if i in lost else None,
         back_centre if back is not None else None, "", lost[i][1] if i in lost else None)
        for i, (out, ci, mi, centre, back, back_centre) in enumerate(plan.loans))
    _insert(conn, "lib_loans", ("id", "copy_id", "member_id", "title_id", "centre", "out_at", "out_hlc", "out_on",
                                "due_on", "renewals", "returned_at", "returned_hlc", "returned_on",
                                "returned_centre", "overridden", "lost_hlc"), loan_rows)
    # copies: status and location recomputed as recompute_copy does, from the loans and arrivals
    last_out: dict[int, tuple[int, int]] = {}  # copy -> (hlc, loan) of its newest loan
    open_loan: dict[int, tuple[int, int]] = {}
    last_back: dict[int, tuple[int, str]] = {}
    lost_at: dict[int, int] = {}  # copy -> hlc of the newest loan closed as lost with it
    for i, (_out, ci, _mi, _c, back, back_centre) in enumerate(plan.loans):
        if ci not in last_out or out_hlc[i] > last_out[ci][0]:
            last_out[ci] = (out_hlc[i], i)
        if i in lost:
            lost_at[ci] = max(lost_at.get(ci, 0), lost[i][1])
        elif back is None:
            if ci not in open_loan or out_hlc[i] > open_loan[ci][0]:
                open_loan[ci] = (out_hlc[i], i)
        elif ci not in last_back or back_hlc[i] > last_back[ci][0]:
            last_back[ci] = (back_hlc[i], back_centre)

    def copy_rows() -> Iterable[tuple[Any, ...]]:
        for ci, c in enumerate(plan.copies):
            home = c["centre"]
            location, loc_hlc = home, 0
            rec = received.get(ci)
            if rec is not None and rec[0] > loc_hlc:
                location, loc_hlc = rec[1], rec[0]
            lb = last_back.get(ci)
            if lb is not None and lb[0] > loc_hlc:
                location, loc_hlc = lb[1], lb[0]
            current = loan_ids[open_loan[ci][1]] if ci in open_loan else None
            newest_out = last_out[ci][0] if ci in last_out else 0
            if ci in lost_at and lost_at[ci] > max(loc_hlc, newest_out):
                status = "lost"
            else:
                status = "on_loan" if current else "in_transit" if location != home else "on_shelf"
            yield (copy_ids[ci], barcodes[ci], title_ids[c["title"]], home, c["shelf"], 1, copy_added[ci], 0, None,
                   rec[0] if rec else None, rec[1] if rec else None, None, status, location, current)

    _insert(conn, "lib_copies", ("id", "barcode", "title_id", "home_centre", "shelf", "loanable", "added_at",
                                 "withdrawn", "lost_hlc", "received_hlc", "received_centre", "sent_hlc", "status",
                                 "location", "current_loan_id"), copy_rows())
    return {"members": len(plan.members), "titles": len(plan.titles), "copies": len(plan.copies), "loans": n,
            "returns": sum(1 for x in plan.loans if x[4] is not None), "renewals": 0, "refused": 0,
            "lost": len(lost)}
