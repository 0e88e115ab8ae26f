"""Push, pull, enrol and verify against a live server (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from kanoon_desk import state_keys
from kanoon_desk.eventlog import Actor, verify_audit_chain
from kanoon_desk.models import AuditEntry, Event, User
from kanoon_desk.models.sync import SyncRejection
from kanoon_desk.server.exchange import office_summary, office_summary_from_events
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import accounts, ops
from kanoon_desk.sync import client, protocol, state, verify
from kanoon_desk.sync.errors import SyncError
from kanoon_desk.sync.report import SERVER_BEHIND, SyncReport
from kanoon_desk.sync.transport import SKEW_RESOLUTION_MS

from .helpers import (
    FaultPlan,
    FaultyTransport,
    LiveServer,
    add_user,
    assert_running_digests,
    bootstrap_admin,
    enrol,
)


def usernames(store: client.Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(User.username)))


def server_count(server: LiveServer) -> int:
    with server.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ServerEvent)) or 0)


def assert_matches_server(server: LiveServer, store: client.Store) -> None:
    stats = ops.stats(store.path)
    with server.db.read() as s:
        theirs = office_summary(server.db, s, store.identity.office_code)
        assert theirs is not None
        # the server's running totals are what its events add up to
        assert theirs == office_summary_from_events(server.db, s, store.identity.office_code)
    mine = {t: {"events": v["events"], "digest": v["digest"]} for t, v in stats["aggregates"].items()}
    assert mine == {t: v.model_dump() for t, v in theirs.items()}
    assert_running_digests(store)


def assert_server_seqs(server: LiveServer, store: client.Store) -> None:
    """Each event the desk pushed carries the server's position for it; a refused one none."""
    with server.db.read() as s:
        theirs = dict(s.execute(select(ServerEvent.id, ServerEvent.server_seq)).all())
    with store.read() as s:
        mine = s.execute(select(Event.id, Event.server_seq).where(Event.client_seq.is_not(None))).all()
    assert mine and all(seq == theirs.get(event_id) for event_id, seq in mine), (mine, theirs)


def test_enrol_push_pull_scope_and_digests(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    b = enrol(server, tmp_path / "b.sqlite3", "13")
    c = enrol(server, tmp_path / "c.sqlite3", "21")
    assert (a.identity.device_no, b.identity.device_no, c.identity.device_no) == (1, 2, 1)
    admin = bootstrap_admin(a)
    add_user(a, admin, "clerk1")
    accounts.update_office(a, admin, name="دفتر تهران")
    report = client.sync_once(a)
    assert report.ok and report.pushed == 3 and not report.mismatches, report.summary_line()
    rb, rc = client.sync_once(b), client.sync_once(c)
    assert rb.ok and rc.ok
    assert usernames(b) == {"admin", "clerk1"}
    assert usernames(c) == set()  # users are office-scoped
    assert accounts.get_office(c, "13") is not None  # office records are shared
    assert accounts.get_office(c, "13").name == "دفتر تهران"
    for store in (a, b, c):
        assert_matches_server(server, store)
    again = client.sync_once(a)
    assert again.ok and again.pushed == 0 and again.pulled == 0
    assert state.pending_count(a) == 0


def test_a_pulled_page_is_one_audit_entry_and_the_chain_holds(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    b = enrol(server, tmp_path / "b.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(4):
        add_user(a, admin, f"user{i}")
    assert client.sync_once(a).ok
    with b.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    report = client.sync_once(b, page_size=2)  # three pages: 2 + 2 + 1 (the admin and four users)
    assert report.ok and report.pulled == 5, report.summary_line()
    with b.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "sync.received")
                                 .order_by(AuditEntry.seq)))
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before + len(entries)
        assert verify_audit_chain(s) == []
    assert [e.detail.split("; ")[1].split(" events")[0] for e in entries] == ["2", "2", "1"]
    assert all("from 13: user.created" in e.detail for e in entries)


def test_first_sync_of_an_empty_desk_counts_its_digests_from_the_snapshot(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(3):
        add_user(a, admin, f"user{i}")
    assert client.sync_once(a).ok
    b = enrol(server, tmp_path / "b.sqlite3", "13")  # snapshot: the admin and three users
    cache = verify._read_digest_cache(b.get_state(state_keys.K_DIGESTS))
    assert cache is not None and cache.totals["user"].count == 4
    with b.read() as s:
        assert cache.rowid == s.scalar(select(func.max(text("events.rowid"))).select_from(Event))
    assert_running_digests(b)  # what the pages gave equals a count of every event held
    assert_matches_server(server, b)


class _PushRepliesLost(FaultyTransport):
    """The faults on pushes only (the round's first word, `hello`, goes through)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/v1/push":
            return self._send(request)
        return super().handle_request(request)


def test_lost_reply_retry_is_a_no_op(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(5):
        add_user(a, admin, f"user{i}")
    # every reply to a push is lost: the server commits, the desk hears nothing and retries
    faulty = _PushRepliesLost(plan=FaultPlan(drop=0, lose_reply=1.0, repeat=0, delay=0, replay_old=0))
    failed = client.sync_once(a, transport=faulty, retries=2, backoff=0)
    assert not failed.ok and failed.error
    assert server_count(server) == 6
    assert state.pending_count(a) == 6  # the desk does not know yet
    ok = client.sync_once(a)
    assert ok.ok and ok.pushed == 0 and ok.duplicates == 6
    assert server_count(server) == 6
    assert state.pending_count(a) == 0
    assert_server_seqs(server, a)
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(Event).where(Event.server_seq.is_(None))) == 0


def test_gap_is_answered_resend_from(server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    add_user(a, admin, "u1")
    # the desk believes the server already has its first two events (e.g. the server was restored)
    with a.transaction() as s:
        a.set_state(s, state_keys.K_ACKED, "2")
    # nothing new to push: the server's first word says what it holds, and they go again at once
    # (before, the round only failed its digest check, until the desk recorded something new)
    blind = client.sync_once(a)
    assert blind.ok and blind.pushed == 2 and not blind.mismatches, blind.summary_line()
    assert [w.template for w in blind.warnings] == [SERVER_BEHIND]
    assert server_count(server) == 2
    add_user(a, admin, "u2")
    add_user(a, admin, "u3")
    with a.transaction() as s:  # and a push past what the server holds is answered "resend from"
        a.set_state(s, state_keys.K_ACKED, "3")
    with monkeypatch.context() as mp:  # a desk from before the first word: straight to the push
        mp.setattr(client.SyncClient, "hello", lambda self, report: None)
        report = client.sync_once(a)
    assert report.ok and report.resends == 1 and report.pushed == 2, report.summary_line()
    assert server_count(server) == 4
    assert_matches_server(server, a)


def test_raw_gap_answer(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    headers = {"Authorization": f"Bearer {a.identity.device_id}:{a.get_state(state_keys.K_SECRET)}"}
    body = protocol.PushRequest(device_id=a.identity.device_id, batch_id="b1", first_client_seq=7, events=[])
    r = httpx.post(server.url + "/v1/push", json=body.model_dump(mode="json"), headers=headers)
    assert r.status_code == 200 and r.json()["resend_from"] == 1


def test_rejected_event_does_not_block_the_queue(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    stranger = Actor(admin.user_id, "admin", "مدیر", "21", admin.roles)  # writes for another office
    accounts.set_holiday(a, stranger, __import__("datetime").date(2026, 3, 26), "نوروز")
    add_user(a, admin, "after")
    report = client.sync_once(a)
    assert report.ok and report.rejected == 1 and report.pushed == 2, report.summary_line()
    with a.read() as s:
        rejection = s.scalars(select(SyncRejection)).one()
    assert rejection.event_type == "holiday.set" and "scope" in rejection.reason
    assert state.pending_count(a) == 0
    assert_server_seqs(server, a)  # the refused event sits between two stored ones
    with a.read() as s:
        assert s.scalar(select(Event.server_seq).where(Event.id == rejection.event_id)) is None
    assert client.sync_once(a).ok  # verify ignores the refused event


def test_upgrade_required_is_polite(server: LiveServer, tmp_path: Path, monkeypatch: object) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    r = httpx.get(server.url + "/v1/health", headers={protocol.HEADER_PROTOCOL: "0"})
    assert r.status_code == 426 and r.json()["reason_fa"]
    import pytest

    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(protocol, "PROTOCOL_VERSION", 0)
        report = client.sync_once(a)
    finally:
        mp.undo()
    assert not report.ok and "به‌روز" in (report.error or "")
    assert "upgrade" in report.summary_line() or "protocol" in report.summary_line()


def test_sync_history_is_kept(server: LiveServer, tmp_path: Path) -> None:
    from kanoon_desk.models.sync import SyncLog

    a = enrol(server, tmp_path / "a.sqlite3", "13")
    client.sync_once(a)
    with a.read() as s:
        rows = list(s.scalars(select(SyncLog)))
    assert len(rows) == 2 and all(r.ok for r in rows)
    assert a.get_state(state_keys.K_LAST_OK)


def test_clock_skew_is_kept_and_refreshed_when_it_moves(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    assert client.sync_once(a).ok
    first = int(a.get_state(state_keys.K_SKEW) or "nan")
    assert abs(first) < SKEW_RESOLUTION_MS  # same machine: no real skew
    with a.transaction() as s:  # as if the clock had been an hour off at the last round
        a.set_state(s, state_keys.K_SKEW, str(3_600_000))
    assert client.sync_once(a).ok
    assert abs(int(a.get_state(state_keys.K_SKEW) or "nan")) < SKEW_RESOLUTION_MS


def test_a_gap_in_a_push_of_many_batches_is_resent_from_the_answer(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(9):
        add_user(a, admin, f"u{i}")
    with a.transaction() as s:  # the desk believes the server has its first two events
        a.set_state(s, state_keys.K_ACKED, "2")
    c = client.SyncClient(a, batch_size=3)
    report = SyncReport()
    try:
        c.push(report)
    finally:
        c.close()
    assert report.resends == 1 and report.pushed == 10 and report.duplicates == 0
    assert server_count(server) == 10 and state.pending_count(a) == 0
    assert_server_seqs(server, a)


class _RecordsDuringPush(httpx.BaseTransport):
    """A real transport that records one more event on the desk while the answer to push number `at`
    travels back."""

    def __init__(self, record: Callable[[], None], at: int) -> None:
        self.inner, self.record, self.at, self.pushes = httpx.HTTPTransport(), record, at, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/push"):
            self.pushes += 1
            if self.pushes == self.at:  # answered, not yet heard: the desk has read its outbox
                self.record()
        return response

    def close(self) -> None:
        self.inner.close()


def test_events_recorded_while_the_last_batch_travels_go_in_the_same_round(server: LiveServer,
                                                                         tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(5):
        add_user(a, admin, f"u{i}")  # 6 events: two batches of three
    transport = _RecordsDuringPush(lambda: add_user(a, admin, "late"), at=2)
    c = client.SyncClient(a, transport=transport, batch_size=3)
    report = SyncReport()
    try:
        c.push(report)
    finally:
        c.close()
    assert report.pushed == 7 and state.pending_count(a) == 0
    assert server_count(server) == 7 and transport.pushes == 3
    assert_server_seqs(server, a)


def test_an_outbox_hole_stops_the_push_after_the_batch_before_it_is_booked(server: LiveServer,
                                                                           tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(6):
        add_user(a, admin, f"u{i}")  # client_seq 1..7
    with a.write_engine.connect() as conn:  # a damaged store: event 5 is gone
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("DELETE FROM events WHERE client_seq = 5")
        conn.commit()
    c = client.SyncClient(a, batch_size=3)
    try:
        with pytest.raises(SyncError, match="outbox hole after client_seq 4"):
            c.push(SyncReport())
    finally:
        c.close()
    assert a.get_state(state_keys.K_ACKED) == "4"  # 1–3, then 4 alone: both answers booked
    assert server_count(server) == 4


class _SnapshotCut(httpx.BaseTransport):
    """Passes requests through; the snapshot pages after the first `pass_pages` fail as if the
    link went down. Records the cursor each snapshot request asked from."""

    def __init__(self, pass_pages: int | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.pass_pages = pass_pages
        self.cursors: list[int] = []
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/snapshot":
            with self.lock:
                self.cursors.append(int(request.url.params["cursor"]))
                cut = self.pass_pages is not None and len(self.cursors) > self.pass_pages
            if cut:
                raise httpx.ConnectError("fault: the link went down", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _office_with_users(server: LiveServer, tmp_path: Path, users: int) -> client.Store:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    for i in range(users):
        add_user(a, admin, f"user{i}")
    assert client.sync_once(a).ok
    return a


def test_a_snapshot_cut_midway_goes_on_from_its_last_stored_page(server: LiveServer, tmp_path: Path) -> None:
    _office_with_users(server, tmp_path, 6)  # 7 events: 4 pages of 2
    b = enrol(server, tmp_path / "b.sqlite3", "13", first_sync=False)
    cut = _SnapshotCut(pass_pages=2)
    failed = client.sync_once(b, transport=cut, snapshot_page_size=2, retries=0, backoff=0)
    assert not failed.ok and failed.error
    with b.read() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 4  # the two pages that came
    assert b.get_state(state_keys.K_CURSOR) is None  # not folded yet: the snapshot is not finished
    stored = int(b.get_state(state_keys.K_SNAP_CURSOR) or 0)
    assert stored > 0
    again = _SnapshotCut()
    report = client.sync_once(b, transport=again, snapshot_page_size=2)
    assert report.ok, report.summary_line()
    assert again.cursors[0] == stored  # from where it stopped, not from the start
    assert report.snapshot == 3
    assert usernames(b) == {"admin"} | {f"user{i}" for i in range(6)}
    assert_matches_server(server, b)
    with b.read() as s:
        assert verify_audit_chain(s) == []


def test_the_next_snapshot_page_is_asked_for_while_the_one_before_it_is_stored(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _office_with_users(server, tmp_path, 6)
    b = enrol(server, tmp_path / "b.sqlite3", "13", first_sync=False)
    asked: list[threading.Event] = [threading.Event() for _ in range(6)]

    class Watch(_SnapshotCut):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path == "/v1/snapshot":
                asked[len(self.cursors)].set()
            return super().handle_request(request)

    store_page = client.SyncClient._store_snapshot_page
    overlapped: list[bool] = []

    def storing(self: client.SyncClient, report: SyncReport, page: protocol.SnapshotResponse,
                digests: Any, kept: Any = None) -> None:
        if page.has_more:  # the request for the page after this one is already out
            overlapped.append(asked[len(overlapped) + 1].wait(timeout=5))
        store_page(self, report, page, digests, kept)

    monkeypatch.setattr(client.SyncClient, "_store_snapshot_page", storing)
    report = client.sync_once(b, transport=Watch(), snapshot_page_size=2)
    assert report.ok and report.snapshot == 7, report.summary_line()
    assert overlapped == [True, True, True]
    assert_matches_server(server, b)


def test_a_retried_event_whose_id_holds_a_comma_is_a_duplicate(server: LiveServer, tmp_path: Path) -> None:
    """The server's duplicate check passes a batch's ids as one value; an id is any text the
    protocol allows, a comma included, and its retry must still be found."""
    from .test_server_extras import push_raw, raw_event

    a = enrol(server, tmp_path / "a.sqlite3", "13")
    events = [{**raw_event(a, "holiday.set", "holiday", "2025-03-01", {"title": "روز"}, 10), "id": "0,a23c34-9bae-77ca-a0a8-a7e722a76200"},
              raw_event(a, "holiday.set", "holiday", "2025-03-02", {"title": "روز"}, 11)]
    first = push_raw(server, a, 1, events)
    assert first.status_code == 200, first.text
    again = push_raw(server, a, 1, events)
    assert again.status_code == 200, again.text
    assert [r["status"] for r in again.json()["results"]] == ["duplicate", "duplicate"]
    assert server_count(server) == 2
