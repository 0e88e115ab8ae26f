"""The complaint process through the services: every step, branch, refusal and the re-fold."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kanoon_desk.errors import InvariantError, NotFound, PermissionDenied, ValidationError
from kanoon_desk.eventlog import projection_digests, refold_all, verify_audit_chain
from kanoon_desk.models import Event
from kanoon_desk.models.secretariat import Applicant, Visit
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.numbers import is_valid_tracking_code, sms_tracking_code
from kanoon_desk.services.secretariat_agencies import save_agency
from kanoon_desk.services.secretariat_files import attachment_path
from tests.refold_check import assert_refolds_alike

from .secretariat_helpers import PDF_BYTES, Desk, case_input, make_secretariat_desk, national_id

DAY = date(2025, 5, 4)  # a Sunday


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _to_manager(d: Desk, n: int = 1, on: date = DAY) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=on)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=on)
    sec.register(d.store, d.clerk, r.case_id, on=on)
    sec.refer(d.store, d.expert, r.case_id, d.manager.user_id, instruction="بررسی و اقدام", on=on)
    return r.case_id


def test_intake_gives_tracking_code_reuses_applicant_and_stores_scans(desk: Desk, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF_BYTES)
    r1 = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[scan]), on=DAY)
    assert is_valid_tracking_code(r1.tracking_code) and r1.attachments == 1
    r2 = sec.intake(desk.store, desk.clerk, case_input(1, mobile="09350000000", subject="موضوع دیگر"), on=DAY)
    with desk.store.read() as s:
        applicants = list(s.scalars(select(Applicant)))
    assert len(applicants) == 1 and applicants[0].mobile == "09350000000"
    detail = q.get_case(desk.store, desk.clerk, r1.case_id)
    assert detail.case["status"] == "received" and detail.case["visits"] == 1
    sha = detail.attachments[0]["sha256"]
    assert attachment_path(desk.store, sha).read_bytes() == PDF_BYTES
    assert r2.tracking_code != r1.tracking_code


@pytest.mark.parametrize(("field", "value"), [
    ("national_id", "1234567890"), ("first_name", "  "), ("last_name", ""), ("mobile", "12345"),
    ("subject", ""), ("channel", "email"), ("received_date", "2025/01/01"), ("received_date", "1404/13/01"),
])
def test_intake_validation_names_the_field(desk: Desk, field: str, value: str) -> None:
    with pytest.raises(ValidationError) as err:
        sec.intake(desk.store, desk.clerk, case_input(1, **{field: value}), on=DAY)
    assert err.value.field == field
    with desk.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Event).where(Event.type == "case.received")) == 0


def test_attachment_type_and_size_checked_by_content(desk: Desk, tmp_path: Path) -> None:
    fake = tmp_path / "letter.pdf"
    fake.write_bytes(b"MZ not a pdf at all")
    with pytest.raises(ValidationError) as err:
        sec.intake(desk.store, desk.clerk, case_input(1, attachments=[fake]), on=DAY)
    assert err.value.field == "attachments"
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError):
        sec.intake(desk.store, desk.clerk, case_input(1, attachments=[big]), on=DAY)


def test_future_received_date_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError) as err:
        sec.intake(desk.store, desk.clerk, case_input(1, received_date=DAY + timedelta(days=1)), on=DAY)
    assert err.value.field == "received_date"


def test_roles_are_enforced(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        sec.intake(desk.store, desk.librarian, case_input(1), on=DAY)
    with pytest.raises(PermissionDenied):
        sec.intake(desk.store, desk.expert, case_input(1), on=DAY)
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    with pytest.raises(PermissionDenied):
        sec.review(desk.store, desk.clerk, r.case_id, accept=True)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    with pytest.raises(PermissionDenied):
        sec.forward(desk.store, desk.expert, r.case_id, desk.agency.id, on=DAY)
    with pytest.raises(PermissionDenied):
        q.search(desk.store, desk.librarian, q.SearchQuery(text="برق"))
    with pytest.raises(PermissionDenied):
        q.get_case(desk.store, desk.librarian, r.case_id)


def test_reject_at_review_produces_notice_and_can_reopen(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    with pytest.raises(ValidationError) as err:
        sec.review(desk.store, desk.expert, r.case_id, accept=False)
    assert err.value.field == "reason"
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص", note="رونوشت سند", on=DAY)
    d = q.get_case(desk.store, desk.expert, r.case_id)
    assert d.case["status"] == "rejected" and d.case["outcome"] == "rejected"
    assert d.notices[0]["kind"] == "rejection" and r.tracking_code in d.notices[0]["text"]
    assert d.notices[0]["status"] == "pending"
    sec.notify(desk.store, desk.clerk, r.case_id, method="sms", on=DAY)
    d = q.get_case(desk.store, desk.expert, r.case_id)
    assert [n["status"] for n in d.notices] == ["done", "queued"]
    with pytest.raises(InvariantError):
        sec.register(desk.store, desk.clerk, r.case_id)
    with pytest.raises(ValidationError):
        sec.reopen(desk.store, desk.expert, r.case_id, reason="")
    sec.reopen(desk.store, desk.expert, r.case_id, reason="مدارک کامل شد", on=DAY)
    d = q.get_case(desk.store, desk.expert, r.case_id)
    assert d.case["status"] == "received" and d.case["reopen_count"] == 1 and d.case["outcome"] is None


def test_full_happy_path_with_forward_follow_up_answer_notice_close(desk: Desk, tmp_path: Path) -> None:
    case_id = _to_manager(desk)
    reg = q.get_case(desk.store, desk.manager, case_id).case["registration_no"]
    assert reg.startswith("13-D01-1404-")
    fw = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    assert fw.deadline == date(2025, 5, 21)  # 15 working days, Fridays skipped
    assert fw.letter_no.startswith("13-D01-1404-")
    assert q.overdue_count(desk.store, desk.expert, on=date(2025, 5, 21)) == 0
    assert q.overdue_count(desk.store, desk.expert, on=date(2025, 5, 22)) == 1
    overdue_search = lambda on: [r.id for r in q.search(  # noqa: E731 - the search page's "overdue" filter
        desk.store, desk.expert, q.SearchQuery(overdue=True, on=on, agency_id=desk.agency.id))]
    assert overdue_search(date(2025, 5, 21)) == [] and overdue_search(date(2025, 5, 22)) == [case_id]
    late = date(2025, 5, 25)
    with pytest.raises(ValidationError):
        sec.follow_up(desk.store, desk.expert, case_id, method="fax", on=late)
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", note="پیگیری کتبی",
                  new_deadline=date(2025, 6, 1), on=late)
    assert q.overdue_count(desk.store, desk.expert, on=late) == 0
    scan = tmp_path / "answer.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 40)
    sec.record_response(desk.store, desk.clerk, case_id, text="مشکل برطرف شد.", attachment=scan,
                        on=date(2025, 5, 28))
    sec.notify(desk.store, desk.clerk, case_id, method="in_person", on=date(2025, 5, 28))
    with pytest.raises(ValidationError) as err:
        sec.close(desk.store, desk.manager, case_id, outcome="not_responsible")
    assert err.value.field == "responsible_party"
    sec.close(desk.store, desk.expert, case_id, outcome="resolved", on=date(2025, 5, 28))
    d = q.get_case(desk.store, desk.expert, case_id)
    c = d.case
    assert c["status"] == "closed" and c["outcome"] == "resolved" and c["visits"] == 2
    assert c["agency_days"] == (date(2025, 5, 28) - DAY).days and c["clock"] == "office"
    assert d.forwards[0]["status"] == "answered" and d.follow_ups[0]["letter_no"]
    assert [a["kind"] for a in d.attachments] == ["response"]
    types = [t.type for t in d.timeline]
    assert types == ["case.received", "case.reviewed", "case.registered", "case.referred",
                     "case.forwarded", "case.followed_up", "case.answered", "case.attached", "case.notified",
                     "case.closed"]
    assert d.timeline[0].user_name == "کاربر clerk1"
    with pytest.raises(InvariantError):
        sec.close(desk.store, desk.expert, case_id, outcome="resolved")
    pub = q.case_status_by_tracking_code(desk.store, c["tracking_code"])
    assert pub is not None and pub.status == "closed" and pub.outcome_fa == "رسیدگی و حل شد"


def test_cartable_read_flag_cc_and_recall(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    item = sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="فوری",
                     cc=[desk.manager2.user_id], on=DAY)
    items = q.cartable(desk.store, desk.manager)
    assert [(i.item_id, i.read, i.instruction) for i in items] == [(item, False, "فوری")]
    cc = q.cartable(desk.store, desk.manager2)
    assert len(cc) == 1 and cc[0].kind == "cc"
    sec.mark_read(desk.store, desk.manager, item)
    assert q.cartable(desk.store, desk.manager)[0].read is True
    assert q.cartable_count(desk.store, desk.manager, unread_only=True) == 0
    with pytest.raises(PermissionDenied):
        sec.recall(desk.store, desk.manager, item)  # only the sender recalls
    sec.recall(desk.store, desk.expert, item)
    assert q.cartable_count(desk.store, desk.manager) == 0
    c = q.get_case(desk.store, desk.expert, r.case_id).case
    assert c["status"] == "registered" and c["holder_user_id"] == desk.expert.user_id
    with pytest.raises(InvariantError):
        sec.recall(desk.store, desk.expert, item)
    # once acted on, a referral cannot be recalled
    item2 = sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    sec.forward(desk.store, desk.manager, r.case_id, desk.agency.id, on=DAY)
    with pytest.raises(InvariantError):
        sec.recall(desk.store, desk.expert, item2)


def test_manager_refers_back_then_rejects(desk: Desk) -> None:
    case_id = _to_manager(desk)
    with pytest.raises(PermissionDenied):
        sec.refer_back(desk.store, desk.manager2, case_id)  # not in manager2's cartable
    sec.refer_back(desk.store, desk.manager, case_id, instruction="مدارک تکمیل شود", on=DAY)
    c = q.get_case(desk.store, desk.expert, case_id).case
    assert c["holder_user_id"] == desk.expert.user_id
    assert [i.instruction for i in q.cartable(desk.store, desk.expert)] == ["مدارک تکمیل شود"]
    with pytest.raises(PermissionDenied):
        sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)  # not the holder now
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
    with pytest.raises(ValidationError) as err:
        sec.manager_reject(desk.store, desk.manager, case_id, reason="", note="شرح داده نشده")
    assert err.value.field == "reason"
    with pytest.raises(PermissionDenied):  # not in manager2's cartable
        sec.manager_reject(desk.store, desk.manager2, case_id, reason="خارج از حیطه وظایف", on=DAY)
    sec.manager_reject(desk.store, desk.manager, case_id, reason="خارج از حیطه وظایف",
                       note="به اداره کل راه مراجعه کنید.", on=DAY)
    d = q.get_case(desk.store, desk.expert, case_id)
    c = d.case
    assert c["status"] == "rejected" and q.cartable_count(desk.store, desk.manager) == 0
    assert (c["reject_reason"], c["reject_note"], c["rejected_on"], c["notice"]) == (
        "خارج از حیطه وظایف", "به اداره کل راه مراجعه کنید.", DAY, "due")
    [notice] = d.notices  # like the expert's rejection: the applicant's notice waits to be sent
    assert (notice["kind"], notice["status"]) == ("rejection", "pending")
    assert "«خارج از حیطه وظایف»" in notice["text"] and c["tracking_code"] in notice["text"]
    # the same words by SMS, the code in the receipt's groups (kept in order on a phone)
    assert sec.sms_text(c) == notice["text"].replace(c["tracking_code"], sms_tracking_code(c["tracking_code"]))
    with pytest.raises(ValidationError) as err:  # a rejection by any close names its reason
        sec.close(desk.store, desk.expert, _to_manager(desk, 2), outcome="rejected", note="داخلی")
    assert err.value.field == "reason"


def test_agency_deadline_override_and_not_responsible(desk: Desk) -> None:
    slow = save_agency(desk.store, desk.admin, name="اداره کل راه و شهرسازی", deadline_days=5)
    with pytest.raises(PermissionDenied):
        save_agency(desk.store, desk.clerk, name="x")
    with pytest.raises(ValidationError):
        save_agency(desk.store, desk.admin, name="y", deadline_days=0)
    case_id = _to_manager(desk)
    fw = sec.forward(desk.store, desk.manager, case_id, slow.id, letter_no="۱۲۳/الف", on=DAY)
    assert fw.deadline == date(2025, 5, 10) and fw.letter_no == "123/الف"
    sec.close(desk.store, desk.manager, case_id, outcome="not_responsible",
              responsible_party="اداره کل آموزش و پرورش", on=DAY)
    c = q.get_case(desk.store, desk.manager, case_id).case
    assert c["responsible_party"] == "اداره کل آموزش و پرورش" and c["status"] == "closed"


def test_visit_in_one_call(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1, channel="post"), on=DAY)
    sec.record_visit(desk.store, desk.clerk, r.case_id, purpose="ask", on=DAY)
    with pytest.raises(ValidationError):
        sec.record_visit(desk.store, desk.clerk, r.case_id, purpose="party")
    with desk.store.read() as s:
        assert [v.purpose for v in s.scalars(select(Visit))] == ["ask"]
    with pytest.raises(NotFound):
        sec.record_visit(desk.store, desk.clerk, "nope")


def test_refold_equals_projections_and_audit_intact(desk: Desk) -> None:
    _to_manager(desk, 1)
    c2 = _to_manager(desk, 2)
    sec.forward(desk.store, desk.manager, c2, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, c2, text="پاسخ", on=DAY + timedelta(days=3))
    sec.close(desk.store, desk.expert, c2, outcome="unresolved", on=DAY + timedelta(days=3))
    sec.reopen(desk.store, desk.manager, c2, reason="اعتراض متقاضی", on=DAY + timedelta(days=4))
    r3 = sec.intake(desk.store, desk.clerk, case_input(3), on=DAY)
    sec.review(desk.store, desk.expert, r3.case_id, accept=False, reason="تکراری", on=DAY)
    with desk.store.read() as s:
        before = projection_digests(s)
        assert verify_audit_chain(s) == []
    hits = q.search_count(desk.store, desk.clerk, q.SearchQuery(text="برق"))
    with desk.store.transaction() as s:
        refold_all(s)
        assert projection_digests(s) == before
    assert q.search_count(desk.store, desk.clerk, q.SearchQuery(text="برق")) == hits == 3
    assert national_id(1)  # helper sanity: used by other tests


def _event_payloads(desk: Desk, case_id: str, kind: str) -> list[dict[str, object]]:
    with desk.store.read() as s:
        return [e.payload for e in s.scalars(select(Event).where(Event.aggregate_id == case_id, Event.type == kind)
                                               .order_by(Event.hlc, Event.id))]


def test_an_sms_notice_carries_the_mobile_and_the_message_for_the_server(desk: Desk) -> None:
    case_id = _to_manager(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="لوله‌کشی محله تا پایان ماه انجام می‌شود.",
                        on=DAY + timedelta(days=5))
    sec.notify(desk.store, desk.clerk, case_id, method="sms", on=DAY + timedelta(days=5))
    sec.notify(desk.store, desk.clerk, case_id, method="sms", text="پاسخ شما آماده است.", on=DAY + timedelta(days=6))
    sec.notify(desk.store, desk.clerk, case_id, method="phone", on=DAY + timedelta(days=6))
    first, second, phone = _event_payloads(desk, case_id, "case.notified")
    code = q.get_case(desk.store, desk.clerk, case_id).case["tracking_code"]
    assert first["mobile"] == "09121234567" and sms_tracking_code(code) in str(first["text"])
    assert "لوله‌کشی محله" in str(first["text"])  # the default message gives the agency's answer
    assert second["mobile"] == "09121234567" and second["text"] == "پاسخ شما آماده است."
    assert "mobile" not in phone
    notices = q.get_case(desk.store, desk.clerk, case_id).notices
    assert [n["status"] for n in notices] == ["queued", "queued", "done"]


def test_an_sms_notice_is_refused_at_the_method_when_the_applicant_has_no_mobile(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(40, mobile=""), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص", on=DAY)
    with pytest.raises(ValidationError) as err:
        sec.notify(desk.store, desk.clerk, r.case_id, method="sms", on=DAY)
    assert err.value.field == "method" and "شماره همراه" in err.value.message
    assert _event_payloads(desk, r.case_id, "case.notified") == []
    sec.notify(desk.store, desk.clerk, r.case_id, method="letter", on=DAY)  # another way is fine
    # the rejection's own notice by SMS, once the applicant left a mobile at a later visit
    sec.intake(desk.store, desk.clerk, case_input(40, subject="موضوع دیگر"), on=DAY)
    sec.notify(desk.store, desk.clerk, r.case_id, method="sms", on=DAY)
    [sms] = [p for p in _event_payloads(desk, r.case_id, "case.notified") if p["method"] == "sms"]
    assert sms["mobile"] == "09121234567" and "مدارک ناقص" in str(sms["text"])


def test_the_forwarding_letter_takes_its_own_date_and_the_deadline_counts_from_it(desk: Desk) -> None:
    case_id = _to_manager(desk)
    on = date(2025, 5, 11)
    for letter_date, field in ((on + timedelta(days=1), "letter_date"), (DAY - timedelta(days=1), "letter_date")):
        with pytest.raises(ValidationError) as err:
            sec.forward(desk.store, desk.manager, case_id, desk.agency.id, letter_date=letter_date, on=on)
        assert err.value.field == field
    with pytest.raises(ValidationError) as err:
        sec.forward(desk.store, desk.manager, case_id, "", on=on)
    assert err.value.field == "agency_id"
    fw = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, letter_date=date(2025, 5, 6), on=on)
    assert fw.letter_date == date(2025, 5, 6)
    assert fw.deadline == date(2025, 5, 24)  # 15 working days from Tuesday 6 May (three Fridays skipped)
    assert q.get_case(desk.store, desk.manager, case_id).forwards[0]["letter_date"] == date(2025, 5, 6)


def test_the_sms_of_a_rejection_without_its_reason_quotes_no_internal_note() -> None:
    # a case closed as rejected before rejections named their reason: its note was the office's own
    text = sec.sms_text({"tracking_code": "0013011234567895", "status": "rejected", "reject_reason": None,
                         "reject_note": None, "outcome_note": "متقاضی مزاحم است", "response_text": None})
    assert "مزاحم" not in text and "پذیرفته نشد" in text


def test_recalling_a_referral_of_an_answered_case_leaves_it_answered(desk: Desk) -> None:
    case_id = _to_manager(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="انجام شد", on=DAY + timedelta(days=3))
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, instruction="برای آگاهی",
              on=DAY + timedelta(days=3))
    item = q.get_case(desk.store, desk.expert, case_id).open_item_id
    sec.recall(desk.store, desk.expert, item or "")
    c = q.get_case(desk.store, desk.expert, case_id).case
    assert c["status"] == "answered" and c["notice"] == "due"  # not back to «registered»


def test_a_manager_recalling_a_referral_sent_on_has_the_case_in_the_cartable_again(desk: Desk) -> None:
    """The expert refers to the manager, who refers it on to the other manager and takes it back:
    it is the manager's again, in their cartable with the expert's instruction, still «referred»."""
    case_id = _to_manager(desk)
    (item,) = q.cartable(desk.store, desk.manager)
    sec.refer(desk.store, desk.manager, case_id, desk.manager2.user_id, instruction="لطفاً شما پیگیری کنید",
              on=DAY + timedelta(days=1))
    assert q.cartable(desk.store, desk.manager) == []
    sent_on = q.get_case(desk.store, desk.manager, case_id).open_item_id
    sec.recall(desk.store, desk.manager, sent_on or "")
    assert q.cartable(desk.store, desk.manager2) == []
    (back,) = q.cartable(desk.store, desk.manager)
    assert (back.item_id, back.instruction) == (item.item_id, "بررسی و اقدام")
    c = q.get_case(desk.store, desk.manager, case_id).case
    assert (c["status"], c["holder_user_id"]) == ("referred", desk.manager.user_id)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY + timedelta(days=1))  # acts on it
    assert q.cartable(desk.store, desk.manager) == []
    assert_refolds_alike(desk.store)


def test_a_reopened_case_is_the_secretariats_again_not_the_agencys(desk: Desk) -> None:
    case_id = _to_manager(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="انجام شد", on=DAY + timedelta(days=3))
    sec.close(desk.store, desk.expert, case_id, outcome="resolved", on=DAY + timedelta(days=4))
    sec.reopen(desk.store, desk.expert, case_id, reason="پاسخ کامل نبود", on=DAY + timedelta(days=5))
    d = q.get_case(desk.store, desk.expert, case_id)
    assert (d.case["status"], d.case["agency_id"], d.case["deadline"]) == ("registered", None, None)
    assert d.agency_name is None
    assert q.search(desk.store, desk.expert, q.SearchQuery(agency_id=desk.agency.id)) == []


def test_a_case_sent_back_to_the_expert_is_said_to_be_in_the_experts_cartable(desk: Desk) -> None:
    from kanoon_desk.server.status import PUBLIC_STATUS

    case_id = _to_manager(desk)
    code = q.get_case(desk.store, desk.clerk, case_id).case["tracking_code"]
    public = q.case_status_by_tracking_code(desk.store, code)
    assert public is not None and public.status_fa == "در کارتابل مدیر"
    sec.refer_back(desk.store, desk.manager, case_id, instruction="مدارک تکمیل شود", on=DAY)
    public = q.case_status_by_tracking_code(desk.store, code)
    assert public is not None and (public.status, public.status_fa) == ("referred", "در کارتابل کارشناس")
    [row] = q.search(desk.store, desk.clerk, q.SearchQuery(text=code))
    assert q.status_key(row.status, row.holder_roles) == "در کارتابل کارشناس"
    assert q.get_case(desk.store, desk.clerk, case_id).holder_roles == "expert"
    # the server's look-up knows no roles: a referral is said to be inside the office, never at an agency
    assert "دستگاه" not in PUBLIC_STATUS["case.referred"][1] and "دفتر" in PUBLIC_STATUS["case.referred"][1]


def test_nothing_is_told_the_applicant_before_anything_is_decided(desk: Desk) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    with pytest.raises(InvariantError):
        sec.notify(desk.store, desk.clerk, r.case_id, method="phone", on=DAY)
    assert _event_payloads(desk, r.case_id, "case.notified") == []
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص", on=DAY)
    sec.notify(desk.store, desk.clerk, r.case_id, method="phone", on=DAY)  # the rejection is told
    assert [p["kind"] for p in _event_payloads(desk, r.case_id, "case.notified")] == ["rejection"]


def test_a_case_is_not_forwarded_to_an_agency_taken_out_of_the_directory(desk: Desk) -> None:
    from kanoon_desk.services.secretariat_agencies import set_agency_active

    case_id = _to_manager(desk)
    set_agency_active(desk.store, desk.admin, desk.agency.id, False)
    with pytest.raises(ValidationError) as err:
        sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    assert err.value.field == "agency_id" and "بیرون گذاشته شده" in err.value.message
    assert q.get_case(desk.store, desk.manager, case_id).case["status"] == "referred"


def test_one_visit_counts_once_whether_recorded_by_the_notice_or_the_one_click(desk: Desk) -> None:
    case_id = _to_manager(desk)  # taken in, in person, on DAY: one visit
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="انجام شد", on=DAY + timedelta(days=3))
    later = DAY + timedelta(days=4)
    sec.record_visit(desk.store, desk.clerk, case_id, purpose="ask", on=later)  # the click, on arrival
    sec.notify(desk.store, desk.clerk, case_id, method="in_person", on=later)  # then told the answer
    with pytest.raises(InvariantError):  # and the click again, the same visit
        sec.record_visit(desk.store, desk.clerk, case_id, purpose="ask", on=later)
    c = q.get_case(desk.store, desk.clerk, case_id).case
    assert c["visits"] == 2 and c["notice"] == "told"
    with desk.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.case_id == case_id)) == 2
    sec.notify(desk.store, desk.clerk, case_id, method="in_person", on=later + timedelta(days=1))
    assert q.get_case(desk.store, desk.clerk, case_id).case["visits"] == 3  # another day, another visit
    with pytest.raises(InvariantError):  # the notice counted today's visit
        sec.record_visit(desk.store, desk.clerk, case_id, on=later + timedelta(days=1))


def test_an_sms_is_never_longer_than_sms_max_and_a_longer_one_typed_is_refused_at_its_field(desk: Desk) -> None:
    """A rejection whose note is long sends its SMS cut to SMS_MAX (the printed notice keeps the
    whole note), as the agency's long answer does; an SMS the clerk wrote longer than that (a
    dozen paid parts in Persian's 70-character messages) is refused at the text, nothing sent."""
    case_id = _to_manager(desk)
    note = "لطفاً مدارک زیر را به اداره کل راه و شهرسازی ببرید. " * 20
    sec.manager_reject(desk.store, desk.manager, case_id, reason="خارج از حیطه وظایف", note=note, on=DAY)
    too_long = "متقاضی گرامی، " * 40
    with pytest.raises(ValidationError) as err:
        sec.notify(desk.store, desk.clerk, case_id, method="sms", text=too_long, on=DAY)
    assert err.value.field == "text" and err.value.params == {"n": len(too_long.strip()), "max": sec.SMS_MAX}
    with pytest.raises(ValidationError) as err:  # telling several at once checks it the same way
        sec.notify_many(desk.store, desk.clerk, [case_id], method="sms", text=too_long, on=DAY)
    assert err.value.field == "text"
    assert q.get_case(desk.store, desk.clerk, case_id).case["notice"] == "due"  # nothing was sent
    sec.notify(desk.store, desk.clerk, case_id, method="sms", on=DAY)
    [told] = [t for t in q.get_case(desk.store, desk.clerk, case_id).timeline if t.type == "case.notified"]
    assert len(told.payload["text"]) <= sec.SMS_MAX and told.payload["text"].endswith("…")
    assert "«خارج از حیطه وظایف»" in told.payload["text"]
    d = q.get_case(desk.store, desk.clerk, case_id)
    assert note.strip() in sec.rejection_notice_text(d.case["tracking_code"], d.case["reject_reason"],
                                                     d.case["reject_note"])  # the paper says it all
