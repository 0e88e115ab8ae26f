"""Offices do not update every desk and the server on one day: a desk and a server of different
releases either work together with nothing lost, or the round says which side to update and
nothing is sent or marked as sent (docs/COMPATIBILITY.md)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from kanoon_desk import eventlog, fold
from kanoon_desk.ids import hlc_pack, new_id
from kanoon_desk.models import DeskState, Holiday
from kanoon_desk.services import accounts, ops
from kanoon_desk.state_keys import K_ACKED
from kanoon_desk.store import Store
from kanoon_desk.sync import client
from kanoon_desk.sync import errors as e
from kanoon_desk.sync import protocol as p
from kanoon_desk.sync.state import pending_count

from .helpers import LiveServer, bootstrap_admin, enrol
from .test_hostile_input import Device, stored_count


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


def _pull(server: LiveServer, dev: Device, protocol: int) -> httpx.Response:
    """A pull page as a desk of `protocol` asks for it (the body and the header say its protocol)."""
    return httpx.post(server.url + "/v1/pull", json={"cursor": 0, "limit": 100, "protocol_version": protocol,
                                                     "schema_version": 1},
                      headers={**dev.headers, p.HEADER_PROTOCOL: str(protocol)})


def test_a_desk_of_protocol_1_or_2_is_told_to_update_rather_than_handed_a_kind_it_cannot_fold(
        server: LiveServer) -> None:
    """A desk of protocol 1 or 2 has no projector for a kind added after its protocol's first
    release: its pull stopped at it with a traceback, every round (a new desk of that version
    could not even be set up: «KeyError: no projector for event type 'loan.lost'»). Its page is
    now answered 426, which every release says as «… لطفاً برنامه را به‌روز کنید», and nothing
    of the page is applied; a desk of protocol 3 takes every kind."""
    writer, reader = Device(server, "13"), Device(server, "13")
    agency = writer.event()  # agency.set: every protocol folds it
    assert stored_count(writer.push([agency])) == 1
    for protocol in (1, 2, 3):
        r = _pull(server, reader, protocol)
        assert r.status_code == 200 and [ev["id"] for ev in r.json()["events"]] == [agency["id"]]
    merged = writer.event(type="member.merged", aggregate_type="member", aggregate_id=new_id(),
                          payload={"into": new_id()})  # a kind of protocol 2, not of 1
    assert stored_count(writer.push([merged])) == 1
    refused = _pull(server, reader, 1)
    assert refused.status_code == 426 and refused.json()["error"] == "upgrade_required"
    assert "member.merged" in refused.json()["reason"] and "به‌روز کنید" in refused.json()["reason_fa"]
    assert _pull(server, reader, 2).status_code == 200
    lost = writer.event(type="loan.lost", aggregate_type="loan", aggregate_id=new_id(), payload={})
    assert stored_count(writer.push([lost])) == 1  # a kind added after protocol 2's first release
    assert _pull(server, reader, 2).status_code == 426
    snapshot = httpx.get(server.url + "/v1/snapshot", headers={**reader.headers, p.HEADER_PROTOCOL: "2"})
    assert snapshot.status_code == 426  # a first sync alike
    r = _pull(server, reader, 3)
    assert r.status_code == 200 and [ev["id"] for ev in r.json()["events"]] == [agency["id"], merged["id"], lost["id"]]


def _titled(s: Session, ev: fold.FoldEvent) -> None:
    """The projector a later version would have for «holiday.titled» (made up for the test)."""
    s.execute(update(Holiday).where(Holiday.day == date.fromisoformat(ev.aggregate_id))
              .values(title=ev.payload["title"]))


def test_a_kind_this_desk_does_not_know_is_kept_and_folded_once_it_is_updated(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk updated later than another of its office pulls the other's new kinds of events: it
    keeps them, unfolded, syncs and checks as before, and folds them once its program knows
    them (on opening the store), the kinds it still does not know kept for a later update."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    accounts.set_holiday(a, admin, date(2026, 3, 26), "نوروز")
    assert client.sync_once(a).ok
    newer = Device(server, "13")  # a desk of a later version
    stamp = hlc_pack(int(time.time() * 1000) + 1000, 0)
    titled = newer.event(type="holiday.titled", aggregate_type="holiday", aggregate_id="2026-03-26",
                         payload={"title": "نوروز باستانی"}, hlc=stamp)
    poster = newer.event(type="poster.hung", aggregate_type="poster", aggregate_id=new_id(),
                         payload={"where": "تالار"}, hlc=stamp + 1)
    assert stored_count(newer.push([titled, poster])) == 2
    report = client.sync_once(a)
    assert report.ok and not report.mismatches and report.pulled == 2, report.summary_line()
    assert ops.stats(a.path)["events"] == 4 and ops.check(a.path) == []  # held, the projections as a re-fold
    assert accounts.list_holidays(a) == [(date(2026, 3, 26), "نوروز")]
    assert json.loads(a.get_state(fold.K_UNKNOWN_KINDS) or "[]") == ["holiday.titled", "poster.hung"]
    assert client.sync_once(a).ok  # and the next round too
    a.close()
    # the desk is updated to a version that knows «holiday.titled» (not «poster.hung» yet)
    monkeypatch.setitem(fold._PROJECTORS, "holiday.titled", _titled)
    monkeypatch.setitem(fold._EVENT_AGGREGATE, "holiday.titled", "holiday")
    updated = Store(tmp_path / "a.sqlite3")
    try:
        assert accounts.list_holidays(updated) == [(date(2026, 3, 26), "نوروز باستانی")]
        assert json.loads(updated.get_state(fold.K_UNKNOWN_KINDS) or "[]") == ["poster.hung"]
        assert client.sync_once(updated).ok
    finally:
        updated.close()
    assert ops.check(tmp_path / "a.sqlite3") == []


def test_every_kind_an_older_desk_writes_is_still_folded() -> None:
    """A kind is never renamed or dropped: the events of desks of every protocol, and of every
    store, fold in this version (`p.FOLDED_BELOW_3` is fixed; a new kind is only added)."""
    known = set(fold.known_event_types())
    assert p.FOLDED_BELOW_3[1] < p.FOLDED_BELOW_3[2] <= known
    assert p.PROTOCOL_VERSION >= p.KEEPS_UNKNOWN_KINDS > max(p.FOLDED_BELOW_3)


def test_a_hand_over_read_by_a_desk_of_an_older_release_is_read_again_once_it_is_updated(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk of a release before 23e44d0 folds a case handed over from one cartable to another
    (`hand_over`: a `case.referred` naming its sender) as sent by the admin who handed it over. The
    event itself is whole; once that desk is updated, opening its store reads it again: the sender
    is the expert, on every desk, and `check` passes (it failed: the referrals differed from a re-fold)."""
    from dataclasses import replace

    from kanoon_desk.models.secretariat import Referral
    from kanoon_desk.services import secretariat as sec

    from ..secretariat_helpers import case_input

    new_desk = enrol(server, tmp_path / "new.sqlite3", "13")
    old_desk = enrol(server, tmp_path / "old.sqlite3", "13")
    admin = bootstrap_admin(new_desk)
    users = {}
    for name, role in (("clerk1", "clerk"), ("expert1", "expert"), ("manager1", "manager"), ("manager2", "manager")):
        accounts.create_user(new_desk, admin, username=name, full_name=f"کاربر {name}", password="kanoon-1234",
                             roles={role}, must_change_password=False)
        users[name] = accounts.login(new_desk, name, "kanoon-1234")
    case = sec.intake(new_desk, users["clerk1"], case_input(1)).case_id
    sec.review(new_desk, users["expert1"], case, accept=True)
    sec.register(new_desk, users["clerk1"], case)
    sec.refer(new_desk, users["expert1"], case, users["manager1"].user_id, instruction="پیگیری شود")
    assert sec.hand_over(new_desk, admin, users["manager1"].user_id, users["manager2"].user_id) == 1
    assert client.sync_once(new_desk).ok

    folds = fold._PROJECTORS["case.referred"]

    def as_before_23e44d0(s: Session, ev: fold.FoldEvent) -> None:  # its fold knew no «from_user_id»
        folds(s, replace(ev, payload={k: v for k, v in ev.payload.items() if k != "from_user_id"})
              if isinstance(ev, fold.EventRecord) else ev)

    monkeypatch.setitem(fold._PROJECTORS, "case.referred", as_before_23e44d0)
    assert client.sync_once(old_desk).ok

    def sender(store: Store) -> str:
        with store.read() as s:
            [item] = s.query(Referral).filter(Referral.case_id == case, Referral.status == "open").all()
            return item.from_user_id

    assert sender(new_desk) == users["expert1"].user_id
    assert sender(old_desk) == admin.user_id  # as the older release reads it
    monkeypatch.undo()  # the desk is updated
    path = old_desk.path
    with old_desk.transaction() as s:  # (an older release's store has no note of the re-folds done)
        s.execute(delete(DeskState).where(DeskState.key == "fold.refolds_done"))
    old_desk.close()
    updated = Store(path)
    try:
        assert sender(updated) == users["expert1"].user_id
        assert ops.check(path) == []
        with updated.read() as s1, new_desk.read() as s2:
            assert eventlog.projection_digests(s1) == eventlog.projection_digests(s2)
    finally:
        updated.close()
