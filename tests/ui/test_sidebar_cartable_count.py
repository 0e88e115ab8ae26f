"""The side bar's «کارتابل» says how many items wait unread («کارتابل (۳)»), read again when items
arrive (a sync), are read or acted on, and not at a page switch."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.main_window import MainWindow
from kanoon_desk.ui.secretariat.lists import CartablePage
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


def _referred(desk: Desk, n: int) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n, subject=f"موضوع شماره {n}"), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    return r.case_id


def _entry(window: MainWindow) -> str:
    return window.sidebar.item(window._rows[window.page_keys().index("secretariat-cartable")]).text()


def test_the_cartable_entry_counts_unread_items_as_they_arrive_are_read_and_acted_on(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    first, second = _referred(desk, 1), _referred(desk, 2)
    ctx = make_ctx(desk.store, desk.manager, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert _entry(window) == "کارتابل (۲)"
    # a referral that came by a sync (made on another desk): said once the round is over
    third = _referred(desk, 3)
    ctx.bus.changed.emit("sync")
    assert _entry(window) == "کارتابل (۳)"
    # read: one less
    page = window.show_page("secretariat-cartable")
    assert isinstance(page, CartablePage)
    window.show()
    qtbot.waitExposed(window)
    index = page.model.index(0, 2)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    assert _entry(window) == "کارتابل (۲)"
    # acted on (all three forwarded at once): none left, the bare title
    sec.forward_many(desk.store, desk.manager, [first, second, third], desk.agency.id)
    ctx.bus.changed.emit("secretariat")
    assert _entry(window) == "کارتابل"


def test_a_page_switch_counts_nothing(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    _referred(desk, 1)
    ctx = make_ctx(desk.store, desk.manager, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    spec = next(p for p in window.pages if p.key == "secretariat-cartable")
    calls: list[int] = []
    counted = spec.extra["badge"]
    spec.extra["badge"] = lambda c: calls.append(1) or counted(c)
    for i in range(len(window.pages)):
        window.select_page(i)
    window.select_page(0)
    assert calls == [] and _entry(window) == "کارتابل (۱)"
