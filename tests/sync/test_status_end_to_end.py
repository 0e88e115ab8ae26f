"""A citizen's tracking code, issued by a secretariat desk, answers its public status once synced."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
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
    assert set(body) == {"tracking_code", "status", "status_fa", "updated_on", "agency", "due_on", "due_on_fa"}
    assert (body["agency"], body["due_on"], body["due_on_fa"]) == ("", "", "")  # with no agency yet
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


def test_the_status_names_the_agency_and_the_day_its_answer_is_due_and_nothing_personal(
        server: LiveServer, tmp_path: Path) -> None:
    """An applicant whose request went to an agency read only «… به دستگاه مربوط ارجاع شد»: not
    which agency, nor when its answer is due. The look-up now gives the agency's public name and
    the due day (ISO and Jalali), follows a follow-up's new deadline and a withdrawn forward, says
    nothing of either once the agency answered, and carries nothing of the applicant, the letter
    or the office's notes."""
    from kanoon_desk.jalali import format_jalali_date
    from kanoon_desk.services.secretariat_agencies import save_agency
    from kanoon_desk.services.secretariat_followups import working_calendar

    desk = enrol(server, tmp_path / "d.sqlite3", "13")
    admin = bootstrap_admin(desk)
    agency = save_agency(desk, admin, name="شهرداری منطقه سه", deadline_days=None)
    receipt = sec.intake(desk, admin, case_input(7))
    sec.review(desk, admin, receipt.case_id, accept=True)
    number = sec.register(desk, admin, receipt.case_id)
    untouched = sec.intake(desk, admin, case_input(8))
    fw = sec.forward(desk, admin, receipt.case_id, agency.id, instruction="دستور محرمانه مدیر")
    assert client.sync_once(desk).ok

    def look(code: str) -> tuple[dict[str, str], str]:
        answer = httpx.get(f"{server.url}/v1/status/{code}")
        assert answer.status_code == 200, answer.text
        return answer.json(), answer.text

    body, text = look(receipt.tracking_code)
    assert body["status"] == "referred"
    assert body["agency"] == "شهرداری منطقه سه"
    assert body["due_on"] == fw.deadline.isoformat() and body["due_on_fa"] == format_jalali_date(fw.deadline)
    for private in ("زهرا", "کریمی", "09121234567", "آزادی", "برق", case_input(7).national_id, number,
                    fw.letter_no, "محرمانه", admin.user_id):
        assert private not in text, private
    assert set(body) == {"tracking_code", "status", "status_fa", "updated_on", "agency", "due_on", "due_on_fa"}

    calendar = working_calendar(desk)
    later = calendar.next_working_day(fw.deadline + timedelta(days=5))
    sec.follow_up(desk, admin, receipt.case_id, method="phone", note="کارشناس گفت پرونده گم شده", new_deadline=later)
    assert client.sync_once(desk).ok
    body, text = look(receipt.tracking_code)
    assert (body["agency"], body["due_on"], body["due_on_fa"]) == (
        "شهرداری منطقه سه", later.isoformat(), format_jalali_date(later))
    assert "گم شده" not in text

    not_forwarded, _text = look(untouched.tracking_code)
    assert (not_forwarded["agency"], not_forwarded["due_on"], not_forwarded["due_on_fa"]) == ("", "", "")

    sec.record_response(desk, admin, receipt.case_id, text="پاسخ دستگاه: کار انجام شد")
    assert client.sync_once(desk).ok
    body, text = look(receipt.tracking_code)
    assert body["status"] == "answered" and (body["agency"], body["due_on"]) == ("", "")
    assert "کار انجام شد" not in text


def test_the_agency_a_case_waits_on_is_read_by_index(server_db_url: str) -> None:
    """The third step of a look-up of a forwarded case, the agency's name, reads the agency's
    events by index (`ix_events_agency`), not every event of the server."""
    db = ServerDb(server_db_url)
    code = "001123456791" + damm_check_digit("001123456791")
    case_id, agency_id, now = new_id(), new_id(), datetime(2026, 12, 4, tzinfo=UTC)

    def row(seq: int, aggregate_type: str, aggregate_id: str, kind: str, payload: dict[str, object],
            tracking: str | None = None) -> dict[str, object]:
        return {"id": new_id(), "server_seq": seq, "type": kind, "aggregate_type": aggregate_type,
                "aggregate_id": aggregate_id, "payload": payload, "hlc": seq, "device_id": "d", "office_code": "13",
                "user_id": "u", "recorded_at": now, "schema_version": 1, "client_seq": seq, "scope": "13",
                "tracking_code": tracking, "received_at": now}

    rows = [row(i, "agency", new_id(), "agency.set", {"name": f"دستگاه {i}"}) for i in range(1, 300)]
    rows += [row(300, "agency", agency_id, "agency.set", {"name": "اداره آب"}),
             row(301, "agency", agency_id, "agency.set", {"active": True}),
             row(302, "case", case_id, "case.received", {}, code),
             row(303, "case", case_id, "case.forwarded", {"agency_id": agency_id, "deadline": "2026-12-20",
                                                          "letter_no": "13-D01-1405-L000001"})]
    statements: list[tuple[str, object]] = []
    try:
        with db.transaction() as s:
            s.execute(insert(ServerEvent), rows)
        event.listen(db.engine, "before_cursor_execute",
                     lambda _c, _cur, sql, params, _ctx, _many: statements.append((sql, params)))
        found = status.lookup(db, code)
        assert found is not None and (found.agency, found.due_on) == ("اداره آب", "2026-12-20")
        assert "L000001" not in found.model_dump_json()
        reads = [(sql, params) for sql, params in statements if "FROM events" in sql]
        assert len(reads) == 3
        with db.engine.connect() as conn:
            if db.is_postgres:
                conn.exec_driver_sql("SET enable_seqscan = off")
            for sql, params in reads:
                plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                    ("EXPLAIN " if db.is_postgres else "EXPLAIN QUERY PLAN ") + sql, params).all())
                assert "ix_events_" in plan and "Seq Scan on events" not in plan and "SCAN events" not in plan, plan
    finally:
        db.close()
