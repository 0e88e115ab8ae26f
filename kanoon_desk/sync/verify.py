"""The round's closing check: running digests of what the server should hold, against the server's."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, func, literal_column, select, type_coerce

from ..digest import EventDigest, digest_per_type
from ..models import Event
from ..models.sync import SyncRejection
from ..state_keys import K_ACKED, K_DIGESTS
from . import protocol as p
from .report import SyncReport
from .transport import Connection


class VerifyMixin(Connection):
    """`SyncClient`'s verify step."""

    def local_summary(self) -> dict[str, p.AggregateSummary]:
        """Counts and digest per aggregate type of what the server should hold for this office.

        Kept up to date, not recomputed: the digests are sums (`kanoon_desk.digest`), so the totals
        of the last round (in `desk_state`) plus the events since (others' events inserted after
        the row it stopped at, own events acknowledged since) are the totals now. A desk's history
        grows for years; a round's check reads only what moved."""
        acked = self._int_state(K_ACKED)
        cache = _read_digest_cache(self.store.get_state(K_DIGESTS))
        refused = select(SyncRejection.event_id)
        with self.store.read() as s:
            top = int(s.scalar(select(func.max(_ROWID)).select_from(Event)) or 0)
            if cache is None or cache.acked > acked or cache.rowid > top:
                cache = _DigestCache(0, 0, {})  # first round, or the outbox was moved back: all again
            # others' events the server gave a place (one it lost after a restore has none: `rewind`)
            theirs = (Event.client_seq.is_(None)) & Event.server_seq.is_not(None) & (_ROWID > cache.rowid) \
                & (_ROWID <= top)
            ours = (Event.client_seq > cache.acked) & (Event.client_seq <= acked)
            # payload as its JSON text: the digest parses it once (no ORM JSON processing first)
            rows = s.execute(select(Event.aggregate_type, Event.id, Event.type, type_coerce(Event.payload, String),
                                    Event.hlc).where(theirs | ours, Event.id.not_in(refused)))
            moved = digest_per_type((r[0], r[1], r[2], r[3], r[4]) for r in rows)
        totals = cache.totals
        for t, d in moved.items():
            if t in totals:
                d.merge(totals[t])
            totals[t] = d
        if moved or (cache.rowid, cache.acked) != (top, acked):
            with self.store.transaction() as s:
                self.store.set_state(s, K_DIGESTS, _digest_cache_text(top, acked, totals))
        return {t: p.AggregateSummary(events=d.count, digest=d.hexdigest()) for t, d in sorted(totals.items()) if d.count}

    def verify(self, report: SyncReport, server: dict[str, p.AggregateSummary] | None) -> None:
        if server is None:
            return
        local = self.local_summary()
        for t in sorted(set(local) | set(server)):
            mine, theirs = local.get(t), server.get(t)
            if mine != theirs:
                report.mismatches.append(
                    f"{t}: local {mine.events if mine else 0} events, server {theirs.events if theirs else 0}"
                    + (" (same count, different content)" if mine and theirs and mine.events == theirs.events
                       else ""))


_ROWID: Any = literal_column("events.rowid")


@dataclass
class _DigestCache:
    rowid: int
    acked: int
    totals: dict[str, EventDigest]


def _digest_cache_text(rowid: int, acked: int, totals: dict[str, EventDigest]) -> str:
    return json.dumps({"rowid": rowid, "acked": acked,
                       "types": {t: [d.count, d.hexdigest()] for t, d in sorted(totals.items())}})


def _read_digest_cache(text: str | None) -> _DigestCache | None:
    """The stored running digests, or None when there are none (or they cannot be read)."""
    if not text:
        return None
    try:
        got = json.loads(text)
        return _DigestCache(int(got["rowid"]), int(got["acked"]),
                            {t: EventDigest.from_hex(int(v[0]), str(v[1])) for t, v in got["types"].items()})
    except (ValueError, KeyError, TypeError, IndexError):
        return None
