"""The public tracking-code look-up: one case's public status, rate-limited per client address."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from ..jalali import TEHRAN, format_jalali_date
from ..services.numbers import clean_tracking_code, is_valid_tracking_code
from ..sync.protocol import StatusResponse
from . import logs
from .db import ServerDb
from .server_models import AGENCY, CASE, ServerEvent

#: A literal, not a bound value: the partial index `ix_events_case` is for `aggregate_type =
#: 'case'`, and PostgreSQL's generic plan of a prepared statement (psycopg prepares a query run
#: often) cannot use it for a parameter that could hold any type.
IS_CASE = ServerEvent.aggregate_type == literal_column(f"'{CASE}'")
#: An agency's events (the directory's names), read by the partial index `ix_events_agency`.
IS_AGENCY = ServerEvent.aggregate_type == literal_column(f"'{AGENCY}'")
#: One of two forwards made offline withdrawn (a conflict's resolution): the case waits on the other.
FORWARD_WITHDRAWN = "case.forward_withdrawn"

#: The newest event type of a case → (public status, Persian wording). Nothing else leaks.
PUBLIC_STATUS: dict[str, tuple[str, str]] = {
    "case.received": ("received", "درخواست شما دریافت شد و در نوبت بررسی است."),
    "case.reviewed": ("in_review", "درخواست شما بررسی شد."),
    "case.registered": ("registered", "درخواست شما در دبیرخانه ثبت شد و در حال رسیدگی است."),
    "case.referral_recalled": ("in_progress", "درخواست شما در حال رسیدگی است."),
    "case.reopened": ("in_progress", "رسیدگی به درخواست شما دوباره آغاز شد."),
    # a referral is inside the office (to its manager, or back to its expert), not to an agency
    "case.referred": ("referred", "درخواست شما در دفتر در دست بررسی است."),
    "case.forwarded": ("referred", "درخواست شما برای رسیدگی به دستگاه مربوط ارجاع شد."),
    "case.followed_up": ("in_progress", "رسیدگی به درخواست شما پیگیری می‌شود."),
    "case.answered": ("answered", "به درخواست شما پاسخ داده شد."),
    "case.notified": ("answered", "پاسخ درخواست به شما اعلام شد."),
    "case.closed": ("closed", "رسیدگی به درخواست شما پایان یافت."),
}
DEFAULT_STATUS = ("in_progress", "درخواست شما در حال رسیدگی است.")
#: An expert's review that turned the request down (its `decision` "reject").
REJECTED_AT_REVIEW = ("rejected", "درخواست شما بررسی شد و پذیرفته نشد.")
#: A notice given after the case ended: it stays ended (it read "answered", as if open again).
TOLD_AFTER_END = {"closed": ("closed", "رسیدگی به درخواست شما پایان یافت و نتیجه به شما اعلام شد."),
                  "rejected": ("rejected", "درخواست شما پذیرفته نشد و نتیجه به شما اعلام شد.")}


def _public(newest: Any, before: Any) -> tuple[str, str]:
    """The public status of a case's newest public event (with the one before it: a notice tells
    what came before, it does not reopen it)."""
    if newest.type == "case.reviewed" and (newest.payload or {}).get("decision") == "reject":
        return REJECTED_AT_REVIEW
    if newest.type == "case.notified" and before is not None:
        ended = _public(before, None)[0]
        if ended in TOLD_AFTER_END:
            return TOLD_AFTER_END[ended]
    return PUBLIC_STATUS.get(newest.type, DEFAULT_STATUS)


def client_key(address: str) -> str:
    """Whom a look-up is counted against: an IPv4 address as it is, an IPv6 one by its /64 (one
    home or office line holds a whole /64 and may take a new address in it for each request, so
    counting addresses let one client look codes up without limit)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class RateLimiter:
    """A token bucket per client (`client_key`): `capacity` look-ups, refilled at `per_minute`.

    At most `max_clients` buckets are kept. Past that, the full ones (clients quiet long enough to
    have every token back) go first, then the longest-quiet: a flood of addresses must not wipe the
    buckets of the clients being limited (all of them were cleared, so whoever sent look-ups from
    enough addresses had every limit lifted, their own too)."""

    def __init__(self, capacity: int = 10, per_minute: float = 10, *, max_clients: int = 100_000) -> None:
        self.capacity, self.rate = capacity, per_minute / 60.0
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def _make_room(self, now: float) -> None:
        refill = self.capacity / self.rate if self.rate > 0 else float("inf")
        buckets = self._buckets
        for key in [k for k, (_tokens, at) in buckets.items() if now - at >= refill]:
            del buckets[key]
        if len(buckets) >= self.max_clients:
            by_age = sorted(buckets, key=lambda k: buckets[k][1])
            for key in by_age[:len(buckets) - self.max_clients // 2]:
                # (a client still short of tokens keeps its debt: it comes back at most as full as
                # a new one, and only after the oldest half of the table went)
                if buckets[key][0] >= 1:
                    del buckets[key]

    def allow(self, address: str) -> bool:
        key = client_key(address)
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(self.capacity), now))
            tokens = min(float(self.capacity), tokens + (now - at) * self.rate)
            if key not in self._buckets and len(self._buckets) >= self.max_clients:
                self._make_room(now)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True


def clean_code(code: str) -> str:
    return clean_tracking_code(code)


def lookup(db: ServerDb, code: str) -> StatusResponse | None:
    """None when no case carries this code (call only with a valid code), and None too when two
    cases carry it: codes made before they carried the office (13 digits) could repeat across
    offices, and one applicant must never be shown another's status. That rare case is logged for
    the operators (the code only, nothing personal)."""
    if not is_valid_tracking_code(code):
        return None
    code = clean_code(code)
    with db.read() as s:
        cases = s.scalars(select(ServerEvent.aggregate_id).where(
            ServerEvent.tracking_code == code, IS_CASE).distinct().limit(2)).all()
        if len(cases) != 1:
            if cases:
                logs.event("status.ambiguous_code", tracking_code=code)
            return None
        aggregate_id = cases[0]
        # every public step of the case and the forwards withdrawn (a case holds a few dozen at
        # most, read by `ix_events_case`): the newest gives the status, the forwards the agency
        steps = s.execute(select(ServerEvent.id, ServerEvent.type, ServerEvent.recorded_at, ServerEvent.payload)
                          .where(ServerEvent.aggregate_id == aggregate_id, IS_CASE,
                                 ServerEvent.type.in_([*PUBLIC_STATUS, FORWARD_WITHDRAWN]))
                          .order_by(ServerEvent.hlc, ServerEvent.id)).all()
        public = [e for e in steps if e.type in PUBLIC_STATUS]
        waiting = _waiting_on(steps)
        agency = _agency_name(s, waiting[0]) if waiting is not None else ""
    newest = public[-1] if public else None
    status, status_fa = _public(newest, public[-2] if len(public) > 1 else None) if newest else DEFAULT_STATUS
    # the office's day it changed (Tehran's), not the UTC date the instant is stored in: a step
    # recorded after 20:30 UTC happened on the next day for the applicant and the clerk
    updated = newest.recorded_at.astimezone(TEHRAN).date().isoformat() if newest else ""
    due = waiting[1] if waiting is not None else None
    return StatusResponse(tracking_code=code, status=status, status_fa=status_fa, updated_on=updated,
                          agency=agency, due_on=due.isoformat() if due else "",
                          due_on_fa=format_jalali_date(due) if due else "")


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _waiting_on(steps: Sequence[Any]) -> tuple[str, date | None] | None:
    """The agency a case waits on and the day its answer is due (the forward's deadline, or the
    newest a follow-up set), from its steps in (hlc, id) order; None when it waits on none (not
    forwarded, answered, closed, or its forwards withdrawn). As the desks' fold does it."""
    open_: dict[str, list[Any]] = {}  # forward event id -> [agency id, due day]
    for e in steps:
        p = e.payload if isinstance(e.payload, dict) else {}
        if e.type == "case.forwarded" and p.get("agency_id"):
            open_[e.id] = [str(p["agency_id"]), _day(p.get("deadline"))]
        elif e.type == FORWARD_WITHDRAWN:
            open_.pop(str(p.get("forward_id")), None)
        elif e.type == "case.followed_up" and _day(p.get("new_deadline")) is not None:
            for fw_id, terms in open_.items():
                if not p.get("forward_id") or p.get("forward_id") == fw_id:
                    terms[1] = _day(p.get("new_deadline"))
        elif e.type in ("case.answered", "case.closed"):
            open_.clear()
    if not open_:
        return None
    agency_id, due = list(open_.values())[-1]
    return agency_id, due


def _agency_name(s: Session, agency_id: str) -> str:
    """The agency's name in the public directory (its newest `agency.set` naming it); of one merged
    into another (`agency.merged`, not undone since by `agency.unmerged`), the survivor's: it holds
    the case now."""
    seen: set[str] = set()
    name = ""
    while agency_id not in seen:
        seen.add(agency_id)
        into, name, decided = "", "", False
        for kind, payload in s.execute(select(ServerEvent.type, ServerEvent.payload).where(
                ServerEvent.aggregate_id == agency_id, IS_AGENCY).order_by(ServerEvent.hlc.desc(), ServerEvent.id.desc())):
            if not isinstance(payload, dict):
                continue
            if kind in ("agency.merged", "agency.unmerged"):
                # the newest of them decides (a merge undone: the agency holds its cases again)
                if not decided and kind == "agency.merged" and payload.get("into"):
                    into = str(payload["into"])
                decided = True
            elif payload.get("name") and not name:
                name = str(payload["name"])
        if not into:
            return name
        agency_id = into
    return name
