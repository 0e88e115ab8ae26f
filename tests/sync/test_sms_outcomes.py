"""What became of an SMS comes back to the desk: after a sync round the case's timeline says it
was sent, or that it did not reach the applicant (with the gateway's reason), and a failed notice
puts the case in the «پیامک اعلام نرسید» queue until the applicant is told another way. The
server answers only for its office's notices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from kanoon_desk.server import sms
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services import sms_outcomes
from kanoon_desk.sync import client
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
        assert client.enroll_store(d.store, server.url, server.code(d.store.identity.office_code)).ok
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
        assert client.enroll_store(d.store, server.url, server.code(d.store.identity.office_code)).ok
        case_id = _answered(d, 1, "09121234567")
        sec.notify(d.store, d.clerk, case_id, method="sms")
        assert client.sync_once(d.store).ok
        sms.drain(server.db, gateway)
        asked = sms_outcomes.to_ask(d.store)
        other = enrol(server, tmp_path / "other.sqlite3", "14")
        headers = {"Authorization": f"Bearer {other.identity.device_id}:{other.get_state(client.K_SECRET)}"}
        answer = httpx.post(server.url + "/v1/sms-outcomes", json={"event_ids": asked}, headers=headers)
        assert answer.status_code == 200 and answer.json() == {"outcomes": []}
        too_many = httpx.post(server.url + "/v1/sms-outcomes", json={"event_ids": ["x"] * 501}, headers=headers)
        assert too_many.status_code == 422
        nobody = httpx.post(server.url + "/v1/sms-outcomes", json={"event_ids": asked})
        assert nobody.status_code == 401
        other.close()
    finally:
        server.stop()
