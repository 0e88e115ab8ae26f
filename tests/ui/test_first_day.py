"""The office admin's first day, driven from the keyboard: the first-run set-up, the log-in, a
temporary password changed, the users page's dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kanoon_desk.store import Store
from kanoon_desk.ui.setup import SetupDialog

from .shell_support import language


@pytest.fixture
def fa(qapp: QApplication) -> Iterator[QApplication]:
    with language(qapp, "fa"):
        yield qapp


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "new.sqlite3")
    yield store
    store.close()


def test_setup_takes_an_office_code_typed_in_persian_digits(fa: QApplication, qtbot: Any, fresh: Store,
                                                             type_persian: Any) -> None:
    """A Persian keyboard's number row types «۱۳»: that is the office 13, as the centres page and
    `server enroll --office` read it, not "1 to 8 digits or Latin letters"."""
    dialog = SetupDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    type_persian(dialog.office_code, "۱۳")
    type_persian(dialog.office_name, "دفتر مدیریت عملکرد")
    qtbot.keyClicks(dialog.username, "boss")
    type_persian(dialog.full_name, "مریم رضایی")
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.password2, "long-enough-1")
    dialog.submit()
    assert dialog.form.error_of("office_code") == ""
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert fresh.is_initialised and fresh.identity.office_code == "13"
