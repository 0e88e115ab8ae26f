"""Offices do not update every desk and the server on one day: a desk and a server of different
releases either work together with nothing lost, or the round says which side to update and
nothing is sent or marked as sent (docs/COMPATIBILITY.md)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kanoon_desk.services import accounts
from kanoon_desk.sync import client
from kanoon_desk.sync import errors as e
from kanoon_desk.sync.state import K_ACKED, pending_count

from .helpers import LiveServer, bootstrap_admin, enrol


class OlderServer(httpx.BaseTransport):
    """The live server as a release from before `hello` answered: 404 for `/v1/hello`, and its
    own protocol at `/v1/health`. Every path asked is noted."""

    def __init__(self, protocol: int) -> None:
        self.protocol = protocol
        self.inner = httpx.HTTPTransport()
        self.paths: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        if request.url.path == "/v1/hello":
            return httpx.Response(404, json={"detail": "Not Found"})
        response = self.inner.handle_request(request)
        if request.url.path == "/v1/health":
            response.read()
            return httpx.Response(200, json={**response.json(), "protocol_version": self.protocol})
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_server_of_protocol_1_is_named_as_the_side_to_update_and_nothing_is_sent(
        server: LiveServer, tmp_path: Path) -> None:
    """A server of protocol 1 refused every event of the office's centres, and a refused event
    is answered for: the desk marked the centres' loans as done with and never sent them again,
    even to the server once updated. Now the round stops before its push and says the server is
    to be updated; the work goes once it is."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    accounts.create_user(a, admin, username="clerk1", full_name="کارمند", password="kanoon-1234",
                         roles={"clerk"}, must_change_password=False)
    acked, waiting = a.get_state(K_ACKED), pending_count(a)
    assert waiting == 2
    old = OlderServer(protocol=1)
    report = client.sync_once(a, transport=old)
    assert not report.ok and report.failure == e.ServerUpgradeRequired.__name__
    assert report.error == e.MSG_SERVER_UPGRADE and "کارگزار" in report.error and "به‌روز" in report.error
    assert "/v1/push" not in old.paths and "/v1/pull" not in old.paths
    assert (a.get_state(K_ACKED), pending_count(a)) == (acked, waiting)  # nothing marked as sent
    report = client.sync_once(a)  # the server updated: the same work goes, nothing lost
    assert report.ok and report.pushed == 2, report.summary_line()


@pytest.mark.parametrize("protocol", [2, 3])
def test_a_server_from_before_hello_of_protocol_2_or_later_still_syncs(
        server: LiveServer, tmp_path: Path, protocol: int) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    bootstrap_admin(a)
    old = OlderServer(protocol=protocol)
    report = client.sync_once(a, transport=old)
    assert report.ok and report.pushed == 1, report.summary_line()
    assert "/v1/push" in old.paths
