"""A long or failing round as the desk lives it: how far it is (`RoundControl.tell`), a clerk's
stop between chunks that loses nothing, a link cut half-way through the server's answer said as
such, and the files a round moved counted in its summary line."""

from __future__ import annotations

from pathlib import Path

import httpx

from kanoon_desk.sync import client, state
from kanoon_desk.sync import errors as e
from kanoon_desk.sync.progress import PUSH, UPLOAD, Progress, RoundControl
from kanoon_desk.sync.report import ATTACHMENT_PARTIAL

from .helpers import PDF, LiveServer, bootstrap_admin, desk_with_a_scan, enrol, on_server


def test_a_round_tells_how_far_it_is_and_its_summary_counts_the_file_it_sent(live: LiveServer,
                                                                             tmp_path: Path) -> None:
    """The summary line said «۳ رویداد فرستاده، ۰ رویداد دریافت» after a round that moved an
    18 MB scan for a quarter of an hour: the file is now counted, with its size."""
    desk, _sha = desk_with_a_scan(live, tmp_path)
    waiting = state.pending_count(desk)
    steps: list[Progress] = []
    report = client.sync_once(desk, control=RoundControl(steps.append))
    assert report.ok and report.uploaded == 1 and report.uploaded_bytes == len(PDF), report.summary_line()
    pushes = [s for s in steps if s.stage == PUSH]
    assert pushes[0] == Progress(PUSH, 0, waiting) and pushes[-1] == Progress(PUSH, waiting, waiting)
    uploads = [s for s in steps if s.stage == UPLOAD]
    assert uploads[0] == Progress(UPLOAD, 0, len(PDF), "scan.pdf")
    assert uploads[-1] == Progress(UPLOAD, len(PDF), len(PDF), "scan.pdf")
    assert len(uploads) > 2  # chunk by chunk
    fa, _, en = report.summary_line().partition(" | ")
    assert fa.endswith("، 1 پیوست فرستاده (1 مگابایت)"), fa
    assert "1 attachment sent (1 MB)" in en


def test_a_round_stopped_mid_upload_stops_between_chunks_and_the_next_goes_on_from_there(
        live: LiveServer, tmp_path: Path) -> None:
    desk, sha = desk_with_a_scan(live, tmp_path)
    control: RoundControl

    def watch(step: Progress) -> None:  # the clerk presses «توقف» once the first chunk is across
        if step.stage == UPLOAD and 0 < step.done < step.total:
            control.stop()

    control = RoundControl(watch)
    report = client.sync_once(desk, control=control)
    assert not report.ok and report.failure == "Stopped" and report.error == e.MSG_STOPPED, report.summary_line()
    assert report.pushed > 0 and state.pending_count(desk) == 0  # the events went before the file
    [partial] = [w for w in report.warnings if w.template == ATTACHMENT_PARTIAL]
    said = dict(partial.params)
    assert said["sha"] == sha[:12] and 0 < said["percent"] < 100, said
    held = on_server(live, desk, sha)
    assert held == b""  # not whole on the server: nothing half-applied is served
    again = client.sync_once(desk)
    assert again.ok and again.uploaded == 1 and again.pushed == 0, again.summary_line()
    assert on_server(live, desk, sha) == PDF


class CutMidReply(httpx.BaseTransport):
    """The server takes the request; the link drops while its answer comes (`exc` at `path`)."""

    def __init__(self, path: str, exc: type[httpx.TransportError]) -> None:
        self.inner = httpx.HTTPTransport()
        self.path, self.exc = path, exc

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(self.path):
            if self.exc is httpx.ConnectError:
                raise httpx.ConnectError("All connection attempts failed", request=request)
            self.inner.handle_request(request).read()  # the server did its part
            raise self.exc("peer closed connection without sending complete message body", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_a_link_cut_mid_reply_is_not_said_to_be_a_server_out_of_reach(live: LiveServer, tmp_path: Path) -> None:
    """A server that answered, with the connection lost half-way through its answer, was said to
    be «کارگزار مرکزی در دسترس نیست». A connection that never got there still is."""
    (tmp_path / "a").mkdir()
    desk = enrol(live, tmp_path / "a" / "desk.sqlite3", "13")
    bootstrap_admin(desk)
    cut = client.sync_once(desk, transport=CutMidReply("/pull", httpx.RemoteProtocolError), backoff=0.01)
    assert not cut.ok and cut.error == e.MSG_CUT and cut.failure == "Offline", cut.summary_line()
    assert "اتصال با کارگزار در میانه قطع شد" in cut.summary_line()
    unreachable = client.sync_once(desk, transport=CutMidReply("/pull", httpx.ConnectError), backoff=0.01)
    assert unreachable.error == e.MSG_OFFLINE and unreachable.failure == "Offline"
    assert client.sync_once(desk).ok
