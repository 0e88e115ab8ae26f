"""Content digest of a set of events: same events ⇒ same digest on any desk or on the server.

Qt-free and SQLAlchemy-free so the desk (`services.ops.stats`) and the server compute it alike.

The digest of a set of events is SHA-256 over one line per event, the events sorted by id
(plain code-point order of the UUID text, which is byte order for these ASCII ids):

    id \\x1f type \\x1f canonical-JSON(payload) \\x1f hlc \\n

canonical JSON = ``json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
encoded UTF-8, so key order (SQLite JSON text vs PostgreSQL JSONB) never changes the digest.
An empty set digests to SHA-256 of nothing.

Two ways to compute it:

* ``event_digest(rows)`` — rows ``(id, type, payload, hlc)`` in any order (sorted here, in memory);
* ``EventDigest`` — feed rows already in ascending id order (``ORDER BY id``), streaming, for
  millions of events; it refuses rows out of order instead of giving a wrong digest.

``digests_by_aggregate(rows)`` groups rows ``(aggregate_type, id, type, payload, hlc)`` (ascending id)
into ``{aggregate_type: {"events": n, "digest": hex}}``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

SEP = "\x1f"


def canonical_json(payload: Mapping[str, Any] | str | None) -> str:
    """Payload as canonical JSON text; a JSON string (as SQLite returns it) is parsed first."""
    if payload is None:
        payload = {}
    if isinstance(payload, str):
        payload = json.loads(payload) if payload else {}
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_line(event_id: str, event_type: str, payload: Mapping[str, Any] | str | None, hlc: int) -> bytes:
    """The bytes one event contributes to a digest."""
    return (SEP.join((event_id, event_type, canonical_json(payload), str(int(hlc)))) + "\n").encode()


class EventDigest:
    """Streaming digest: `add` events in ascending id order, then read `hexdigest()`."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._last: str | None = None
        self.count = 0

    def add(self, event_id: str, event_type: str, payload: Mapping[str, Any] | str | None, hlc: int) -> None:
        if self._last is not None and event_id <= self._last:
            raise ValueError(f"events must come in ascending id order: {event_id!r} after {self._last!r}")
        self._last = event_id
        self._hash.update(event_line(event_id, event_type, payload, hlc))
        self.count += 1

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def event_digest(rows: Iterable[tuple[str, str, Mapping[str, Any] | str | None, int]]) -> str:
    """Digest of events given as ``(id, type, payload, hlc)`` in any order."""
    d = EventDigest()
    for event_id, event_type, payload, hlc in sorted(rows, key=lambda r: r[0]):
        d.add(event_id, event_type, payload, hlc)
    return d.hexdigest()


def digests_by_aggregate(
    rows: Iterable[tuple[str, str, str, Mapping[str, Any] | str | None, int]],
) -> dict[str, dict[str, Any]]:
    """``{aggregate_type: {"events": n, "digest": hex}}`` from rows
    ``(aggregate_type, id, type, payload, hlc)`` given in ascending id order."""
    per_type: dict[str, EventDigest] = {}
    for aggregate_type, event_id, event_type, payload, hlc in rows:
        d = per_type.get(aggregate_type)
        if d is None:
            d = per_type[aggregate_type] = EventDigest()
        d.add(event_id, event_type, payload, hlc)
    return {t: {"events": d.count, "digest": d.hexdigest()} for t, d in sorted(per_type.items())}
