"""A round's first contact (`hello`): the store's name, and own events taken back from the server.

A desk restored from a backup older than its last push lacks events of its own that the server
holds: it takes them back and numbers its unsent ones past them (`RecoveryMixin.recover`).
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, func, select, update

from .. import eventlog
from ..ids import new_id
from ..models import DeskState, Event
from ..models.sync import SyncRejection
from ..services.numbers import numbers_issued
from ..state_keys import K_ACKED, K_CURSOR, K_DIGESTS, K_STORE, K_STORE_NEXT
from . import errors as e
from . import protocol as p
from .pull import _collector_paused, _event_row
from .push import EVENTS
from .report import RECOVERED, SERVER_BEHIND, SyncReport, SyncWarning
from .transport import Connection
from .verify import _ROWID

#: The server's reason for an event whose client sequence number another event of the device
#: holds (`server.exchange_checks._seq_used`): refused so before desks took their own events back.
SEQ_USED_PREFIX = "client sequence number "


class RecoveryMixin(Connection):
    """`SyncClient`'s first step of a round: `hello`, and `recover` when the server holds more."""

    # -- first contact: the store's name, and own events the server holds that this desk lacks ---

    def hello(self, report: SyncReport) -> None:
        """The round's first request: the server checks this store's name (a copy of the desk on
        another computer is refused, `e.StoreCopied`) and says the highest client sequence number
        it holds from this device; past this desk's own, the desk takes its own events back
        (`recover`). A server from before `hello` (404) is not asked again this round."""
        name = self.store.get_state(K_STORE)
        if not name:
            name = new_id()
            with self.store.transaction() as s:
                self.store.set_state(s, K_STORE, name)
        pending = self.store.get_state(K_STORE_NEXT)
        cursor = self.store.get_state(K_CURSOR)
        seen = self._seen() if cursor is not None else None
        try:
            try:
                answer = self._hello(name, pending, None if cursor is None else int(cursor), seen)
            except e.Refused as exc:  # a server from before the cursor's check (422, extra fields)
                if cursor is None or not exc.detail.startswith("HTTP 422"):
                    raise
                answer = self._hello(name, pending)
        except e.Refused as exc:
            if exc.detail.startswith("HTTP 404"):
                self._server_new_enough()
                return
            raise
        self._store_name = pending or name
        self._after_reply(report, answer.server_hlc, answer.server_time_ms)
        self.recover(report, answer.last_client_seq, name, pending)
        if answer.pull_from is not None:
            self.rewind(report, answer.pull_from)

    def _server_new_enough(self) -> None:
        """A server from before `hello`: nothing is sent to one older than `p.MIN_SERVER_PROTOCOL`
        (`e.ServerUpgradeRequired`, before the push), the outbox kept for the updated server."""
        health = self.call("GET", "/v1/health", p.HealthResponse, authenticated=False)
        if health.protocol_version < p.MIN_SERVER_PROTOCOL:
            raise e.ServerUpgradeRequired(e.MSG_SERVER_UPGRADE, (
                f"the server speaks protocol {health.protocol_version}, this desk needs {p.MIN_SERVER_PROTOCOL} "
                "or later (a server of protocol 1 refuses the events of the office's centres): update the server"))

    def _hello(self, name: str, renamed: str | None, cursor: int | None = None,
               seen: list[p.Seen] | None = None) -> p.HelloResponse:
        req = p.HelloRequest(store_id=name, next_store_id=renamed, cursor=cursor, seen=seen)
        return self.call("POST", "/v1/hello", p.HelloResponse, json=req.model_dump(mode="json", exclude_none=True))

    def _seen(self) -> list[p.Seen]:
        """A few events this desk holds with their place on the server, for the server to check its
        cursor (`p.HelloRequest.seen`): the newest stored, then further and further back (by the
        order they were stored here: 1, 2, 4, 8 … rows before), each found from the rowid's index."""
        seen: dict[int, str] = {}
        with self.store.read() as s:
            top = s.scalar(select(func.max(_ROWID)).select_from(Event).where(Event.server_seq.is_not(None)))
            step = 0
            while top is not None and top > 0 and len(seen) < p.MAX_SEEN:
                row = s.execute(select(_ROWID, Event.server_seq, Event.id).where(
                    _ROWID <= top, Event.server_seq.is_not(None)).order_by(_ROWID.desc()).limit(1)).first()
                if row is None:
                    break
                seen.setdefault(int(row[1]), row[2])
                step = 1 if step == 0 else step * 2
                top = int(row[0]) - step
        return [p.Seen(server_seq=seq, id=event_id) for seq, event_id in seen.items()]

    def rewind(self, report: SyncReport, pull_from: int) -> None:
        """The server no longer holds what this desk saw past `pull_from` (it was restored from an
        older backup): pulls go on from there, so the events it holds there now (sent again by
        their desks, or new) are not skipped. Events of other desks this desk holds past that place
        lose it (the server gives them a new one when they come again, or has lost them); the
        events held are not folded twice (a pull skips them by id)."""
        cursor = self._int_state(K_CURSOR)
        if pull_from >= cursor:
            return
        me = self.store.identity.device_id
        with self.store.transaction() as s:
            s.execute(update(EVENTS).where(EVENTS.c.server_seq > pull_from, EVENTS.c.device_id != me)
                      .values(server_seq=None))
            self.store.set_state(s, K_CURSOR, str(pull_from))
            self.store.set_state(s, K_DIGESTS, "")  # counted again without them (`local_summary`)
            eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.rewound",
                           detail=f"the server no longer holds what this desk pulled after {pull_from} "
                                  f"(cursor was {cursor}): pulled again from there")
        _server_behind(report)

    def recover(self, report: SyncReport, last: int, name: str, pending: str | None) -> None:
        """Take back the device's own events the server holds and this desk does not (it was
        restored from a backup older than its last push), and number the desk's events not yet
        sent past the server's number, so nothing is lost and nothing is sent twice.

        The server holds events of this device up to client sequence number `last`; the desk's
        own acknowledged position is lower, or some of its events were refused because their
        number was taken (by a desk before this one recovered). The events the server holds past
        the lower of those are fetched: those the desk holds are acknowledged, the others are
        folded in like pulled ones (own events, with no outbox number). If any was missing, the
        store takes a new name on the server first (`p.HelloRequest`: a copy of the store under
        the old name is refused from then on), then one local transaction folds them, renumbers
        the outbox and the refused events past `last`, and stores the new name."""
        acked = self._int_state(K_ACKED)
        with self.store.read() as s:
            reused = dict(s.execute(select(SyncRejection.event_id, SyncRejection.client_seq).where(
                SyncRejection.reason.startswith(SEQ_USED_PREFIX, autoescape=True))).all())
        if last < acked:  # the server lost events it had taken from this desk: they go again
            with self.store.transaction() as s:
                self.store.set_state(s, K_ACKED, str(last))
                eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.resend",
                               detail=f"the server holds this desk's events up to {last}, not up to {acked}: "
                                      f"sent again from {last + 1}")
            _server_behind(report)
            return
        if last == acked and not reused and pending is None:
            return
        floor = min([acked, *(seq - 1 for seq in reused.values())])
        with self.store.read() as s:
            cursor = int(s.scalar(select(func.max(Event.server_seq)).where(Event.client_seq <= floor)) or 0)
        theirs: list[p.EventOut] = []
        while True:
            page = self.call("GET", "/v1/own-events", p.OwnEventsResponse,
                             params={"after": floor, "cursor": cursor, "limit": self.snapshot_page_size})
            self._after_reply(report, page.server_hlc, page.server_time_ms)
            theirs += page.events
            last, cursor = max(last, page.last_client_seq), page.next_cursor
            if not page.has_more:
                break
        with self.store.read() as s:
            held = eventlog.held_ids(s, [ev.id for ev in theirs])
        lost = [ev for ev in theirs if ev.id not in held]
        if not lost and not reused and pending is None:
            return  # a reply lost after the server stored: the push is answered "duplicate"
        if pending is None:  # the new name first: from now on the server refuses the old one
            pending = new_id()
            with self.store.transaction() as s:
                self.store.set_state(s, K_STORE_NEXT, pending)
            self._hello(name, pending)
            self._store_name = pending
        known = {ev.id: ev.server_seq for ev in theirs if ev.id in held}
        with _collector_paused(), self.store.transaction() as s:
            fresh = eventlog.ingest(s, [_event_row(ev) for ev in lost], audited=False)
            if known:
                s.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id"))
                          .values(server_seq=bindparam("seq")),
                          [{"event_id": k, "seq": v} for k, v in known.items()])
            outbox = [r[0] for r in s.execute(
                select(EVENTS.c.id).where(((EVENTS.c.client_seq > acked) & EVENTS.c.id.not_in(list(known)))
                                          | EVENTS.c.id.in_(list(reused))).order_by(EVENTS.c.client_seq))]
            if outbox:  # numbered past the server's, in their order (negative first: the numbers are unique)
                s.execute(update(EVENTS).where(EVENTS.c.id.in_(outbox)).values(client_seq=-EVENTS.c.client_seq))
                s.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id"))
                          .values(client_seq=bindparam("seq")),
                          [{"event_id": event_id, "seq": last + 1 + i} for i, event_id in enumerate(outbox)])
                s.execute(delete(SyncRejection).where(SyncRejection.event_id.in_(list(reused))))
            eventlog.counter_at_least(s, "client_seq", last + len(outbox))
            ident = self.store.identity  # the numbers it issued after the backup are not issued again
            for ev in lost:
                for series, year, value in numbers_issued(ident.office_code, ident.device_no, ev.payload):
                    eventlog.counter_at_least(s, series, value, year)
            self.store.set_state(s, K_ACKED, str(max(acked, last)))
            self.store.set_state(s, K_STORE, pending)
            s.execute(delete(DeskState).where(DeskState.key == K_STORE_NEXT))
            eventlog.audit(s, user_id=eventlog.SYSTEM_USER_ID, username="sync", action="sync.recovered",
                           detail=f"{len(fresh)} own events taken back from the server (client_seq up to {last}); "
                                  f"{len(outbox)} events not yet sent numbered from {last + 1}")
        report.recovered, report.renumbered = len(fresh), len(outbox)
        if fresh or outbox:
            report.warnings.append(SyncWarning(RECOVERED, (("lost", len(fresh)), ("renumbered", len(outbox)))))


def _server_behind(report: SyncReport) -> None:
    """Say (once a round) that the server was restored from an older backup."""
    if SyncWarning(SERVER_BEHIND) not in report.warnings:
        report.warnings.append(SyncWarning(SERVER_BEHIND))
