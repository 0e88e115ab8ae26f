"""Authentication and scope: missing, wrong, revoked and other-office credentials are refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from kanoon_desk import state_keys
from kanoon_desk.ids import new_id
from kanoon_desk.models import Office
from kanoon_desk.models.sync import SyncRejection
from kanoon_desk.server.auth import new_enrolment_code, revoke
from kanoon_desk.server.server_models import EnrolmentCode
from kanoon_desk.services import accounts
from kanoon_desk.sync import client, enrolment, errors, protocol
from kanoon_desk.sync.report import SyncReport

from .helpers import LiveServer, add_user, bootstrap_admin, enrol


def creds(store: client.Store) -> dict[str, str]:
    return {"Authorization": f"Bearer {store.identity.device_id}:{store.get_state(state_keys.K_SECRET)}"}


def pull(server: LiveServer, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(server.url + "/v1/pull", json={"cursor": 0}, headers=headers)


def test_missing_and_malformed_credentials(server: LiveServer, tmp_path: Path) -> None:
    enrol(server, tmp_path / "a.sqlite3", "13")
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer nocolon"}):
        r = pull(server, headers)
        assert r.status_code == 401, headers
        assert r.json()["reason_fa"]
    assert httpx.get(server.url + "/v1/snapshot").status_code == 401
    assert httpx.get(server.url + "/v1/attachments/" + "0" * 64).status_code == 401


def test_wrong_secret_and_unknown_device(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    assert pull(server, {"Authorization": f"Bearer {a.identity.device_id}:wrong"}).status_code == 401
    assert pull(server, {"Authorization": f"Bearer {new_id()}:{a.get_state(state_keys.K_SECRET)}"}).status_code == 401
    assert pull(server, creds(a)).status_code == 200


def test_revoked_device_is_cut_off_at_once(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    assert revoke(server.db, a.identity.device_id)
    r = pull(server, creds(a))
    assert r.status_code == 403 and r.json()["error"] == "revoked"
    report = client.sync_once(a)
    assert not report.ok and "لغو" in r.json()["reason_fa"]
    with pytest.raises(errors.AuthRefused):
        c = client.SyncClient(a)
        try:
            c.pull(SyncReport())
        finally:
            c.close()


def test_enrolment_code_is_single_use_and_checked(server: LiveServer, tmp_path: Path) -> None:
    code = server.code("13")
    enrolment.enroll(tmp_path / "a.sqlite3", server.url, code)
    with pytest.raises(errors.AuthRefused):
        enrolment.enroll(tmp_path / "b.sqlite3", server.url, code)
    with pytest.raises(errors.AuthRefused):
        enrolment.enroll(tmp_path / "c.sqlite3", server.url, "AAAA-BBBB-CCCC-DDDD")
    assert not (tmp_path / "b.sqlite3").exists() and not (tmp_path / "c.sqlite3").exists()
    with pytest.raises(errors.SyncError):  # never over an existing store
        enrolment.enroll(tmp_path / "a.sqlite3", server.url, server.code("13"))


def test_an_expired_enrolment_code_is_refused_and_says_so(server: LiveServer, tmp_path: Path) -> None:
    expired = new_enrolment_code(server.db, "13", expires_hours=-0.01)
    r = httpx.post(server.url + "/v1/enroll", json={"code": expired})
    assert r.status_code == 401 and r.json()["error"] == "expired_code" and r.json()["reason_fa"]
    with pytest.raises(errors.AuthRefused) as refused:
        enrolment.enroll(tmp_path / "a.sqlite3", server.url, expired)
    assert refused.value.message == errors.MSG_CODE_EXPIRED
    assert not (tmp_path / "a.sqlite3").exists()  # no desk made from it
    with server.db.read() as s:  # and it was not spent
        assert s.scalars(select(EnrolmentCode)).one().used_at is None


def test_other_office_events_and_other_device_claims_are_refused(server: LiveServer, tmp_path: Path) -> None:
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    c = enrol(server, tmp_path / "c.sqlite3", "21")
    admin = bootstrap_admin(a)
    add_user(a, admin, "secret_clerk")
    assert client.sync_once(a).ok
    # c pretends its events belong to office 13, and to device a
    now = datetime.now(UTC).isoformat()
    forged = [
        {"id": new_id(), "type": "user.created", "aggregate_type": "user", "aggregate_id": new_id(),
         "payload": {}, "hlc": 1, "device_id": c.identity.device_id, "office_code": "13", "user_id": "u",
         "recorded_at": now},
        {"id": new_id(), "type": "user.created", "aggregate_type": "user", "aggregate_id": new_id(),
         "payload": {}, "hlc": 1, "device_id": a.identity.device_id, "office_code": "21", "user_id": "u",
         "recorded_at": now},
    ]
    body = {"device_id": c.identity.device_id, "batch_id": "x", "first_client_seq": 1, "events": forged}
    r = httpx.post(server.url + "/v1/push", json=body, headers=creds(c))
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["rejected", "rejected"]
    # pushing in another device's name is refused outright
    body["device_id"] = a.identity.device_id
    assert httpx.post(server.url + "/v1/push", json=body, headers=creds(c)).status_code == 403
    # c's pull never shows office 13's users
    seen = pull(server, creds(c)).json()["events"]
    assert all(ev["aggregate_type"] != "user" for ev in seen)
    assert client.sync_once(c).ok


def test_a_desk_writes_only_its_own_offices_records(server: LiveServer, tmp_path: Path) -> None:
    """`office` is shared: a desk of office 21 that records office 13's details (bypassing its own
    service's refusal) has them rejected with the reason, and no desk sees 13 renamed; its own
    office's and its centres' records (2101 under 21) go through."""
    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin_a = bootstrap_admin(a)
    accounts.update_office(a, admin_a, name="دفتر کانون استان تهران")
    assert client.sync_once(a).ok
    c = enrol(server, tmp_path / "c.sqlite3", "21")
    admin_c = bootstrap_admin(c)
    with c.transaction() as s:
        for code, name in (("13", "دفتر ربوده‌شده"), ("21", "دفتر کانون استان فارس"), ("2101", "مرکز شماره ۱"),
                           ("1", "همه")):
            c.record(s, admin_c, "office.set", code, {"name": name})
    report = client.sync_once(c)
    assert report.ok and report.rejected == 2, report.summary_line()
    with c.read() as s:
        reasons = {r.event_id: r.reason for r in s.scalars(select(SyncRejection))}
    assert len(reasons) == 2 and all("outside this device's scope" in r for r in reasons.values())
    assert client.sync_once(a).ok
    with a.read() as s:
        names = {o.code: o.name for o in s.scalars(select(Office))}
    assert names["13"] == "دفتر کانون استان تهران"
    assert names["21"] == "دفتر کانون استان فارس" and names["2101"] == "مرکز شماره ۱" and "1" not in names


def test_public_status_needs_no_credentials_but_a_valid_code(server: LiveServer) -> None:
    r = httpx.get(server.url + "/v1/status/1234567890123")
    assert r.status_code in (400, 404)
    assert httpx.get(server.url + "/v1/health").json()["protocol_version"] == protocol.PROTOCOL_VERSION


def test_a_desk_lends_for_its_own_centres_only(server: LiveServer, tmp_path: Path) -> None:
    """A provincial desk that keeps its centres' libraries (office 13 lending at centre 1301, as the
    demo's desk does) has those shared records accepted, and the office's other desks get them; a
    record an office keeps to itself (a holiday) in its centre's name, and a title in another
    office's name, are refused with the reason."""
    from datetime import date

    from kanoon_desk.eventlog import Actor
    from kanoon_desk.models.library import Copy
    from kanoon_desk.services import library as lib

    a = enrol(server, tmp_path / "a.sqlite3", "13")
    admin = bootstrap_admin(a)
    lib.add_centre(a, admin, "1301", "مرکز فرهنگی هنری شماره ۱")
    at_centre = Actor(admin.user_id, admin.username, admin.full_name, "1301", admin.roles)
    elsewhere = Actor(admin.user_id, admin.username, admin.full_name, "21", admin.roles)
    title = lib.add_title(a, at_centre, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی"))
    lib.add_copy(a, at_centre, title.id, barcode="B0001", shelf="A1")
    accounts.set_holiday(a, at_centre, date(2026, 3, 26), "نوروز")
    lib.add_title(a, elsewhere, lib.TitleInput(title="کلاغ‌ها", author="صمد بهرنگی"))
    report = client.sync_once(a)
    assert report.ok and report.rejected == 2, report.summary_line()
    with a.read() as s:
        refused = {(r.event_type, "outside this device's scope" in r.reason) for r in s.scalars(select(SyncRejection))}
    assert refused == {("holiday.set", True), ("title.added", True)}
    b = enrol(server, tmp_path / "b.sqlite3", "13")  # the office's other desk: the centre's copy came down
    with b.read() as s:
        assert [(c.barcode, c.home_centre) for c in s.scalars(select(Copy))] == [("B0001", "1301")]


def test_a_desk_of_office_1_writes_no_record_of_office_13(server: LiveServer, tmp_path: Path) -> None:
    """Office codes differ in length: a centre is its office's code and two digits (101 under 1),
    not any code that starts with it. A desk of office 1 that writes office 13's record, or lends
    in office 13's name, has both refused; its own centre's go through."""
    from datetime import date

    from kanoon_desk.eventlog import Actor
    from kanoon_desk.services import library as lib

    one = enrol(server, tmp_path / "one.sqlite3", "1")
    admin = bootstrap_admin(one)
    as_13 = Actor(admin.user_id, admin.username, admin.full_name, "13", admin.roles)
    as_101 = Actor(admin.user_id, admin.username, admin.full_name, "101", admin.roles)
    with one.transaction() as s:
        for code in ("13", "1301", "1001", "101"):
            one.record(s, admin, "office.set", code, {"name": f"دفتر {code}", "kind": "centre"})
    lib.add_title(one, as_13, lib.TitleInput(title="ماهی سیاه کوچولو", author="صمد بهرنگی"))
    lib.add_title(one, as_101, lib.TitleInput(title="کلاغ‌ها", author="صمد بهرنگی"))
    accounts.set_holiday(one, admin, date(2026, 3, 26), "نوروز")
    report = client.sync_once(one)
    assert report.ok and report.rejected == 4 and report.pushed == 4, report.summary_line()
    with one.read() as s:
        refused = sorted((r.event_type, r.reason_fa or "") for r in s.scalars(select(SyncRejection)))
    assert [t for t, _ in refused] == ["office.set"] * 3 + ["title.added"]
    assert all("حوزه" in fa or "تنها میز همان دفتر" in fa for _, fa in refused), refused
    thirteen = enrol(server, tmp_path / "13.sqlite3", "13")
    with thirteen.read() as s:
        assert {o.code for o in s.scalars(select(Office))} == {"101"}  # office 1's centre, nothing of 13
