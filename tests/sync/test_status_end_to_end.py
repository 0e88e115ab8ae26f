"""A citizen's tracking code, issued by a secretariat desk, answers its public status once synced."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import event, insert

from kanoon_desk.ids import new_id
from kanoon_desk.persian import damm_check_digit
from kanoon_desk.server import status
from kanoon_desk.server.db import ServerDb
from kanoon_desk.server.server_models import ServerEvent
from kanoon_desk.services import secretariat as sec
from kanoon_desk.sync import client
from tests.secretariat_helpers import case_input

from .helpers import LiveServer, bootstrap_admin, enrol


def test_tracking_code_status_after_sync(server: LiveServer, tmp_path: Path) -> None:
    desk = enrol(server, tmp_path / "d.sqlite3", "13")
    admin = bootstrap_admin(desk)
    receipt = sec.intake(desk, admin, case_input())
    assert httpx.get(f"{server.url}/v1/status/{receipt.tracking_code}").status_code == 404  # not synced yet
    assert client.sync_once(desk).ok
    answer = httpx.get(f"{server.url}/v1/status/{receipt.tracking_code}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "received" and body["tracking_code"] == receipt.tracking_code
    assert set(body) == {"tracking_code", "status", "status_fa", "updated_on"}
    assert "زهرا" not in answer.text and "برق" not in answer.text  # nothing but the public status


def test_the_status_look_up_reads_by_index_not_the_whole_table(server_db_url: str) -> None:
    """Both steps of a look-up (the code's case, then its newest public event) are answered from an
    index on either database: the endpoint is public, and a server holds millions of events."""
    db = ServerDb(server_db_url)
    code = "001123456789" + damm_check_digit("001123456789")
    case_id, now = new_id(), datetime(2026, 12, 4, tzinfo=UTC)

    def row(seq: int, aggregate_type: str, aggregate_id: str, kind: str, tracking: str | None) -> dict[str, object]:
        return {"id": new_id(), "server_seq": seq, "type": kind, "aggregate_type": aggregate_type,
                "aggregate_id": aggregate_id, "payload": {}, "hlc": seq, "device_id": "d", "office_code": "13",
                "user_id": "u", "recorded_at": now, "schema_version": 1, "client_seq": seq, "scope": "13",
                "tracking_code": tracking, "received_at": now}

    rows = [row(i, "loan", new_id(), "loan.checked_out", None) for i in range(1, 300)]
    rows += [row(300, "case", case_id, "case.received", code), row(301, "case", case_id, "case.reviewed", None)]
    statements: list[tuple[str, object]] = []
    try:
        with db.transaction() as s:
            s.execute(insert(ServerEvent), rows)
        event.listen(db.engine, "before_cursor_execute",
                     lambda _c, _cur, sql, params, _ctx, _many: statements.append((sql, params)))
        found = status.lookup(db, code)
        assert found is not None and found.status == "in_review"
        reads = [(sql, params) for sql, params in statements if "FROM events" in sql]
        assert len(reads) == 2
        with db.engine.connect() as conn:
            if db.is_postgres:
                conn.exec_driver_sql("SET enable_seqscan = off")  # an index it can use, it now uses
            for sql, params in reads:
                plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                    ("EXPLAIN " if db.is_postgres else "EXPLAIN QUERY PLAN ") + sql, params).all())
                assert "ix_events_" in plan and "Seq Scan on events" not in plan and "SCAN events" not in plan, plan
    finally:
        db.close()


def test_a_rejected_or_closed_request_reads_so_to_its_applicant(server: LiveServer, tmp_path: Path) -> None:
    """An applicant whose request the expert rejected at review read «درخواست شما بررسی شد.» and
    the status "in_review", as if it were still being looked at; one whose case was closed and then
    told read "answered", as if it were open again. A rejection now says it was not accepted, and a
    notice after the end keeps it ended."""
    from kanoon_desk.services.secretariat_notices import notify

    desk = enrol(server, tmp_path / "d.sqlite3", "13")
    admin = bootstrap_admin(desk)
    rejected = sec.intake(desk, admin, case_input(1))
    sec.review(desk, admin, rejected.case_id, accept=False, reason=sec.REJECTION_REASONS[0])
    closed = sec.intake(desk, admin, case_input(2))
    sec.review(desk, admin, closed.case_id, accept=True)
    sec.register(desk, admin, closed.case_id)
    sec.close(desk, admin, closed.case_id, outcome="unresolved")
    notify(desk, admin, closed.case_id, method="phone")
    assert client.sync_once(desk).ok

    def said(code: str) -> tuple[str, str]:
        body = httpx.get(f"{server.url}/v1/status/{code}").json()
        return body["status"], body["status_fa"]

    assert said(rejected.tracking_code) == ("rejected", "درخواست شما بررسی شد و پذیرفته نشد.")
    assert said(closed.tracking_code) == ("closed", "رسیدگی به درخواست شما پایان یافت و نتیجه به شما اعلام شد.")


def test_the_status_look_up_takes_the_code_as_the_sms_and_the_receipt_show_it(
        server: LiveServer, tmp_path: Path) -> None:
    """The applicant types back (or pastes) the code their SMS shows: in Persian digits, in groups
    with the SMS's no-break spaces, with spaces or hyphens; the look-up and the desk's search find
    the case by each."""
    from urllib.parse import quote

    from kanoon_desk.persian import to_persian_digits
    from kanoon_desk.services import secretariat_query as q
    from kanoon_desk.services.secretariat_search import find_case_id

    desk = enrol(server, tmp_path / "d.sqlite3", "13")
    admin = bootstrap_admin(desk)
    receipt = sec.intake(desk, admin, case_input())
    assert client.sync_once(desk).ok
    code = receipt.tracking_code
    case = q.get_case(desk, admin, receipt.case_id).case
    in_sms = next(w for w in sec.sms_text({**case, "status": "closed"}).split(" ") if "\u00a0" in w)
    groups = [code[i:i + 4] for i in range(0, 16, 4)]
    for typed in (in_sms, to_persian_digits(in_sms), " ".join(groups), "-".join(groups),
                  to_persian_digits("-".join(groups)), "\u202f".join(groups)):
        answer = httpx.get(f"{server.url}/v1/status/{quote(typed)}")
        assert answer.status_code == 200, (typed, answer.text)
        assert answer.json()["tracking_code"] == code
        assert find_case_id(desk, admin, typed) == receipt.case_id, typed


def test_the_status_says_the_day_it_changed_on_the_office_calendar(server_db_url: str) -> None:
    """A request received at 00:30 on Nowruz in Tehran (21:00 UTC the evening before) read as
    updated on 29 Esfand, the UTC date: the applicant was told a day the office never saw it."""
    db = ServerDb(server_db_url)
    code = "001123456790" + damm_check_digit("001123456790")
    at = datetime(2026, 3, 20, 21, 0, tzinfo=UTC)
    try:
        with db.transaction() as s:
            s.execute(insert(ServerEvent), [{
                "id": new_id(), "server_seq": 1, "type": "case.received", "aggregate_type": "case",
                "aggregate_id": new_id(), "payload": {}, "hlc": 1, "device_id": "d", "office_code": "13",
                "user_id": "u", "recorded_at": at, "schema_version": 1, "client_seq": 1, "scope": "13",
                "tracking_code": code, "received_at": at}])
        found = status.lookup(db, code)
        assert found is not None and found.updated_on == "2026-03-21"  # 1405/01/01
    finally:
        db.close()
