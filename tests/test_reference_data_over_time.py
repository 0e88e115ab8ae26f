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
