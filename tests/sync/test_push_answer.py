"""The push answer in its two forms: one result per event (protocol 1 desks), or compact (stored
events as runs, results only for the others), and the desk's reading of either."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kanoon_desk.ids import new_id
from kanoon_desk.sync import client, push, state
from kanoon_desk.sync import errors as e
from kanoon_desk.sync import protocol as p

from .helpers import LiveServer, add_user, bootstrap_admin, enrol
from .test_server_extras import creds, raw_event


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    srv = LiveServer(str(tmp_path / "srv.sqlite3"))
    yield srv
    srv.stop()


def _batch(store: client.Store, n: int) -> list[dict[str, Any]]:
    return [raw_event(store, "holiday.set", "holiday", f"2025-03-{i + 1:02d}", {"title": f"روز {i}"}, 10 + i)
            for i in range(n)]


def _push(server: LiveServer, store: client.Store, first: int, events: list[dict[str, Any]],
          compact: bool) -> p.PushResponse:
    body = {"device_id": store.identity.device_id, "batch_id": new_id(), "first_client_seq": first,
            "events": events, "compact": compact}
    r = httpx.post(server.url + "/v1/push", json=body, headers=creds(store))
    assert r.status_code == 200, r.text
    return p.PushResponse.model_validate_json(r.content)


def test_compact_answer_names_only_what_was_not_stored(server: LiveServer, tmp_path: Path) -> None:
    desk = enrol(server, tmp_path / "a.sqlite3", "13")
    first = _batch(desk, 3)
    stored = _push(server, desk, 1, first, compact=True)
    assert stored.results == [] and [(r.index, r.count) for r in stored.stored] == [(0, 3)]
    seq0 = stored.stored[0].server_seq
    # a retry that overlaps the last one stored (a duplicate), two new, an event of another office
    foreign = {**_batch(desk, 1)[0], "office_code": "99"}
    fresh = _batch(desk, 2)
    mixed = _push(server, desk, 3, [first[2], fresh[0], foreign, fresh[1]], compact=True)
    assert [(r.id, r.status, r.server_seq) for r in mixed.results] == [
        (first[2]["id"], "duplicate", seq0 + 2), (foreign["id"], "rejected", None)]
    assert "99" in (mixed.results[1].reason or "")
    assert [(r.index, r.count, r.server_seq) for r in mixed.stored] == [(1, 1, seq0 + 3), (3, 1, seq0 + 4)]
    assert mixed.last_client_seq == 6


def test_full_answer_for_a_desk_that_does_not_ask_for_compact(server: LiveServer, tmp_path: Path) -> None:
    desk = enrol(server, tmp_path / "a.sqlite3", "13")
    events = _batch(desk, 3)
    answer = _push(server, desk, 1, events, compact=False)
    assert answer.stored == []
    assert [(r.id, r.status) for r in answer.results] == [(ev["id"], "stored") for ev in events]
    seqs = [r.server_seq for r in answer.results]
    assert seqs[0] is not None and seqs == [seqs[0], seqs[0] + 1, seqs[0] + 2]


def _outgoing(n: int) -> list[Any]:
    return [push._Outgoing(i + 1, new_id(), "holiday.set", "{}") for i in range(n)]


def _answer(results: list[p.PushResult], stored: list[p.StoredRun]) -> p.PushResponse:
    return p.PushResponse(batch_id="b", results=results, stored=stored, last_client_seq=3, server_hlc=1,
                          server_time_ms=1)


def test_desk_reads_either_form_alike() -> None:
    sent = _outgoing(3)
    full = _answer([p.PushResult(id=sent[0].id, status="stored", server_seq=7),
                    p.PushResult(id=sent[1].id, status="rejected", reason="no", reason_fa="نه"),
                    p.PushResult(id=sent[2].id, status="stored", server_seq=8)], [])
    compact = _answer([p.PushResult(id=sent[1].id, status="rejected", reason="no", reason_fa="نه")],
                      [p.StoredRun(index=0, count=1, server_seq=7), p.StoredRun(index=2, count=1, server_seq=8)])
    expected = [("stored", 7, None, None), ("rejected", None, "no", "نه"), ("stored", 8, None, None)]
    assert push._answers(sent, full) == push._answers(sent, compact) == expected


@pytest.mark.parametrize("results, stored", [
    ([], [p.StoredRun(index=0, count=2, server_seq=1)]),  # the third event left out
    ([], [p.StoredRun(index=1, count=3, server_seq=1)]),  # a run past the batch
    ([], [p.StoredRun(index=0, count=2, server_seq=1), p.StoredRun(index=1, count=2, server_seq=5)]),  # overlap
    ([p.PushResult(id="not-sent", status="stored", server_seq=9)], [p.StoredRun(index=0, count=3, server_seq=1)]),
])
def test_desk_refuses_an_answer_that_does_not_cover_the_batch_once(results: list[p.PushResult],
                                                                   stored: list[p.StoredRun]) -> None:
    with pytest.raises(e.SyncError):
        push._answers(_outgoing(3), _answer(results, stored))


class _OldServer(httpx.BaseTransport):
    """The live server as one from before the compact answer: a push naming `compact` is refused
    the way FastAPI refuses an unknown field (422)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.refused = 0
        self.pushes: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        if request.url.path == "/v1/push":
            sent = json.loads(body)
            self.pushes.append(sent)
            if "compact" in sent:
                self.refused += 1
                return httpx.Response(422, json={"detail": [{"type": "extra_forbidden", "loc": ["body", "compact"],
                                                             "msg": "Extra inputs are not permitted"}]})
        response = self.inner.handle_request(httpx.Request(request.method, request.url, headers=request.headers,
                                                           content=body))
        response.read()
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_server_without_compact_answers_gets_the_old_push(server: LiveServer, tmp_path: Path) -> None:
    desk = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(desk)
    for i in range(4):
        add_user(desk, admin, f"user{i}")
    old = _OldServer()
    report = client.sync_once(desk, transport=old, batch_size=2)
    assert report.ok and report.pushed == 5, report.summary_line()
    assert old.refused == 1  # asked once, then the old way for the rest of the round
    assert [("compact" in b, len(b["events"])) for b in old.pushes] == [(True, 2), (False, 2), (False, 2),
                                                                       (False, 1)]
    assert state.pending_count(desk) == 0


@pytest.mark.parametrize("protocol_version", [1, 2])
def test_a_refusal_says_why_in_persian_to_a_desk_that_reads_it(server: LiveServer, tmp_path: Path,
                                                               protocol_version: int) -> None:
    """A desk of protocol 2 gets the reason in Persian too; one of protocol 1 (its models refuse a
    field they do not know) gets the answer it always got."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    events = _batch(a, 2)
    events[1]["office_code"] = "21"  # another office's: refused
    body = {"device_id": a.identity.device_id, "batch_id": new_id(), "first_client_seq": 1, "events": events,
            "compact": True, "protocol_version": protocol_version}
    r = httpx.post(server.url + "/v1/push", json=body, headers=creds(a))
    assert r.status_code == 200, r.text
    (refused,) = r.json()["results"]
    if protocol_version == 1:
        assert set(refused) == {"id", "status", "reason", "server_seq"}  # the fields protocol 1 knows
    else:
        assert "scope" in refused["reason"] and "۲۱" in refused["reason_fa"] and "حوزه" in refused["reason_fa"]
