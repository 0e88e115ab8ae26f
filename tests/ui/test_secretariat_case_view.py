"""The case view's dialogs and header: the SMS notice, several CCs, the forwarding letter's date,
the current holder for each status and the office's and the agency's time in working days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView
from kanoon_desk.ui.secretariat.lists import CartablePage
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx, visible

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _registered(desk: Desk, n: int = 1, **over: Any) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n, **over), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    return r.case_id


def _referred(desk: Desk, n: int = 1, **over: Any) -> str:
    case_id = _registered(desk, n, **over)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
    return case_id


def _view(qtbot: Any, desk: Desk, tmp_path: Path, actor: Any, case_id: str, on: date = DAY) -> CaseView:
    view = CaseView(make_ctx(desk.store, actor, tmp_path))
    view.today.pin(on)
    view.load(case_id)
    qtbot.addWidget(view)
    return view


def _answered(desk: Desk, n: int = 1, **over: Any) -> str:
    case_id = _referred(desk, n, **over)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="آسفالت کوچه تا هفته آینده انجام می‌شود",
                        on=DAY + timedelta(days=5))
    return case_id


def test_an_sms_notice_is_queued_with_the_default_message_or_refused_at_the_method(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_mobile = _answered(desk, 1)
    without = _answered(desk, 2, mobile="")
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        method = dlg.form.field("method")
        method.setCurrentIndex(method.findData("sms"))  # type: ignore[attr-defined]
        seen.setdefault("texts", []).append(dlg.form.field("text").toPlainText())  # type: ignore[attr-defined]
        seen.setdefault("mobiles", []).append(dlg.form.field("mobile").text())  # type: ignore[attr-defined]
        dlg.submit()
        seen.setdefault("errors", []).append(dlg.form.error_of("method"))
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, with_mobile, DAY + timedelta(days=5))
    assert view.labels["mobile"].text() == "\u2066۰۹۱۲۱۲۳۴۵۶۷\u2069"
    view.buttons["notify"].click()
    assert "آسفالت کوچه" in seen["texts"][0] and seen["errors"][0] == ""
    assert "۰۹۱۲۱۲۳۴۵۶۷" in seen["mobiles"][0]
    notified = [t for t in view.detail.timeline if t.type == "case.notified"]  # type: ignore[union-attr]
    assert notified[0].payload["mobile"] == "09121234567" and "آسفالت کوچه" in notified[0].payload["text"]
    model = view.timeline.model()
    last = model.data(model.index(model.rowCount() - 1, 4))
    assert "پیامک به" in last and "در صف ارسال سرور" in last

    view.load(without)
    assert view.labels["mobile"].text() == "ثبت نشده"
    view.buttons["notify"].click()
    assert seen["errors"][1].startswith("برای این متقاضی شماره همراهی ثبت نشده است")
    assert "پیامک فرستادنی نیست" in seen["mobiles"][1]
    assert q.get_case(desk.store, desk.clerk, without).notices == []


def test_what_became_of_an_sms_shows_on_the_timeline_and_a_failed_one_waits_in_its_queue(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from kanoon_desk.services import sms_outcomes
    from kanoon_desk.ui.secretariat.lists import SearchPage

    sent, failed = _answered(desk, 1), _answered(desk, 2)
    for case_id in (sent, failed):
        sec.notify(desk.store, desk.clerk, case_id, method="sms", on=DAY + timedelta(days=5))

    def notice_of(case_id: str) -> str:
        [t] = [t for t in q.get_case(desk.store, desk.clerk, case_id).timeline if t.type == "case.notified"]
        return t.event_id

    # what a sync round brings back from the server
    sms_outcomes.keep(desk.store, [
        sms_outcomes.Outcome(notice_of(sent), "sent", 1, "", datetime(2025, 5, 9, 6, 30, tzinfo=UTC)),
        sms_outcomes.Outcome(notice_of(failed), "failed", 5, "number not in service")])

    def last_line(case_id: str) -> str:
        view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
        model = view.timeline.model()
        return str(model.data(model.index(model.rowCount() - 1, 4)))

    assert last_line(sent).startswith("پیامک به \u2066۰۹۱۲۱۲۳۴۵۶۷\u2069، فرستاده شد ۱۴۰۴/۰۲/۱۹ ۱۰:۰۰")
    assert last_line(failed).startswith(
        "پیامک به \u2066۰۹۱۲۱۲۳۴۵۶۷\u2069 نرسید (سامانه پیامک آن را نپذیرفت)؛ از راه دیگری اعلام کنید")
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    button = page.queues.buttons["sms_failed"]
    assert button.text() == "پیامک اعلام نرسید (۱)" and not button.isHidden()
    button.click()
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == failed
    sec.notify(desk.store, desk.clerk, failed, method="phone", on=DAY + timedelta(days=6))
    page.queues.refresh()
    assert button.text() == "پیامک اعلام نرسید (۰)" and button.isHidden()  # shown only while it holds a case


def test_an_sms_written_too_long_is_refused_at_its_text_and_kept(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = _answered(desk, 1)
    seen: dict[str, Any] = {}
    long_text = "متقاضی گرامی، پاسخ شما آماده است. " * 20

    def fake_exec(dlg: ActionDialog) -> int:
        method = dlg.form.field("method")
        method.setCurrentIndex(method.findData("sms"))  # type: ignore[attr-defined]
        dlg.form.field("text").setPlainText(long_text)  # type: ignore[attr-defined]
        dlg.submit()
        seen.update(error=dlg.form.error_of("text"), kept=dlg.form.field("text").toPlainText(),  # type: ignore[attr-defined]
                    result=dlg.result())
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=5))
    view.buttons["notify"].click()
    n = len(long_text.strip())
    assert seen["error"] == (f"متن پیامک {n} نویسه است و بیش از ۴۸۰ نویسه فرستاده نمی‌شود؛ آن را کوتاه کنید."
                             .translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
    assert seen["kept"] == long_text and seen["result"] != 1  # the dialog stays open with what was typed
    assert q.get_case(desk.store, desk.clerk, case_id).notices == []


def test_the_default_sms_put_in_goes_away_when_another_way_is_chosen(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    """SMS chosen, then the letter after all: the SMS put in for the clerk to edit is not the
    letter's note (it would print as what the clerk wrote); a text the clerk wrote stays."""
    told, edited = _answered(desk, 1), _answered(desk, 2)
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        method, text = dlg.form.field("method"), dlg.form.field("text")
        method.setCurrentIndex(method.findData("sms"))  # type: ignore[attr-defined]
        if dlg.parent().case_id == edited:  # type: ignore[attr-defined]
            text.moveCursor(text.textCursor().MoveOperation.End)  # type: ignore[attr-defined]
            type_persian(text, " با ما تماس بگیرید")
        method.setCurrentIndex(method.findData("letter"))  # type: ignore[attr-defined]
        seen.append(text.toPlainText())  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    for case_id in (told, edited):
        view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=5))
        view.buttons["notify"].click()
    assert seen[0] == ""
    [notice] = q.get_case(desk.store, desk.clerk, told).notices
    assert (notice["method"], notice["text"]) == ("letter", "")
    assert seen[1].startswith("متقاضی گرامی") and seen[1].endswith("با ما تماس بگیرید")


@pytest.mark.parametrize(("error", "said"), [
    ("Client error '400 Bad Request' for url 'https://sms.example/send'\nFor more information check: "
     "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/400", "سامانه پیامک آن را نپذیرفت"),
    ("[Errno 111] Connection refused", "سامانه پیامک در دسترس نبود"),
    ("no mobile number in the notice", "شماره همراهی در پیامک نبود"),
    ("number not in service", "سامانه پیامک آن را نپذیرفت"),
], ids=["http-400", "unreachable", "no-number", "provider-words"])
def test_why_an_sms_failed_is_said_in_persian_on_the_timeline(qtbot: Any, desk: Desk, tmp_path: Path,
                                                              error: str, said: str) -> None:
    """The server keeps the gateway's own words (English, an HTTP error with the provider's
    address): the clerk reads why in Persian, on one line, never the gateway's text."""
    import re
    from datetime import UTC, datetime

    from kanoon_desk.services import sms_outcomes

    case_id = _answered(desk, 1)
    sec.notify(desk.store, desk.clerk, case_id, method="sms", on=DAY + timedelta(days=5))
    [notice] = [t for t in q.get_case(desk.store, desk.clerk, case_id).timeline if t.type == "case.notified"]
    sms_outcomes.keep(desk.store, [sms_outcomes.Outcome(notice.event_id, "failed", 5, error,
                                                        checked_at=datetime(2025, 5, 9, tzinfo=UTC))])
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
    model = view.timeline.model()
    line = visible(str(model.data(model.index(model.rowCount() - 1, 4))))
    assert line.startswith(f"پیامک به ۰۹۱۲۱۲۳۴۵۶۷ نرسید ({said})؛ از راه دیگری اعلام کنید"), line
    assert "\n" not in line and not re.search("[A-Za-z]", line.split(" — ")[0]), line


def test_a_referral_carries_several_ccs_and_a_cc_read_leaves_the_cartable(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    from PySide6.QtWidgets import QListWidget

    case_id = _registered(desk)

    def fake_exec(dlg: ActionDialog) -> int:
        to = dlg.form.field("to_user_id")
        to.setCurrentIndex(to.findData(desk.manager.user_id))  # type: ignore[attr-defined]
        type_persian(dlg.form.field("instruction"), "بررسی و اقدام")
        ccs: QListWidget = dlg.findChild(QListWidget, "cc-list")
        for i in range(ccs.count()):
            if ccs.item(i).data(Qt.ItemDataRole.UserRole) in (desk.manager2.user_id, desk.admin.user_id):
                ccs.item(i).setCheckState(Qt.CheckState.Checked)
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.buttons["refer"].click()
    [referral] = [t for t in view.detail.timeline if t.type == "case.referred"]  # type: ignore[union-attr]
    assert sorted(referral.payload["cc"]) == sorted([desk.manager2.user_id, desk.admin.user_id])

    page = CartablePage(make_ctx(desk.store, desk.manager2, tmp_path))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1 and page.model.row_at(0).kind == "cc"
    assert "(رونوشت)" in page.model.index(0, 2).data()
    page.open_row(0)  # opening a copy is reading it: it leaves the open cartable, the case stays shown
    assert page.model.rowCount() == 0 and page.view.case_id == case_id
    assert "رونوشت" in page.note.text()
    assert q.cartable_count(desk.store, desk.admin) == 1  # the other copy waits for its reader


def test_the_forwarding_letter_date_is_asked_and_the_deadline_counts_from_it(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = _referred(desk)
    on = date(2025, 5, 11)
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        letter = dlg.form.field("letter_date")
        assert letter.value() == on  # type: ignore[attr-defined]
        seen["preview"] = dlg.form.field("deadline_preview").text()  # type: ignore[attr-defined]
        letter.set_value(on + timedelta(days=1))  # type: ignore[attr-defined]
        dlg.submit()
        seen["error"] = dlg.form.error_of("letter_date")
        letter.set_value(date(2025, 5, 6))  # type: ignore[attr-defined]
        seen["preview2"] = dlg.form.field("deadline_preview").text()  # type: ignore[attr-defined]
        # the manager's instruction goes in the letter (the batch forward had it, one case did not)
        dlg.form.field("instruction").setPlainText("لطفاً با متقاضی تماس بگیرید.")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id, on)
    view.buttons["forward"].click()
    assert seen["error"] == "تاریخ نامه نمی‌تواند پس از امروز باشد."
    assert seen["preview"] == "تا ۱۴۰۴/۰۳/۰۷: ۱۵ روز کاری از تاریخ نامه"  # from today, 11 May
    assert seen["preview2"] == "تا ۱۴۰۴/۰۳/۰۳: ۱۵ روز کاری از تاریخ نامه"
    fw = q.get_case(desk.store, desk.manager, case_id).forwards[0]
    assert (fw["letter_date"], fw["deadline"]) == (date(2025, 5, 6), date(2025, 5, 24))
    assert sec.forward_instruction(desk.store, fw["id"]) == "لطفاً با متقاضی تماس بگیرید."
    model = view.timeline.model()
    assert "مورخ ۱۴۰۴/۰۲/۱۶" in model.data(model.index(model.rowCount() - 1, 4))


def test_a_fresh_directory_says_at_the_agency_field_where_agencies_come_from(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kanoon_desk.services.secretariat_agencies import set_agency_active

    set_agency_active(desk.store, desk.admin, desk.agency.id, False)  # the only agency, taken out
    case_id = _referred(desk)
    seen: dict[str, str] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        seen["shown"] = dlg.form.error_of("agency_id")
        dlg.submit()
        seen["after"] = dlg.form.error_of("agency_id")
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id)
    view.buttons["forward"].click()
    assert "«دستگاه‌های اجرایی»" in seen["shown"] and seen["after"] == "دستگاه اجرایی را برگزینید."


def test_the_holder_follows_the_status(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.expert, r.case_id)
    holder = view.labels["holder"]
    assert holder.text() == "کارشناس بررسی اولیه (در نوبت بررسی)"
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    view.load(r.case_id)
    assert holder.text() == "دبیرخانه (در انتظار شماره ثبت)"
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    view.load(r.case_id)
    assert holder.text() == "دبیرخانه (در انتظار ارجاع)"
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    view.load(r.case_id)
    assert holder.text() == "کاربر manager1"
    sec.forward(desk.store, desk.manager, r.case_id, desk.agency.id, on=DAY)
    view.load(r.case_id)
    assert holder.text() == "شهرداری مرکز استان"
    sec.record_response(desk.store, desk.clerk, r.case_id, text="انجام شد", on=DAY)
    view.load(r.case_id)
    assert holder.text() == "دفتر (کارشناس: اعلام پاسخ به متقاضی)"  # not the agency any more
    sec.close(desk.store, desk.expert, r.case_id, outcome="resolved", on=DAY)
    view.load(r.case_id)
    assert holder.text() == "هیچ‌کس (پرونده بسته است)"


def test_the_case_view_shows_the_office_and_the_agency_time_in_working_days(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    accounts.set_holiday(desk.store, desk.admin, date(2025, 5, 8), "تعطیل")
    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, letter_date=date(2025, 5, 6), on=date(2025, 5, 6))
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, date(2025, 5, 11))
    assert view.labels["time"].text() == ("دفتر ۲ روز کاری، دستگاه ۳ روز کاری (همه ۵) — "
                                          "ساعت دستگاه می‌گذرد، ساعت دفتر ایستاده است")
    view.resize(1200, 800)
    view.show()
    view.grab().save(str(tmp_path / "case.png"))


def test_a_follow_up_leaves_the_deadline_unless_a_new_one_is_ticked_counted_on_the_office_calendar(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, deadline=date(2025, 5, 20), on=DAY)
    accounts.set_holiday(desk.store, desk.admin, date(2025, 5, 27), "تعطیل")  # inside the 7 working days
    on = date(2025, 5, 24)  # a Saturday: 7 working days on, past Friday 30 and the holiday, is 2 June
    seen: dict[str, Any] = {}

    def unticked(dlg: ActionDialog) -> int:
        bound = dlg.form.field("new_deadline")
        seen["default"] = bound.date.value()  # type: ignore[attr-defined]
        seen["ticked"] = bound.check.isChecked()  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", unticked)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id, on)
    view.buttons["follow_up"].click()
    assert seen["ticked"] is False and seen["default"] == date(2025, 6, 2)
    fu = q.get_case(desk.store, desk.expert, case_id).follow_ups[0]
    assert fu["new_deadline"] is None
    assert q.get_case(desk.store, desk.expert, case_id).case["deadline"] == date(2025, 5, 20)

    def ticked(dlg: ActionDialog) -> int:
        dlg.form.field("new_deadline").check.setChecked(True)  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", ticked)
    view.buttons["follow_up"].click()
    c = q.get_case(desk.store, desk.expert, case_id)
    assert c.case["deadline"] == date(2025, 6, 2) and c.forwards[0]["original_deadline"] == date(2025, 5, 20)
    assert "(مهلت نامه ارسال: ۱۴۰۴/۰۲/۳۰)" in view.labels["deadline"].text()


def test_the_referral_dialog_offers_secretariat_users_and_a_refusal_shows_at_its_field(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QListWidget

    case_id = _registered(desk)
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        to = dlg.form.field("to_user_id")
        seen["to"] = {to.itemData(i) for i in range(to.count())}  # type: ignore[attr-defined]
        ccs: QListWidget = dlg.findChild(QListWidget, "cc-list")
        seen["cc"] = {ccs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(ccs.count())}
        to.addItem("کتابدار", desk.librarian.user_id)  # type: ignore[attr-defined]  # (a list gone stale)
        to.setCurrentIndex(to.count() - 1)  # type: ignore[attr-defined]
        dlg.submit()
        seen["error"] = dlg.form.error_of("to_user_id")
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.buttons["refer"].click()
    assert desk.librarian.user_id not in seen["to"] | seen["cc"] and desk.clerk.user_id in seen["cc"]
    assert seen["error"].startswith("ارجاع فقط به کارشناس یا مدیر دبیرخانه می‌رود")


def test_the_manager_rejects_with_a_reason_from_the_list_and_the_notice_can_be_printed(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    case_id = _referred(desk)
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        type_persian(dlg.form.field("note"), "به اداره کل راه مراجعه کنید")
        dlg.submit()  # no reason chosen
        seen["error"] = dlg.form.error_of("reason")
        reason = dlg.form.field("reason")
        reason.setCurrentIndex(reason.findData("مدارک ناقص"))  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id)
    assert "close" in view.buttons
    view.buttons["manager_reject"].click()
    assert seen["error"] == "دلیل رد را برگزینید."
    c = view.detail.case  # type: ignore[union-attr]
    assert (c["status"], c["reject_reason"], c["reject_note"]) == ("rejected", "مدارک ناقص", "به اداره کل راه مراجعه کنید")
    assert view.labels["status"].text() == "ردشده — رد شد، اعلام رد در انتظار ارسال"
    assert "rejection_notice" in view.papers
    html = view.rejection_notice_html()
    assert "«مدارک ناقص»" in html and "به اداره کل راه مراجعه کنید" in html
    assert "manager_reject" not in view.buttons  # closed: nothing more to reject


def test_the_timeline_takes_the_room_an_empty_attachments_box_took(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.ui.secretariat.lists import CartablePage

    _referred(desk, 1)
    page = CartablePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.view.load(page.model.row_at(0).case_id)
    qtbot.wait(10)
    view = page.view
    assert not view.attachments_box.isVisible()  # no scans: no empty box
    rows = view.timeline.model().rowCount()
    needed = view.timeline.horizontalHeader().height() + rows * view.timeline.rowHeight(0)
    assert view.timeline.viewport().height() + view.timeline.horizontalHeader().height() >= needed  # every step seen
    page.grab().save(str(tmp_path / "cartable.png"))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    sec.add_attachment(desk.store, desk.manager, view.case_id or "", scan)
    view.load(view.case_id or "")
    qtbot.wait(10)
    assert view.attachments_box.isVisible() and view.attachments_box.title() == "پیوست‌ها (۱)"
    assert view.split.count() == 2 and view.split.sizes()[0] > view.split.sizes()[1]  # dragged to taste
    page.grab().save(str(tmp_path / "cartable-scan.png"))


def test_a_case_sent_back_to_the_expert_reads_in_the_experts_cartable(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.ui.secretariat.lists import SearchPage

    case_id = _referred(desk)
    sec.refer_back(desk.store, desk.manager, case_id, on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    assert view.labels["status"].text() == "در کارتابل کارشناس"
    page = SearchPage(make_ctx(desk.store, desk.expert, tmp_path))
    qtbot.addWidget(page)
    assert page.model.index(0, 4).data() == "در کارتابل کارشناس"


def test_the_case_reads_in_latin_digits_in_the_english_interface(qapp: Any, qtbot: Any, desk: Desk,
                                                                 tmp_path: Path) -> None:
    """Codes, dates and counts on the case view follow the interface: Persian digits in Persian
    (the default), Latin ones in English — the timeline's too."""
    from tests.ui.shell_support import compile_english

    case_id = _answered(desk, 1)
    persian_digits = set("۰۱۲۳۴۵۶۷۸۹")
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
    assert persian_digits & set(view.labels["deadline"].text())
    with language(qapp, "en", compile_english(tmp_path)):
        view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
        texts = [label.text() for label in view.labels.values()]
        model = view.timeline.model()
        texts += [str(model.data(model.index(r, c))) for r in range(model.rowCount()) for c in range(5)]
        assert not persian_digits & set("".join(texts)), [t for t in texts if persian_digits & set(t)]
        from kanoon_desk import persian
        deadline = q.get_case(desk.store, desk.clerk, case_id).case["deadline"]
        assert view.labels["deadline"].text().startswith(persian.to_ascii_digits(persian.format_jalali_date(deadline)))
        paper = view.history_html()  # the printed case file reads as the screen does
        assert 'dir="ltr"' in paper and ">Timeline<" in paper and not persian_digits & set(paper)



def test_the_timeline_reads_in_order_in_the_english_interface(qapp: Any, qtbot: Any, desk: Desk,
                                                             tmp_path: Path) -> None:
    """In English a referral reads "To <manager> — «<instruction>»" left to right: the Persian
    name and the Persian instruction are each kept whole, not merged into one right-to-left run
    that draws the instruction before the name."""
    from kanoon_desk.services import accounts
    from tests.ui.shell_support import compile_english, drawn_x

    name, instruction = "مریم حسینی", "بررسی و اقدام لازم"
    accounts.update_user(desk.store, desk.admin, desk.manager.user_id, full_name=name)
    case_id = _registered(desk, 1)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, instruction=instruction, on=DAY)
    with language(qapp, "en", compile_english(tmp_path)):
        view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY)
        model = view.timeline.model()
        texts = [str(model.data(model.index(r, 4))) for r in range(model.rowCount())]
        [text] = [t for t in texts if instruction in t]
        assert visible(text) == f"To {name} — «{instruction}»"
        x = drawn_x(text, view.timeline.font())
        name_at, said_at = text.index(name), text.index(instruction)
        assert x(text.index("To")) < min(x(i) for i in range(name_at, name_at + len(name) + 1))
        assert max(x(i) for i in range(name_at, name_at + len(name) + 1)) < min(
            x(i) for i in range(said_at, said_at + len(instruction) + 1))


def _cancel_button(dlg: ActionDialog) -> Any:
    from PySide6.QtWidgets import QDialogButtonBox

    return dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)


def test_an_agencys_answer_half_typed_comes_back_after_a_crash(qtbot: Any, desk: Desk, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               type_persian: Any) -> None:
    """The answer typed into the action's dialog is on disk as it is typed: the app dying with
    the dialog open loses nothing; it comes back in that case's dialog (not another's), and goes
    once recorded. Cancel drops it on purpose."""
    from kanoon_desk.ui.drafts import DELAY_MS

    case_id, other = _referred(desk, 1), _referred(desk, 2)
    for c in (case_id, other):
        sec.forward(desk.store, desk.manager, c, desk.agency.id, on=DAY)
    seen: list[tuple[str, bool]] = []
    script: list[str] = ["crash", "other", "check-and-save", "cancel", "empty"]

    def fake_exec(dlg: ActionDialog) -> int:
        step = script.pop(0)
        text = dlg.form.field("text")
        seen.append((text.toPlainText(), not dlg.draft_note.isHidden()))  # type: ignore[attr-defined]
        if step == "crash":  # typed, then the power went: no save, no cancel
            type_persian(text, "آسفالت کوچه تا پایان هفته انجام می‌شود")
            qtbot.wait(DELAY_MS + 200)
            return 0
        if step == "check-and-save":
            dlg.submit()
            return int(dlg.result())
        if step == "cancel":
            type_persian(text, "نوشته‌ای که نمی‌خواهم")
            qtbot.wait(DELAY_MS + 200)
            _cancel_button(dlg).click()
            return 0
        return 0

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=3))
    view.buttons["answer"].click()  # crash
    view.load(other)
    view.buttons["answer"].click()  # another case's dialog: empty
    view.load(case_id)
    view.buttons["answer"].click()  # back, then recorded
    assert q.get_case(desk.store, desk.clerk, case_id).case["status"] == "answered"
    view.load(other)
    view.buttons["answer"].click()  # typed and cancelled
    view.buttons["answer"].click()  # nothing kept
    assert seen == [("", False), ("", False), ("آسفالت کوچه تا پایان هفته انجام می‌شود", True), ("", False),
                    ("", False)]


def test_the_cases_values_sit_beside_their_labels_in_either_language(qapp: Any, qtbot: Any, desk: Desk,
                                                                     tmp_path: Path) -> None:
    """A value starts at its label's side: the right in Persian, the left in English, whatever its
    own script (in English a Persian subject was pushed to the far side of its cell)."""
    from tests.ui.shell_support import compile_english, ink_span

    case_id = _registered(desk)

    def starts(view: CaseView, key: str) -> tuple[int, int, int]:
        view.resize(1100, 700)
        view.show()
        label = view.labels[key]
        left, right = ink_span(label)
        return left, right, label.width()

    for key in ("subject", "tracking"):  # Persian words, and a code
        left, right, width = starts(_view(qtbot, desk, tmp_path, desk.clerk, case_id), key)
        assert right > width * 3 // 4 and left > 0, key
    with language(qapp, "en", compile_english(tmp_path)):
        for key in ("subject", "tracking"):
            left, right, width = starts(_view(qtbot, desk, tmp_path, desk.clerk, case_id), key)
            assert left < width // 4, key


def test_a_notice_by_letter_prints_the_result_letter_with_the_agencys_answer(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Telling the applicant by letter gives the letter to post: the agency's answer, the outcome
    once the case is closed (whose duty, when not the agency's), and what the clerk wrote."""
    case_id = _answered(desk)
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        method, paper = dlg.form.field("method"), dlg.form.field("paper")
        seen["paper_before"] = paper.isVisibleTo(dlg)
        method.setCurrentIndex(method.findData("letter"))  # type: ignore[attr-defined]
        seen["paper"] = paper.isVisibleTo(dlg) and "چاپ و PDF" in paper.text()  # type: ignore[attr-defined]
        dlg.form.field("text").setPlainText("برای پیگیری بیشتر با شهرداری منطقه تماس بگیرید")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
    assert "result_letter" not in view.papers  # no letter yet
    view.buttons["notify"].click()
    assert seen == {"paper_before": False, "paper": True}
    assert "result_letter" in view.papers
    html = view.result_letter_html()
    assert "آسفالت کوچه تا هفته آینده انجام می‌شود" in html and desk.agency.name in html
    assert "برای پیگیری بیشتر با شهرداری منطقه تماس بگیرید" in html and "خیابان آزادی" in html
    assert "زهرا کریمی گرامی" in html and "کاربر clerk" in html and "نتیجه رسیدگی: " not in html
    sec.close(desk.store, desk.expert, case_id, outcome="not_responsible", responsible_party="اداره کل راه",
              on=DAY + timedelta(days=7))
    view.load(case_id)
    html = view.result_letter_html()
    assert "نتیجه رسیدگی: <b>خارج از وظایف دستگاه" in html and "بر عهده اداره کل راه است" in html


def test_the_case_file_prints_its_details_and_every_step(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """«چاپ گردش کار»: the case as shown and its whole timeline, for the office's own file."""
    case_id = _answered(desk)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
    assert "history" in view.papers
    html = view.history_html()
    assert 'dir="rtl"' in html and "دفتر مدیریت عملکرد استانداری" in html
    for caption in ("کد رهگیری", "شماره ثبت", "وضعیت", "مهلت پاسخ"):
        assert caption in html
    for step in ("دریافت درخواست", "بررسی اولیه کارشناس", "ثبت در دبیرخانه", "ارجاع", "ارسال به دستگاه اجرایی",
                 "دریافت پاسخ"):
        assert f">{step}<" in html, step
    assert "آسفالت کوچه تا هفته آینده انجام می‌شود" in html and desk.agency.name in html


def test_a_refused_one_click_action_is_said_under_the_actions_and_the_status_stays(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """«مراجعه حضوری» on the day of an in-person intake is refused: the reason shows whole under the
    action bar (the status line keeps the status), and goes with the next action done or another
    case shown."""
    case_id = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY).case_id  # (in person: a visit)
    other = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY - timedelta(days=1)).case_id
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.resize(900, 600)
    view.show()
    status = view.labels["status"].text()
    view.buttons["visit"].click()
    assert view.labels["status"].text() == status
    message = view.action_message
    assert message.isVisible() and message.wordWrap()
    assert message.text().startswith("مراجعه حضوری امروز این متقاضی برای این درخواست پیش‌تر ثبت شده است")
    view.grab().save(str(tmp_path / "refused.png"))
    view.buttons["accept"].click()  # done: the refusal goes
    assert not message.isVisible() and q.get_case(desk.store, desk.expert, case_id).case["status"] == "accepted"
    view.buttons["visit"].click()
    assert message.isVisible()
    view.load(other)  # another case: not its refusal
    assert not message.isVisible() and message.text() == ""


def test_esc_or_the_close_button_keeps_the_answer_typed_and_only_cancel_drops_it(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    """«ثبت پاسخ دستگاه»: an answer typed, then Esc — it is there at the next opening; more typed
    and the window closed at once (the typing not yet rested) — kept too; «انصراف» drops it."""
    from PySide6.QtGui import QTextCursor

    from kanoon_desk.ui.drafts import DELAY_MS

    case_id = _referred(desk, 1)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    seen: list[tuple[str, bool]] = []
    script = ["esc", "close", "cancel", "empty"]

    def fake_exec(dlg: ActionDialog) -> int:
        step = script.pop(0)
        text = dlg.form.field("text")
        seen.append((text.toPlainText(), not dlg.draft_note.isHidden()))  # type: ignore[attr-defined]
        dlg.show()
        if step == "esc":
            type_persian(text, "آسفالت کوچه")
            qtbot.wait(DELAY_MS + 200)
            qtbot.keyClick(text, Qt.Key.Key_Escape)
        elif step == "close":
            text.moveCursor(QTextCursor.MoveOperation.End)  # type: ignore[attr-defined]
            type_persian(text, " تا پایان هفته")
            dlg.close()  # the window's close button, at once
        else:  # «انصراف», and the last look
            _cancel_button(dlg).click()
        assert dlg.isHidden() and dlg.result() == 0
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=3))
    for _ in range(4):
        view.buttons["answer"].click()
    assert seen == [("", False), ("آسفالت کوچه", True), ("آسفالت کوچه تا پایان هفته", True), ("", False)]
    assert q.get_case(desk.store, desk.clerk, case_id).case["status"] == "forwarded"  # nothing recorded


def test_a_case_is_referred_to_any_expert_or_manager_each_named_with_their_role(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An expert refers to another expert's cartable as to a manager's, a manager to a manager's as
    to an expert's: every active expert and manager but oneself is offered, the role beside the name."""
    from tests.factories import make_user

    expert2 = make_user(desk.store, desk.admin, "expert2", "expert")
    offered: dict[str, dict[str, str]] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        to = dlg.form.field("to_user_id")
        actor = dlg.parent().ctx.actor.user_id  # type: ignore[attr-defined]
        offered[actor] = {to.itemData(i): to.itemText(i) for i in range(to.count())}  # type: ignore[attr-defined]
        if actor == desk.expert.user_id:  # to a fellow expert
            to.setCurrentIndex(to.findData(expert2.user_id))  # type: ignore[attr-defined]
            dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    case_id = _registered(desk)
    _view(qtbot, desk, tmp_path, desk.expert, case_id).buttons["refer"].click()
    by_expert = offered[desk.expert.user_id]
    assert set(by_expert) == {desk.manager.user_id, desk.manager2.user_id, expert2.user_id, desk.admin.user_id}
    assert visible(by_expert[desk.manager.user_id]) == "کاربر manager1 (مدیر)"
    assert visible(by_expert[expert2.user_id]) == "کاربر expert2 (کارشناس بررسی)"
    assert list(by_expert)[-1] == expert2.user_id  # an expert's managers first: the usual way up
    detail = q.get_case(desk.store, desk.expert, case_id)
    assert detail.case["status"] == "referred" and detail.case["holder_user_id"] == expert2.user_id

    other = _registered(desk, 2)
    _view(qtbot, desk, tmp_path, desk.manager, other).buttons["refer"].click()
    by_manager = offered[desk.manager.user_id]
    assert set(by_manager) == {desk.expert.user_id, expert2.user_id, desk.manager2.user_id, desk.admin.user_id}
    assert visible(by_manager[desk.admin.user_id]) == "مدیر سامانه (کارشناس بررسی، مدیر)"
    assert visible(by_manager[desk.manager2.user_id]) == "کاربر manager2 (مدیر)"
    assert list(by_manager)[-1] == desk.manager2.user_id  # a manager's experts first


def test_the_case_file_keeps_each_code_whole_on_its_line(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """A narrow column broke «نامه ۱۳-D۰۱-…» inside its left-to-right island: the hyphen came out
    on the wrong side. Laid out narrow, every code of the printed case file stays on one line."""
    import re

    from kanoon_desk.ui.printing import document_from_html

    case_id = _answered(desk)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
    html = view.history_html()
    for width in range(400, 720, 20):
        doc = document_from_html(html)
        doc.setTextWidth(width)
        doc.documentLayout().documentSize()  # (laid out only when asked)
        seen = 0
        block = doc.begin()
        while block.isValid():
            layout = block.layout()
            for m in re.finditer("\u2066[^\u2069]+\u2069", block.text()):
                seen += 1
                first, last = layout.lineForTextPosition(m.start() + 1), layout.lineForTextPosition(m.end() - 2)
                assert first.lineNumber() == last.lineNumber(), (width, m.group())
            block = block.next()
        assert seen >= 3  # the tracking code, the registration number, the forwarding letter's number


def test_the_case_file_prints_the_heading_line_by_line_and_the_office_name(qtbot: Any, desk: Desk,
                                                                           tmp_path: Path) -> None:
    office = accounts.update_office(desk.store, desk.admin, heading="وزارت کشور\nاستانداری تهران")
    view = _view(qtbot, desk, tmp_path, desk.clerk, _registered(desk))
    assert f"<b>وزارت کشور<br/>استانداری تهران<br/>{office.name}</b>" in view.history_html()


def test_letters_from_the_case_are_signed_with_the_signers_role(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.services.secretariat_docs import escape

    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", note="", new_deadline=None, on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=6))
    names = {u.id: escape(u.full_name) for u in accounts.list_users(desk.store, desk.admin)}
    assert f"{names[desk.manager.user_id]}<br/>مدیر<br/>" in view.letter_html()
    assert f"{names[desk.expert.user_id]}<br/>کارشناس بررسی<br/>" in view.follow_up_letter_html()


def test_the_case_file_prints_the_note_written_with_a_rejection_or_a_close(qtbot: Any, desk: Desk,
                                                                          tmp_path: Path) -> None:
    """«چاپ گردش کار» named only the reason of the review step («رد شد: مدارک ناقص») and left out
    the expert's note; a close dropped its note and a manager's rejection its reason."""
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=False, reason="مدارک ناقص",
               note="رونوشت سند مالکیت 2 برگ را بیاورید.", on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.clerk, r.case_id)
    html = view.history_html()
    assert "رد شد: \u2068مدارک ناقص\u2069 — «\u2068رونوشت سند مالکیت ۲ برگ را بیاورید.\u2069»" in html
    closed = _registered(desk, 2)
    sec.close(desk.store, desk.expert, closed, outcome="unresolved", note="دستگاه پاسخی نداد", on=DAY)
    rejected = _referred(desk, 3)
    sec.manager_reject(desk.store, desk.manager, rejected, reason="تکراری", note="همان درخواست پیشین", on=DAY)
    view.load(closed)
    assert "«\u2068دستگاه پاسخی نداد\u2069»" in view.history_html()
    view.load(rejected)
    html = view.history_html()
    assert "\u2068تکراری\u2069" in html and "«\u2068همان درخواست پیشین\u2069»" in html


def test_a_chosen_deadline_on_a_friday_is_refused_at_the_deadline_field_in_persian(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = _referred(desk)
    on = date(2025, 5, 11)
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        choice = dlg.form.field("default_deadline")
        choice.setCurrentIndex(choice.findData(False))  # type: ignore[attr-defined]
        deadline = dlg.form.field("deadline")
        deadline.set_value(date(2025, 5, 16))  # type: ignore[attr-defined]  # Friday 26 Ordibehesht 1404
        dlg.submit()
        seen["error"] = dlg.form.error_of("deadline")
        seen["open"] = dlg.result() != 1
        deadline.set_value(date(2025, 5, 17))  # type: ignore[attr-defined]  # the Saturday after it
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id, on)
    view.buttons["forward"].click()
    assert seen["error"] == "۱۴۰۴/۰۲/۲۶ تعطیل است (جمعه یا تعطیل رسمی)؛ مهلت پاسخ باید روز کاری باشد، مانند ۱۴۰۴/۰۲/۲۷."
    assert seen["open"]
    assert q.get_case(desk.store, desk.manager, case_id).forwards[0]["deadline"] == date(2025, 5, 17)


def test_a_long_answer_on_the_timeline_is_read_whole_in_its_row(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The agency's answer of a few lines was cut at the column's width with «…» (its tooltip, plain
    text, ran off the screen in one line); now its row wraps the words and is as tall as they need,
    a one-line step keeps one line, and the latest step stays in sight."""
    from PySide6.QtGui import QFontMetrics

    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    answer = "موضوع بررسی شد و کارشناسان برای بازدید به محل اعزام شدند و گزارش آن پیوست است. " * 6
    sec.record_response(desk.store, desk.clerk, case_id, text=answer, on=DAY + timedelta(days=5))
    for n in range(30):  # a long file: the answer is not the last step
        sec.record_visit(desk.store, desk.clerk, case_id, on=DAY + timedelta(days=6 + n))
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id, DAY + timedelta(days=40))
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    t, model = view.timeline, view.timeline.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "دریافت پاسخ")
    qtbot.waitUntil(lambda: t.rowHeight(row) > 2 * t.rowHeight(0))
    cell = t.visualRect(model.index(row, 4))
    needed = QFontMetrics(t.font()).boundingRect(0, 0, cell.width() - 8, 10_000, int(Qt.TextFlag.TextWordWrap),
                                                 model.index(row, 4).data()).height()
    assert t.rowHeight(row) >= needed and cell.width() < t.viewport().width()
    assert t.rowHeight(0) < 2 * QFontMetrics(t.font()).height() + 12  # (one line: no room wasted)
    last = t.visualRect(model.index(model.rowCount() - 1, 0))
    assert t.viewport().rect().contains(last.center())


def test_the_forwarding_letter_printed_again_gives_the_deadline_it_was_sent_with(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """A letter printed again after a follow-up gave the agency more time printed the follow-up's
    new deadline in the first letter, dated before that deadline was set: not the letter sent."""
    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, letter_date=DAY,
                deadline=date(2025, 5, 18), on=DAY)
    later = date(2025, 6, 8)
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", new_deadline=later, on=DAY + timedelta(days=16))
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id, DAY + timedelta(days=16))
    html = view.letter_html()
    assert "<b>۱۴۰۴/۰۲/۲۸</b>" in html and "۱۴۰۴/۰۳/۱۸" not in html  # 2025-05-18, not 2025-06-08
    assert "۱۴۰۴/۰۳/۱۸" in view.follow_up_letter_html()  # (the follow-up's letter says the new one)
    assert view.labels["deadline"].text().startswith("۱۴۰۴/۰۳/۱۸")  # (and the case's header)


def test_each_earlier_letter_of_a_long_case_can_be_printed_again(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A case forwarded to one agency, answered, then forwarded to another, followed up by letter
    twice: «چاپ نامه ارسال» and «چاپ نامه پیگیری» printed only the latest, and the first agency's
    letter could not be printed again. Now each earlier letter is under «نامه‌های پیشین», by its
    number, date and agency, to the printer or to a PDF."""
    from kanoon_desk.services.secretariat_agencies import save_agency
    from kanoon_desk.ui.secretariat import case_view

    water = save_agency(desk.store, desk.admin, name="اداره آب و فاضلاب", deadline_days=10)
    case_id = _referred(desk)
    first = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, letter_date=DAY, on=DAY)
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", on=DAY + timedelta(days=20))
    sec.record_response(desk.store, desk.clerk, case_id, text="به آب و فاضلاب مربوط است", on=DAY + timedelta(days=22))
    second = sec.forward(desk.store, desk.manager, case_id, water.id,
                         letter_date=DAY + timedelta(days=23), on=DAY + timedelta(days=23))
    sec.follow_up(desk.store, desk.expert, case_id, method="letter", on=DAY + timedelta(days=40))
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id, DAY + timedelta(days=41))
    titles = [visible(t) for t, _p, _f in view.earlier_papers]
    assert len(titles) == 2
    assert titles[0].startswith("نامه ارسال ") and "۱۴۰۴/۰۲/۱۴" in titles[0] and desk.agency.name in titles[0]
    assert titles[1].startswith("نامه پیگیری ") and "۱۴۰۴/۰۳/۰۳" in titles[1]
    printed: list[str] = []
    monkeypatch.setattr(case_view, "print_html", lambda _parent, html: printed.append(html) or True)
    for _title, to_printer, _pdf in view.earlier_papers:
        to_printer.trigger()
    assert desk.agency.name in printed[0] and water.name not in printed[0]
    assert "۱۴۰۴/۰۲/۱۴" in printed[0]  # the first letter's own date
    assert "نامه پیگیری" in printed[1] and desk.agency.name in printed[1]
    assert water.name in view.letter_html()  # the latest stays where it was
    assert first.letter_no != second.letter_no


@pytest.mark.parametrize("written", ["plain", "grouped", "persian"])
def test_a_case_rejected_as_a_duplicate_links_the_case_its_note_names(
        qtbot: Any, desk: Desk, tmp_path: Path, written: str) -> None:
    """Rejected as «تکراری», a case named the one dealt with only in its note's words (its tracking
    code as the expert typed or pasted it, on the timeline): the case view now says which case it
    duplicates, and that case's code opens it, as the twin hint and the intake's similar cases do."""
    from PySide6.QtWidgets import QDialog

    from kanoon_desk.persian import to_persian_digits
    from kanoon_desk.services.numbers import format_tracking_code
    from tests.ui.shell_support import label_plain

    kept = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    again = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    code = {"plain": kept.tracking_code, "grouped": format_tracking_code(kept.tracking_code).replace(" ", "-"),
            "persian": to_persian_digits(format_tracking_code(kept.tracking_code))}[written]
    sec.review(desk.store, desk.expert, again.case_id, accept=False, reason="تکراری",
               note=f"همان درخواست با کد رهگیری {code}؛ با همان پیگیری می‌شود.", on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.expert, again.case_id)
    view.show()
    said = visible(label_plain(view.twin_message))
    assert view.twin_message.isVisible() and said.startswith("این درخواست با دلیل «تکراری» رد شد؛ همان درخواست:")
    assert to_persian_digits(format_tracking_code(kept.tracking_code)) in said
    assert f'href="{kept.case_id}"' in view.twin_message.text()
    view.twin_message.linkActivated.emit(kept.case_id)  # its code clicked
    window = view.findChild(QDialog, "case-window")
    assert window is not None and window.findChild(CaseView).case_id == kept.case_id
    window.close()
    other = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)  # rejected for another reason
    sec.review(desk.store, desk.expert, other.case_id, accept=False, reason="مدارک ناقص",
               note=f"مانند {kept.tracking_code}", on=DAY)
    view.load(other.case_id)
    assert not view.twin_message.isVisible()


def test_a_tracking_code_written_in_a_note_reads_in_order_on_the_timeline(qtbot: Any, desk: Desk,
                                                                         tmp_path: Path) -> None:
    """A rejection's note «همان درخواست 0013 0143 0708 9338»: after the Persian words, the code's
    groups (typed with spaces, as the receipt prints them) were drawn last group first. The code is
    kept left to right: its first group is drawn left of its last, as on the receipt."""
    from PySide6.QtGui import QTextLayout, QTextOption

    from kanoon_desk.persian import to_persian_digits
    from kanoon_desk.services.numbers import format_tracking_code

    kept = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    again = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, again.case_id, accept=False, reason="تکراری",
               note=f"همان درخواست {format_tracking_code(kept.tracking_code)}", on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.expert, again.case_id)
    model = view.timeline.model()
    cells = [model.index(r, c).data() or "" for r in range(model.rowCount()) for c in range(model.columnCount())]
    shown = next(c for c in cells if "همان درخواست" in c)
    code = to_persian_digits(format_tracking_code(kept.tracking_code))
    assert code in shown
    layout = QTextLayout(shown, view.timeline.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)  # the Persian interface's cell
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    at = shown.index(code)
    first, last = line.cursorToX(at + 1)[0], line.cursorToX(at + len(code) - 1)[0]
    assert first < last, (first, last)  # «۰۰۱۳» on the left, the last group on the right


def test_a_letter_renumbered_by_a_conflicts_resolution_says_its_old_and_new_number(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Two copies of the desk gave two letters one number; the resolution gave this case's letter
    a new one. Its step on the timeline read «شماره نامه تازه (حل ناسازگاری)» and nothing more:
    which letter, and its number now, are said."""
    from kanoon_desk.services import conflicts
    from kanoon_desk.store import Store
    from tests.sync.test_conflict_resolutions import exchange

    first, second = _referred(desk, 1), _referred(desk, 2)
    desk.store.backup_to(tmp_path / "twin.sqlite3")
    twin = Store(tmp_path / "twin.sqlite3")
    letter = sec.forward(desk.store, desk.manager, first, desk.agency.id, on=DAY).letter_no
    assert sec.forward(twin, desk.manager, second, desk.agency.id, on=DAY).letter_no == letter
    exchange(desk.store, twin)
    twin.close()
    [c] = [c for c in conflicts.list_conflicts(desk.store, desk.admin) if c.kind == "case.letter_twice"]
    conflicts.resolve(desk.store, desk.admin, c.id, "keep_first")
    renumbered = c.facts[1].aggregate_id
    [forward] = q.get_case(desk.store, desk.clerk, renumbered).forwards
    assert forward["letter_no"] != letter
    view = _view(qtbot, desk, tmp_path, desk.clerk, renumbered)
    model = view.timeline.model()
    last = [model.data(model.index(model.rowCount() - 1, col)).translate({0x2060: None, 0x2066: None, 0x2069: None})
            for col in (2, 4)]  # (the numbers' left-to-right islands and joiners set aside)
    assert last[0] == "شماره نامه تازه (حل ناسازگاری)"
    persian = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    assert letter.translate(persian) in last[1] and forward["letter_no"].translate(persian) in last[1], last
    assert last[1].index(letter.translate(persian)) < last[1].index(forward["letter_no"].translate(persian))


def test_the_timeline_says_the_agency_holding_the_case_was_merged_and_that_undone(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The case's agency changed name at the merge with not a word in its timeline: a clerk reading
    it could not tell why. The timeline says the agency was merged into which, and that undone."""
    from kanoon_desk.services import secretariat_agencies as ag

    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, rural.id, on=DAY)
    ag.merge_agency(desk.store, desk.admin, rural.id, desk.agency.id, on=DAY + timedelta(days=2))
    ag.unmerge_agency(desk.store, desk.admin, rural.id, on=DAY + timedelta(days=3))
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id, DAY + timedelta(days=3))
    view.resize(1000, 700)
    model = view.timeline.model()
    last = [[str(model.data(model.index(r, c))).replace("\u2068", "").replace("\u2069", "") for c in (0, 2, 4)]
            for r in range(model.rowCount() - 2, model.rowCount())]
    assert last == [
        ["۱۴۰۴/۰۲/۱۶", "ادغام دستگاه اجرایی",
         "«شرکت آب و فاضلاب روستایی» در «شهرداری مرکز استان» ادغام شد؛ پرونده با «شهرداری مرکز استان» است"],
        ["۱۴۰۴/۰۲/۱۷", "برگرداندن ادغام دستگاه",
         "ادغام در «شهرداری مرکز استان» برگردانده شد؛ پرونده دوباره با «شرکت آب و فاضلاب روستایی» است"]]
    view.grab().save(str(tmp_path / "timeline-merged.png"))


def test_a_wrong_subject_and_channel_are_corrected_from_the_case_view_with_the_old_values_on_the_timeline(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in the subject, a letter recorded as an in-person visit: nothing in the case view put
    them right (the clerk asked IT, or lived with a visit that never was). «اصلاح…» opens the fields
    as they are; a missing reason is refused at its field with the corrections kept; saved, the
    timeline says what each field was and is."""
    r = sec.intake(desk.store, desk.clerk, case_input(1, subject="قطعی مکرر برگ"), on=DAY)
    reasons = iter(["", "غلط تایپی؛ نامه پستی بود"])
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        subject = dlg.form.field("subject")
        seen.setdefault("opened", []).append(subject.text())  # type: ignore[attr-defined]
        if not subject.text().endswith("برق"):  # type: ignore[attr-defined]
            subject.setText("قطعی مکرر برق")  # type: ignore[attr-defined]
            channel = dlg.form.field("channel")
            channel.setCurrentIndex(channel.findData("post"))  # type: ignore[attr-defined]
        dlg.form.field("reason").setPlainText(next(reasons))  # type: ignore[attr-defined]
        dlg.submit()
        if dlg.result() != QDialog.DialogCode.Accepted:
            seen.setdefault("errors", []).append(dlg.form.error_of("reason"))
            return fake_exec(dlg)  # the clerk writes the reason and saves again
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, r.case_id)
    view.buttons["correct"].click()
    assert seen["opened"] == ["قطعی مکرر برگ", "قطعی مکرر برق"]  # (the second try keeps what was typed)
    assert seen["errors"] == ["بنویسید چه چیزی نادرست ثبت شده بود."]
    assert view.detail is not None
    assert (view.detail.case["subject"], view.detail.case["channel"], view.detail.case["visits"]) == (
        "قطعی مکرر برق", "post", 0)
    model = view.timeline.model()
    last = model.rowCount() - 1
    assert model.index(last, 2).data() == "اصلاح درخواست"
    said = model.index(last, 4).data()
    assert "موضوع: \u2068قطعی مکرر برگ\u2069 ← \u2068قطعی مکرر برق\u2069" in said
    assert "شیوه دریافت: حضوری ← پستی" in said


def test_the_manager_takes_back_a_case_sent_to_the_wrong_agency_from_the_case_view(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No action took back a forward (only a conflict's decision did): «پس‌گرفتن ارسال…» names the
    letter, asks why, and the case is the manager's again, «ارسال به دستگاه» offered at once."""
    case_id = _referred(desk)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        seen.append(dlg.form.field("letter").text())  # type: ignore[attr-defined]
        dlg.form.field("reason").setPlainText("به دستگاه نادرست فرستاده شد")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id)
    assert "withdraw_forward" not in _view(qtbot, desk, tmp_path, desk.expert, case_id).buttons
    view.buttons["withdraw_forward"].click()
    assert "شهرداری مرکز استان" in seen[0]
    assert view.detail is not None and view.detail.case["status"] == "referred"
    assert "forward" in view.buttons and "withdraw_forward" not in view.buttons
    model = view.timeline.model()
    said = model.index(model.rowCount() - 1, 4).data()
    assert model.index(model.rowCount() - 1, 2).data() == "پس‌گرفتن ارسال"
    assert "شهرداری مرکز استان" in said and "به دستگاه نادرست فرستاده شد" in said


def test_a_visit_clicked_by_mistake_is_taken_off_from_the_case_view(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """«مراجعه حضوری» is one click, and a click on the wrong case stayed a visit for good:
    «حذف مراجعه…» (shown once there is such a visit) takes it off with the reason."""
    r = sec.intake(desk.store, desk.clerk, case_input(1, channel="post"), on=DAY)
    view = _view(qtbot, desk, tmp_path, desk.clerk, r.case_id)
    assert "remove_visit" not in view.buttons
    view.buttons["visit"].click()
    assert view.detail is not None and view.detail.case["visits"] == 1
    choices: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        box = dlg.form.field("visit_id")
        choices.extend(box.itemText(i) for i in range(box.count()))  # type: ignore[attr-defined]
        dlg.form.field("reason").setPlainText("روی پرونده دیگری زده شد")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view.buttons["remove_visit"].click()
    assert choices == ["۱۴۰۴/۰۲/۱۴ — ثبت \u2068کاربر clerk1\u2069"]
    assert view.detail.case["visits"] == 0
    assert "remove_visit" not in view.buttons


def test_a_letter_number_typed_with_spaces_is_found_by_the_number_as_written(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The manager types the paper register's «۱۲۳ / ۴۵» in the forward's «شماره نامه»; a clerk
    later types «123/45» (or «١٢٣/٤٥», Arabic digits) in the search box and finds the case: one
    number, stored and shown «۱۲۳/۴۵» on the case and its timeline."""
    from kanoon_desk.ui.secretariat.lists import SearchPage

    case_id = _referred(desk)

    def fake_exec(dlg: ActionDialog) -> int:
        dlg.form.field("letter_no").setText("۱۲۳ / ۴۵")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id)
    view.buttons["forward"].click()
    assert q.get_case(desk.store, desk.manager, case_id).forwards[0]["letter_no"] == "123/45"
    model = view.timeline.model()
    assert "۱۲۳/۴۵" in model.data(model.index(model.rowCount() - 1, 4))
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    for typed in ("123/45", "١٢٣/٤٥", "۱۲۳ / ۴۵"):
        page.text.setText(typed)
        page.run()
        assert page.model.total == 1 and page.model.row_at(0).id == case_id, typed


def test_a_request_accepted_by_mistake_goes_back_to_review_from_the_case_view(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An accepted, registered request referred to the manager could not be taken back to review:
    «بازگرداندن به صف بررسی…» (an expert's, until the manager acts) asks why, naming the request and
    the registration number it keeps; it leaves the manager's cartable and the timeline says so."""
    case_id = _referred(desk, 1)
    number = q.get_case(desk.store, desk.expert, case_id, on=DAY).case["registration_no"]
    assert "undo_accept" not in _view(qtbot, desk, tmp_path, desk.clerk, case_id).buttons
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        seen.append(dlg.form.field("what").text() + " | " + dlg.form.field("after").text())  # type: ignore[attr-defined]
        dlg.submit()  # no reason yet: said at the field
        seen.append(dlg.form.error_of("reason"))
        dlg.form.field("reason").setPlainText("مدارک لازم پیوست نشده بود")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.buttons["undo_accept"].click()
    assert "پذیرش درخواست" in seen[0] and "شماره ثبت" in seen[0]
    assert seen[1] != ""
    assert view.detail is not None and view.detail.case["status"] == "received"
    assert view.detail.case["registration_no"] == number
    assert "accept" in view.buttons and "undo_accept" not in view.buttons
    assert q.cartable(desk.store, desk.manager) == []
    model = view.timeline.model()
    last = model.rowCount() - 1
    assert model.index(last, 2).data() == "لغو پذیرش، بازگشت به صف بررسی"
    said = model.index(last, 4).data()
    assert "مدارک لازم پیوست نشده بود" in said and "شماره ثبت" in said


def test_a_request_registered_on_the_wrong_applicant_is_put_on_the_right_one_from_the_case_view(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A national ID typed wrong at intake put the request on someone else's record, with no way
    back: «تغییر متقاضی…» names the applicant now, takes the right ID, name and the reason; the case
    view and its timeline read the change."""
    from tests.secretariat_helpers import national_id

    sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    wrong = sec.intake(desk.store, desk.clerk, case_input(2, national_id=national_id(100001), first_name="علی",
                                                          last_name="رضایی"), on=DAY)
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        seen.append(dlg.form.field("now").text())  # type: ignore[attr-defined]
        dlg.form.field("national_id").setText(national_id(100002))  # type: ignore[attr-defined]
        dlg.form.field("first_name").setText("علی")  # type: ignore[attr-defined]
        dlg.form.field("last_name").setText("رضایی")  # type: ignore[attr-defined]
        dlg.submit()  # no reason: said at the field, nothing changed
        seen.append(dlg.form.error_of("reason"))
        dlg.form.field("reason").setPlainText("کد ملی اشتباه تایپ شده بود")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, wrong.case_id)
    view.buttons["change_applicant"].click()
    assert "علی رضایی" in seen[0] and seen[1] != ""
    assert view.detail is not None and view.detail.case["national_id"] == national_id(100002)
    model = view.timeline.model()
    last = model.rowCount() - 1
    assert model.index(last, 2).data() == "تغییر متقاضی"
    assert "کد ملی اشتباه تایپ شده بود" in model.index(last, 4).data()


def test_an_answer_recorded_on_the_wrong_case_is_moved_from_the_case_view(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An agency's answer typed on the wrong case stayed there for good (the wrong applicant told,
    the right case waiting for ever): «جابه‌جایی پاسخ…» names the answer, takes the right case's
    tracking code and the reason; both cases' timelines say so."""
    wrong = _answered(desk, 1)
    right = _referred(desk, 2)
    sec.forward(desk.store, desk.manager, right, desk.agency.id, on=DAY)
    code = q.get_case(desk.store, desk.clerk, right, on=DAY).case["tracking_code"]
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        seen.append(dlg.form.field("what").text())  # type: ignore[attr-defined]
        dlg.form.field("to_code").setText("0000")  # type: ignore[attr-defined]
        dlg.form.field("reason").setPlainText("نامه دستگاه برای پرونده دیگر بود")  # type: ignore[attr-defined]
        dlg.submit()  # no such case: said at the field, nothing moved
        seen.append(dlg.form.error_of("to_code"))
        dlg.form.field("to_code").setText(code)  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, wrong, DAY + timedelta(days=5))
    view.buttons["move_answer"].click()
    assert "آسفالت کوچه" in seen[0] and seen[1] != ""
    assert view.detail is not None and view.detail.case["status"] == "forwarded"
    assert "move_answer" not in view.buttons and "answer" in view.buttons
    model = view.timeline.model()
    said = " ".join(str(model.index(i, 4).data()) for i in range(model.rowCount()))
    assert "پاسخ به پرونده" in said and "نامه دستگاه برای پرونده دیگر بود" in said
    other = q.get_case(desk.store, desk.clerk, right, on=DAY + timedelta(days=5))
    assert (other.case["status"], other.case["response_text"]) == ("answered", "آسفالت کوچه تا هفته آینده انجام می‌شود")
