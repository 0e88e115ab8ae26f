"""What waits on the office, on screen: the home page's counts, the search page's queue buttons
(one click lists a queue) and the notice state in a case's status."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.secretariat import papers, queue_facts
from kanoon_desk.ui.secretariat.case_view import CaseView
from kanoon_desk.ui.secretariat.lists import SearchPage
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _facts(ctx: Any) -> dict[str, str]:
    return {title: value for title, value, _list in queue_facts(ctx)}


def _answered(d: Desk, n: int) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.forward(d.store, d.admin, r.case_id, d.agency.id, on=DAY)
    sec.record_response(d.store, d.clerk, r.case_id, text="انجام شد", on=DAY + timedelta(days=3))
    return r.case_id


def test_one_click_lists_the_answered_cases_whose_applicant_was_not_told(qtbot: Any, desk: Desk,
                                                                        tmp_path: Path) -> None:
    untold, told = _answered(desk, 1), _answered(desk, 2)
    sec.notify(desk.store, desk.clerk, told, method="phone", on=DAY + timedelta(days=4))
    rejected = sec.intake(desk.store, desk.clerk, case_input(3), on=DAY).case_id
    sec.review(desk.store, desk.expert, rejected, accept=False, reason="تکراری", on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(4), on=DAY)  # to review
    assert _facts(make_ctx(desk.store, desk.expert, tmp_path)) == {"در نوبت بررسی کارشناس": "۱", "در انتظار ثبت در دبیرخانه": "۰",
                                      "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده": "۱", "اعلام رد در انتظار ارسال": "۱"}
    ctx = make_ctx(desk.store, desk.clerk, tmp_path)
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.date_from.set_value(DAY + timedelta(days=30))  # a filter that would hide them all
    page.text.setText("چیزی")
    untold_button = page.queues.buttons["untold"]
    assert untold_button.text() == "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده (۱)"
    untold_button.click()
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == untold
    assert page.status.currentText() == "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده"
    assert page.model.index(0, 4).data() == "پاسخ دستگاه رسیده، هنوز به متقاضی اعلام نشده"
    assert page.view.case_id == untold  # the only one: shown at once
    assert page.text.text() == "" and page.date_from.value() is None
    page.queues.buttons["notices"].click()
    assert [page.model.row_at(i).id for i in range(page.model.rowCount())] == [rejected]
    assert page.model.index(0, 4).data() == "ردشده، اعلام رد در انتظار ارسال"
    page.grab().save(str(tmp_path / "queues.png"))

    sec.notify(desk.store, desk.clerk, untold, method="phone", on=DAY + timedelta(days=5))
    ctx.bus.changed.emit("secretariat")
    assert untold_button.text() == "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده (۰)"
    view = CaseView(ctx, untold)
    qtbot.addWidget(view)
    assert view.labels["status"].text() == "پاسخ دستگاه رسیده، به متقاضی اعلام شد"


def test_the_queues_are_those_of_the_persons_roles(desk: Desk, tmp_path: Path) -> None:
    expert = _facts(make_ctx(desk.store, desk.expert, tmp_path))
    assert "در نوبت بررسی کارشناس" in expert
    clerk = _facts(make_ctx(desk.store, desk.clerk, tmp_path))
    assert "در نوبت بررسی کارشناس" not in clerk and "اعلام رد در انتظار ارسال" in clerk
    assert queue_facts(make_ctx(desk.store, desk.manager, tmp_path)) == []


def test_a_count_on_the_home_page_opens_its_list_in_one_click(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """«نمایش» beside a queue's count shows the search page listing that queue; beside the cartable's,
    the cartable."""
    from PySide6.QtWidgets import QPushButton

    from kanoon_desk.ui.main_window import MainWindow

    untold = _answered(desk, 1)
    main = MainWindow(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(main)
    main.show()
    home = main.page_widget("home")
    _settle(qtbot)
    go = [b for b in home.findChildren(QPushButton) if b.objectName() == "home-go-secretariat-search"
          and b.toolTip() == "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده" and not b.isHidden()]
    assert len(go) == 1
    go[0].click()
    assert main.current_key() == "secretariat-search"
    page = main.page_widget("secretariat-search")
    assert isinstance(page, SearchPage)
    assert [page.model.row_at(i).id for i in range(page.model.rowCount())] == [untold]
    assert page.status.currentText() == "پاسخ یا نتیجه آماده، به متقاضی اعلام نشده"
    main.show_page("home")
    _settle(qtbot)
    cartable = [b for b in home.findChildren(QPushButton)
                if b.objectName() == "home-go-secretariat-cartable" and not b.isHidden()]
    cartable[0].click()
    assert main.current_key() == "secretariat-cartable"


def _settle(qtbot: Any) -> None:
    """Let the home page's rows read again be shown and the rows they replaced be deleted."""
    from PySide6.QtCore import QCoreApplication, QEvent

    qtbot.wait(10)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_notice_queue_tells_its_applicants_at_once_and_prints_their_letters(qtbot: Any, desk: Desk,
                                                                              tmp_path: Path) -> None:
    """«اعلام گروهی…» beside a notice queue: the ticked applicants told by letter in one go, the
    queue emptied of them, and their letters (a rejection notice, a result letter) one a page."""
    answered = [_answered(desk, n) for n in (1, 2)]
    rejected = sec.intake(desk.store, desk.clerk, case_input(3), on=DAY).case_id
    sec.review(desk.store, desk.expert, rejected, accept=False, reason="تکراری", on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    button = page.queue_notices.button
    assert button.isHidden()  # not a notice queue
    page.show_queue("untold")
    assert not button.isHidden() and button.isEnabled() and page.model.total == 2
    d = page.queue_notices.dialog()
    qtbot.addWidget(d)
    cases = d.form.field("case_ids")
    cases.item(1).setCheckState(Qt.CheckState.Unchecked)  # type: ignore[attr-defined]
    kept = cases.item(0).data(Qt.ItemDataRole.UserRole)  # type: ignore[attr-defined]
    d.form.field("note").setPlainText("با سپاس از شکیبایی شما")  # type: ignore[attr-defined]
    d.submit()
    assert d.result() == d.DialogCode.Accepted
    page.queue_notices.done()
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [a for a in answered if a != kept]
    assert not page.queue_notices.isHidden() and "۱ متقاضی" in page.queue_notices.note.text()
    html = page.queue_notices.letters_html()
    assert html.count("page-break-before") == 0 and "با سپاس از شکیبایی شما" in html and "انجام شد" in html
    page.show_queue("notices")
    d = page.queue_notices.dialog()
    qtbot.addWidget(d)
    d.submit()
    page.queue_notices.done()
    assert page.model.total == 0 and not button.isEnabled()
    assert "«تکراری»" in page.queue_notices.letters_html()
    # two at once: two pages
    html = papers.notice_letters(desk.store, desk.clerk, [kept, rejected], DAY + timedelta(days=5))
    assert html.count("page-break-before: always") == 1 and "«تکراری»" in html and "انجام شد" in html
    page.show_queue("to_review")
    assert button.isHidden() and page.queue_notices.isHidden()


def test_a_rejection_notice_posted_later_carries_the_day_it_was_sent(desk: Desk) -> None:
    from kanoon_desk import persian
    from kanoon_desk.services import secretariat_query as q

    rejected = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY).case_id
    sec.review(desk.store, desk.expert, rejected, accept=False, reason="تکراری", on=DAY)
    before = papers.rejection_notice(desk.store, q.get_case(desk.store, desk.clerk, rejected), DAY + timedelta(days=9))
    assert persian.format_jalali_date(DAY) in before  # not sent yet: the day of the rejection
    assert "کاربر expert1" in before  # signed by whoever rejected
    sec.notify_many(desk.store, desk.clerk, [rejected], method="letter", on=DAY + timedelta(days=9))
    after = papers.rejection_notice(desk.store, q.get_case(desk.store, desk.clerk, rejected), DAY + timedelta(days=12))
    assert persian.format_jalali_date(DAY + timedelta(days=9)) in after and persian.format_jalali_date(DAY) not in after
    assert "کاربر clerk" in after  # by whoever posted it


def _listed(page: SearchPage) -> list[str]:
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]


def test_the_list_follows_an_intake_saved_elsewhere_and_an_action_on_its_case(qtbot: Any, desk: Desk,
                                                                             tmp_path: Path) -> None:
    """The list reads what the queue bar counts: an intake saved on another page joins the queue
    listed, and a case accepted from the case view leaves it — rows and count alike — while the
    case acted on stays shown below."""
    waiting = [sec.intake(desk.store, desk.clerk, case_input(n), on=DAY).case_id for n in (1, 2, 3)]
    ctx = make_ctx(desk.store, desk.expert, tmp_path)
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.show_queue("to_review")
    assert len(_listed(page)) == 3
    new = sec.intake(desk.store, desk.clerk, case_input(4), on=DAY).case_id
    ctx.bus.changed.emit("secretariat")  # as the intake page announces its save
    assert page.queues.buttons["to_review"].text() == "در نوبت بررسی کارشناس (۴)"
    assert sorted(_listed(page)) == sorted([*waiting, new]) and page.count.text() == "۴ پرونده"

    row = _listed(page).index(waiting[1])
    page.table.clicked.emit(page.model.index(row, 0))
    page.view.buttons["accept"].click()
    assert waiting[1] not in _listed(page) and len(_listed(page)) == 3 and page.count.text() == "۳ پرونده"
    assert page.queues.buttons["to_review"].text() == "در نوبت بررسی کارشناس (۳)"
    assert page.view.case_id == waiting[1] and not page.view.body.isHidden()  # acted on: still shown
    assert "register" in page.view.buttons  # (accepted: the next step offered)


def test_the_list_is_read_once_per_change_and_not_while_its_page_is_put_away(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An action on the case below reads the list once (it read it twice: for the case view's
    signal and for the bus); a change while another page of the side bar is shown is read when
    the page comes back, not meanwhile."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from kanoon_desk.services import secretariat_query

    ids = [sec.intake(desk.store, desk.clerk, case_input(n), on=DAY).case_id for n in (1, 2)]
    ctx = make_ctx(desk.store, desk.expert, tmp_path)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other, page = QWidget(), SearchPage(ctx)
    stack.addWidget(other)
    stack.addWidget(page)
    stack.setCurrentWidget(page)
    stack.show()
    page.show_queue("to_review")
    searches: list[object] = []
    real = secretariat_query.search_count
    monkeypatch.setattr(secretariat_query, "search_count", lambda *a, **k: searches.append(1) or real(*a, **k))
    page.table.clicked.emit(page.model.index(_listed(page).index(ids[0]), 0))
    page.view.buttons["accept"].click()
    assert len(searches) == 1 and page.count.text() == "۱ پرونده"

    stack.setCurrentWidget(other)
    searches.clear()
    sec.intake(desk.store, desk.clerk, case_input(3), on=DAY)
    ctx.bus.changed.emit("secretariat")
    sec.intake(desk.store, desk.clerk, case_input(4), on=DAY)
    ctx.bus.changed.emit("secretariat")
    assert searches == [] and page.count.text() == "۱ پرونده"  # put away: not read
    stack.setCurrentWidget(page)
    assert len(searches) == 1 and page.count.text() == "۳ پرونده"  # shown: read once, up to date


def test_the_case_shown_keeps_its_row_when_the_list_is_read_again(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    ids = [sec.intake(desk.store, desk.clerk, case_input(n), on=DAY).case_id for n in (1, 2)]
    ctx = make_ctx(desk.store, desk.expert, tmp_path)
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.show_queue("to_review")
    row = _listed(page).index(ids[1])
    page.table.clicked.emit(page.model.index(row, 0))
    sec.intake(desk.store, desk.clerk, case_input(3), on=DAY)
    ctx.bus.changed.emit("secretariat")
    assert page.view.case_id == ids[1] and page.model.total == 3
    assert page.table.currentIndex().row() == _listed(page).index(ids[1])


def test_telling_the_last_applicant_of_a_notice_queue_from_the_case_empties_the_list(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """«اعلام گروهی…» follows the list: the last untold applicant told from the case view leaves
    nothing to tell at once."""
    from kanoon_desk.ui.secretariat.dialogs import ActionDialog

    untold = _answered(desk, 1)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show_queue("untold")
    assert page.view.case_id == untold and page.queue_notices.button.isEnabled()

    def fake_exec(dlg: ActionDialog) -> int:
        dlg.submit()  # by phone, the first way offered
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    page.view.buttons["notify"].click()
    assert page.model.total == 0 and page.count.text() == "۰ پرونده"
    assert not page.queue_notices.button.isEnabled() and page.view.case_id == untold
