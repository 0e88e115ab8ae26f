"""The bulk path of the secretariat demo: events, projection rows, FTS rows and the chained audit
written with Core executemany in big batches. It mirrors `projections.secretariat` for the event
sequences the demo plans produce; a test proves a re-fold of its events gives the same tables."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Table, select, text

from ..audit_chain import GENESIS_HASH, _audit_hash
from ..eventlog import Actor
from ..ids import new_id
from ..models import AuditEntry, Base, Counter
from ..models.base import UTCDateTime
from ..models.secretariat import Case
from ..persian import TEHRAN, jalali_year, search_key
from ..projections.secretariat.case_row import fts_body, fts_key
from ..services.numbers import tracking_code_for
from ..services.secretariat import rejection_notice_text, sms_text
from ..store import Store
from .secretariat import Person, Plan

BATCH_CASES = 5000


def _t(name: str) -> Table:
    return Base.metadata.tables[name]


def _to_sql(col_type: Any) -> Callable[[Any], Any] | None:
    """How SQLAlchemy's SQLite dialect stores a value of this column type (what it reads back)."""
    if isinstance(col_type, UTCDateTime):
        return lambda v: None if v is None else v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(col_type, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(col_type, JSON):
        return lambda v: json.dumps(v)
    if isinstance(col_type, Boolean):
        return lambda v: None if v is None else int(v)
    return None  # stored as it is


def _raw_insert(dbapi: Any, name: str, rows: list[dict[str, Any]]) -> None:
    """executemany on the driver itself: the SQLAlchemy layer costs more than SQLite here."""
    table = _t(name)
    cols = [c for c in table.columns if not (c.primary_key and c.autoincrement is True and name == "audit")]
    get = itemgetter(*(c.name for c in cols))
    convert = [(i, f) for i, c in enumerate(cols) if (f := _to_sql(c.type)) is not None]
    sql = f"INSERT INTO {name} ({', '.join(c.name for c in cols)}) VALUES ({', '.join('?' * len(cols))})"

    def values(r: dict[str, Any]) -> list[Any]:
        v = list(get(r))
        for i, f in convert:
            v[i] = f(v[i])
        return v

    dbapi.executemany(sql, map(values, rows))


class _Writer:
    """Accumulates rows per table and the audit chain; flushes every batch in one transaction."""

    def __init__(self, store: Store, rng: random.Random) -> None:
        self.store, self.rng = store, rng
        ident = store.identity
        self.office, self.device_no, self.device_id = ident.office_code, ident.device_no, ident.device_id
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.fts: list[tuple[int, str]] = []
        with store.read() as s:
            self.prev = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)) or GENESIS_HASH
            self.counters = {(c.series, c.year): c.value for c in s.scalars(select(Counter))}
            self.codes: set[str] = set(s.scalars(select(Case.tracking_code)))
            self.known_people: dict[str, str] = {
                nid: aid for nid, aid in s.execute(text("SELECT national_id, id FROM applicants"))}

    def bump(self, series: str, year: int = 0) -> int:
        value = self.counters.get((series, year), 0) + 1
        self.counters[(series, year)] = value
        return value

    def number(self, series: str, day: date) -> str:
        year = jalali_year(day)
        return f"{self.office}-D{self.device_no:02d}-{year}-{self.bump(series, year):06d}"

    def tracking_code(self) -> str:
        while True:
            code = tracking_code_for(self.office, self.device_no, self.rng.randrange(10**9))
            if code not in self.codes:
                self.codes.add(code)
                return code

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)

    def event(self, actor: Actor, type_: str, aggregate_type: str, aggregate_id: str, payload: dict[str, Any],
              at: datetime, subject: str) -> dict[str, Any]:
        at = at.replace(microsecond=(at.microsecond // 1000) * 1000)
        eid = new_id()
        ev: dict[str, Any] = {"id": eid, "type": type_, "aggregate_type": aggregate_type, "aggregate_id": aggregate_id,
              "payload": payload, "hlc": self.store.clock.now(), "device_id": self.device_id,
              "office_code": actor.office_code or self.office, "user_id": actor.user_id, "recorded_at": at,
              "schema_version": 1, "client_seq": self.bump("client_seq"), "server_seq": None}
        self.add("events", ev)
        h = _audit_hash(self.prev, at, actor.user_id, actor.username, type_, subject, eid, "")
        self.add("audit", {"at": at, "user_id": actor.user_id, "username": actor.username, "action": type_,
                           "subject": subject, "event_id": ev["id"], "detail": "", "prev_hash": self.prev,
                           "hash": h})
        self.prev = h
        return ev

    def flush(self) -> None:
        with self.store.transaction() as s:
            dbapi = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
            dbapi.execute("PRAGMA cache_size=-262144")  # 256 MB: random-key index inserts stay in memory
            order = ["events", "audit", "applicants", "cases", "case_keys", "referrals", "forwards", "follow_ups",
                     "notices", "visits"]
            for name in order:
                rows = self.rows.get(name)
                if rows:
                    _raw_insert(dbapi, name, rows)
            if self.fts:
                dbapi.executemany("INSERT INTO case_fts(rowid, body) VALUES (?, ?)", self.fts)
            for (series, year), value in self.counters.items():
                s.merge(Counter(series=series, year=year, value=value))
        self.rows, self.fts = {}, []


def _instant(rng: random.Random, day: date) -> datetime:
    local = datetime.combine(day, time(8 + rng.randrange(6), rng.randrange(60), rng.randrange(60),
                                       rng.randrange(1000) * 1000), TEHRAN)
    return local.astimezone(UTC)


def _case_events(w: _Writer, who: dict[str, Actor], crowd: list[Person], plan: Plan) -> None:
    rng = w.rng
    person = crowd[plan.person]
    clerk, expert, manager = who["clerk"], who["expert"], who["manager"]
    name = f"{person.first_name} {person.last_name}"
    at = _instant(rng, plan.received)
    aid = w.known_people.get(person.national_id)
    if aid is None:
        aid = new_id()
        w.known_people[person.national_id] = aid
        fields = {"national_id": person.national_id, "first_name": person.first_name,
                  "last_name": person.last_name, "mobile": person.mobile, "address": person.address}
        w.event(clerk, "applicant.set", "applicant", aid, fields, at, person.national_id)
        w.add("applicants", {"id": aid, **fields})
    cid, code = new_id(), w.tracking_code()
    ev = w.event(clerk, "case.received", "case", cid, {
        "tracking_code": code, "applicant_id": aid, "applicant_name": name, "national_id": person.national_id,
        "subject": plan.subject, "text": plan.text, "category": plan.category, "channel": plan.channel,
        "received_date": plan.received.isoformat(), "at": at.isoformat()}, at, code)
    c: dict[str, Any] = {
        "id": cid, "fts_key": fts_key(cid, plan.received), "tracking_code": code, "registration_no": None,
        "registration_date": None, "status": "received", "applicant_id": aid, "applicant_name": name,
        "national_id": person.national_id, "subject": plan.subject, "text": plan.text,
        "category": plan.category, "channel": plan.channel, "received_date": plan.received,
        "office_code": ev["office_code"], "created_by": clerk.user_id, "reviewed_by": None,
        "accepted_on": None, "rejected_on": None, "reject_reason": None, "reject_note": None,
        "holder_user_id": None, "holder_since": None, "agency_id": None, "deadline": None, "clock": "office",
        "agency_since": None, "agency_days": 0, "answered_on": None, "response_text": None,
        "notified_on": None, "notice": None, "outcome": None, "outcome_note": None, "responsible_party": None,
        "closed_on": None, "closed_event_id": None, "reopen_count": 0, "visits": 0, "follow_ups": 0,
        "updated_hlc": ev["hlc"]}
    w.add("case_keys", {"case_id": cid, "subject_key": search_key(plan.subject)})
    if plan.channel == "in_person":
        c["visits"] = 1
        w.add("visits", {"id": ev["id"], "case_id": cid, "purpose": "submit", "day": plan.received})
    referral: dict[str, Any] | None = None
    forward: dict[str, Any] | None = None
    notices: list[dict[str, Any]] = []

    def rec(actor: Actor, type_: str, payload: dict[str, Any], day: date) -> tuple[dict[str, Any], datetime]:
        when = _instant(rng, day)
        payload = {**payload, "day": day.isoformat(), "at": when.isoformat()}
        e = w.event(actor, type_, "case", cid, payload, when, c["registration_no"] or code)
        c["updated_hlc"] = e["hlc"]
        return e, when

    def finish(when: datetime) -> None:
        if referral is not None and referral["status"] == "open":
            referral["status"], referral["closed_at"] = "acted", when

    def end_clock(day: date) -> None:
        if c["clock"] == "agency" and c["agency_since"] is not None:
            c["agency_days"] += max(0, (day - c["agency_since"]).days)
        c["clock"], c["agency_since"] = "office", None

    def close(e: dict[str, Any], when: datetime, outcome: str, day: date) -> None:
        end_clock(day)
        c["status"] = "rejected" if outcome == "rejected" else "closed"
        c["outcome"], c["closed_on"], c["closed_event_id"] = outcome, day, e["id"]
        c["holder_user_id"], c["holder_since"] = None, None
        finish(when)
        if forward is not None and forward["status"] == "open":
            forward["status"] = "closed"

    for kind, day, a in plan.steps:
        if kind == "reject":
            notice = rejection_notice_text(code, a["reason"], a["note"])
            e, when = rec(expert, "case.reviewed", {"decision": "reject", "reason": a["reason"],
                                                    "note": a["note"], "notice": notice}, day)
            c["reviewed_by"] = expert.user_id
            c["rejected_on"], c["reject_reason"], c["reject_note"] = day, a["reason"], a["note"]
            close(e, when, "rejected", day)
            c["notice"] = "due"
            notices.append({"id": e["id"], "case_id": cid, "kind": "rejection", "method": "letter",
                            "text": notice, "status": "pending", "day": day})
        elif kind == "accept":
            rec(expert, "case.reviewed", {"decision": "accept"}, day)
            c["reviewed_by"], c["status"], c["accepted_on"] = expert.user_id, "accepted", day
        elif kind == "register":
            number = w.number("case", day)
            c["registration_no"] = number  # the event's subject is the new number
            rec(clerk, "case.registered", {"registration_no": number}, day)
            c["registration_date"], c["status"] = day, "registered"
        elif kind == "refer":
            e, when = rec(expert, "case.referred", {"to_user_id": manager.user_id,
                                                    "instruction": a["instruction"], "cc": []}, day)
            finish(when)
            referral = {"id": e["id"], "referral_id": e["id"], "case_id": cid, "from_user_id": expert.user_id,
                        "to_user_id": manager.user_id, "kind": "action", "instruction": a["instruction"],
                        "cc": [], "sent_at": when, "read": False, "status": "open", "closed_at": None}
            w.add("referrals", referral)
            c["status"], c["holder_user_id"], c["holder_since"] = "referred", manager.user_id, when
        elif kind == "forward":
            letter_no = w.number("letter", day)
            e, when = rec(manager, "case.forwarded", {
                "agency_id": a["agency"], "letter_no": letter_no, "letter_date": day.isoformat(),
                "deadline": a["deadline"].isoformat()}, day)
            forward = {"id": e["id"], "case_id": cid, "agency_id": a["agency"], "letter_no": letter_no,
                       "letter_date": day, "deadline": a["deadline"],
                       "original_deadline": a["deadline"], "status": "open",
                       "sent_by": manager.user_id, "answered_on": None}
            w.add("forwards", forward)
            finish(when)
            if c["clock"] != "agency":
                c["clock"], c["agency_since"] = "agency", day
            c["status"], c["agency_id"], c["deadline"] = "forwarded", a["agency"], a["deadline"]
            c["holder_user_id"], c["holder_since"] = None, None
        elif kind == "follow_up":
            assert forward is not None
            letter_no = w.number("letter", day) if a["method"] == "letter" else ""
            e, _ = rec(expert, "case.followed_up", {
                "method": a["method"], "note": a["note"], "letter_no": letter_no,
                "new_deadline": a["new_deadline"].isoformat(), "forward_id": forward["id"]}, day)
            w.add("follow_ups", {"id": e["id"], "case_id": cid, "forward_id": forward["id"], "method": a["method"],
                                 "note": a["note"], "letter_no": letter_no, "new_deadline": a["new_deadline"],
                                 "day": day, "user_id": expert.user_id})
            c["follow_ups"] += 1
            c["deadline"] = forward["deadline"] = a["new_deadline"]
        elif kind == "answer":
            rec(clerk, "case.answered", {"text": a["text"]}, day)
            end_clock(day)
            if forward is not None and forward["status"] == "open":
                forward["status"], forward["answered_on"] = "answered", day
            c["status"], c["answered_on"], c["response_text"] = "answered", day, a["text"]
            c["notice"] = "due"
        elif kind == "notify":
            kind_ = "rejection" if c["status"] == "rejected" else "result"
            said: dict[str, Any] = {"method": a["method"], "text": "", "kind": kind_}
            # what `services.secretariat_notices.notify` writes for the server to send
            if a["method"] == "sms":
                said.update(mobile=person.mobile, text=sms_text(c))
            e, _ = rec(clerk, "case.notified", said, day)
            c["notified_on"], c["notice"] = day, "told"
            for n in notices:
                if n["status"] == "pending":
                    n["status"] = "done"
            notices.append({"id": e["id"], "case_id": cid, "kind": kind_, "method": a["method"], "text": said["text"],
                            "status": "queued" if a["method"] == "sms" else "done", "day": day})
            if a["method"] == "in_person":
                c["visits"] += 1
                w.add("visits", {"id": e["id"], "case_id": cid, "purpose": "receive", "day": day})
        elif kind == "visit":
            e, _ = rec(clerk, "case.visited", {"purpose": a["purpose"]}, day)
            c["visits"] += 1
            w.add("visits", {"id": e["id"], "case_id": cid, "purpose": a["purpose"], "day": day})
        elif kind == "close":
            actor = manager if a["outcome"] == "rejected" else expert
            said = {"outcome": a["outcome"], "note": a["note"], "responsible_party": a.get("party", "")}
            if a["outcome"] == "rejected":  # the manager's rejection: its reason and the notice to send
                said.update(reason=a["reason"], notice=rejection_notice_text(code, a["reason"], a["note"]))
            e, when = rec(actor, "case.closed", said, day)
            c["outcome_note"], c["responsible_party"] = a["note"], a.get("party") or None
            close(e, when, a["outcome"], day)
            if a["outcome"] == "rejected":
                c["notice"] = "due"
                c["rejected_on"], c["reject_reason"], c["reject_note"] = day, a["reason"], a["note"]
                notices.append({"id": e["id"], "case_id": cid, "kind": "rejection", "method": "letter",
                                "text": said["notice"], "status": "pending", "day": day})
    for n in notices:
        w.add("notices", n)
    w.add("cases", c)
    w.fts.append((c["fts_key"], fts_body(SimpleNamespace(**c))))  # type: ignore[arg-type]


def write_bulk(store: Store, rng: random.Random, who: dict[str, Actor], crowd: list[Person],
               todo: list[Plan]) -> None:
    w = _Writer(store, rng)
    for i, plan in enumerate(todo, 1):
        _case_events(w, who, crowd, plan)
        if i % BATCH_CASES == 0:
            w.flush()
            if i % (BATCH_CASES * 20) == 0:
                print(f"  secretariat: {i:,} / {len(todo):,} cases", file=sys.stderr, flush=True)
    w.flush()

