"""The users page hands the cases waiting in a departed manager's cartable to the one who took over."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.admin.users import UsersPage

from ..secretariat_helpers import case_input, make_secretariat_desk
from .shell_support import make_ctx, visible

DAY = date(2025, 5, 4)


def test_the_admin_hands_a_departed_managers_cartable_over(fa: QApplication, qtbot: Any, tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    r = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.refer(d.store, d.expert, r.case_id, d.manager.user_id, instruction="پیگیری فوری", on=DAY)
    page = UsersPage(make_ctx(d.store, d.admin, tmp_path / "ui"))
    qtbot.addWidget(page)
    page.show()
    # asked before the manager is deactivated: the case waiting in their cartable is said
    page.select_username("manager1")
    assert visible(page.deactivate_question(page.selected())).endswith(  # type: ignore[arg-type]
        "۱ درخواست در کارتابل او منتظر اقدام است و تنها او (یا مدیر سامانه) روی آن‌ها کار می‌تواند؛ "
        "با «سپردن کارتابل» آن‌ها را به کسی بسپارید که کارش را برعهده می‌گیرد.")
    page.select_username("expert1")
    assert "کارتابل" not in page.deactivate_question(page.selected())  # type: ignore[arg-type]
    page.ask_deactivate = lambda user: True  # type: ignore[method-assign]
    page.select_username("manager1")
    page.toggle_active()
    assert visible(page.message.text()) == "کاربر کاربر manager1 غیرفعال شد."
    page.select_username("manager2")  # nothing waits for manager2: said on the page, no dialog
    assert page.hand_over_dialog(page.selected()) is None  # type: ignore[arg-type]
    assert visible(page.message.text()) == "در کارتابل «کاربر manager2» درخواستی منتظر اقدام نیست."
    page.select_username("manager1")
    assert page.hand_over_button.isEnabled()
    dialog = page.hand_over_dialog(page.selected())  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.findChild(type(page.message), "hand-over-said")
    assert said is not None and visible(said.text()).startswith("۱ درخواست در کارتابل «کاربر manager1» منتظر اقدام است.")
    # the active experts and managers but the one who left, managers first, each in Persian order
    # («ک» before «م»: `test_persian_order`)
    names = [visible(dialog.receiver.itemText(i)) for i in range(dialog.receiver.count())]
    assert names == ["کاربر manager2 (مدیر)", "مدیر سامانه (کارشناس بررسی، مدیر)", "کاربر expert1 (کارشناس بررسی)"]
    dialog.receiver.setCurrentIndex(dialog.receiver.findData(d.manager2.user_id))
    dialog.grab().save("/tmp/fix-C-hand-over.png")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [i.case_id for i in q.cartable(d.store, d.manager2, include_cc=False)] == [r.case_id]
    # the case's timeline says who handed it over, to whom and from whose cartable
    from kanoon_desk.ui.secretariat.case_timeline import TimelineModel

    steps = q.get_case(d.store, d.admin, r.case_id, on=DAY).timeline
    names = {u.id: u.full_name for u in accounts.list_users(d.store, d.admin)}
    model = TimelineModel(steps, names, {})
    last = [visible(model.display(steps[-1], c)) for c in (2, 3, 4)]
    assert last == ["ارجاع", "مدیر سامانه", "به کاربر manager2 — سپرده از کارتابل کاربر manager1 — «پیگیری فوری»"]
