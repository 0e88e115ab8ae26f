"""The history of a record's editable fields: every value it was given, by whom, where and when,
and which one is in force (the newest HLC stamp per field) and which were replaced by a later one.

Editable fields merge field by field in sync: when two desks change the same field offline, the
change with the newer stamp wins everywhere. The losing value is not lost: it stays in its event,
and this is where a person sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..eventlog import SYSTEM_USER_ID, Actor
from ..models import Event, Office, User
from ..models.library import Member
from ..projections.library.members import MEMBER_FIELDS, PERSONAL_FIELDS
from ..projections.library.titles import TITLE_FIELDS
from ..store import Store
from .accounts import require

#: Event types that set editable fields, and the editable fields of each aggregate type.
FIELD_EVENTS = ("member.registered", "member.field_set", "title.added", "title.field_set", "copy.added",
                "copy.field_set", "copy.relabelled", "office.set", "applicant.set", "agency.set")
#: A copy's facts that take it out of circulation or bring it back, shown in its history as its
#: «status» (`FieldChange.value`: {"state": "withdrawn" | "lost" | "reinstated", "note": the reason
#: given}): who withdrew it, when and why, was recorded and shown nowhere.
STATE_EVENTS = {"copy.withdrawn": ("withdrawn", "reason"), "copy.marked_lost": ("lost", "note"),
                "copy.reinstated": ("reinstated", "")}
#: An agency merged into another and a merge undone, shown in its history as «merged_into»
#: (`FieldChange.value`: {"into_name": the survivor's name then, "day": the merge's or the undoing's
#: day, "undone": True for an undoing}): who merged it, into which and when was said nowhere.
MERGE_EVENTS = ("agency.merged", "agency.unmerged")
FIELDS: dict[str, tuple[str, ...]] = {
    "member": MEMBER_FIELDS,  # the fields the fold sets: one list, so the history cannot drift from it
    "title": TITLE_FIELDS,
    "copy": ("barcode", "shelf", "loanable", "home_centre", "title_id"),
    "office": ("name", "kind", "province", "city", "address", "phone", "heading"),
    # the secretariat's (the keys its fold sets from `applicant.set` and `agency.set`)
    "applicant": ("national_id", "first_name", "last_name", "mobile", "address"),
    "agency": ("name", "deadline_days", "address", "phone", "active"),
}


@dataclass(frozen=True)
class FieldChange:
    """One value given to one field. `in_force` is False for a value a later stamp replaced."""

    field: str
    value: Any
    recorded_at: datetime
    #: who gave it, by name; "" for a user of another office (an office's accounts stay on its own
    #: desks: a member's record is changed at any centre), whose office `office_name` names
    user: str
    office_code: str
    event_id: str
    in_force: bool
    office_name: str = ""
    #: the value is not shown: the member's personal details were removed (`member.erased`)
    removed: bool = False


#: Who reads the history of a record's fields, by the record's kind: a member's (a child's details,
#: as every read of a member's record) only the lending desk's staff.
READERS: dict[str, tuple[str, ...]] = {"member": ("librarian", "admin")}


def field_history(store: Store, actor: Actor, aggregate_type: str, aggregate_id: str) -> list[FieldChange]:
    """Every value of every editable field of one record, newest first (by fold order). Of a member
    whose personal details were removed, those fields' values read None. A member's history is a
    librarian's (`READERS`)."""
    fields = FIELDS.get(aggregate_type)
    if fields is None:
        raise KeyError(f"no editable fields for {aggregate_type!r}")
    if aggregate_type in READERS:
        require(actor, *READERS[aggregate_type])
    with store.read() as s:
        events = list(s.scalars(select(Event).where(
            Event.aggregate_type == aggregate_type, Event.aggregate_id == aggregate_id,
            Event.type.in_([*FIELD_EVENTS, *(STATE_EVENTS if aggregate_type == "copy" else ()),
                            *(MERGE_EVENTS if aggregate_type == "agency" else ())]))
            .order_by(Event.hlc, Event.id)))
        names: dict[str, str] = {user_id: name for user_id, name in s.execute(
            select(User.id, User.full_name).where(User.id.in_({e.user_id for e in events})))}
        offices: dict[str, str] = {code: name for code, name in s.execute(
            select(Office.code, Office.name).where(Office.code.in_({e.office_code for e in events})))}
        # a member whose details were removed (`member.erased`): the values their events carried
        # are not shown again here — only that a field was given one, by whom, where and when
        erased = aggregate_type == "member" and s.scalar(
            select(Member.erased_on).where(Member.id == aggregate_id)) is not None
    hidden = frozenset(PERSONAL_FIELDS) if erased else frozenset()
    names.setdefault(SYSTEM_USER_ID, "سیستم")
    changes: list[tuple[str, Event]] = []
    for e in events:
        if e.type in STATE_EVENTS:
            changes.append(("status", e))
        elif e.type in MERGE_EVENTS:
            changes.append(("merged_into", e))
        else:
            changes.extend((f, e) for f in fields if f in e.payload)
    last = {f: e.id for f, e in changes}  # fold order: the last value of a field is the one in force

    def value(f: str, e: Event) -> Any:
        if f in hidden:
            return None
        if f == "status":
            state, note = STATE_EVENTS[e.type]
            return {"state": state, "note": str(e.payload.get(note, "") or "") if note else ""}
        if f == "merged_into":
            return {"into_name": str(e.payload.get("into_name") or ""), "day": str(e.payload.get("day") or ""),
                    "undone": e.type == "agency.unmerged"}
        return e.payload[f]

    out = [FieldChange(field=f, value=value(f, e), recorded_at=e.recorded_at,
                       user=names.get(e.user_id, ""), office_code=e.office_code,
                       event_id=e.id, in_force=last[f] == e.id, office_name=offices.get(e.office_code, ""),
                       removed=f in hidden)
           for f, e in changes]
    out.reverse()
    return out
