"""Whose clock runs: a case's time split into the office's own working days and the agencies'.

While an agency holds a case (from the forwarding letter's date to its answer, or to the close),
the office's clock is paused and the agency's runs. While a case lies closed (from its close, or
its rejection, to a reopening) no clock runs: a case rejected in Ordibehesht and reopened in Tir
was not served for the two months between. The fold keeps which clock runs now
(`cases.clock`, `agency_since`) as a pure function of the events; counting *working* days needs
the admin's holiday table, which is not folded, so the count is made here, when it is read: the
spans come from the case's events in fold order, the same rules as the fold's, and the Jalali
working calendar (`accounts.working_calendar`) counts them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..persian import WorkingCalendar

#: Events that change a case's course: the fold ignores them once the case is closed (a conflict).
_ACTIONS = frozenset({"case.reviewed", "case.registered", "case.referred", "case.forwarded",
                      "case.followed_up", "case.answered", "case.closed"})

Span = tuple[date, date | None]


#: An ISO day read once: a year's report reads 50,000 of them, a few hundred distinct days.
_iso_day = functools.lru_cache(maxsize=4096)(date.fromisoformat)


def _day(p: Mapping[str, Any], key: str = "day") -> date | None:
    raw = p.get(key)
    return _iso_day(raw) if isinstance(raw, str) and raw else None


def agency_spans(events: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Span]:
    """The (start, end) days an agency held the case, from its events (type, payload) in fold order
    (hlc, id); the last span's end is None while an agency still holds it.

    A span starts at the forwarding letter's date and ends on the answer's day or the close's day
    (whichever comes first), as the fold's clock does; a second forward while one is open does
    not restart it, and steps after a close (a conflict) are ignored until a reopen."""
    spans: list[Span] = []
    start: date | None = None
    closed = False

    def stop(day: date | None) -> None:
        nonlocal start
        if start is not None and day is not None:
            spans.append((start, max(day, start)))
            start = None

    for kind, p in events:
        if kind in _ACTIONS and closed:
            continue
        if kind == "case.forwarded":
            if start is None:
                begin = _day(p, "letter_date") or _day(p)
                if begin is not None and spans and spans[-1][1] is not None:
                    begin = max(begin, spans[-1][1])  # a back-dated letter never overlaps the last span
                start = begin
        elif kind == "case.answered" or (kind == "case.forward_withdrawn" and p.get("back_to")):
            stop(_day(p))  # (a withdrawal by a manager leaves no forward open: `withdraw_forward`)
        elif kind == "case.closed" or (kind == "case.reviewed" and p.get("decision") == "reject"):
            stop(_day(p))
            closed = True
        elif kind == "case.reopened":
            closed = False
    if start is not None:
        spans.append((start, None))
    return spans


def closed_spans(events: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Span]:
    """The (close, reopen) days a case lay closed before it was reopened, from its events (type,
    payload) in fold order, by the fold's rules: a close or a rejection at review closes it (a
    step after the close is a conflict, ignored), `case.reopened` opens it again. The last close,
    not reopened, is the case's end, not a pause: it is not among them."""
    spans: list[Span] = []
    since: date | None = None
    closed = False
    for kind, p in events:
        if kind in _ACTIONS and closed:
            continue
        if kind == "case.closed" or (kind == "case.reviewed" and p.get("decision") == "reject"):
            closed, since = True, _day(p)
        elif kind == "case.reopened" and closed:
            closed = False
            again = _day(p)
            if since is not None and again is not None:
                spans.append((since, max(again, since)))
    return spans


@dataclass(frozen=True)
class ServiceTime:
    """A case's time in working days: `total` from its received day to its close (or `asof`), the
    days it lay closed before a reopening not counted, `agency` the part agencies held it, `office`
    the rest; `running` names the clock that runs now
    ("office", "agency", or None once closed)."""

    total: int
    office: int
    agency: int
    running: str | None


def service_time(calendar: WorkingCalendar, received: date, closed_on: date | None,
                 spans: Iterable[Span], asof: date, closed: Iterable[Span] = ()) -> ServiceTime:
    """`spans` the agencies' (`agency_spans`), `closed` the days it lay closed before a reopening
    (`closed_spans`): working days in (close, reopen] are nobody's."""
    end = closed_on or asof
    total = calendar.working_days_between(received, end)
    for start, stop in closed:
        if stop is not None:
            total -= calendar.working_days_between(max(start, received), min(stop, end))
    total = max(total, 0)
    agency = 0
    running: str | None = None if closed_on else "office"
    for start, stop in spans:
        s, e = max(start, received), min(stop or end, end)
        agency += calendar.working_days_between(s, e)
        if stop is None and closed_on is None:
            running = "agency"
    agency = min(agency, total)
    return ServiceTime(total, total - agency, agency, running)
