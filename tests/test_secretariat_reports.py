"""Report figures by Jalali period, and the printed papers' HTML (right to left, reversed tables)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_docs as docs
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.accounts import get_office
from kanoon_desk.services.secretariat_reports import build_report, period

from .secretariat_helpers import case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # 14 Ordibehesht 1404: spring (season 1) of 1404


def test_report_counts_service_time_and_service_card(tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)  # in person: one visit
    sec.review(d.store, d.expert, a.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, a.case_id, on=DAY)
    sec.close(d.store, d.expert, a.case_id, outcome="resolved", on=DAY + timedelta(days=7))  # 6 working days
    b = sec.intake(d.store, d.clerk, case_input(2, channel="post"), on=DAY)
    sec.review(d.store, d.expert, b.case_id, accept=False, reason="مدارک ناقص", on=DAY + timedelta(days=1))
    c = sec.intake(d.store, d.clerk, case_input(3), on=DAY)
    sec.review(d.store, d.expert, c.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, c.case_id, on=DAY)
    sec.forward(d.store, d.admin, c.case_id, d.agency.id, deadline=DAY + timedelta(days=3), on=DAY)
    sec.record_visit(d.store, d.clerk, c.case_id, purpose="ask", on=DAY + timedelta(days=2))
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=DAY + timedelta(days=10))
    assert rep.period.title == "بهار ۱۴۰۴"
    assert (rep.received, rep.accepted, rep.rejected) == (3, 2, 1)
    assert rep.closed_by_outcome == {"resolved": 1, "rejected": 1}
    assert rep.p90_service_days == 6 and rep.avg_service_days == (6 + 1) / 2
    assert rep.overdue_by_agency == [("شهرداری مرکز استان", 1)]
    assert rep.visits == 3 and rep.visits_per_case == 1.0
    assert rep.applicants == 3 and rep.applicants_per_season == 3 / (55 / 93)  # 55 of spring's 93 days gone by
    assert rep.by_month == [((1404, 1), 0, 0), ((1404, 2), 3, 2)]  # Farvardin had none; 24 Ordibehesht is today
    other = build_report(d.store, d.manager, period("month", 1404, 3), on=DAY + timedelta(days=10))
    assert other.received == 0 and other.avg_service_days is None
    html = docs.report_html(get_office(d.store), rep)
    assert 'dir="rtl"' in html and "بهار ۱۴۰۴" in html and "شهرداری مرکز استان" in html


def test_a_request_rejected_as_a_duplicate_is_counted_once(tmp_path: Path) -> None:
    """One paper taken twice (at two desks, or brought again): the twin rejected as «تکراری» is in
    no figure (received, rejected, closed, service time, months); a request rejected for another
    reason still is. The paper's notes say so."""
    d = make_secretariat_desk(tmp_path)
    a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    twin = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, a.case_id, accept=True, on=DAY)
    sec.review(d.store, d.expert, twin.case_id, accept=False, reason="تکراری",
               note=f"پیگیری با کد رهگیری {a.tracking_code}", on=DAY)
    other = sec.intake(d.store, d.clerk, case_input(2), on=DAY)
    sec.review(d.store, d.expert, other.case_id, accept=False, reason="مدارک ناقص", on=DAY + timedelta(days=1))
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=DAY + timedelta(days=10))
    assert (rep.received, rep.accepted, rep.rejected) == (2, 1, 1)
    assert rep.closed_by_outcome == {"rejected": 1} and rep.avg_service_days == 1
    assert rep.by_month == [((1404, 1), 0, 0), ((1404, 2), 2, 1)]
    assert rep.applicants == 2 and rep.visits_per_case == 1.0
    assert "تکراری" in docs.report_html(get_office(d.store), rep)  # (the note)


def test_printed_papers_are_rtl_with_reversed_table_columns() -> None:
    table = docs.rtl_table(["اول", "دوم"], [["۱", "۲"]])
    assert table.index("دوم") < table.index("اول") and table.index("۲") < table.index("۱")
    html = docs.receipt_html(None, tracking_code="0011234567890", applicant_name="زهرا کریمی",
                             subject="قطعی <برق>", received_date=DAY, channel="in_person", attachments=2,
                             printed_on=DAY)
    assert 'dir="rtl"' in html and "\u20660011234567890\u2069" in html and "۱۴۰۴/۰۲/۱۴" in html
    assert "&lt;برق&gt;" in html and "حضوری" in html
    letter = docs.forwarding_letter_html(None, agency_name="شهرداری", letter_no="13-D01-1404-000001",
                                         letter_date=DAY, deadline=DAY + timedelta(days=20),
                                         registration_no="13-D01-1404-000007", tracking_code="1",
                                         applicant_name="علی", subject="آب", text="متن")
    assert "۱۴۰۴/۰۳/۰۳" in letter and "ریاست محترم شهرداری" in letter


def test_printed_papers_write_the_digits_of_persian_text_in_persian() -> None:
    # the store keeps ASCII digits (persian.normalize); paper shows Persian text with Persian digits
    letter = docs.forwarding_letter_html(None, agency_name="منطقه 4 شهرداری", letter_no="13-D01-1404-000001",
                                         letter_date=DAY, deadline=DAY + timedelta(days=20),
                                         registration_no="13-D01-1404-000007", tracking_code="1",
                                         applicant_name="علی", subject="آب کوچه 12", text="از 3 روز پیش، Block 7")
    assert "منطقه ۴ شهرداری" in letter and "آب کوچه ۱۲" in letter and "از ۳ روز پیش، Block ۷" in letter
    # a code is typed back by whoever reads it (an agency's clerk): Latin digits, as the screens
    # search it, in one left-to-right island kept whole
    assert "\u206613-\u2060D01-\u20601404-\u2060000007\u2069" in letter
    assert "\u206613-\u2060D01-\u20601404-\u2060000001\u2069" in letter


def test_report_figures_read_as_counts_or_one_decimal() -> None:
    assert docs.report_number(47.0) == "۴۷" and docs.report_number(1234) == "۱٬۲۳۴"
    assert docs.report_number(17.56) == "۱۷٫۶" and docs.report_number(None) == "—"


def test_outgoing_letters_close_with_the_signer_and_the_office() -> None:
    from kanoon_desk.services.accounts import OfficeView

    office = OfficeView(code="13", name="دفتر مدیریت عملکرد استانداری", kind="office", province="", city="",
                        address="", phone="", heading="")
    letter = docs.forwarding_letter_html(office, agency_name="شهرداری", letter_no="1", letter_date=DAY,
                                         deadline=DAY, registration_no="7", tracking_code="1",
                                         applicant_name="علی", subject="آب", text="متن", signer="مریم حسینی")
    closing = letter[letter.index("به این دفتر"):]
    assert closing.index("مریم حسینی") < closing.index("دفتر مدیریت عملکرد استانداری") < closing.index("امضا و مهر")
    follow = docs.follow_up_letter_html(office, agency_name="شهرداری", letter_no="2", on=DAY, first_letter_no="1",
                                        first_letter_date=DAY, subject="آب", new_deadline=None, signer="علی رضایی")
    assert "علی رضایی" in follow and "امضا و مهر" in follow


def test_overdue_by_agency_counts_deadlines_that_fell_in_the_period_answered_late_or_not_at_all(
        tmp_path: Path) -> None:
    from kanoon_desk.services.secretariat_agencies import save_agency

    d = make_secretariat_desk(tmp_path)
    roads = save_agency(d.store, d.admin, name="اداره کل راه و شهرسازی")

    def forwarded(n: int, agency: str, deadline: date) -> str:
        r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
        sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
        sec.register(d.store, d.clerk, r.case_id, on=DAY)
        sec.forward(d.store, d.admin, r.case_id, agency, deadline=deadline, on=DAY)
        return r.case_id

    in_spring = date(2025, 5, 20)  # Ordibehesht 1404
    late = forwarded(1, d.agency.id, in_spring)
    sec.record_response(d.store, d.clerk, late, text="دیر", on=date(2025, 6, 1))  # answered after it
    forwarded(2, d.agency.id, in_spring)  # never answered
    on_time = forwarded(3, d.agency.id, in_spring)
    sec.record_response(d.store, d.clerk, on_time, text="به‌موقع", on=date(2025, 5, 19))
    withdrawn = forwarded(4, roads.id, in_spring)
    sec.close(d.store, d.admin, withdrawn, outcome="unresolved", on=date(2025, 5, 10))  # closed before it
    forwarded(5, roads.id, date(2025, 7, 1))  # its deadline falls in summer
    spring = build_report(d.store, d.manager, period("season", 1404, 1), on=date(2025, 7, 20))
    assert spring.overdue_by_agency == [("شهرداری مرکز استان", 2)]  # the late one counts, though answered
    summer = build_report(d.store, d.manager, period("season", 1404, 2), on=date(2025, 7, 20))
    assert summer.overdue_by_agency == [("اداره کل راه و شهرسازی", 1)]
    ordibehesht = build_report(d.store, d.manager, period("month", 1404, 2), on=date(2025, 5, 15))
    assert ordibehesht.overdue_by_agency == []  # up to today: those deadlines have not passed yet


def test_the_report_says_how_each_agency_answered_the_letters_sent_to_it(tmp_path: Path) -> None:
    """Per agency, the letters dated in the period: answered, answered by the letter's own deadline
    (a follow-up's extra time not counted), working days to the answer, still waiting."""
    from openpyxl import load_workbook

    from kanoon_desk.services.secretariat_agencies import save_agency
    from kanoon_desk.services.secretariat_reports import AgencyFigures, report_to_xlsx

    d = make_secretariat_desk(tmp_path)
    roads = save_agency(d.store, d.admin, name="اداره کل راه و شهرسازی")

    def forwarded(n: int, agency: str, on: date = DAY) -> str:
        r = sec.intake(d.store, d.clerk, case_input(n), on=on)
        sec.review(d.store, d.expert, r.case_id, accept=True, on=on)
        sec.register(d.store, d.clerk, r.case_id, on=on)
        sec.forward(d.store, d.admin, r.case_id, agency, deadline=date(2025, 5, 20) if on == DAY else None, on=on)
        return r.case_id

    quick = forwarded(1, d.agency.id)  # Sunday 4 May; answered Wednesday 7 May: 3 working days
    sec.record_response(d.store, d.clerk, quick, text="انجام شد", on=date(2025, 5, 7))
    slow = forwarded(2, d.agency.id)  # given more time, answered after the letter's deadline
    sec.follow_up(d.store, d.expert, slow, method="phone", new_deadline=date(2025, 6, 10), on=date(2025, 5, 25))
    sec.record_response(d.store, d.clerk, slow, text="انجام شد", on=date(2025, 6, 1))
    forwarded(3, d.agency.id)  # no answer yet
    forwarded(4, roads.id)
    closed = forwarded(6, roads.id)  # closed without an answer: not waiting any more
    sec.close(d.store, d.admin, closed, outcome="unresolved", on=date(2025, 5, 10))
    forwarded(5, roads.id, on=date(2025, 7, 1))  # a summer letter
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=date(2025, 6, 5))
    # (3 + 24) / 2: 4 May to 1 June is 28 days, four of them Fridays
    assert rep.agencies == [AgencyFigures("شهرداری مرکز استان", 3, 2, 1, 13.5, 1),
                            AgencyFigures("اداره کل راه و شهرسازی", 2, 0, 0, None, 1)]
    html = docs.report_html(None, rep)
    assert "پاسخ‌گویی دستگاه‌ها" in html and "پاسخ در مهلت" in html
    sheet = load_workbook(report_to_xlsx(rep, tmp_path / "r.xlsx"))["پاسخ‌گویی دستگاه‌ها"]
    assert [c.value for c in sheet[2]][:4] == ["شهرداری مرکز استان", 3, 2, 1] and sheet.sheet_view.rightToLeft


def test_the_report_splits_service_time_into_the_office_and_the_agencies(tmp_path: Path) -> None:
    from kanoon_desk.services import accounts

    d = make_secretariat_desk(tmp_path)
    accounts.set_holiday(d.store, d.admin, date(2025, 5, 8), "تعطیل")
    a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, a.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, a.case_id, on=DAY)
    sec.forward(d.store, d.admin, a.case_id, d.agency.id, letter_date=date(2025, 5, 6), on=date(2025, 5, 6))
    sec.record_response(d.store, d.clerk, a.case_id, text="انجام شد", on=date(2025, 5, 13))
    sec.close(d.store, d.expert, a.case_id, outcome="resolved", on=date(2025, 5, 15))  # 9 = office 4 + agency 5
    b = sec.intake(d.store, d.clerk, case_input(2), on=DAY)
    sec.review(d.store, d.expert, b.case_id, accept=False, reason="مدارک ناقص", on=date(2025, 5, 6))  # 2, office
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=date(2025, 6, 1))
    assert rep.avg_service_days == (9 + 2) / 2
    assert (rep.avg_office_days, rep.avg_agency_days) == ((4 + 2) / 2, (5 + 0) / 2)
    html = docs.report_html(None, rep, chart_png=b"\x89PNG fake")
    assert "میانگین زمان دفتر (روز کاری)" in html and "میانگین زمان دستگاه‌ها (روز کاری)" in html
    assert '<img src="data:image/png;base64,' in html
    assert "<img" not in docs.report_html(None, rep)


def test_a_reopened_case_counts_no_service_time_while_it_lay_closed(tmp_path: Path) -> None:
    """Rejected on 7 Ordibehesht after a day's work, reopened on 14 Tir, forwarded, answered and
    closed: 1 + 2 + 3 + 1 working days (office 1 + 2 + 1, agency 3). The two months it lay rejected
    were nobody's time; they counted as the office's (60 working days)."""
    d = make_secretariat_desk(tmp_path)
    a = sec.intake(d.store, d.clerk, case_input(1), on=date(2025, 4, 26))  # a Saturday
    sec.review(d.store, d.expert, a.case_id, accept=False, reason="مدارک ناقص", on=date(2025, 4, 27))  # 1
    sec.reopen(d.store, d.manager, a.case_id, reason="مدرک تازه رسید", on=date(2025, 7, 5))
    sec.review(d.store, d.expert, a.case_id, accept=True, on=date(2025, 7, 5))
    sec.register(d.store, d.clerk, a.case_id, on=date(2025, 7, 6))
    sec.forward(d.store, d.admin, a.case_id, d.agency.id, letter_date=date(2025, 7, 7), on=date(2025, 7, 7))  # 2
    sec.record_response(d.store, d.clerk, a.case_id, text="انجام شد", on=date(2025, 7, 10))  # 3
    sec.close(d.store, d.expert, a.case_id, outcome="resolved", on=date(2025, 7, 12))  # Friday 11: 1
    rep = build_report(d.store, d.manager, period("month", 1404, 4), on=date(2025, 8, 1))
    assert rep.closed_by_outcome == {"resolved": 1}
    assert (rep.avg_service_days, rep.p90_service_days) == (7, 7)
    assert (rep.avg_office_days, rep.avg_agency_days) == (4, 3)
    seen = q.get_case(d.store, d.manager, a.case_id, on=date(2025, 8, 1)).service_time
    assert seen is not None and (seen.total, seen.office, seen.agency, seen.running) == (7, 4, 3, None)


def test_the_sheet_holds_the_figures_the_screen_shows_zeros_and_fractions_alike(tmp_path: Path) -> None:
    """Three requests by post rejected the day they came or the next: service time 0, 1, 1 and no
    visit. The screen (the paper) reads ۰٫۷ and ۰; the sheet left the zeros' cells empty (a zero
    average read as "no figure") and held 0.67 where the screen said ۰٫۷."""
    from openpyxl import load_workbook

    from kanoon_desk.services.secretariat_reports import ReportText, report_to_xlsx

    d = make_secretariat_desk(tmp_path)
    for n, wait in ((1, 0), (2, 1), (3, 1)):
        r = sec.intake(d.store, d.clerk, case_input(n, channel="post"), on=DAY)
        sec.review(d.store, d.expert, r.case_id, accept=False, reason="مدارک ناقص", on=DAY + timedelta(days=wait))
    rep = build_report(d.store, d.manager, period("month", 1404, 2), on=date(2025, 5, 25))  # the month over
    t = ReportText()
    shown = {t.avg_service: "۰٫۷", t.p90_service: "۱", t.avg_office: "۰٫۷", t.avg_agency: "۰", t.visits: "۰",
             t.applicants_per_season: "۹", t.visits_per_case: "۰"}
    html = docs.report_html(None, rep)
    for label, text in shown.items():
        assert f'<td align="right">{text}</td><td align="right">{label}</td>' in html, label
    sheet = load_workbook(report_to_xlsx(rep, tmp_path / "r.xlsx"))[t.figures_sheet]
    got = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {label: got[label] for label in shown} == {
        t.avg_service: 0.7, t.p90_service: 1, t.avg_office: 0.7, t.avg_agency: 0, t.visits: 0,
        t.applicants_per_season: 9, t.visits_per_case: 0}


def test_the_paper_and_the_sheet_say_what_each_disputable_figure_counts(tmp_path: Path) -> None:
    """Service time from which step to which, where a reopened case counts, what makes an agency late,
    how applicants are made a season's: said under the figures on the paper (the screen) and the sheet."""
    from openpyxl import load_workbook

    from kanoon_desk.services.secretariat_reports import ReportText, report_to_xlsx

    d = make_secretariat_desk(tmp_path)
    rep = build_report(d.store, d.manager, period("month", 1404, 2), on=DAY)
    t = ReportText()
    assert len(t.notes()) == 5 and all(t.notes())
    html = docs.report_html(None, rep)
    assert html.index(t.notes_heading) < html.index(t.overdue_heading)
    assert all(note in html for note in t.notes())
    assert "روز دریافت" in t.note_service and "بازگشایی" in t.note_service and "بازگشایی" in t.note_closed
    sheet = load_workbook(report_to_xlsx(rep, tmp_path / "r.xlsx"))[t.figures_sheet]
    column = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert column[column.index(t.notes_heading) + 1:] == t.notes()


def test_a_month_with_nothing_received_or_closed_is_a_zero_in_the_chart_and_the_tables(tmp_path: Path) -> None:
    """Summer 1404 of a small office: a request in Tir, none in Mordad, one closed in Shahrivar. The
    months' table and chart skipped Mordad (Tir's bars stood beside Shahrivar's)."""
    d = make_secretariat_desk(tmp_path)
    r = sec.intake(d.store, d.clerk, case_input(1), on=date(2025, 7, 5))  # 14 Tir
    sec.review(d.store, d.expert, r.case_id, accept=True, on=date(2025, 7, 5))
    sec.close(d.store, d.expert, r.case_id, outcome="unresolved", note="-", on=date(2025, 9, 1))  # 10 Shahrivar
    rep = build_report(d.store, d.manager, period("season", 1404, 2), on=date(2025, 10, 1))
    assert rep.by_month == [((1404, 4), 1, 0), ((1404, 5), 0, 0), ((1404, 6), 0, 1)]
    assert "مرداد ۱۴۰۴" in docs.report_html(None, rep)
    # the months to come are not drawn as quiet ones: on 10 Mehr, autumn's first month only
    assert build_report(d.store, d.manager, period("season", 1404, 3), on=date(2025, 10, 2)).by_month == [
        ((1404, 7), 0, 0)]
    assert build_report(d.store, d.manager, period("season", 1404, 4), on=date(2025, 10, 2)).by_month == []


def test_an_agency_late_on_a_deadline_on_the_months_last_day_is_in_that_months_report(tmp_path: Path) -> None:
    """The letter's deadline was 31 Ordibehesht, the month's last day; no answer came. Ordibehesht's
    report (the deadline "not passed yet" on its own last day) and Khordad's (not its deadline)
    both left the agency out, however late it grew."""
    d = make_secretariat_desk(tmp_path)
    r = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.forward(d.store, d.admin, r.case_id, d.agency.id, deadline=date(2025, 5, 21), on=DAY)  # 31 Ordibehesht
    month = period("month", 1404, 2)
    assert month.end == date(2025, 5, 21)
    assert build_report(d.store, d.manager, month, on=date(2025, 5, 21)).overdue_by_agency == []  # not yet
    assert build_report(d.store, d.manager, month, on=date(2025, 5, 22)).overdue_by_agency == [
        ("شهرداری مرکز استان", 1)]
    assert build_report(d.store, d.manager, month, on=date(2025, 7, 1)).overdue_by_agency == [
        ("شهرداری مرکز استان", 1)]
    assert build_report(d.store, d.manager, period("month", 1404, 3), on=date(2025, 7, 1)).overdue_by_agency == []


def test_applicants_per_season_of_a_year_still_running_are_of_the_seasons_gone_by(tmp_path: Path) -> None:
    """The year 1404's report read on the last day of summer, half the year gone: 6 applicants are 3
    a season, not 1.5 (the year's count was divided by four seasons, two of them still to come)."""
    d = make_secretariat_desk(tmp_path)
    for n in range(1, 7):
        sec.intake(d.store, d.clerk, case_input(n, channel="post"), on=date(2025, 4, 1) + timedelta(days=20 * n))
    year = period("year", 1404)
    half = date(2025, 9, 22)  # 31 Shahrivar 1404: 186 of the year's 365 days
    rep = build_report(d.store, d.manager, year, on=half)
    assert rep.applicants == 6 and abs(rep.applicants_per_season - 6 / (4 * 186 / 365)) < 1e-9
    assert round(rep.applicants_per_season, 1) == 2.9
    assert build_report(d.store, d.manager, year, on=date(2026, 4, 1)).applicants_per_season == 6 / 4  # over
    assert build_report(d.store, d.manager, period("season", 1404, 2), on=half).applicants_per_season == 2.0  # over
    assert build_report(d.store, d.manager, period("year", 1405), on=half).applicants_per_season == 0.0


def test_an_agency_late_and_then_given_a_new_deadline_stays_late(tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)

    def forwarded(n: int) -> str:
        r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
        sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
        sec.register(d.store, d.clerk, r.case_id, on=DAY)
        sec.forward(d.store, d.admin, r.case_id, d.agency.id, deadline=date(2025, 5, 20), on=DAY)
        return r.case_id

    chased = forwarded(1)  # late on 20 May; a phone call on 25 May gives it until 10 June
    sec.follow_up(d.store, d.expert, chased, method="phone", new_deadline=date(2025, 6, 10), on=date(2025, 5, 25))
    sec.record_response(d.store, d.clerk, chased, text="پاسخ", on=date(2025, 6, 1))
    waiting = forwarded(2)  # the same, never answered
    sec.follow_up(d.store, d.expert, waiting, method="letter", new_deadline=date(2025, 6, 10), on=date(2025, 5, 25))
    told = forwarded(3)  # a follow-up that moves no deadline
    sec.follow_up(d.store, d.expert, told, method="phone", on=date(2025, 5, 12))
    sec.record_response(d.store, d.clerk, told, text="پاسخ", on=date(2025, 5, 19))
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=date(2025, 6, 5))
    assert rep.overdue_by_agency == [("شهرداری مرکز استان", 2)]
    fw = q.get_case(d.store, d.expert, chased).forwards[0]
    assert (fw["deadline"], fw["original_deadline"]) == (date(2025, 6, 10), date(2025, 5, 20))
    assert q.overdue_count(d.store, d.expert, on=date(2025, 6, 5)) == 0  # the queue: the new deadline holds


def test_a_case_closed_before_the_agencys_deadline_and_reopened_after_it_was_not_late(tmp_path: Path) -> None:
    """Both forwarded on 14 Ordibehesht with a deadline of 30 Ordibehesht (20 May), neither
    answered. One closed on 10 May (the applicant gave up), the other on 25 May; both reopened on
    1 June. Ordibehesht's report said one late case before the reopenings and two after: the first
    agency had been released before its deadline."""
    d = make_secretariat_desk(tmp_path)
    ids = []
    for n, closed in ((1, date(2025, 5, 10)), (2, date(2025, 5, 25))):
        r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
        sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
        sec.register(d.store, d.clerk, r.case_id, on=DAY)
        sec.forward(d.store, d.admin, r.case_id, d.agency.id, deadline=date(2025, 5, 20), on=DAY)
        sec.close(d.store, d.expert, r.case_id, outcome="unresolved", note="انصراف متقاضی", on=closed)
        ids.append(r.case_id)
    month = period("month", 1404, 2)
    assert build_report(d.store, d.manager, month, on=date(2025, 5, 31)).overdue_by_agency == [
        ("شهرداری مرکز استان", 1)]
    for case_id in ids:
        sec.reopen(d.store, d.manager, case_id, reason="متقاضی بازگشت", on=date(2025, 6, 1))
    assert build_report(d.store, d.manager, month, on=date(2025, 6, 5)).overdue_by_agency == [
        ("شهرداری مرکز استان", 1)]
    sec.close(d.store, d.expert, ids[0], outcome="unresolved", note="دوباره انصراف", on=date(2025, 6, 3))
    assert build_report(d.store, d.manager, month, on=date(2025, 6, 5)).overdue_by_agency == [
        ("شهرداری مرکز استان", 1)]


def test_the_receipt_names_only_the_ways_to_ask_that_the_office_has() -> None:
    from kanoon_desk.services.accounts import OfficeView

    def office(phone: str) -> OfficeView:
        return OfficeView(code="13", name="دفتر", kind="office", province="", city="", address="", phone=phone,
                          heading="")

    def receipt(o: OfficeView, portal: str = "") -> str:
        return docs.receipt_html(o, tracking_code="0013011234567895", applicant_name="زهرا کریمی", subject="آب",
                                 received_date=DAY, channel="in_person", attachments=0, printed_on=DAY, portal=portal)

    bare = receipt(office(""))
    assert "تلفن" not in bare and "درگاه" not in bare  # no number to phone, no portal to visit
    assert "کد رهگیری" in bare and "نگه دارید" in bare
    phoned = receipt(office("021-1234"))
    assert "در تماس تلفنی با شماره \u2066۰۲۱-\u2060۱۲۳۴\u2069" in phoned and "درگاه" not in phoned
    both = receipt(office("021-1234"), portal="https://status.example.ir")
    assert "یا در درگاه پیگیری \u2066https://status.example.ir\u2069" in both


def _code_islands(html: str) -> list[str]:
    import re

    return re.findall("\u2066([^\u2069]*)\u2069", html)


def test_codes_on_letters_are_kept_whole_on_one_line() -> None:
    # a line broke «0013 0184 | 3846 0339» at a space and «13-D01-| 1405-…» after a hyphen: inside
    # a left-to-right island in Persian text the pieces then read swapped
    letter = docs.forwarding_letter_html(None, agency_name="شهرداری", letter_no="13-D01-1404-L000001",
                                         letter_date=DAY, deadline=DAY, registration_no="13-D01-1404-000007",
                                         tracking_code="0013011234567895", applicant_name="علی", subject="آب",
                                         text="متن")
    islands = _code_islands(letter)
    assert len(islands) == 3
    for code in islands:
        assert " " not in code and all(code[i + 1] == "\u2060" for i, ch in enumerate(code) if ch == "-"), code
    assert "0013\u00a00112\u00a03456\u00a07895" in islands  # the tracking code's groups, in Latin digits


def test_letters_to_applicants_carry_a_number_a_date_the_address_and_a_signature() -> None:
    from kanoon_desk.services.accounts import OfficeView

    office = OfficeView(code="13", name="دفتر مدیریت عملکرد استانداری", kind="office", province="", city="",
                        address="خیابان آزادی، پلاک 12", phone="021-1234", heading="")
    notice = docs.rejection_notice_html(office, applicant_name="زهرا کریمی", tracking_code="0013011234567895",
                                        reason="تکراری", note="", on=DAY, address="کوچه 5، پلاک 7",
                                        signer="علی رضایی")
    head = notice[notice.index("<table"):notice.index("</table>")]
    # no registration number (rejected at review): the tracking code is the letter's reference
    assert "شماره" in head and "\u20660013\u00a00112\u00a03456\u00a07895\u2069" in head and "۱۴۰۴/۰۲/۱۴" in head
    assert "زهرا کریمی گرامی،<br/>نشانی: کوچه ۵، پلاک ۷" in notice
    closing = notice[notice.index("پذیرفته نشد"):]
    assert closing.index("علی رضایی") < closing.index("دفتر مدیریت عملکرد استانداری") < closing.index("امضا و مهر")
    # the office's address and phone under its name, as on every letter that goes by post
    top = notice[:notice.index("<h1>")]
    assert "نشانی: خیابان آزادی، پلاک ۱۲" in top and "تلفن: \u2066۰۲۱-\u2060۱۲۳۴\u2069" in top
    result = docs.result_letter_html(office, applicant_name="زهرا کریمی", address="کوچه 5", tracking_code="1",
                                     subject="آب", received_date=DAY, agency_name="", response_text="",
                                     answered_on=None, outcome=None, responsible_party="", text="",
                                     on=DAY + timedelta(days=3), signer="علی رضایی",
                                     reference="13-D01-1404-000007")
    head = result[result.index("<table"):result.index("</table>")]
    assert "\u206613-\u2060D01-\u20601404-\u2060000007\u2069" in head and "۱۴۰۴/۰۲/۱۷" in head
    assert "نشانی: کوچه ۵" in result and "class=\"muted\">کوچه" not in result
    assert "نشانی: خیابان آزادی" in result[:result.index("<h1>")]
    letter = docs.forwarding_letter_html(office, agency_name="شهرداری", letter_no="1", letter_date=DAY,
                                         deadline=DAY, registration_no="7", tracking_code="1",
                                         applicant_name="علی", subject="آب", text="متن")
    assert "تلفن: " in letter[:letter.index("<h1>")]
    bare = docs.forwarding_letter_html(None, agency_name="شهرداری", letter_no="1", letter_date=DAY,
                                       deadline=DAY, registration_no="7", tracking_code="1",
                                       applicant_name="علی", subject="آب", text="متن")
    assert "نشانی" not in bare and "تلفن" not in bare


def test_a_heading_of_several_lines_prints_line_by_line_above_the_office_name(tmp_path: Path) -> None:
    from kanoon_desk.services import accounts

    d = make_secretariat_desk(tmp_path)
    office = accounts.update_office(d.store, d.admin, heading="  وزارت   کشور \n\nاستانداری تهران\n")
    assert office.heading == "وزارت کشور\nاستانداری تهران"  # each line normalized, the lines kept
    letter = docs.follow_up_letter_html(office, agency_name="شهرداری", letter_no="2", on=DAY, first_letter_no="1",
                                        first_letter_date=DAY, subject="آب", new_deadline=None)
    top = letter[:letter.index("<h1>")]
    assert f"<b>وزارت کشور<br/>استانداری تهران<br/>{office.name}</b>" in top  # the name is never left out
    named = accounts.update_office(d.store, d.admin, heading=f"وزارت کشور\n{office.name}")
    again = docs.follow_up_letter_html(named, agency_name="شهرداری", letter_no="2", on=DAY, first_letter_no="1",
                                       first_letter_date=DAY, subject="آب", new_deadline=None)
    assert again[:again.index("<h1>")].count(office.name) == 1  # not twice when the heading names it


def test_the_signer_signs_with_the_title_of_their_highest_role() -> None:
    from kanoon_desk.services.accounts import OfficeView

    assert docs.signer_title("clerk expert manager admin") == "مدیر"
    assert docs.signer_title("expert clerk") == "کارشناس بررسی" and docs.signer_title("clerk") == "کارمند دبیرخانه"
    assert docs.signer_title("admin librarian") == ""
    office = OfficeView(code="13", name="دفتر مدیریت عملکرد استانداری", kind="office", province="", city="",
                        address="", phone="", heading="")
    letter = docs.forwarding_letter_html(office, agency_name="شهرداری", letter_no="1", letter_date=DAY,
                                         deadline=DAY, registration_no="7", tracking_code="1", applicant_name="علی",
                                         subject="آب", text="متن", signer="مریم حسینی", signer_role="مدیر")
    assert "مریم حسینی<br/>مدیر<br/>دفتر مدیریت عملکرد استانداری<br/>" in letter


def test_a_table_that_runs_onto_another_page_repeats_its_header_row(tmp_path: Path) -> None:
    table = docs.rtl_table(["اول", "دوم"], [["۱", "۲"]] * 3)
    assert table.index("<thead><tr><th>دوم</th><th>اول</th></tr></thead>") < table.index("<tbody>")
    d = make_secretariat_desk(tmp_path)
    html = docs.report_html(get_office(d.store), build_report(d.store, d.manager, period("season", 1404, 1), on=DAY))
    assert html.count("<thead>") == html.count("<table") == 4


def test_the_report_reads_its_cases_letters_and_clock_events_from_indexes(tmp_path: Path) -> None:
    """A season of a large store (100,000 closed cases) took 12 s, reading every case, letter and
    clock event from its table; the report's statements read indexes alone (the clock events'
    payload fields too), none scans a table."""
    from .query_plans import plans

    d = make_secretariat_desk(tmp_path)
    a = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, a.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, a.case_id, on=DAY)
    sec.forward(d.store, d.admin, a.case_id, d.agency.id, deadline=DAY + timedelta(days=3), on=DAY)
    sec.close(d.store, d.expert, a.case_id, outcome="resolved", on=DAY + timedelta(days=7))
    with plans(d.store, raw=True) as seen:  # raw: the clock events are read on the DBAPI connection
        rep = build_report(d.store, d.manager, period("season", 1404, 1), on=DAY + timedelta(days=10))
    assert rep.closed_by_outcome == {"resolved": 1} and rep.agencies[0].forwarded == 1
    read = [(sql, line) for sql, lines in seen for line in lines
            if any(f" {table} " in line + " " for table in ("cases", "forwards", "events", "visits"))]
    assert read
    for sql, line in read:
        assert line.startswith("SEARCH") and "USING" in line, (line, sql)
        if " cases " in line or " forwards " in line:
            assert "COVERING INDEX" in line or "PRIMARY KEY" in line or "sqlite_autoindex" in line, (line, sql)
    assert any("ix_events_case_clock" in line for _sql, line in read)


def test_every_sheet_of_the_report_has_a_heading_in_view_and_columns_that_show_their_words(tmp_path: Path) -> None:
    """The report's Excel file: only the first sheet's first cell was bold, no heading stayed in
    view while scrolling down a long list of agencies, and the columns but the first kept Excel's
    default width (the period's days and «میانگین روز کاری تا پاسخ» cut short). An agency named
    «=…» was written as a formula. Now each sheet's first row is bold and frozen, each column is
    as wide as its longest value, and a name stays text."""
    from openpyxl import load_workbook

    from kanoon_desk.services.secretariat_agencies import save_agency
    from kanoon_desk.services.secretariat_reports import report_to_xlsx

    d = make_secretariat_desk(tmp_path)
    odd = save_agency(d.store, d.admin, name="=HYPERLINK(\"http://x.example\",\"دستگاه\")")
    for n, agency in enumerate((d.agency.id, odd.id), 1):
        r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
        sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
        sec.register(d.store, d.clerk, r.case_id, on=DAY)
        sec.forward(d.store, d.admin, r.case_id, agency, deadline=date(2025, 5, 20), on=DAY)
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=date(2025, 6, 5))
    wb = load_workbook(report_to_xlsx(rep, tmp_path / "r.xlsx", made_on=date(2025, 6, 5)))
    for ws in wb.worksheets:
        assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A2", ws.title
        assert all(c.font.b for c in ws[1] if c.value is not None), ws.title
        for column in ws.iter_cols():
            longest = max(len(str(c.value)) for c in column if c.value is not None)
            assert (ws.column_dimensions[column[0].column_letter].width or 0) >= min(longest, 60), ws.title
    names = {ws.title: c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == odd.name}
    assert set(names) == {"دیرکرد دستگاه‌ها", "پاسخ‌گویی دستگاه‌ها"}  # late past its deadline; forwarded
    assert all(c.data_type == "s" for c in names.values())


def test_the_reports_of_a_busy_office_are_the_same_as_read_before(tmp_path: Path) -> None:
    """A year's report of a province read 60,000 clock events through SQLAlchemy's result rows (a
    second of a year report's two); read on the DBAPI connection, every figure of every month,
    season and year of two years of a demo office is what it was."""
    import random

    from bench.bench_secretariat import report_as_before
    from kanoon_desk.demo import secretariat as demo

    d = make_secretariat_desk(tmp_path)
    today = date(2025, 11, 20)
    demo.generate(d.store, random.Random(11), cases=400, today=today, bulk=True)
    periods = ([period("year", y) for y in (1403, 1404)] + [period("season", y, n) for y in (1403, 1404) for n in (1, 2, 3, 4)]
               + [period("month", 1404, n) for n in range(1, 13)])
    now = [build_report(d.store, d.manager, p, on=today) for p in periods]
    assert sum(sum(r.closed_by_outcome.values()) for r in now[:2]) > 100  # cases closed, most after an agency
    assert sum(1 for r in now if r.avg_agency_days) > 10
    with report_as_before():
        before = [build_report(d.store, d.manager, p, on=today) for p in periods]
    assert now == before
