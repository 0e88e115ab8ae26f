"""A scan uploaded over a slow link (a rural office's few hundred kbit/s): every chunk must get its
answer within the desk's timeout, a cut upload resumes where the server stopped, and the clerk is
told how far it got. The server is real (uvicorn on 127.0.0.1, SQLite); the link is a transport
that takes the time the bytes would take, scaled down so the test stays fast."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select

from kanoon_desk.models import Event
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.sync import client, state
from kanoon_desk.sync import errors as e
from kanoon_desk.sync.report import ATTACHMENT_PARTIAL

from .helpers import PDF, LiveServer, desk_with_a_scan, enrol, on_server


class SlowLink(httpx.BaseTransport):
    """Real HTTP to the server, at `rate` bytes a second for a file's upload: a body that takes
    longer than `timeout` to cross is, like on a real link, taken by the server in the end, but its
    answer comes after the desk stopped waiting (a read timeout). After `cut_after` bytes of file
    the connection is cut for good."""

    def __init__(self, rate: float, timeout: float, cut_after: int | None = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.rate, self.timeout, self.cut_after = rate, timeout, cut_after
        self.sent = 0  # bytes of file that crossed
        self.longest = 0.0  # the longest a chunk's request took

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        upload = request.method == "PUT" and request.url.path.startswith("/v1/attachments/")
        if not upload:
            response = self.inner.handle_request(request)
            response.read()
            return response
        if self.cut_after is not None and self.sent + len(body) > self.cut_after:
            raise httpx.ConnectError("fault: the link is down", request=request)
        takes = len(body) / self.rate
        self.longest = max(self.longest, min(takes, self.timeout))
        if takes > self.timeout:
            time.sleep(self.timeout)
            self.inner.handle_request(httpx.Request(request.method, request.url, headers=request.headers,
                                                    content=body)).read()
            self.sent += len(body)
            raise httpx.ReadTimeout("fault: the answer came after the desk stopped waiting", request=request)
        time.sleep(takes)
        self.sent += len(body)
        response = self.inner.handle_request(httpx.Request(request.method, request.url, headers=request.headers,
                                                           content=body))
        response.read()
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_scan_goes_up_over_a_link_too_slow_for_a_whole_chunk_within_the_timeout(
        live: LiveServer, tmp_path: Path) -> None:
    """At 20 kB/s a 1 MB chunk takes 50 s, past the desk's 30 s: every chunk's answer was lost,
    each round failed after two minutes and the scan never reached the server. (Here scaled: 600
    kB/s against a 1 s timeout.) The chunks now fit the link."""
    desk, sha = desk_with_a_scan(live, tmp_path)
    link = SlowLink(rate=600_000, timeout=1.0)
    report = client.sync_once(desk, transport=link, timeout=1.0, backoff=0.01)
    assert report.ok and report.uploaded == 1, report.summary_line()
    assert hashlib.sha256(on_server(live, desk, sha)).hexdigest() == sha
    assert link.longest < 1.0
    assert link.sent < len(PDF) * 1.3  # chunks sized to the link, not sent over and over


def test_an_upload_cut_at_sixty_percent_says_how_far_and_resumes_there(live: LiveServer, tmp_path: Path) -> None:
    desk, sha = desk_with_a_scan(live, tmp_path)
    cut = SlowLink(rate=50_000_000, timeout=5.0, cut_after=int(len(PDF) * 0.6))
    report = client.sync_once(desk, transport=cut, backoff=0.01)
    assert not report.ok and report.error == e.MSG_ATTACHMENTS_CUT, report.summary_line()
    assert report.pushed > 0 and state.pending_count(desk) == 0  # the events went before the file
    partial = [w for w in report.warnings if w.template == ATTACHMENT_PARTIAL]
    assert len(partial) == 1, report.warnings
    said = dict(partial[0].params)
    assert said["sha"] == sha[:12] and 40 <= said["percent"] <= 60, said
    assert f"{said['percent']}٪" in report.summary_line()
    # the next round sends only the rest, and the server holds the file and each event once
    rest = SlowLink(rate=50_000_000, timeout=5.0)
    again = client.sync_once(desk, transport=rest, backoff=0.01)
    assert again.ok and again.uploaded == 1 and again.pushed == 0, again.summary_line()
    assert rest.sent <= len(PDF) - cut.sent + 1
    assert on_server(live, desk, sha) == PDF
    with desk.read() as s:
        mine = set(s.scalars(select(Event.id).where(Event.client_seq.is_not(None))))
    with live.db.read() as s:
        held = s.scalar(select(func.count()).select_from(ServerEvent).where(ServerEvent.id.in_(mine)))
    assert held == len(mine) > 0


class Silent:
    """A server that takes connections and never answers (a hung proxy, a server stuck on a lock)."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


def test_a_server_that_never_answers_is_given_up_after_one_timeout_not_four(live: LiveServer,
                                                                          tmp_path: Path) -> None:
    """«همگام‌سازی اکنون» against a server that took the connection and said nothing kept the clerk
    waiting two minutes (the 30 s timeout, tried four times) before «آفلاین». A request is now
    tried again only while less than one timeout has gone by (a refused or cut connection is
    still tried again at once, as before)."""
    (tmp_path / "a").mkdir()
    desk = enrol(live, tmp_path / "a" / "desk.sqlite3", "13")
    silent = Silent()
    try:
        began = time.monotonic()
        report = client.sync_once(desk, base_url=silent.url, timeout=0.5, backoff=0.01)
        took = time.monotonic() - began
    finally:
        silent.close()
    assert not report.ok and report.failure == "Offline" and report.error == e.MSG_OFFLINE, report.summary_line()
    assert took < 1.5, took
    assert client.sync_once(desk).ok  # the real server again: nothing was lost on the way
