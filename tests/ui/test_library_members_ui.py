"""The members page: the card printed, home centre, expiry and photo in the form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.ui.library.members import MembersPage
from tests.library_helpers import Lib, make_library
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> tuple[Lib, MembersPage]:
    L = make_library(tmp_path)
    p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    return L, p


def _find(qtbot: Any, p: MembersPage, code: str) -> None:
    p.query.clear()
    qtbot.keyClicks(p.query, code)
    qtbot.keyClick(p.query, Qt.Key.Key_Return)


def test_the_card_is_printed_at_its_size(qtbot: Any, page: tuple[Lib, MembersPage],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from kanoon_desk.ui.library import members as members_ui

    L, p = page
    assert not p.print_card.isEnabled()
    _find(qtbot, p, L.child.member_no)
    printed: list[str] = []
    monkeypatch.setattr(members_ui, "print_dialog", lambda _parent, html: printed.append(html) or True)
    qtbot.mouseClick(p.print_card, Qt.MouseButton.LeftButton)
    assert len(printed) == 1 and 'width="324" height="204"' in printed[0]
