"""What the server hands out: pages of events as JSON the database builds itself (pull, snapshot,
a desk's own events), and the counts and digests of what an office sees (the last pull page's
summary, from the running totals a push moves).

Part of the server's exchange (`exchange.pull`, `snapshot` and `own_events` answer with a
`Page`); FastAPI-free like it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Text, cast, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session, aliased

from ..digest import EventDigest, digests_by_aggregate
from ..sync.protocol import (
    FOLDED_BELOW_3,
    KEEPS_UNKNOWN_KINDS,
    PROTOCOL_VERSION,
    SHARED_SCOPE,
    AggregateSummary,
    OwnEventsResponse,
    PullResponse,
    SnapshotResponse,
)
from .db import SEQ_COUNTER, ServerDb
from .server_models import DigestTotal, ServerCounter, ServerEvent

#: Each EventOut field and the column it is read from, in the protocol's order.
_OUT_FIELDS = ("id", "type", "aggregate_type", "aggregate_id", "payload", "hlc", "device_id", "office_code",
               "user_id", "recorded_at", "schema_version", "server_seq")


def _event_json(is_postgres: bool) -> Any:
    """An SQL expression giving each row as `p.EventOut` JSON text, built by the database itself.

    A page is up to 5,000 events: reading them into Python (JSON parsed, instants parsed), making
    models and encoding them again was most of a pull's time on the server. Instants are stored as
    naive UTC; they go out as ISO 8601 with an explicit +00:00. Keys are constants of this module.
    """
    parts: list[Any] = []
    for name in _OUT_FIELDS:
        column: Any = ServerEvent.__table__.c[name]
        if name == "recorded_at":
            if is_postgres:
                column = func.to_char(column, literal_column("'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"'"))
            else:
                column = type_coerce(func.replace(column, literal_column("' '"), literal_column("'T'")),
                                     String).concat(literal_column("'+00:00'"))
        elif name == "payload" and not is_postgres:
            column = func.json(column)  # stored as JSON text: embedded as JSON, not as a string
        parts += [literal_column(f"'{name}'"), column]
    if is_postgres:
        return cast(func.json_build_object(*parts), Text)
    return func.json_object(*parts)


@dataclass
class Page:
    """A pull or snapshot answer: its fields as a model with no events, and the events as JSON."""

    head: PullResponse | SnapshotResponse | OwnEventsResponse
    events: list[str]

    def json(self) -> bytes:
        head = self.head.model_dump_json(exclude={"events"})
        return f'{head[:-1]},"events":[{",".join(self.events)}]}}'.encode()

    def model(self) -> PullResponse | SnapshotResponse | OwnEventsResponse:
        return type(self.head).model_validate_json(self.json())


def _page_rows(db: ServerDb, session: Session, *where: Any, limit: int, protocol: int = PROTOCOL_VERSION) -> list[Any]:
    """A page's rows: (server_seq, hlc, the event's JSON, its kind), the kinds checked against
    what a desk of `protocol` folds (`KindsUnknownToDesk`)."""
    rows = list(session.execute(
        select(ServerEvent.server_seq, ServerEvent.hlc, _event_json(db.is_postgres), ServerEvent.type).where(*where)
        .order_by(ServerEvent.server_seq).limit(limit)))
    if protocol < KEEPS_UNKNOWN_KINDS:
        folded = FOLDED_BELOW_3.get(protocol, FOLDED_BELOW_3[min(FOLDED_BELOW_3)])
        unknown = {r[3] for r in rows} - folded
        if unknown:
            raise KindsUnknownToDesk(protocol, sorted(unknown))
    return rows


class KindsUnknownToDesk(Exception):
    """A page for a desk of protocol `protocol` (below `KEEPS_UNKNOWN_KINDS`) holds events of
    `kinds`, which such a desk cannot fold: its fold would fail on them in every round. The desk
    is answered "upgrade required" (426) and says to update the program; nothing of the page is
    sent, and it is sent whole once the desk is updated."""

    def __init__(self, protocol: int, kinds: list[str]) -> None:
        super().__init__(f"this desk (protocol {protocol}) cannot fold the office's events of kind "
                         f"{', '.join(kinds)}, recorded by a newer version: update the desk's program")
        self.protocol, self.kinds = protocol, kinds


def visible(office_code: str) -> Any:
    return ServerEvent.scope.in_([office_code, SHARED_SCOPE])


def office_summary(db: ServerDb, session: Session, office_code: str, upto: int | None = None
                   ) -> dict[str, AggregateSummary] | None:
    """Counts and digest per aggregate type of what `office_code` sees, from the running totals.

    With `upto`: None unless the totals read are exactly those of the events up to `upto` (on
    PostgreSQL a push may commit between a page and this read; the round then skips its check).
    The totals and the counter come from one statement, so they are of one moment."""
    counter = aliased(ServerCounter)
    q = (select(counter.value, DigestTotal.aggregate_type, DigestTotal.events, DigestTotal.digest)
         .select_from(counter)
         .outerjoin(DigestTotal, DigestTotal.scope.in_([office_code, SHARED_SCOPE]))
         .where(counter.name == SEQ_COUNTER))
    found = session.execute(q).all()
    if upto is not None and (not found or int(found[0][0]) != upto):
        return None
    per_type: dict[str, EventDigest] = {}
    for _value, aggregate_type, events, digest in found:
        if aggregate_type is not None and events:
            per_type.setdefault(aggregate_type, EventDigest()).merge(EventDigest.from_hex(events, digest))
    return {t: AggregateSummary(events=d.count, digest=d.hexdigest()) for t, d in sorted(per_type.items())}


def office_summary_from_events(db: ServerDb, session: Session, office_code: str) -> dict[str, AggregateSummary]:
    """The same as `office_summary`, computed from every event the office sees (for `check`-like
    audits and tests: slow on a big server)."""
    q = select(ServerEvent.aggregate_type, ServerEvent.id, ServerEvent.type,
               type_coerce(ServerEvent.payload, String), ServerEvent.hlc).where(visible(office_code))
    summary = digests_by_aggregate((r[0], r[1], r[2], r[3], r[4])
                                   for r in session.execute(q.execution_options(yield_per=5000)))
    return {t: AggregateSummary(events=v["events"], digest=v["digest"]) for t, v in summary.items()}
