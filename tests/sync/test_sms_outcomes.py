"""What became of an SMS comes back to the desk: after a sync round the case's timeline says it
was sent, or that it did not reach the applicant (with the gateway's reason), and a failed notice
puts the case in the «پیامک اعلام نرسید» queue until the applicant is told another way. The
server answers only for its office's notices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from kanoon_desk import state_keys
from kanoon_desk.server import sms
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services import sms_outcomes
from kanoon_desk.sync import client, enrolment
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk

from .helpers import LiveServer, enrol


class Gateway:
    """Sends to every number but one, which the provider refuses."""

    def __init__(self, refused: str) -> None:
        self.refused, self.sent = refused, []  # type: ignore[var-annotated]

    def send(self, mobile: str, text: str) -> None:
        if mobile == self.refused:
            raise RuntimeError("provider: number not in service")
        self.sent.append((mobile, text))


def _answered(d: Desk, n: int, mobile: str) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n, mobile=mobile))
    sec.review(d.store, d.expert, r.case_id, accept=True)
    sec.register(d.store, d.clerk, r.case_id)
    sec.refer(d.store, d.expert, r.case_id, d.manager.user_id, instruction="رسیدگی شود")
    sec.forward(d.store, d.manager, r.case_id, d.agency.id)
    sec.record_response(d.store, d.clerk, r.case_id, text="مشکل برطرف شد")
    return r.case_id


def _sms_line(d: Desk, case_id: str) -> Any:
    detail = q.get_case(d.store, d.admin, case_id)
    [entry] = [t for t in detail.timeline if t.type == "case.notified"]
    return entry.sms


def test_the_outcome_of_each_sms_comes_back_and_a_failed_one_waits_in_a_queue(server_db_url: str,
                                                                              tmp_path: Path) -> None:
    gateway = Gateway(refused="09129999999")
    server = LiveServer(server_db_url, sms_gateway=gateway, sms_every=None, attachments_dir=tmp_path / "att")
    try:
        d = make_secretariat_desk(tmp_path)
        assert enrolment.enroll_store(d.store, server.url, server.code(d.store.identity.office_code)).ok
        good, bad = _answered(d, 1, "09121234567"), _answered(d, 2, "09129999999")
        for case_id in (good, bad):
            sec.notify(d.store, d.clerk, case_id, method="sms")
        assert _sms_line(d, good) is None  # not asked yet: «در صف ارسال سرور»
        assert set(sms_outcomes.to_ask(d.store)) == {
            t.event_id for c in (good, bad) for t in q.get_case(d.store, d.admin, c).timeline
            if t.type == "case.notified"}
        assert client.sync_once(d.store).ok  # the push; the gateway is tried in the background
        for _ in range(sms.MAX_ATTEMPTS):  # the provider refuses the second number every time
            sms.drain(server.db, gateway)
        report = client.sync_once(d.store)
        assert report.ok and report.sms_changed >= 1  # (the first round may have seen one sent already)
        assert (_sms_line(d, good).status, _sms_line(d, good).sent_at is not None) == ("sent", True)
        failed = _sms_line(d, bad)
        assert (failed.status, failed.attempts, failed.last_error) == (
            "failed", sms.MAX_ATTEMPTS, "provider: number not in service")
        assert sms_outcomes.to_ask(d.store) == []  # final: not asked again
        assert sms_outcomes.counts(d.store) == {"sent": 1, "waiting": 0, "failed": 1}
        # the failed notice waits in its queue until the applicant is told another way
        assert q.queue_counts(d.store, d.clerk, ["sms_failed"]) == {"sms_failed": 1}
        [row] = q.search(d.store, d.clerk, q.SearchQuery(queue="sms_failed"))
        assert row.id == bad
        sec.notify(d.store, d.clerk, bad, method="phone", text="تلفنی به متقاضی گفته شد")
        assert q.queue_counts(d.store, d.clerk, ["sms_failed"]) == {"sms_failed": 0}
    finally:
        server.stop()


def test_the_server_answers_only_for_its_offices_notices(server_db_url: str, tmp_path: Path) -> None:
    gateway = Gateway(refused="")
    server = LiveServer(server_db_url, sms_gateway=gateway, sms_every=None, attachments_dir=tmp_path / "att")
    try:
        d = make_secretariat_desk(tmp_path)
        assert enrolment.enroll_store(d.store, server.url, server.code(d.store.identity.office_code)).ok
        case_id = _answered(d, 1, "09121234567")
        sec.notify(d.store, d.clerk, case_id, method="sms")
        assert client.sync_once(d.store).ok
        sms.drain(server.db, gateway)
        asked = sms_outcomes.to_ask(d.store)
        other = enrol(server, tmp_path / "other.sqlite3", "14")
        headers = {"Authorization": f"Bearer {other.identity.device_id}:{other.get_state(state_keys.K_SECRET)}"}
        answer = httpx.post(server.url + "/v1/sms-outcomes", json={"event_ids": asked}, headers=headers)
        assert answer.status_code == 200 and answer.json() == {"outcomes": []}
        too_many = httpx.post(server.url + "/v1/sms-outcomes", json={"event_ids": ["x"] * 501}, headers=headers)
        assert too_many.status_code == 422
        nobody = httpx.post(server.url + "/v1/sms-outcomes", json={"event_ids": asked})
        assert nobody.status_code == 401
        other.close()
    finally:
        server.stop()


def test_a_ready_notice_is_withdrawn_unsent_when_its_hold_ended_first(server_db_url: str, tmp_path: Path) -> None:
    """A desk that worked offline pushes a hold's «ready» notice and what made it stop waiting
    together (the book set aside was lent to another by an override): the member is not told of a
    book no longer waiting. A later «ready» notice of the same hold (it became ready again) still goes, as
    does another hold's; the desk learns the outcome like any other."""
    from tests.sync.test_server_extras import push_raw, raw_event

    gateway = Gateway(refused="")
    server = LiveServer(server_db_url, sms_gateway=gateway, sms_every=None, attachments_dir=tmp_path / "att")
    try:
        a = enrol(server, tmp_path / "a.sqlite3", "13")
        hold, other = "h-1", "h-2"

        def ready(h: str, phone: str, hlc: int) -> dict[str, Any]:
            return raw_event(a, "notice.queued", "notice", f"n-{phone}", {
                "phone": phone, "text": "کتاب آماده است", "hold_id": h, "loan_id": "", "member_id": "m",
                "queued_on": "2025-05-04"}, hlc)

        first, again, elsewhere = ready(hold, "09120000001", 5), ready(hold, "09120000002", 8), \
            ready(other, "09120000003", 9)
        # (the book set aside went to another by an override: the hold waits again, and is served again)
        events = [first, raw_event(a, "hold.requeued", "hold", hold, {"copy_id": "b", "loan_id": "l0"}, 6),
                  raw_event(a, "hold.ready", "hold", hold, {"copy_id": "c", "until": "2025-05-20"}, 7), again,
                  elsewhere, raw_event(a, "hold.collected", "hold", hold, {"copy_id": "c", "loan_id": "l"}, 10)]
        # (the last, collected after the second notice, would withdraw it too: the drain has had no
        # chance yet, and a member who has the book needs no SMS about it)
        assert push_raw(server, a, 1, events[:5]).status_code == 200
        for _ in range(50):
            if len(gateway.sent) == 2:
                break
            sms.drain(server.db, gateway)
        assert sorted(m for m, _t in gateway.sent) == ["09120000002", "09120000003"]
        assert push_raw(server, a, 6, events[5:]).status_code == 200  # collected after both went out
        headers = {"Authorization": f"Bearer {a.identity.device_id}:{a.get_state(state_keys.K_SECRET)}"}
        answer = httpx.post(server.url + "/v1/sms-outcomes", headers=headers,
                            json={"event_ids": [first["id"], again["id"], elsewhere["id"]]}).json()
        by_id = {o["event_id"]: (o["status"], o["last_error"]) for o in answer["outcomes"]}
        assert by_id[first["id"]][0] == "withdrawn" and "no longer ready" in by_id[first["id"]][1]
        assert by_id[again["id"]] == ("sent", "") and by_id[elsewhere["id"]] == ("sent", "")
        a.close()
    finally:
        server.stop()
