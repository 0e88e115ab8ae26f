"""Content digest of a set of events: same events ⇒ same digest on any desk or on the server.

Qt-free and SQLAlchemy-free so the desk (`services.ops.stats`, the sync round's check) and the
server compute it alike.

Each event contributes one line,

    id \\x1f type \\x1f canonical-JSON(payload) \\x1f hlc \\n

canonical JSON = ``json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
encoded UTF-8, so key order (SQLite JSON text vs PostgreSQL JSONB) never changes the digest.
The digest of a set is the sum, modulo 2**256, of the SHA-256 of each line read as a number,
written as 64 hex digits; with it the number of events. An empty set digests to 64 zeros.

A sum needs no order and adds up: the digest of old events plus the digest of the new ones is
the digest of all of them. So the server keeps running totals per scope and aggregate type,
updated by each push, and a desk keeps its own up to what it last compared: a sync round's check
costs the events since the last round, not the whole history (which grows for years). The sum is
for finding lost, duplicated or altered events by accident, not a defence against forgery (the
audit chain and the device credentials are).

* ``event_digest(rows)`` — rows ``(id, type, payload, hlc)`` in any order;
* ``EventDigest`` — add events (or another digest of a disjoint set) one at a time;
* ``digests_by_aggregate(rows)`` groups rows ``(aggregate_type, id, type, payload, hlc)``
  into ``{aggregate_type: {"events": n, "digest": hex}}``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

SEP = "\x1f"
MODULUS = 2**256


def canonical_json(payload: Mapping[str, Any] | str | None) -> str:
    """Payload as canonical JSON text; a JSON string (as SQLite returns it) is parsed first."""
    if payload is None:
        payload = {}
    if isinstance(payload, str):
        payload = json.loads(payload) if payload else {}
    return _CANONICAL(payload)


#: `json.dumps(…, sort_keys=True, ensure_ascii=False, separators=(",", ":"))` made once (dumps
#: with options builds an encoder per call; this runs for every event a round checks).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def event_line(event_id: str, event_type: str, payload: Mapping[str, Any] | str | None, hlc: int) -> bytes:
    """The bytes one event contributes to a digest."""
    return _line(event_id, event_type, canonical_json(payload), hlc)


def _line(event_id: str, event_type: str, canonical_payload: str, hlc: int) -> bytes:
    return (SEP.join((event_id, event_type, canonical_payload, str(int(hlc)))) + "\n").encode()


def event_hash(event_id: str, event_type: str, payload: Mapping[str, Any] | str | None, hlc: int) -> int:
    """One event's share of a digest: SHA-256 of its line, as a 256-bit number."""
    return int.from_bytes(hashlib.sha256(event_line(event_id, event_type, payload, hlc)).digest(), "big")


def canonical_hash(event_id: str, event_type: str, canonical_payload: str, hlc: int) -> int:
    """`event_hash` of an event whose payload is given as its canonical JSON text already (not
    parsed again: the server encodes a pushed payload once, for its row and this)."""
    return int.from_bytes(hashlib.sha256(_line(event_id, event_type, canonical_payload, hlc)).digest(), "big")


class EventDigest:
    """A digest built up event by event, in any order; two digests of disjoint sets add up."""

    def __init__(self, count: int = 0, total: int = 0) -> None:
        self.count = count
        self.total = total % MODULUS

    @classmethod
    def from_hex(cls, count: int, hexdigest: str) -> EventDigest:
        return cls(count, int(hexdigest, 16))

    def add(self, event_id: str, event_type: str, payload: Mapping[str, Any] | str | None, hlc: int) -> None:
        self.add_hash(event_hash(event_id, event_type, payload, hlc))

    def add_hash(self, value: int) -> None:
        self.total = (self.total + value) % MODULUS
        self.count += 1

    def merge(self, other: EventDigest) -> None:
        """Add the events of `other` (a disjoint set) to this digest."""
        self.total = (self.total + other.total) % MODULUS
        self.count += other.count

    def hexdigest(self) -> str:
        return f"{self.total:064x}"


def event_digest(rows: Iterable[tuple[str, str, Mapping[str, Any] | str | None, int]]) -> str:
    """Digest of events given as ``(id, type, payload, hlc)`` in any order."""
    d = EventDigest()
    for event_id, event_type, payload, hlc in rows:
        d.add(event_id, event_type, payload, hlc)
    return d.hexdigest()


def digests_by_aggregate(
    rows: Iterable[tuple[str, str, str, Mapping[str, Any] | str | None, int]],
) -> dict[str, dict[str, Any]]:
    """``{aggregate_type: {"events": n, "digest": hex}}`` from rows
    ``(aggregate_type, id, type, payload, hlc)`` in any order."""
    return {t: {"events": d.count, "digest": d.hexdigest()} for t, d in sorted(digest_per_type(rows).items())}


def digest_per_type(
    rows: Iterable[tuple[str, str, str, Mapping[str, Any] | str | None, int]],
) -> dict[str, EventDigest]:
    """An `EventDigest` per aggregate type of rows ``(aggregate_type, id, type, payload, hlc)``."""
    per_type: dict[str, EventDigest] = {}
    for aggregate_type, event_id, event_type, payload, hlc in rows:
        d = per_type.get(aggregate_type)
        if d is None:
            d = per_type[aggregate_type] = EventDigest()
        d.add(event_id, event_type, payload, hlc)
    return per_type
