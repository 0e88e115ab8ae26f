"""The conflict inbox: broken invariants met by sync, both facts side by side, and a person's choice.

A resolution is one more event (`conflict.resolved`), so it syncs to every desk that sees the
conflict, and the choice does what it says: in the same transaction it records the domain events
that make it so (`loan.voided`, `case.forward_withdrawn`, `case.reopened`, `case.renumbered`,
`copy.relabelled`, `member.renumbered`, `member.merged` with `loan.member_moved`, `user.renamed`,
`copy.received`, `copy.reinstated`, `loan.lost`), each naming the conflict. The fold stays a function of each aggregate's own
events; nothing edits another aggregate's rows.

This module holds the inbox itself (`list_conflicts`, `open_count`, `resolve`, the views). The
kinds' titles, the resolutions each offers with what each does and the refusal messages are in
`conflict_kinds`; what each resolution records is in `conflict_plans`. Their names are
re-exported here (`__all__`) for the callers (the UI and tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import or_, select

from ..errors import NotFound, PermissionDenied, ServiceError, ValidationError
from ..eventlog import Actor
from ..ids import hlc_millis
from ..models import Conflict, Event, Office, User
from ..projections import conflicts as _conflict_projection  # noqa: F401 - registers conflict.resolved
from ..projections import late_work
from ..projections.library.members import PERSONAL_FIELDS
from ..store import Store
from .accounts import require
from .conflict_kinds import (
    ACTED_AFTER_ROLE_TAKEN,
    DEFAULT_RESOLUTIONS,
    EXPLANATIONS,
    GENERIC_EXPLANATION,
    KIND_TITLES,
    MEMBER_KINDS,
    MSG_ALREADY,
    MSG_ALREADY_MERGED,
    MSG_BAD_RESOLUTION,
    MSG_BOTH_LOANS_OPEN,
    MSG_FORWARD_NOT_OPEN,
    MSG_LOAN_CLOSED,
    MSG_MEMBER_RESOLVER,
    MSG_MISSING,
    MSG_NO_INTO,
    MSG_NO_SIDES,
    MSG_NOT_A_MEMBER_CONFLICT,
    MSG_NOT_CLOSED,
    MSG_NOT_FOUND,
    MSG_NOT_ONE_SIDE,
    MSG_STILL_SAME_ID,
    REOPEN_REASON,
    RESOLUTION_TITLES,
    RESOLUTIONS,
    explanation,
)
from .conflict_plans import _PLANS, Plan, Planned, _nothing, free_username
from .library_common import LIBRARIAN

__all__ = ["ACTED_AFTER_ROLE_TAKEN", "DEFAULT_RESOLUTIONS", "EXPLANATIONS", "GENERIC_EXPLANATION", "KIND_TITLES", "MSG_ALREADY",
           "MSG_ALREADY_MERGED", "MSG_BAD_RESOLUTION", "MEMBER_KINDS", "MSG_MEMBER_RESOLVER", "MSG_NOT_A_MEMBER_CONFLICT",
           "INBOX_ROLES", "about_member", "may_resolve", "MSG_BOTH_LOANS_OPEN", "MSG_FORWARD_NOT_OPEN",
           "MSG_LOAN_CLOSED", "MSG_MISSING", "MSG_NO_INTO", "MSG_NO_SIDES", "MSG_NOT_CLOSED", "MSG_NOT_FOUND", "MSG_NOT_ONE_SIDE",
           "MSG_STILL_SAME_ID", "ManyResolved", "resolve_many", "side_of",
           "REOPEN_REASON", "RESOLUTIONS", "RESOLUTION_TITLES", "RESOLVER_ROLES", "ConflictView", "Fact", "Plan",
           "Planned", "conflict", "explanation", "list_conflicts", "office_names", "open_count", "resolve"]

#: Roles allowed to see and resolve conflicts — but those about a member (`MEMBER_KINDS`), which
#: are decided by who sees the child: `LIBRARIAN` (`may_resolve`).
RESOLVER_ROLES = ("admin", "manager")
#: Roles that open the inbox: the resolvers, and a librarian, who sees there the member conflicts
#: alone (the secretariat's cases and the accounts are not theirs).
INBOX_ROLES = ("admin", "manager", "librarian")


def about_member(kind: str, summary: dict[str, Any]) -> bool:
    """Whether a conflict of `kind` is about a member (`MEMBER_KINDS`); a conflict decided on two
    desks is about what the conflict it decided was about (its summary's `conflict_kind`)."""
    if kind == "conflict.resolved_twice":
        kind = str(summary.get("conflict_kind") or "")
    return kind in MEMBER_KINDS


def may_resolve(actor: Actor, kind: str, summary: dict[str, Any]) -> bool:
    """Whether `actor` decides a conflict of `kind`: one about a member a librarian or an admin
    (who reads the child's name and details, `named_for`), any other an admin or a manager."""
    return actor.has(*(LIBRARIAN if about_member(kind, summary) else RESOLVER_ROLES))


def _may_see(actor: Actor, c: Conflict) -> bool:
    """A resolver sees every conflict; a librarian (no admin, no manager) the member ones."""
    return actor.has(*RESOLVER_ROLES) or about_member(c.kind, c.facts.get("summary", {}))


def _require_resolver(actor: Actor, c: Conflict) -> None:
    if not may_resolve(actor, c.kind, c.facts.get("summary", {})):
        raise PermissionDenied(MSG_MEMBER_RESOLVER if about_member(c.kind, c.facts.get("summary", {}))
                               else MSG_NOT_A_MEMBER_CONFLICT)


@dataclass(frozen=True)
class Fact:
    """One event involved in a conflict, for side-by-side display."""

    event_id: str
    type: str
    aggregate_id: str
    office_code: str
    device_id: str
    user_id: str
    recorded_at: datetime
    payload: dict[str, Any]
    #: Who recorded it and the office's name, as this desk knows them ("" when it does not: a user
    #: of another office is not on this desk).
    user_name: str = ""
    office_name: str = ""
    #: The payload's references as a person reads them: copy_id → the copy's barcode, member_id →
    #: the member's name and number, title_id → the title, agency_id → the agency, case_id → the
    #: tracking code, a centre's code → its name and code (those this desk holds).
    refs: dict[str, str] = field(default_factory=dict)


#: Payload fields that hold users' ids (a referral's receiver and CCs, a handed-over one's sender).
_USER_FIELDS = ("to_user_id", "from_user_id", "handed_over_from", "cc")


def _refs(s: Any, payload: dict[str, Any], *, named: bool = True) -> dict[str, str]:
    """`Fact.refs` of a payload; without `named` (a reader who is not a librarian) a member is
    read by their membership number alone, not by the child's name."""
    from ..models.library import Copy, Member, Title
    from ..models.secretariat import Agency, Case

    found: dict[str, str] = {}
    for key, model in (("copy_id", Copy), ("member_id", Member), ("title_id", Title), ("agency_id", Agency),
                       ("case_id", Case)):
        value = payload.get(key)
        row = s.get(model, value) if isinstance(value, str) and value else None
        if row is None:
            continue
        if isinstance(row, Copy):
            found[key] = row.barcode
        elif isinstance(row, Member):
            found[key] = f"{f'{row.first_name} {row.last_name}'.strip()} ({row.member_no})" if named else row.member_no
        elif isinstance(row, Title):
            found[key] = row.title
        elif isinstance(row, Agency):
            found[key] = row.name
        else:
            found[key] = row.tracking_code
    from ..models import Office, User

    for key in _USER_FIELDS:  # a referral's users by their names, a CC's several in order
        value = payload.get(key)
        ids = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
        names = [u.full_name for u in (s.get(User, v) for v in ids) if u is not None]
        if names and len(names) == len(ids):
            found[key] = "، ".join(names)
    for key in _CENTRE_FIELDS:  # a centre by its name, as the office row above it is
        code = payload.get(key)
        office = s.get(Office, code) if isinstance(code, str) and code else None
        if office is not None and office.name:
            found[key] = f"{office.name} ({code})"
    return found


def _subject(s: Any, c: Conflict, summary: dict[str, Any], *, named: bool = True) -> str:
    """What the conflict is about as a person tells two apart in the list: the user name made
    twice, the copy's barcode, the member's name and number, the case's tracking code (a loan's
    conflict: its copy's barcode); "" when this desk does not hold it."""
    from ..models.library import Loan

    if c.aggregate_type == "user" and isinstance(summary.get("username"), str):
        return str(summary["username"])
    if c.aggregate_type == "user":  # a change of one account: its user name now
        user = s.get(User, c.aggregate_id)
        return user.username if user is not None else ""
    aggregate_id: Any = c.aggregate_id
    if c.aggregate_type == "holiday":  # the day entered otherwise apart, as the holidays page writes it
        from ..persian import format_jalali_date, to_ascii_digits

        return to_ascii_digits(format_jalali_date(date.fromisoformat(aggregate_id)))
    if c.aggregate_type == "hold":  # the member it was for (the title is in the facts)
        return _refs(s, {"member_id": summary.get("member_id")}, named=named).get("member_id", "")
    key = {"copy": "copy_id", "member": "member_id", "case": "case_id"}.get(c.aggregate_type)
    if c.aggregate_type == "loan":
        loan = s.get(Loan, aggregate_id)
        key, aggregate_id = "copy_id", loan.copy_id if loan is not None else None
    if key is None or not aggregate_id:
        return ""
    return _refs(s, {key: aggregate_id}, named=named).get(key, "")


#: Events that change an account, named by their aggregate (the user).
_ACCOUNT_CHANGES = ("user.updated", "user.renamed")

#: Payload fields that name a centre or office by its code.
_CENTRE_FIELDS = ("centre", "home_centre", "pickup_centre", "returned_centre", "office_code", "from", "into")


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str
    title: str
    aggregate_type: str
    aggregate_id: str
    office_code: str
    raised_at: datetime
    status: str
    summary: dict[str, Any]
    facts: tuple[Fact, ...]
    resolutions: tuple[str, ...]
    resolution: str | None
    resolution_note: str | None
    #: What each of `resolutions` does (Persian source, context "Errors"), in the same order: a
    #: template whose `{name}`s `params` fill (a user name made twice: the name the other account
    #: gets, `{username}`).
    explanations: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    #: what it is about, to tell two of one kind apart (`_subject`: a user name, a barcode…)
    subject: str = ""
    #: the offices and centres where its facts were recorded (codes, sorted), to find a centre's
    offices: tuple[str, ...] = ()


def _involved_offices(s: Any, rows: list[Conflict]) -> dict[str, tuple[str, ...]]:
    """Conflict id → the offices of its facts (each involved id: that event's office, or the office
    of its aggregate's first event), read for the whole list in a few statements."""
    wanted = sorted({key for c in rows for key in c.facts.get("involved", []) if isinstance(key, str)})
    office_of: dict[str, str] = {}
    for i in range(0, len(wanted), 400):
        chunk = wanted[i:i + 400]
        for event_id, aggregate_id, office in s.execute(
                select(Event.id, Event.aggregate_id, Event.office_code)
                .where(or_(Event.id.in_(chunk), Event.aggregate_id.in_(chunk))).order_by(Event.hlc, Event.id)):
            office_of[event_id] = office
            office_of.setdefault(aggregate_id, office)  # (its first event)
    return {c.id: tuple(sorted({office_of[k] for k in c.facts.get("involved", []) if k in office_of}))
            for c in rows}


def _erased(s: Any, member_id: str) -> bool:
    """Whether a member's personal details were removed (`member.erased`)."""
    from ..models.library import Member

    return s.scalar(select(Member.erased_on).where(Member.id == member_id)) is not None


#: Payload fields a reader who is not a librarian is not shown: who a child is (`PERSONAL_FIELDS`),
#: a photo's file, and an SMS's text (it names the child).
_PERSONAL = frozenset(PERSONAL_FIELDS) | {"sha256", "text"}


def _without_personal(payload: dict[str, Any]) -> dict[str, Any]:
    """A payload less who a child is (`_PERSONAL`), also in the conflict a decision carries
    (`conflict.resolved`: the facts of the conflict it decided, a national ID two members share)."""
    kept = {k: v for k, v in payload.items() if k not in _PERSONAL}
    decided = kept.get("conflict")
    facts = decided.get("facts") if isinstance(decided, dict) else None
    if isinstance(decided, dict) and isinstance(facts, dict) and isinstance(facts.get("summary"), dict):
        summary = {k: v for k, v in facts["summary"].items() if k not in _PERSONAL}
        kept["conflict"] = {**decided, "facts": {**facts, "summary": summary}}
    return kept


def _about_erased(s: Any, ev: Event) -> bool:
    """Whether an event is about a member whose details were removed: the member's own, or a
    decision of a conflict about one."""
    if ev.aggregate_type == "member":
        return _erased(s, ev.aggregate_id)
    decided = ev.payload.get("conflict") if ev.type == "conflict.resolved" else None
    if isinstance(decided, dict) and decided.get("aggregate_type") == "member":
        involved = (decided.get("facts") or {}).get("involved") or []
        return any(_erased(s, k) for k in involved if isinstance(k, str))
    return False


def named_for(actor: Actor) -> bool:
    """Whether `actor` reads the members in conflicts by name: a librarian (or an admin) does, who
    works with the children's records; a manager is told what happened, to which membership number."""
    return actor.has(*LIBRARIAN)


def _view(s: Any, c: Conflict, *, detail: bool = True, offices: tuple[str, ...] | None = None,
          named: bool = True) -> ConflictView:
    """The conflict as the inbox shows it; without `detail` its facts are left out (the list's
    lines: what it is, about what, where; `conflict` gives one with its facts). Without `named` (a
    manager) no child's name, national ID, phone, birth date or guardian is in it: members by
    their membership numbers (`named_for`)."""
    involved = list(c.facts.get("involved", []))
    events = list(s.scalars(select(Event).where(or_(Event.id.in_(involved), Event.aggregate_id.in_(involved)))
                            .order_by(Event.hlc, Event.id).limit(40))) if involved and detail else []
    # one fact per involved id: the event itself, or the first event of that aggregate
    facts: list[Fact] = []
    for key in involved:
        ev = next((x for x in events if x.id == key), None) or next(
            (x for x in events if x.aggregate_id == key), None)
        if ev is not None:
            user, office = s.get(User, ev.user_id), s.get(Office, ev.office_code)
            payload = dict(ev.payload)
            if not named or _about_erased(s, ev):  # not shown
                payload = _without_personal(payload)
            # a letter given twice: which case each letter is for (the two read alike but for it)
            about = {"case_id": ev.aggregate_id} if c.kind == "case.letter_twice" else {}
            refs = _refs(s, {**payload, **about}, named=named)
            account = s.get(User, ev.aggregate_id) if ev.type in _ACCOUNT_CHANGES else None
            if account is not None:  # whose account a change was made to (its payload does not say)
                refs["account"] = f"{account.full_name} ({account.username})"
            facts.append(Fact(ev.id, ev.type, ev.aggregate_id, ev.office_code, ev.device_id, ev.user_id,
                              ev.recorded_at, payload, user.full_name if user else "",
                              office.name if office else "", refs))
    if c.kind == late_work.KIND and detail and facts:  # the steps recorded after the change, in order
        for ev in late_work.late_steps(s, c.aggregate_id, facts[0].event_id):
            user, office = s.get(User, ev.user_id), s.get(Office, ev.office_code)
            payload = dict(ev.payload)
            if not named or _about_erased(s, ev):  # (a child registered or corrected by that user)
                payload = _without_personal(payload)
            about = {"case_id": ev.aggregate_id} if ev.aggregate_type == "case" else {}
            facts.append(Fact(ev.id, ev.type, ev.aggregate_id, ev.office_code, ev.device_id, ev.user_id,
                              ev.recorded_at, payload, user.full_name if user else "",
                              office.name if office else "", _refs(s, {**payload, **about}, named=named)))
    offered = RESOLUTIONS.get(c.kind, DEFAULT_RESOLUTIONS)
    params: dict[str, str] = {}
    if c.kind == "username.duplicate" and c.status == "open" and detail:  # both accounts have the one name
        users = [s.get(User, uid) for uid in involved]
        name = next((u.username for u in users if u is not None), None) or c.facts.get("summary", {}).get("username")
        if isinstance(name, str) and name:
            params["username"] = free_username(s, name)
    if c.kind == "admin.kept":  # the admin kept, by name
        kept = s.get(User, c.aggregate_id)
        params["name"] = f"{kept.full_name} ({kept.username})" if kept is not None else ""
    if c.kind == "member.at_closed_centre":  # where the closed centre's members went, by its name
        into = str(c.facts.get("summary", {}).get("into") or "")
        params["centre"] = _refs(s, {"centre": into}).get("centre", into) if into else "—"
    if c.kind == "hold.served_twice":  # the copy that serves the hold, by its barcode
        serving = c.facts.get("summary", {}).get("serving")
        params["barcode"] = _refs(s, {"copy_id": serving}).get("copy_id", "") or str(serving or "")
        other = next((x for x in c.facts.get("summary", {}).get("copies", []) if x != serving), None)
        params["other"] = (_refs(s, {"copy_id": other}).get("copy_id", "") or str(other)) if other else "—"
    summary = dict(c.facts.get("summary", {}))
    if not named or (c.aggregate_type == "member" and any(_erased(s, k) for k in involved)):  # (a national ID twice)
        summary = {k: v for k, v in summary.items() if k not in _PERSONAL}
    return ConflictView(c.id, c.kind, KIND_TITLES.get(c.kind, c.kind), c.aggregate_type, c.aggregate_id,
                        c.office_code, datetime.fromtimestamp(hlc_millis(c.raised_hlc) / 1000, UTC), c.status,
                        summary, tuple(facts),
                        offered, c.resolution, c.resolution_note, tuple(explanation(c.kind, r) for r in offered),
                        params, _subject(s, c, dict(c.facts.get("summary", {})), named=named),
                        tuple(sorted({f.office_code for f in facts})) if offices is None else offices)


def list_conflicts(store: Store, actor: Actor, *, status: str | None = "open",
                   detail: bool = True) -> list[ConflictView]:
    """Conflicts, newest first (`status` None: all). Without `detail`, the lines of the inbox's
    list: no facts (`facts` empty, `offices` filled), a few statements for the whole list rather
    than several for each conflict; `conflict` gives the one being read with its facts. A
    librarian who is neither admin nor manager gets the member conflicts only (`INBOX_ROLES`)."""
    require(actor, *INBOX_ROLES)
    with store.read() as s:
        q = select(Conflict).order_by(Conflict.raised_hlc.desc(), Conflict.id)
        if status is not None:
            q = q.where(Conflict.status == status)
        rows = [c for c in s.scalars(q) if _may_see(actor, c)]
        named = named_for(actor)
        if detail:
            return [_view(s, c, named=named) for c in rows]
        offices = _involved_offices(s, rows)
        return [_view(s, c, detail=False, offices=offices[c.id], named=named) for c in rows]


def conflict(store: Store, actor: Actor, conflict_id: str) -> ConflictView:
    """One conflict with its facts side by side (NotFound when this desk has none by that id)."""
    require(actor, *INBOX_ROLES)
    with store.read() as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound(MSG_NOT_FOUND)
        if not _may_see(actor, c):
            raise PermissionDenied(MSG_NOT_A_MEMBER_CONFLICT)
        return _view(s, c, named=named_for(actor))


def office_names(store: Store) -> dict[str, str]:
    """Office and centre code → its name, as this desk knows them (the inbox's centre filter)."""
    with store.read() as s:
        return {code: name for code, name in s.execute(select(Office.code, Office.name))}


def open_count(store: Store) -> int:
    """For the status bar (no role needed to see that there is something to look at)."""
    from sqlalchemy import func

    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open")) or 0)


def open_titles_about(store: Store, aggregate_id: str) -> list[str]:
    """The titles (Persian source, context "Errors") of the open conflicts about one record — a
    case, a copy —, oldest first: said where the record is worked on, so that nobody takes its
    state for settled (no role needed, as for `open_count`; deciding is the resolvers')."""
    with store.read() as s:
        kinds = s.scalars(select(Conflict.kind).where(Conflict.aggregate_id == aggregate_id,
                                                      Conflict.status == "open")
                          .order_by(Conflict.raised_hlc, Conflict.id))
        return [KIND_TITLES.get(kind, kind) for kind in kinds]


def resolve(store: Store, actor: Actor, conflict_id: str, resolution: str, note: str = "") -> ConflictView:
    """Record a person's decision as a `conflict.resolved` event and, in the same transaction, the
    domain events that make it so (a loan voided, a forward withdrawn, a new number…), each
    carrying the conflict's id. Every desk folds those events as any others, so all end alike.

    Refused (nothing written) when the choice does not fit the conflict, or this desk lacks the
    facts it needs (a fact not synced here yet), and for an actor who does not decide its kind
    (`may_resolve`: a manager a member's conflict, whose child they are not shown)."""
    require(actor, *INBOX_ROLES)
    with store.transaction() as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound(MSG_NOT_FOUND)
        _require_resolver(actor, c)
        if c.status == "resolved":
            raise ValidationError(MSG_ALREADY, "resolution")
        if resolution not in RESOLUTIONS.get(c.kind, DEFAULT_RESOLUTIONS):
            raise ValidationError(MSG_BAD_RESOLUTION, "resolution")
        plan = _PLANS.get(c.kind, _nothing)(store, s, c, resolution)
        described = {"kind": c.kind, "aggregate_type": c.aggregate_type, "aggregate_id": c.aggregate_id,
                     "office_code": c.office_code, "facts": c.facts, "raised_hlc": c.raised_hlc}
        store.record(s, actor, "conflict.resolved", conflict_id,
                     {"resolution": resolution, "note": (note or "").strip(), "conflict": described},
                     subject=c.kind)
        for event_type, aggregate_id, payload, subject in plan:
            store.record(s, actor, event_type, aggregate_id, {**payload, "conflict_id": conflict_id},
                         subject=subject)
        s.flush()
        return _view(s, c, named=named_for(actor))


def side_of(c: ConflictView, office_code: str) -> str:
    """The resolution that keeps the fact recorded at `office_code` («رویداد نخست/دوم درست است»,
    whichever of the two it is in this conflict); ValidationError when the kind is not decided by
    keeping one fact, or not exactly one of its two facts was recorded there."""
    if not {"keep_first", "keep_second"} <= set(c.resolutions):
        raise ValidationError(MSG_NO_SIDES, "resolution")
    here = [i for i, f in enumerate(c.facts[:2]) if f.office_code == office_code]
    if len(c.facts) < 2 or len(here) != 1:
        raise ValidationError(MSG_NOT_ONE_SIDE, "resolution")
    return "keep_first" if here == [0] else "keep_second"


@dataclass(frozen=True)
class ManyResolved:
    """What `resolve_many` did: the conflicts decided, and each refused with why (nothing written
    for it)."""

    done: tuple[str, ...]
    refused: tuple[tuple[str, ServiceError], ...]


def resolve_many(store: Store, actor: Actor, conflict_ids: list[str], keep_office: str,
                 note: str = "") -> ManyResolved:
    """Several conflicts decided alike — the fact recorded at `keep_office` is the right one in
    each (a centre whose desk lent the books that are really out) —, each exactly as `resolve`
    decides one, in its own transaction: a conflict refused (not decided by one fact, both facts
    or neither from that office, a loan already closed, the facts not all on this desk, decided
    meanwhile, not the actor's to decide: `may_resolve`) is left open with its reason, and the
    others are decided."""
    require(actor, *INBOX_ROLES)
    done: list[str] = []
    refused: list[tuple[str, ServiceError]] = []
    for conflict_id in conflict_ids:
        try:
            resolve(store, actor, conflict_id, side_of(conflict(store, actor, conflict_id), keep_office), note)
        except ServiceError as exc:
            refused.append((conflict_id, exc))
        else:
            done.append(conflict_id)
    return ManyResolved(tuple(done), tuple(refused))
