"""SMS notices queued by desks, sent by a pluggable gateway (a log by default, or an HTTP service)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import httpx
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..sync.protocol import SmsOutcomeOut
from . import logs
from .db import ServerDb
from .exchange import visible
from .server_models import ServerEvent, SmsOutbox, utcnow

MAX_ATTEMPTS = 5
#: How often the running server drains the outbox by itself (seconds): a notice whose sending
#: failed is tried again then, not only when another push brings an SMS.
DRAIN_EVERY = 300.0


class SmsGateway(Protocol):
    def send(self, mobile: str, text: str) -> None:
        """Send one message; raise on failure (the notice stays queued and is retried)."""


def masked_mobile(mobile: str) -> str:
    """A number as the log may say it: its operator prefix and last two digits («0912•••••67»),
    enough to tell two notices apart, not to call the applicant or a child's guardian."""
    digits = mobile.strip()
    if len(digits) <= 6:
        return "•" * len(digits)
    return f"{digits[:4]}{'•' * (len(digits) - 6)}{digits[-2:]}"


class LogGateway:
    """The default: notes each notice in the structured log instead of sending it. The log says
    that a notice went nowhere, to which masked number and how long it was, never the number
    or the text (a tracking code, a child's name, a book's title): logs are read and shipped by
    people who may not see an applicant's data. The text stays in the server's `sms_outbox`."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, mobile: str, text: str) -> None:
        self.sent.append((mobile, text))
        logs.event("sms.logged", mobile=masked_mobile(mobile), chars=len(text))


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
    """Send pending notices, oldest first; returns how many went out. A failure is kept and
    retried later (up to MAX_ATTEMPTS).

    No lock is held while the gateway is called (an HTTP provider may take seconds; on SQLite a
    write transaction is the whole server's writer lock, and pushes would wait for it). Each
    notice is claimed in a short transaction (`sending`), sent, and its outcome written in
    another; a second drain skips a claimed notice. A claim older than CLAIM_EXPIRES (a drain
    that died mid-send) is given back: that notice may then go out twice, never not at all."""
    _give_back_expired_claims(db)
    with db.read() as s:
        pending = list(s.scalars(select(SmsOutbox.event_id).where(SmsOutbox.status == "pending")
                                 .order_by(SmsOutbox.queued_at).limit(limit)))
    sent = 0
    for event_id in pending:
        claim = _claim(db, event_id)
        if claim is None:
            continue
        try:
            gateway.send(claim.mobile, claim.text)
        except Exception as exc:  # any gateway failure: keep the notice, log it
            error = str(exc)[:500]
            _settle(db, claim, "failed" if claim.attempts >= MAX_ATTEMPTS else "pending", error)
            logs.event("sms.failed", event_id=event_id, error=error)
        else:
            _settle(db, claim, "sent")
            sent += 1
    return sent


def outcomes(session: Session, office_code: str, event_ids: list[str]) -> list[SmsOutcomeOut]:
    """What became of these notices, for a desk of `office_code`: the outbox rows of the events
    that office sees (another office's notices are not its business, and are left out as if
    unknown)."""
    if not event_ids:
        return []
    rows = session.execute(
        select(SmsOutbox.event_id, SmsOutbox.status, SmsOutbox.attempts, SmsOutbox.last_error, SmsOutbox.sent_at)
        .join(ServerEvent, ServerEvent.id == SmsOutbox.event_id)
        .where(SmsOutbox.event_id.in_(sorted(set(event_ids))), visible(office_code))
        .order_by(SmsOutbox.event_id))
    return [SmsOutcomeOut(event_id=r.event_id, status=r.status, attempts=r.attempts, last_error=r.last_error or "",
                          sent_at=r.sent_at) for r in rows]


#: A claim this old is a drain that died between claiming and settling (the gateway's own
#: timeout is 15 s).
CLAIM_EXPIRES = timedelta(minutes=10)


@dataclass(frozen=True)
class _Claim:
    event_id: str
    claimed_at: datetime
    mobile: str
    text: str
    attempts: int


def _claim(db: ServerDb, event_id: str) -> _Claim | None:
    with db.transaction() as s:
        row = s.get(SmsOutbox, event_id, with_for_update=True)
        if row is None or row.status != "pending":
            return None
        row.status, row.claimed_at = "sending", utcnow()
        row.attempts += 1
        return _Claim(event_id, row.claimed_at, row.mobile, row.text, row.attempts)


def _settle(db: ServerDb, claim: _Claim, status: str, error: str | None = None) -> None:
    with db.transaction() as s:
        row = s.get(SmsOutbox, claim.event_id, with_for_update=True)
        if row is None or row.status != "sending" or row.claimed_at != claim.claimed_at:
            return  # the claim expired and was given back: the newer claim settles the notice
        row.status, row.claimed_at = status, None
        if status == "sent":
            row.sent_at = utcnow()
        if error is not None:
            row.last_error = error


def _give_back_expired_claims(db: ServerDb) -> None:
    with db.transaction() as s:
        s.execute(update(SmsOutbox).where(SmsOutbox.status == "sending",
                                          SmsOutbox.claimed_at < utcnow() - CLAIM_EXPIRES)
                  .values(status="pending", claimed_at=None))


class PeriodicDrain:
    """`drain` every `every` seconds in a background thread, until `stop` (which waits for a
    drain in progress to finish its notice, at most `join_timeout` seconds)."""

    def __init__(self, db: ServerDb, gateway: SmsGateway, every: float = DRAIN_EVERY) -> None:
        self.db, self.gateway, self.every = db, gateway, every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="kanoon-sms-drain", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                sent = drain(self.db, self.gateway)
            except Exception as exc:  # a database hiccup: logged, tried again next time
                logs.event("sms.drain_failed", level=logging.WARNING, error=str(exc)[:500])
            else:
                if sent:
                    logs.event("sms.drained", sent=sent)
            self.rounds += 1

    def stop(self, join_timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(join_timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
