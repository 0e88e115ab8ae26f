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

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from ..digest import EventDigest
from ..persian import to_persian_digits
from ..sync.protocol import SHARED_SCOPE
from . import exchange
from .attachments import SHA_RE, STALE_PART_SECONDS
from .db import SEQ_COUNTER, ServerDb, alembic_config
from .exchange_checks import how_far
from .exchange_notices import erased_photo_files
from .exchange_pages import office_summary, office_summary_from_events
from .server_models import AttachmentRef, Device, DigestTotal, ServerCounter, ServerEvent, ServerOffice


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


def check(db: ServerDb, attachments: Path | None = None) -> list[str]:
    """Every problem found, each one line "fa | en" (empty: healthy); with `attachments` (the
    server's folder), its files too (`attachment_problems`)."""
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
    behind = exchange.clock_behind(db, exchange.now_ms())
    if behind:
        span_en, span_fa = how_far(behind)
        problems.append(
            f"ساعت این رایانه {span_fa} از رویدادهایی که کارگزار نگه داشته عقب است؛ کارگزار با این ساعت راه نمی‌افتد | "
            f"this computer's clock is {span_en} behind the newest events the server stored: a server started now "
            "refuses to start, and one running goes on from its own time. If the clock is wrong, set it right "
            "(NTP); if it ran ahead and was set right since, a running server follows it once it passes the "
            f"newest stamp it gave (the log's server.clock_set_right): do not restart it for {span_en}")
    if attachments is not None:
        problems += attachment_problems(db, attachments)
    return problems


#: How many file names a problem line names at most.
NAMES_SHOWN = 5


def _names(names: list[str]) -> str:
    more = f" … (+{len(names) - NAMES_SHOWN})" if len(names) > NAMES_SHOWN else ""
    return ", ".join(names[:NAMES_SHOWN]) + more


def attachment_problems(db: ServerDb, folder: Path, now: float | None = None) -> list[str]:
    """What the attachments folder holds that a running server would not leave there: uploads cut
    off and untouched for over `STALE_PART_SECONDS` (a running server removes them as it starts
    and hourly: left, it is not running on this folder), the photos of members whose details were
    removed (erasures stored before the server deleted them, or a folder restored from an older
    backup: the server deletes them as it starts), and a photo another member shares with an
    erased one that the upgrade s0011 stopped serving (served again as it starts)."""
    problems: list[str] = []
    limit = (time.time() if now is None else now) - STALE_PART_SECONDS
    stale: list[tuple[str, int]] = []
    if folder.is_dir():
        for part in sorted(folder.glob("*.part")):
            try:
                st = part.stat()
            except FileNotFoundError:
                continue
            if SHA_RE.match(part.name.removesuffix(".part")) and part.is_file() and st.st_mtime <= limit:
                stale.append((part.name, st.st_size))
    if stale:
        days = STALE_PART_SECONDS // 86400
        problems.append(
            f"{to_persian_digits(len(stale))} بارگذاری نیمه‌کاره که بیش از {to_persian_digits(days)} روز کسی به آن ننوشته در پوشه پیوست‌ها مانده است؛ "
            f"کارگزار در حال کار آن‌ها را برمی‌دارد: اگر کار می‌کند، با --attachments دیگری راه افتاده است | "
            f"{len(stale)} upload(s) cut off and untouched for over {days} days in {folder} "
            f"({sum(size for _, size in stale)} bytes: {_names([name for name, _ in stale])}): a server running on "
            f"this folder removes them as it starts and every hour, so none is running on it (is it given "
            f"another --attachments?); start the server with --attachments {folder}, or delete these files "
            f"(the desks send those files again from their start)")
    with db.read() as s:
        gone, held = erased_photo_files(s, lambda sha: (folder / sha).is_file())
        served = set(s.scalars(select(AttachmentRef.sha256).where(
            AttachmentRef.sha256.in_(sorted(held)), AttachmentRef.scope == SHARED_SCOPE))) if held else set()
    left = sorted(sha for sha in gone if (folder / sha).is_file())
    if left:
        problems.append(
            f"پرونده {to_persian_digits(len(left))} عکس عضوی که مشخصاتش حذف شده هنوز در پوشه پیوست‌ها هست؛ کارگزار را دوباره راه "
            f"بیندازید تا پاک شود | {len(left)} photo file(s) of members whose details were removed are still in "
            f"{folder} ({_names([sha[:12] for sha in left])}; served to no desk): restart the server on this folder, "
            f"it deletes them as it starts")
    unserved = sorted(held - served)
    if unserved:
        problems.append(
            f"{to_persian_digits(len(unserved))} عکس عضو که همان عکس عضو حذف‌شده‌ای است به میزها داده نمی‌شود؛ کارگزار را دوباره راه "
            f"بیندازید | {len(unserved)} member photo(s) that are also an erased member's photo are not given to the "
            f"desks ({_names([sha[:12] for sha in unserved])}): restart the server, it serves them again as it starts")
    return problems
