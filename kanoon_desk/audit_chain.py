"""The tamper-evident audit chain: entries appended, each hashed over the one before, and verified."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import QT_TRANSLATE_NOOP, Problem
from .models import AuditEntry, table_of, utcnow
from .sqlite_bulk import SqliteInsert
from .sqlite_statement import SqliteStatement, _dbapi

#: The `prev_hash` of the chain's first entry.
GENESIS_HASH = "0" * 64
MSG_CHAIN_BROKEN = QT_TRANSLATE_NOOP("Errors", "زنجیره ممیزی در ردیف {row} گسسته است (پیوند به ردیف پیشین نمی‌خورد).")
MSG_ROW_TAMPERED = QT_TRANSLATE_NOOP("Errors", "ردیف {row} زنجیره ممیزی دست‌کاری شده است (چکیده نمی‌خورد).")


def _audit_hash(prev: str, at: datetime | str, user_id: str, username: str, action: str, subject: str,
                event_id: str | None, detail: str) -> str:
    """The entry's hash; `at` may be given as its `isoformat()` already (a batch shares one)."""
    body = _AUDIT_JSON([prev, at if isinstance(at, str) else at.isoformat(), user_id, username, action,
                        subject, event_id or "", detail])
    return hashlib.sha256(body.encode()).hexdigest()


_AUDIT_JSON: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


_AUDIT = table_of(AuditEntry)
#: Audit rows go in as plain DBAPI executemany (sqlite_bulk): one per recorded event, a thousand
#: per pulled page.
_INSERT_AUDIT = SqliteInsert(_AUDIT, [c.name for c in _AUDIT.columns if c.name != "seq"])


_LAST_AUDIT_HASH = SqliteStatement(select(_AUDIT.c.hash).order_by(_AUDIT.c.seq.desc()).limit(1))


def _last_audit_hash(session: Session) -> str:
    row = _LAST_AUDIT_HASH.first(session)
    return str(row[0]) if row else GENESIS_HASH


def audit(session: Session, *, user_id: str, username: str, action: str, subject: str = "",
          event_id: str | None = None, detail: str = "", at: datetime | None = None) -> None:
    """Append one entry to the tamper-evident audit chain (plain statements on the session's
    connection: this runs for every event a desk records)."""
    at = at or utcnow()
    at = at.replace(microsecond=(at.microsecond // 1000) * 1000)  # what the DB keeps round-trips
    prev = _last_audit_hash(session)
    _INSERT_AUDIT.many(_dbapi(session), [dict(
        at=at, user_id=user_id, username=username, action=action, subject=subject, event_id=event_id,
        detail=detail, prev_hash=prev, hash=_audit_hash(prev, at, user_id, username, action, subject, event_id,
                                                        detail))])


def audit_many(session: Session, entries: list[dict[str, Any]], at: datetime | None = None) -> None:
    """Append several entries to the chain at once (same fields as `audit`), in the given order."""
    if not entries:
        return
    at = at or utcnow()
    at = at.replace(microsecond=(at.microsecond // 1000) * 1000)
    session.flush()
    prev = _last_audit_hash(session)
    at_text = at.isoformat()
    rows = []
    for e in entries:
        row = dict(at=at, user_id=e["user_id"], username=e["username"], action=e["action"],
                   subject=e.get("subject", ""), event_id=e.get("event_id"), detail=e.get("detail", ""),
                   prev_hash=prev)
        row["hash"] = prev = _audit_hash(prev, at_text, row["user_id"], row["username"], row["action"],
                                         row["subject"], row["event_id"], row["detail"])
        rows.append(row)
    _INSERT_AUDIT.many(_dbapi(session), rows)


def verify_audit_chain(session: Session) -> list[str]:
    """Problems found in the chain (empty when intact), in Persian for the operator (`Problem`s)."""
    problems: list[str] = []
    prev = GENESIS_HASH
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for e in rows:
        if e.prev_hash != prev:
            problems.append(Problem(MSG_CHAIN_BROKEN, row=e.seq))
        expected = _audit_hash(e.prev_hash, e.at, e.user_id, e.username, e.action, e.subject, e.event_id, e.detail)
        if e.hash != expected:
            problems.append(Problem(MSG_ROW_TAMPERED, row=e.seq))
        prev = e.hash
        session.expunge(e)
    return problems
