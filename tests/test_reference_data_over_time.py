"""Reference data changed after letters were written: a letter printed again reads as it was sent."""

from __future__ import annotations

from pathlib import Path

from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.secretariat import papers

from .secretariat_helpers import case_input, make_secretariat_desk


def test_a_letter_printed_again_after_the_office_moved_keeps_the_heading_and_address_it_was_sent_with(
        tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    accounts.update_office(d.store, d.admin, name="دفتر مدیریت عملکرد استانداری", address="خیابان انقلاب، پلاک ۱۰",
                           phone="021-11112222", heading="وزارت کشور\nاستانداری تهران")
    cases = []
    for n in (1, 2):
        case_id = sec.intake(d.store, d.clerk, case_input(n)).case_id
        sec.review(d.store, d.expert, case_id, accept=True)
        sec.register(d.store, d.clerk, case_id)
        cases.append(case_id)
    sec.forward(d.store, d.manager, cases[0], d.agency.id)
    # the office moves and its letterhead is changed; the second case is forwarded afterwards
    accounts.update_office(d.store, d.admin, address="بلوار کشاورز، پلاک ۲۰", phone="021-33334444",
                           heading="وزارت کشور\nاستانداری تهران\nمعاونت هماهنگی امور اقتصادی")
    sec.forward(d.store, d.manager, cases[1], d.agency.id)
    before, after = (papers.forwarding_letter(d.store, q.get_case(d.store, d.manager, c)) for c in cases)
    assert "خیابان انقلاب" in before and "بلوار کشاورز" not in before and "معاونت هماهنگی" not in before
    assert "بلوار کشاورز" in after and "معاونت هماهنگی" in after and "خیابان انقلاب" not in after
    # the intake receipt printed again: the phone the applicant was given that day to call
    detail = q.get_case(d.store, d.manager, cases[0])
    receipt = papers.receipt(d.store, detail, detail.case["received_date"])
    assert "۱۱۱۱۲۲۲۲" in receipt and "۳۳۳۳۴۴۴۴" not in receipt


def test_letters_printed_again_name_the_signer_and_the_agency_as_they_were_when_each_was_made(
        tmp_path: Path) -> None:
    """The forward's, the follow-up's and the result's letters, printed again after the signers
    were renamed (and one given another role) and the agency renamed: each as it was sent."""
    from datetime import timedelta

    from kanoon_desk.services import secretariat_agencies as agencies
    from kanoon_desk.services.secretariat_common import today

    d = make_secretariat_desk(tmp_path)
    day = today() - timedelta(days=30)
    case_id = sec.intake(d.store, d.clerk, case_input(1), on=day).case_id
    sec.review(d.store, d.expert, case_id, accept=True, on=day)
    sec.register(d.store, d.clerk, case_id, on=day)
    sec.forward(d.store, d.manager, case_id, d.agency.id, on=day)
    sec.follow_up(d.store, d.expert, case_id, method="letter", note="پاسخ نرسیده است", on=day + timedelta(days=20))
    sec.record_response(d.store, d.clerk, case_id, text="کار انجام شد", on=day + timedelta(days=25))
    sec.notify(d.store, d.clerk, case_id, method="letter", text="", on=day + timedelta(days=26))
    # since: the manager renamed and made an expert only, the others renamed, the agency renamed
    accounts.update_user(d.store, d.admin, d.manager.user_id, full_name="مهدی رضایی", roles={"expert"})
    accounts.update_user(d.store, d.admin, d.expert.user_id, full_name="نرگس امیری")
    accounts.update_user(d.store, d.admin, d.clerk.user_id, full_name="علی کاظمی")
    agencies.save_agency(d.store, d.admin, agency_id=d.agency.id, name="شهرداری کلان‌شهر تهران")
    detail = q.get_case(d.store, d.manager, case_id)
    forwarding = papers.forwarding_letter(d.store, detail)
    assert "کاربر manager1" in forwarding and "مهدی رضایی" not in forwarding
    assert "کارشناس بررسی" not in forwarding  # signed as the manager they were, not as the expert now
    follow_up = papers.follow_up_letter(d.store, d.manager, detail)
    assert "کاربر expert1" in follow_up and "نرگس امیری" not in follow_up
    result = papers.result_letter(d.store, detail)
    assert "کاربر clerk1" in result and "علی کاظمی" not in result
    assert "شهرداری مرکز استان" in result and "کلان‌شهر" not in result
