"""What an operator reads of the server's database: `kanoon-desk server stats` and `server check`.

`stats` gives, per office, the count and digest per aggregate type of what its desks see (the
office's own events and the shared registry's), the same figures a desk of that office prints
with `kanoon-desk stats` once synced, so the two can be compared line by line. They come from the
running totals a push moves, so `stats` costs the same on a server with a year of history.

`check` recomputes those totals from the events themselves (slow on a big server: every event
is read once) and names every office and aggregate type where they differ, the sequence counter
behind the events, and a schema not at this release's head (the server migrates it when it
starts). Neither migrates the database: an operator may run them against a database another
release's server is still using.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from ..digest import EventDigest
from ..sync.protocol import SHARED_SCOPE
from .db import SEQ_COUNTER, ServerDb, alembic_config
from .exchange_pages import office_summary, office_summary_from_events
from .server_models import Device, DigestTotal, ServerCounter, ServerEvent, ServerOffice


@dataclass
class OfficeStats:
    code: str
    devices: int
    events: int
    digest: str
    aggregates: dict[str, dict[str, Any]] = field(default_factory=dict)


def schema_revisions(db: ServerDb) -> tuple[set[str], set[str]]:
    """The revisions the database is at, and this release's heads."""
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    heads = set(ScriptDirectory.from_config(alembic_config(db.engine)).get_heads())
    return current, heads


def offices(db: ServerDb) -> list[str]:
    """Every office the server knows: enrolled, issued a code, or holding events."""
    with db.read() as s:
        known = set(s.scalars(select(ServerOffice.code)))
        known |= set(s.scalars(select(Device.office_code)))
        known |= {scope for scope in s.scalars(select(DigestTotal.scope).distinct()) if scope != SHARED_SCOPE}
    return sorted(known)


def stats(db: ServerDb, office: str | None = None) -> dict[str, Any]:
    """``{"events", "server_seq", "schema", "offices": {code: {"devices", "events", "digest",
    "aggregates": {type: {"events", "digest"}}}}}``, read from the running totals."""
    codes = [office.strip().upper()] if office else offices(db)
    with db.read() as s:
        total = int(s.scalar(select(func.coalesce(func.sum(DigestTotal.events), 0))) or 0)
        seq = int(s.scalar(select(ServerCounter.value).where(ServerCounter.name == SEQ_COUNTER)) or 0)
        device_counts = {str(code): int(n) for code, n in s.execute(
            select(Device.office_code, func.count()).where(Device.revoked.is_(False)).group_by(Device.office_code))}
        result: dict[str, Any] = {}
        for code in codes:
            summary = office_summary(db, s, code) or {}
            overall = EventDigest()
            for row in summary.values():
                overall.merge(EventDigest.from_hex(row.events, row.digest))
            result[code] = {"devices": int(device_counts.get(code, 0)), "events": overall.count,
                            "digest": overall.hexdigest(),
                            "aggregates": {t: {"events": row.events, "digest": row.digest}
                                           for t, row in summary.items()}}
    current, _heads = schema_revisions(db)
    return {"events": total, "server_seq": seq, "schema": sorted(current), "offices": result}


def check(db: ServerDb) -> list[str]:
    """Every problem found, each one line "fa | en" (empty: healthy)."""
    problems: list[str] = []
    current, heads = schema_revisions(db)
    if current != heads:
        problems.append(f"پایگاه داده کارگزار به بازنگری این نسخه نرسیده است؛ کارگزار را یک بار راه بیندازید تا "
                        f"به‌روز شود | the database is at revision {', '.join(sorted(current)) or 'none'}, this "
                        f"release at {', '.join(sorted(heads))}: start the server once to migrate it")
        if not current:
            return problems
    codes = offices(db)  # (before the read: on SQLite a second session would wait for this one)
    with db.read() as s:
        seq = int(s.scalar(select(ServerCounter.value).where(ServerCounter.name == SEQ_COUNTER)) or 0)
        top = int(s.scalar(select(func.coalesce(func.max(ServerEvent.server_seq), 0))) or 0)
        if top > seq:
            problems.append(f"شمارنده ترتیب کارگزار ({seq}) از رویدادهای نگه‌داشته ({top}) عقب است | the sequence "
                            f"counter ({seq}) is behind the events held (server_seq up to {top})")
        for code in codes:
            kept = office_summary(db, s, code) or {}
            counted = office_summary_from_events(db, s, code)
            for aggregate_type in sorted(set(kept) | set(counted)):
                a, b = kept.get(aggregate_type), counted.get(aggregate_type)
                if a != b:
                    problems.append(
                        f"جمع‌های نگه‌داشته دفتر {code} برای {aggregate_type} با رویدادها نمی‌خواند | office {code}, "
                        f"{aggregate_type}: running totals {a.events if a else 0} events, the events themselves "
                        f"{b.events if b else 0} (or their digests differ)")
    return problems
