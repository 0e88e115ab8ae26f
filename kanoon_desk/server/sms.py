"""SMS notices queued by desks, sent by a pluggable gateway (a log by default, or an HTTP service)."""

from __future__ import annotations

from typing import Protocol

import httpx
from sqlalchemy import select

from . import logs
from .db import ServerDb
from .server_models import SmsOutbox, utcnow

MAX_ATTEMPTS = 5


class SmsGateway(Protocol):
    def send(self, mobile: str, text: str) -> None:
        """Send one message; raise on failure (the notice stays queued and is retried)."""


class LogGateway:
    """The default: writes each notice to the structured log instead of sending it."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, mobile: str, text: str) -> None:
        self.sent.append((mobile, text))
        logs.event("sms.logged", mobile=mobile, text=text)


class HttpGateway:
    """A real SMS provider behind an HTTP endpoint: POST {"to", "text"} with a bearer key."""

    def __init__(self, url: str, key: str, *, transport: httpx.BaseTransport | None = None) -> None:
        self.url, self.key = url, key
        self._client = httpx.Client(transport=transport, timeout=15)

    def send(self, mobile: str, text: str) -> None:
        r = self._client.post(self.url, json={"to": mobile, "text": text},
                              headers={"Authorization": f"Bearer {self.key}"})
        r.raise_for_status()


def drain(db: ServerDb, gateway: SmsGateway, limit: int = 100) -> int:
    """Send pending notices; returns how many went out. A failure is kept and retried later."""
    with db.read() as s:
        pending = list(s.scalars(select(SmsOutbox.event_id).where(SmsOutbox.status == "pending")
                                 .order_by(SmsOutbox.queued_at).limit(limit)))
    sent = 0
    for event_id in pending:
        with db.transaction() as s:
            row = s.get(SmsOutbox, event_id)
            if row is None or row.status != "pending":
                continue
            row.attempts += 1
            try:
                gateway.send(row.mobile, row.text)
            except Exception as exc:  # any gateway failure: keep the notice, log it
                row.last_error = str(exc)[:500]
                if row.attempts >= MAX_ATTEMPTS:
                    row.status = "failed"
                logs.event("sms.failed", event_id=event_id, error=row.last_error)
            else:
                row.status, row.sent_at = "sent", utcnow()
                sent += 1
    return sent
