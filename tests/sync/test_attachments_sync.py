"""A scanned document attached on one desk reaches the office's other desk through the server,
through cut connections; the server keeps its size limit while it reads an upload."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kanoon_desk import state_keys
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services.secretariat_files import attachment_path
from kanoon_desk.sync import client, state
from kanoon_desk.sync.report import ATTACHMENT_NOT_HERE, ATTACHMENT_PENDING
from tests.secretariat_helpers import case_input

from .helpers import FaultPlan, FaultyTransport, LiveServer, bootstrap_admin, enrol

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 6000 + b"\n%%EOF\n"  # ~1.5 MB: two upload chunks


def test_attachment_goes_up_resumably_and_comes_down(server: LiveServer, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    receipt = sec.intake(a, admin, case_input())
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    sec.add_attachment(a, admin, receipt.case_id, scan)
    sha = hashlib.sha256(PDF).hexdigest()
    # an earlier round was cut after the first 100 kB reached the server
    headers = {"Authorization": f"Bearer {a.identity.device_id}:{a.get_state(state_keys.K_SECRET)}"}
    r = httpx.put(f"{server.url}/v1/attachments/{sha}", content=PDF[:100_000],
                  headers={**headers, "Content-Range": f"bytes 0-99999/{len(PDF)}"})
    assert r.status_code == 200 and r.json()["received"] == 100_000
    report = client.sync_once(a)
    assert report.ok and report.uploaded == 1, report.summary_line()
    assert httpx.get(f"{server.url}/v1/attachments/{sha}", headers=headers).content == PDF
    report = client.sync_once(b)
    assert report.ok and report.downloaded == 1, report.summary_line()
    assert attachment_path(b, sha).read_bytes() == PDF
    again = client.sync_once(b)
    assert again.ok and again.downloaded == 0 and client.sync_once(a).uploaded == 0


def test_scan_positions_pass_events_that_name_no_file(server: LiveServer, tmp_path: Path) -> None:
    """Only events naming a file are read, yet each round's scan position moves to the newest
    event it has seen to, and a file named after events without one still travels."""
    from sqlalchemy import func, select

    from kanoon_desk.models import Event
    from kanoon_desk.sync.attachments import K_DOWN, K_UP

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    first = sec.intake(a, admin, case_input(1))
    scan = tmp_path / "one.pdf"
    scan.write_bytes(b"%PDF-1.4 one")
    sec.add_attachment(a, admin, first.case_id, scan)
    sec.intake(a, admin, case_input(2))  # newer events, no file
    assert client.sync_once(a).uploaded == 1
    assert int(a.get_state(K_UP) or 0) == int(a.get_state("sync.acked_seq") or 0) > 0
    assert client.sync_once(b).downloaded == 1
    with b.read() as s:
        newest = s.scalar(select(func.max(Event.server_seq)).where(Event.client_seq.is_(None)))
    assert int(b.get_state(K_DOWN) or 0) == newest
    other = tmp_path / "two.pdf"
    other.write_bytes(b"%PDF-1.4 two")
    sec.add_attachment(a, admin, first.case_id, other)
    assert client.sync_once(a).uploaded == 1
    assert client.sync_once(b).downloaded == 1
    assert attachment_path(b, hashlib.sha256(b"%PDF-1.4 two").hexdigest()).read_bytes() == b"%PDF-1.4 two"
    assert client.sync_once(b).downloaded == 0 and client.sync_once(a).uploaded == 0


class CutFiles(FaultyTransport):
    """Cuts the connection of file transfers (PUT and GET of /v1/attachments/<sha>), the next
    `cuts` of them (-1: all): alternately before the request reaches the server and after the
    server acted (the answer lost). Everything else goes through untouched."""

    def __init__(self, cuts: int) -> None:
        super().__init__(plan=FaultPlan(drop=0, lose_reply=0, repeat=0, delay=0, replay_old=0))
        self.cuts, self.made = cuts, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        transfer = request.url.path.startswith("/v1/attachments/") and not request.url.path.endswith("/status")
        if not transfer or self.cuts == 0:
            return self._send(request)
        self.cuts -= 1
        self.made += 1
        if self.made % 2:
            raise httpx.ConnectError("fault: connection cut", request=request)
        self._send(request)
        raise httpx.RemoteProtocolError("fault: connection cut after the server acted", request=request)


def _desk_with_a_scan(server: LiveServer, tmp_path: Path) -> tuple[client.Store, str]:
    (tmp_path / "a").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    receipt = sec.intake(a, admin, case_input())
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    sec.add_attachment(a, admin, receipt.case_id, scan)
    return a, hashlib.sha256(PDF).hexdigest()


def test_a_file_transfer_cut_a_few_times_is_tried_again(server: LiveServer, tmp_path: Path) -> None:
    a, sha = _desk_with_a_scan(server, tmp_path)
    cut = CutFiles(cuts=3)
    report = client.sync_once(a, transport=cut, backoff=0.01)
    assert report.ok and report.uploaded == 1 and cut.made == 3, report.summary_line()
    (tmp_path / "b").mkdir()
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13", first_sync=False)
    down = CutFiles(cuts=2)
    report = client.sync_once(b, transport=down, backoff=0.01)
    assert report.ok and report.downloaded == 1 and down.made == 2, report.summary_line()
    assert attachment_path(b, sha).read_bytes() == PDF


def test_a_connection_that_stays_cut_fails_the_round_with_a_reason(server: LiveServer, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from kanoon_desk.models.sync import SyncLog
    from kanoon_desk.sync import cli
    from kanoon_desk.sync import errors as e

    a, sha = _desk_with_a_scan(server, tmp_path)
    report = client.sync_once(a, transport=CutFiles(cuts=-1), backoff=0.01)
    assert not report.ok and report.error == e.MSG_ATTACHMENTS_CUT, report.summary_line()
    assert report.pushed > 0 and state.pending_count(a) == 0  # the events went before the files
    assert "attachment" in report.error_detail
    with a.read() as s:
        newest = s.scalars(select(SyncLog).order_by(SyncLog.started_at.desc())).first()
    assert newest is not None and not newest.ok and e.MSG_ATTACHMENTS_CUT in newest.message
    # the command line says so in one line, exit code 1, no traceback
    monkeypatch.setattr(cli, "sync_once", lambda store, **kw: client.sync_once(
        store, transport=CutFiles(cuts=-1), backoff=0.01, **kw))
    path = a.path
    a.close()
    assert cli.main(["sync", "--db", str(path)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert e.MSG_ATTACHMENTS_CUT in err and "Traceback" not in err
    monkeypatch.undo()
    again = client.sync_once(client.Store(path))
    assert again.ok and again.uploaded == 1, again.summary_line()
    assert hashlib.sha256(httpx.get(f"{server.url}/v1/attachments/{sha}", headers=_creds(path)).content
                          ).hexdigest() == sha


def _creds(path: Path) -> dict[str, str]:
    store = client.Store(path)
    try:
        return {"Authorization": f"Bearer {store.identity.device_id}:{store.get_state(state_keys.K_SECRET)}"}
    finally:
        store.close()


def test_an_upload_without_a_length_is_refused_while_it_is_read(server: LiveServer, tmp_path: Path) -> None:
    """A chunked body past the limit is answered 413 at the chunk that passes it: the server does
    not read (and hold) the rest."""
    import asyncio

    a = enrol(server, tmp_path / "a.sqlite3", "13")
    headers = {"Authorization": f"Bearer {a.identity.device_id}:{a.get_state(state_keys.K_SECRET)}"}
    server.app.state.files.max_bytes = 10_000
    pulled = []

    async def body() -> Any:
        for i in range(100):
            pulled.append(i)
            yield b"x" * 1000

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=server.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://desk") as http:
            return await http.put(f"/v1/attachments/{'a' * 64}", content=body(), headers=headers)

    r = asyncio.run(send())
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    assert len(pulled) <= 12  # refused at the eleventh kilobyte, not after the hundredth
    small = httpx.put(f"{server.url}/v1/attachments/{'b' * 64}", content=iter([b"y" * 100]), headers=headers)
    assert small.status_code == 422  # read whole and checked (its name is not its SHA-256)


def test_a_file_the_server_lacks_is_skipped_kept_and_fetched_later(server: LiveServer, tmp_path: Path) -> None:
    """The first of two scans is not on the server (its desk lost the file): the other desk fetches
    the second anyway and asks for the first again each round; the desk that lost it says so,
    and sends it once the file is back."""
    from kanoon_desk.sync.attachments import K_MISSING, K_UNSENT

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    shas = []
    for n, body in ((1, b"%PDF-1.4 first"), (2, b"%PDF-1.4 second")):
        scan = tmp_path / f"scan{n}.pdf"
        scan.write_bytes(body)
        sec.add_attachment(a, admin, sec.intake(a, admin, case_input(n)).case_id, scan)
        shas.append(hashlib.sha256(body).hexdigest())
    lost = attachment_path(a, shas[0])
    lost.unlink()  # the attachments folder was not restored with the store
    report = client.sync_once(a)
    assert report.ok and report.uploaded == 1, report.summary_line()
    assert [w.template for w in report.warnings] == [ATTACHMENT_NOT_HERE]
    assert dict(report.warnings[0].params)["sha"] == shas[0][:12] and shas[0] in (a.get_state(K_UNSENT) or "")
    got = client.sync_once(b)
    assert got.ok and got.downloaded == 1, got.summary_line()  # the second came, past the first
    assert attachment_path(b, shas[1]).is_file() and not attachment_path(b, shas[0]).exists()
    assert [w.template for w in got.warnings] == [ATTACHMENT_PENDING]
    assert client.sync_once(b).downloaded == 0  # asked again, still not there, still said
    lost.write_bytes(b"%PDF-1.4 first")  # put back
    again = client.sync_once(a)
    assert again.uploaded == 1 and not again.warnings and a.get_state(K_UNSENT) == "[]"
    last = client.sync_once(b)
    assert last.downloaded == 1 and not last.warnings and b.get_state(K_MISSING) == "[]"
    assert attachment_path(b, shas[0]).read_bytes() == b"%PDF-1.4 first"


def test_a_file_goes_only_to_an_office_that_sees_an_event_naming_it(server: LiveServer, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    same = enrol(server, tmp_path / "same.sqlite3", "13")
    other = enrol(server, tmp_path / "other.sqlite3", "21")
    admin = bootstrap_admin(a)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 an applicant's letter")
    sec.add_attachment(a, admin, sec.intake(a, admin, case_input(1)).case_id, scan)
    assert client.sync_once(a).uploaded == 1
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()

    def fetch(desk: client.Store) -> int:
        headers = {"Authorization": f"Bearer {desk.identity.device_id}:{desk.get_state(state_keys.K_SECRET)}"}
        return httpx.get(f"{server.url}/v1/attachments/{sha}", headers=headers).status_code

    assert fetch(same) == 200
    assert fetch(other) == 404  # another office's case: its file is not that office's to read
    assert fetch(a) == 200
    assert httpx.get(f"{server.url}/v1/attachments/not-a-sha", headers={
        "Authorization": f"Bearer {a.identity.device_id}:{a.get_state(state_keys.K_SECRET)}"}).status_code == 400


def test_a_scan_taken_off_on_one_desk_leaves_the_case_on_the_other(server: LiveServer, tmp_path: Path) -> None:
    """The removal is one more event: it travels like any other, and the desk that gets the scan
    and its removal in one pull folds them to the same list (the scan gone, the removal told)."""
    from kanoon_desk.services import secretariat_query as q

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    c = enrol(server, tmp_path / "c" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    receipt = sec.intake(a, admin, case_input())
    right, wrong = tmp_path / "right.pdf", tmp_path / "wrong.pdf"
    right.write_bytes(b"%PDF-1.4 right")
    wrong.write_bytes(b"%PDF-1.4 someone else's")
    sec.add_attachment(a, admin, receipt.case_id, right)
    sec.add_attachment(a, admin, receipt.case_id, wrong)
    assert client.sync_once(a).ok and client.sync_once(b).ok
    assert len(q.get_case(b, admin, receipt.case_id).attachments) == 2
    gone = q.get_case(a, admin, receipt.case_id).attachments[1]
    sec.remove_attachment(a, admin, receipt.case_id, gone["id"], reason="سند شخص دیگری")
    assert client.sync_once(a).ok
    for desk in (b, c):  # b had the scan, c gets both at once
        assert client.sync_once(desk).ok
        d = q.get_case(desk, admin, receipt.case_id)
        assert [x["filename"] for x in d.attachments] == ["right.pdf"]
        assert d.timeline[-1].type == "case.attachment_removed"


def test_a_scan_a_power_cut_left_cut_off_is_fetched_again_and_never_sent_cut_off(
        server: LiveServer, tmp_path: Path) -> None:
    """A scan's file was named before its bytes reached the disk: after a power cut it could be
    there empty, taken for the scan at every later round (never fetched again on the desk that
    downloaded it, and sent as it was by the desk that took it). Now a file is on the disk before
    its name; one whose bytes are not its digest's is fetched again, and not sent."""
    from kanoon_desk.sync.attachments import K_DOWN

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = enrol(server, tmp_path / "a" / "desk.sqlite3", "13")
    b = enrol(server, tmp_path / "b" / "desk.sqlite3", "13")
    admin = bootstrap_admin(a)
    case = sec.intake(a, admin, case_input(1)).case_id
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    sha = hashlib.sha256(PDF).hexdigest()
    sec.add_attachment(a, admin, case, scan)
    assert client.sync_once(a).uploaded == 1
    down_from = b.get_state(K_DOWN)
    assert client.sync_once(b).downloaded == 1
    # the power cut: b's file named but empty, and the round's position not yet kept
    attachment_path(b, sha).write_bytes(b"")
    with b.transaction() as s:
        b.set_state(s, K_DOWN, down_from or "0")
    report = client.sync_once(b)
    assert report.ok and report.downloaded == 1, report.summary_line()
    assert attachment_path(b, sha).read_bytes() == PDF
    # a's own new scan cut off by a power cut before its first upload: said, not sent cut off
    other = tmp_path / "other.pdf"
    other.write_bytes(PDF + b"%2\n")
    other_sha = hashlib.sha256(PDF + b"%2\n").hexdigest()
    sec.add_attachment(a, admin, case, other)
    attachment_path(a, other_sha).write_bytes(PDF[:1000])
    report = client.sync_once(a)
    assert report.uploaded == 0
    assert [w.template for w in report.warnings] == [ATTACHMENT_NOT_HERE]
    headers = {"Authorization": f"Bearer {a.identity.device_id}:{a.get_state(state_keys.K_SECRET)}"}
    assert httpx.get(f"{server.url}/v1/attachments/{other_sha}", headers=headers).status_code == 404
    # the clerk adds the scan again (from the paper): it is written whole, and goes up
    sec.add_attachment(a, admin, sec.intake(a, admin, case_input(2)).case_id, other)
    assert attachment_path(a, other_sha).read_bytes() == PDF + b"%2\n"
    assert client.sync_once(a).ok
    assert httpx.get(f"{server.url}/v1/attachments/{other_sha}", headers=headers).content == PDF + b"%2\n"
