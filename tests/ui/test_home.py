"""The home page reads the work waiting again each time it is shown: a referral made meanwhile (on
another page, or pulled from another desk) shows in the manager's cartable count."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.home import HomePage
from tests.secretariat_helpers import case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def _fact(page: HomePage, title: str) -> str:
    labels = [w.text() for w in page.findChildren(QLabel) if not w.isHidden() or w.text()]
    at = labels.index(title)
    return labels[at + 1]


def test_the_home_page_reads_the_cartable_again_when_shown(qtbot: Any, tmp_path: Path) -> None:
    desk = make_secretariat_desk(tmp_path)
    page = HomePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert _fact(page, "کارتابل من").startswith("۰ مورد باز")
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="بررسی شود", on=DAY)
    page.hide()  # the manager was on another page meanwhile
    page.show()
    qtbot.waitUntil(lambda: _fact(page, "کارتابل من").startswith("۱ مورد باز"))
