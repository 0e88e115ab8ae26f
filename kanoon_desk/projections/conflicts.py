"""Fold of conflict resolutions: a person's choice about a conflict, synced like any other fact."""

from __future__ import annotations

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from ..eventlog import FoldEvent, conflict_facts, projector, raise_conflict, resetter
from ..models import Conflict, Event

#: Raised when one conflict is resolved a second time: two desks decided it before either synced,
#: and the domain events of both decisions were applied (both loans voided, two new numbers…).
RESOLVED_TWICE = "conflict.resolved_twice"


@projector("conflict.resolved", "conflict")
def _conflict_resolved(s: Session, e: FoldEvent) -> None:
    """Mark the conflict resolved (the newest resolution wins). A resolution can arrive before the
    facts that raise the conflict here: its payload carries the conflict's description, so the
    row it creates is the one `raise_conflict` would create, and that call then finds it."""
    p = e.payload
    conflict = s.get(Conflict, e.aggregate_id)
    if conflict is None:
        c = p.get("conflict") or {}
        facts = c.get("facts") or {}
        conflict = Conflict(id=e.aggregate_id, kind=c.get("kind", ""), aggregate_type=c.get("aggregate_type", ""),
                            aggregate_id=c.get("aggregate_id", ""), office_code=c.get("office_code", e.office_code),
                            facts=conflict_facts(list(facts.get("involved", [])), dict(facts.get("summary", {}))),
                            raised_hlc=int(c.get("raised_hlc", e.hlc)), status="open")
        s.add(conflict)
    if conflict.status == "resolved":
        # already decided (by an earlier resolution in fold order): both decisions stand, and a
        # person must look; raised at this, the later one, the same whatever the arrival order
        earlier = s.scalar(select(Event.id).where(
            Event.aggregate_id == e.aggregate_id, Event.type == "conflict.resolved",
            tuple_(Event.hlc, Event.id) < tuple_(e.hlc, e.id)).order_by(Event.hlc.desc(), Event.id.desc()).limit(1))
        if earlier is not None:
            raise_conflict(s, RESOLVED_TWICE, conflict.aggregate_type, conflict.aggregate_id, e.office_code,
                           [earlier, e.id], e.hlc, {"conflict_id": conflict.id, "conflict_kind": conflict.kind})
    conflict.status = "resolved"
    conflict.resolution = str(p.get("resolution", ""))
    conflict.resolved_by = e.user_id
    conflict.resolution_note = str(p.get("note", ""))
    s.flush()


@resetter("conflict")
def _conflict_reset(s: Session, conflict_id: str) -> None:
    """Back to open (the facts that raised it stay); the resolutions are folded again in order."""
    s.execute(update(Conflict).where(Conflict.id == conflict_id)
              .values(status="open", resolution=None, resolved_by=None, resolution_note=None))
