"""One case read whole: the case view with its timeline, and the public look-up by tracking code."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..eventlog import Actor
from ..models import Event, User
from ..models.secretariat import Agency, Applicant, Attachment, Case, FollowUp, Forward, Notice, Referral
from ..persian import TEHRAN, normalize
from ..store import Store
from .accounts import require, working_calendar
from .numbers import clean_tracking_code, is_valid_tracking_code
from .secretariat_agencies import agency_name_at, sent_to
from .secretariat_common import MSG_NO_CASE, READ_ROLES, today
from .secretariat_status import OUTCOME_FA, status_key
from .secretariat_time import ServiceTime, agency_spans, closed_spans, service_time
from .sms_outcomes import Outcome, outcomes


@dataclass(frozen=True)
class TimelineEntry:
    event_id: str
    type: str
    recorded_at: datetime
    day: date | None
    user_name: str
    payload: dict[str, Any]
    #: a notice by SMS: what the server last said became of it (None: not told yet)
    sms: Outcome | None = None


@dataclass(frozen=True)
class CaseDetail:
    case: dict[str, Any]
    holder_name: str | None
    agency_name: str | None
    timeline: list[TimelineEntry]
    attachments: list[dict[str, Any]]
    forwards: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    notices: list[dict[str, Any]]
    open_item_id: str | None
    open_item_from: str | None
    #: the office's and the agencies' working days so far (the Jalali calendar with the holidays)
    service_time: ServiceTime | None = None
    #: the applicant as stored now (name, national ID, mobile, address)
    applicant: dict[str, Any] = field(default_factory=dict)
    #: the roles of the user holding it ("expert manager"), None when no user does
    holder_roles: str | None = None


def _as_dict(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


#: Steps of a case's timeline that are not its own events: the agency holding it was merged into
#: another (`merge_agency`), or that merge was undone (`unmerge_agency`). Their payload: the
#: agency's name ("agency_name"), the survivor's ("into_name") and the day ("day").
AGENCY_STEPS = ("agency.merged", "agency.unmerged")
#: A case's steps after which no agency holds it (a forward withdrawn names its own letter).
_LEFT_AGENCY = ("case.answered", "case.closed", "case.reopened")


def _step(ev: Event, name: str | None) -> TimelineEntry:
    p = dict(ev.payload)
    raw = p.get("day") or p.get("received_date")
    day = date.fromisoformat(raw) if raw else None
    if day is None and p.get("at"):
        day = datetime.fromisoformat(p["at"]).astimezone(TEHRAN).date()
    return TimelineEntry(ev.id, ev.type, ev.recorded_at, day, name or "", p)


def timeline(s: Session, case_id: str) -> list[TimelineEntry]:
    """The case's events in fold order (hlc, id), with who did them; and where the agency holding
    it was merged into another, or that merge undone, that step too (`AGENCY_STEPS`), so a clerk
    reading it sees why the case's agency changed name."""
    rows = s.execute(select(Event, User.full_name).outerjoin(User, User.id == Event.user_id)
                     .where(Event.aggregate_id == case_id).order_by(Event.hlc, Event.id)).all()
    merges = _agency_events(s, {str(ev.payload["agency_id"]) for ev, _ in rows
                                if ev.type == "case.forwarded" and ev.payload.get("agency_id")})
    out: list[TimelineEntry] = []
    sent: dict[str, str] = {}  # the letters open: forward's event id -> the agency it was sent to
    into: dict[str, str] = {}  # the merges in force at this point of the fold order

    def holding() -> set[str]:
        return {_followed(into, agency) for agency in sent.values()}

    for ev, name in sorted([*rows, *merges], key=lambda r: (r[0].hlc, r[0].id)):
        if ev.type in AGENCY_STEPS:
            before = holding()
            target = str(ev.payload.get("into") or "")
            if ev.type == "agency.merged":
                into[ev.aggregate_id] = target
            elif into.get(ev.aggregate_id) == target:
                del into[ev.aggregate_id]
            if holding() != before:
                out.append(_step(ev, name))
            continue
        out.append(_step(ev, name))
        if ev.type == "case.forwarded" and ev.payload.get("agency_id"):
            agency = str(ev.payload["agency_id"])
            sent[ev.id] = agency
            if _followed(into, agency) != agency:  # sent to one merged before (a desk that had not heard)
                out.extend(_step(m, n) for m, n in merges if m.type == "agency.merged" and m.aggregate_id == agency
                           and (m.hlc, m.id) < (ev.hlc, ev.id))
        elif ev.type == "case.forward_withdrawn":
            sent.pop(str(ev.payload.get("forward_id") or ""), None)
        elif ev.type in _LEFT_AGENCY:
            sent.clear()
    told = outcomes(s, [t.event_id for t in out if t.type == "case.notified" and t.payload.get("method") == "sms"])
    return [dataclasses.replace(t, sms=told[t.event_id]) if t.event_id in told else t for t in out]


def _followed(into: dict[str, str], agency: str) -> str:
    seen = {agency}
    while agency in into and into[agency] not in seen:
        agency = into[agency]
        seen.add(agency)
    return agency


def _agency_events(s: Session, agencies: set[str]) -> list[Any]:
    """The merges and undone merges of `agencies` and of those they were merged into, with who made
    them, in fold order."""
    found: list[Any] = []
    asked: set[str] = set()
    while agencies - asked:
        batch = sorted(agencies - asked)
        asked |= set(batch)
        for ev, name in s.execute(select(Event, User.full_name).outerjoin(User, User.id == Event.user_id).where(
                Event.aggregate_id.in_(batch), Event.type.in_(AGENCY_STEPS))):
            found.append((ev, name))
            if ev.payload.get("into"):
                agencies.add(str(ev.payload["into"]))
    return sorted(found, key=lambda r: (r[0].hlc, r[0].id))


def _names_sent_to(s: Session, steps: list[TimelineEntry], forwards: list[dict[str, Any]],
                   follow_ups: list[dict[str, Any]]) -> list[TimelineEntry]:
    """The agency's name as each forward's and follow-up's letter wrote it (`sent_to`), set as
    "agency_name" on the forwards, the follow-ups and their timeline steps: an agency renamed since
    is still named on them as it was (its name now is the case's `agency_name`)."""
    wanted = [row["id"] for row in (*forwards, *follow_ups)]
    if not wanted:
        return steps
    events = {e.id: e for e in s.scalars(select(Event).where(Event.id.in_(wanted)))}
    agency_of = {fw["id"]: fw["agency_id"] for fw in forwards}
    names: dict[str, str] = {}
    for row in (*forwards, *follow_ups):
        ev = events.get(row["id"])
        name = sent_to(s, ev) if ev is not None else None
        if name is None and ev is not None and row.get("forward_id") in agency_of:  # (an older follow-up)
            name = agency_name_at(s, agency_of[row["forward_id"]], ev.hlc)
        if name is not None:
            row["agency_name"] = names[row["id"]] = name
    return [dataclasses.replace(t, payload={**t.payload, "agency_name": names[t.event_id]})
            if t.event_id in names else t for t in steps]


def get_case(store: Store, actor: Actor, case_id: str, *, on: date | None = None) -> CaseDetail:
    """Everything the case view shows; `on` is the day the running clock counts to (today)."""
    require(actor, *READ_ROLES)
    calendar = working_calendar(store)
    with store.read() as s:
        c = s.get(Case, case_id)
        if c is None:
            raise NotFound(MSG_NO_CASE, "case_id")
        holder = s.get(User, c.holder_user_id) if c.holder_user_id else None
        agency = s.get(Agency, c.agency_id) if c.agency_id else None
        item = s.scalar(select(Referral).where(Referral.case_id == case_id, Referral.kind == "action",
                                               Referral.status == "open").limit(1))

        def rows(model: Any, order: Any) -> list[dict[str, Any]]:
            return [_as_dict(r) for r in s.scalars(select(model).where(model.case_id == case_id).order_by(*order))]

        steps = timeline(s, case_id)
        forwards = rows(Forward, (Forward.letter_date, Forward.id))
        follow_ups = rows(FollowUp, (FollowUp.day, FollowUp.id))
        steps = _names_sent_to(s, steps, forwards, follow_ups)
        spans = agency_spans((t.type, t.payload) for t in steps)
        paused = closed_spans((t.type, t.payload) for t in steps)
        person = s.get(Applicant, c.applicant_id)
        return CaseDetail(
            case=_as_dict(c), holder_name=holder.full_name if holder else None,
            holder_roles=holder.roles if holder else None,
            agency_name=agency.name if agency else None, timeline=steps,
            attachments=rows(Attachment, (Attachment.added_at, Attachment.id)),
            forwards=forwards, follow_ups=follow_ups,
            notices=rows(Notice, (Notice.day, Notice.id)),
            open_item_id=item.id if item else None, open_item_from=item.from_user_id if item else None,
            service_time=service_time(calendar, c.received_date, c.closed_on, spans, on or today(), paused),
            applicant=_as_dict(person) if person is not None else {})


@dataclass(frozen=True)
class PublicStatus:
    """What anyone with the tracking code may learn — nothing personal."""

    tracking_code: str
    status: str
    status_fa: str
    received_date: date
    registration_no: str | None
    deadline: date | None
    closed_on: date | None
    outcome_fa: str | None


def case_status_by_tracking_code(store: Store, code: str) -> PublicStatus | None:
    """"Where is my complaint?" by tracking code (16 digits, or 13 for a code issued before codes
    carried the office); None for an unknown or mistyped code, or one that two cases share."""
    code = clean_tracking_code(normalize(code or ""))
    if not is_valid_tracking_code(code):
        return None
    with store.read() as s:
        found = s.scalars(select(Case).where(Case.tracking_code == code).limit(2)).all()
        if len(found) != 1:
            return None
        c = found[0]
        holder = s.get(User, c.holder_user_id) if c.holder_user_id else None
        return PublicStatus(c.tracking_code, c.status, status_key(c.status, holder.roles if holder else None),
                            c.received_date,
                            c.registration_no, c.deadline if c.status == "forwarded" else None,
                            c.closed_on, OUTCOME_FA.get(c.outcome or ""))
