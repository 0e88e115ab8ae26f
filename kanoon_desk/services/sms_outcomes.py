"""What became of the SMS this office asked the server to send.

A desk records a notice by SMS as an event (`case.notified` with `"method": "sms"`, the lending
desk's `notice.queued`); the server keeps it in its outbox and its gateway sends it, retrying a
failure, giving up after a few attempts (or at once when the notice has no number). After each
sync round the desk asks what happened to the notices still open (`to_ask`) and keeps the answer
(`keep`): the case's timeline says «فرستاده شد» or «نرسید: …», and a failed notice to an applicant
puts the case in the work queue `sms_failed` until the applicant is told another way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import QT_TRANSLATE_NOOP
from ..models import Event, utcnow
from ..models.library import Notice as LendingNotice
from ..models.secretariat import Notice as CaseNotice
from ..models.sync import SmsOutcome
from ..store import Store

#: The server's answer will not change any more («withdrawn»: a hold's «ready» notice whose hold
#: ended before it was sent).
FINAL = ("sent", "failed", "withdrawn")
#: The most notices one round asks about (the newest first; older ones at the next round).
ASK_AT_MOST = 500


#: Why the server gave up on a notice, in the office's words. The server keeps the gateway's own
#: text — English, or an HTTP error naming the provider's address over two lines — which is for the
#: server's log, not for a clerk deciding how else to tell the applicant (`failure_reason`).
REASON_NO_NUMBER = QT_TRANSLATE_NOOP("Secretariat", "شماره همراهی در پیامک نبود")
REASON_NO_TEXT = QT_TRANSLATE_NOOP("Secretariat", "متن پیامک خالی بود")
REASON_UNREACHABLE = QT_TRANSLATE_NOOP("Secretariat", "سامانه پیامک در دسترس نبود")
REASON_REFUSED = QT_TRANSLATE_NOOP("Secretariat", "سامانه پیامک آن را نپذیرفت")

#: Words of a gateway that could not be reached at all (httpx's connection and time-out errors).
_UNREACHABLE = re.compile(r"connect|timed? ?out|timeout|name or service|resolution|unreachable|server error '5",
                          re.IGNORECASE)


def failure_reason(last_error: str) -> str:
    """What the server's reason for giving up on a notice means, as one of the `REASON_*` texts
    (untranslated: the interface translates it in the «Secretariat» context)."""
    if last_error.startswith("no mobile number"):  # (`server.exchange_notices.sms_notice`)
        return REASON_NO_NUMBER
    if last_error.startswith("no text"):
        return REASON_NO_TEXT
    if _UNREACHABLE.search(last_error):
        return REASON_UNREACHABLE
    return REASON_REFUSED


@dataclass(frozen=True)
class Outcome:
    """One notice as the server last described it."""

    event_id: str
    status: str  # pending | sending | sent | failed | withdrawn
    attempts: int = 0
    last_error: str = ""
    sent_at: datetime | None = None
    checked_at: datetime | None = None


def to_ask(store: Store, limit: int = ASK_AT_MOST) -> list[str]:
    """The ids of the SMS-asking events whose outcome is not final yet, newest first: the
    secretariat's notices by SMS and the lending desk's notices (one not yet pushed is simply
    not known to the server, which leaves it out of its answer)."""
    with store.read() as s:
        final = select(SmsOutcome.event_id).where(SmsOutcome.status.in_(FINAL))
        cases = list(s.execute(
            select(CaseNotice.day, CaseNotice.id).where(CaseNotice.method == "sms", CaseNotice.id.not_in(final))
            .order_by(CaseNotice.day.desc(), CaseNotice.id.desc()).limit(limit)))
        lending = list(s.execute(
            select(LendingNotice.queued_on, Event.id).join(Event, Event.aggregate_id == LendingNotice.id)
            .where(Event.type == "notice.queued", Event.id.not_in(final))
            .order_by(LendingNotice.queued_on.desc(), Event.id.desc()).limit(limit)))
    newest = sorted(cases + lending, reverse=True)[:limit]
    return [event_id for _day, event_id in newest]


def keep(store: Store, outcomes: Iterable[Outcome]) -> int:
    """Keep the server's answer; returns how many outcomes changed."""
    changed = 0
    now = utcnow()
    with store.transaction() as s:
        for o in outcomes:
            row = s.get(SmsOutcome, o.event_id)
            if row is None:
                row = SmsOutcome(event_id=o.event_id, status="", attempts=0, last_error="")
                s.add(row)
            if (row.status, row.attempts, row.last_error, row.sent_at) != (o.status, o.attempts, o.last_error, o.sent_at):
                changed += 1
            row.status, row.attempts, row.last_error, row.sent_at = o.status, o.attempts, o.last_error, o.sent_at
            row.checked_at = now
    return changed


def outcomes(s: Session, event_ids: Iterable[str]) -> dict[str, Outcome]:
    """The known outcomes of these events (an event the server has not described is absent)."""
    ids = list(event_ids)
    if not ids:
        return {}
    return {r.event_id: Outcome(r.event_id, r.status, r.attempts, r.last_error, r.sent_at, r.checked_at)
            for r in s.scalars(select(SmsOutcome).where(SmsOutcome.event_id.in_(ids)))}


def counts(store: Store) -> dict[str, int]:
    """How many notices the server has sent, still holds (pending, sending) and gave up on."""
    with store.read() as s:
        rows = dict(s.execute(select(SmsOutcome.status, func.count()).group_by(SmsOutcome.status)).all())
    return {"sent": rows.get("sent", 0), "waiting": rows.get("pending", 0) + rows.get("sending", 0),
            "failed": rows.get("failed", 0)}
