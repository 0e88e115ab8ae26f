"""The desk side of the protocol: enrol once, then rounds of push, pull and verify.

Everything a round learns is stored in the same local transaction as the data it concerns (an
acknowledged batch with its outbox position, a pulled page with its cursor), so a round cut at any
point — lost reply, dropped connection, kill -9 — resumes without losing or repeating anything.

The steps are one module each, mixed into `SyncClient`: `transport` (the connection they share),
`recovery` (hello), `push`, `pull` (and the first sync's snapshot), `verify`; `attachments` and the
SMS outcomes follow the pull. Enrolment is in `enrolment`, the `desk_state` keys in `state`.
"""

from __future__ import annotations

from typing import Any

import httpx

from ..ids import new_id
from ..models import DeskState, utcnow
from ..models.sync import SyncLog
from ..projections import conflicts as _conflict_projection  # noqa: F401 - registers conflict.resolved
from ..state_keys import K_LAST_ERROR, K_LAST_FAILURE, K_LAST_OK, K_LAST_TRY
from ..store import K_RESTORED_AT, Store
from . import errors as e
from . import protocol as p
from .pull import PullMixin
from .push import PushMixin
from .recovery import RecoveryMixin
from .report import SyncReport
from .verify import VerifyMixin


class SyncClient(RecoveryMixin, PushMixin, PullMixin, VerifyMixin):
    """Talks to one server for one desk store. `transport` lets tests inject faults."""

    def sms_outcomes(self, report: SyncReport) -> None:
        """Ask what became of the office's SMS notices still open, and keep the answer (a server
        from before the question answers 404: nothing is learnt, the round goes on)."""
        from ..services import sms_outcomes

        ids = sms_outcomes.to_ask(self.store)
        if not ids:
            return
        try:
            answer = self.call("POST", "/v1/sms-outcomes", p.SmsOutcomesResponse,
                               json=p.SmsOutcomesRequest(event_ids=ids).model_dump(mode="json"))
        except e.Refused:
            return
        report.sms_changed = sms_outcomes.keep(self.store, (
            sms_outcomes.Outcome(o.event_id, o.status, o.attempts, o.last_error, o.sent_at) for o in answer.outcomes))

    # -- one round -------------------------------------------------------------------------------

    def sync_once(self) -> SyncReport:
        report = SyncReport()
        try:
            self.hello(report)
            self.push(report)
            summary = self.pull(report)
            from .attachments import sync_attachments

            sync_attachments(self, report)
            self.sms_outcomes(report)
            self.verify(report, summary)
            if report.mismatches:
                raise e.Mismatch(e.MSG_MISMATCH, "; ".join(report.mismatches))
            report.ok = True
        except e.SyncError as exc:
            report.ok, report.error, report.error_detail = False, exc.message, exc.detail
            report.failure = type(exc).__name__
        finally:
            _log_round(self.store, report)
        return report


def _log_round(store: Store, report: SyncReport) -> None:
    now = utcnow()
    try:
        with store.transaction() as s:
            s.add(SyncLog(id=new_id(), started_at=report.started_at, finished_at=now, ok=report.ok,
                          pushed=report.pushed, pulled=report.pulled + report.snapshot, rejected=report.rejected,
                          message=report.summary_line()))
            store.set_state(s, K_LAST_TRY, now.isoformat())
            store.set_state(s, K_LAST_FAILURE, "" if report.ok else (report.failure or "SyncError"))
            store.set_state(s, K_LAST_ERROR, "" if report.ok else (report.error or ""))
            if report.ok:
                store.set_state(s, K_LAST_OK, now.isoformat())
                restored = s.get(DeskState, K_RESTORED_AT)
                if restored is not None and restored.value:  # restored from a backup: now caught up
                    restored.value = ""
    except Exception:  # the history is a courtesy; never let it hide the round's own outcome
        if report.ok:
            raise


def sync_once(store: Store, *, transport: httpx.BaseTransport | None = None, **options: Any) -> SyncReport:
    """One round for an enrolled desk store: push, pull (snapshot the first time), verify."""
    client = SyncClient(store, transport=transport, **options)
    try:
        return client.sync_once()
    finally:
        client.close()
