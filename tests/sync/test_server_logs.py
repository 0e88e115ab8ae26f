"""What the server's log tells its operator: which device made each request, which one was
refused and why, and never a device's secret."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kanoon_desk.server.logs import JsonFormatter

from .helpers import LiveServer


@pytest.fixture
def client(tmp_path: Path) -> Iterator[httpx.Client]:
    live = LiveServer(str(tmp_path / "server.sqlite3"), attachments_dir=tmp_path / "att")
    try:
        with httpx.Client(base_url=live.url) as c:
            yield c
    finally:
        live.stop()


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "kanoon.server"]


def test_a_refused_desk_is_named_in_the_log_without_its_secret(client: httpx.Client,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    device = "01a24f60-02d2-73b5-90eb-bbb9137fee54"
    with caplog.at_level("INFO", logger="kanoon.server"):
        answer = client.post("/v1/pull", json={"cursor": 0, "limit": 10},
                             headers={"Authorization": f"Bearer {device}:the-secret-itself"})
        client.get("/v1/health")
    assert answer.status_code == 401
    lines = _lines(caplog)
    refused = next(line for line in lines if line["msg"] == "auth.refused")
    assert refused["device"] == device and refused["code"] == "bad_credentials"
    pulled = next(line for line in lines if line["msg"] == "request" and line["path"] == "/v1/pull")
    assert pulled["device"] == device and pulled["status"] == 401
    health = next(line for line in lines if line["msg"] == "request" and line["path"] == "/v1/health")
    assert health["device"] == ""
    assert "the-secret-itself" not in json.dumps(lines)
