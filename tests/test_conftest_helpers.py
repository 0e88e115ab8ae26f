"""Checks for the shared fixtures in conftest.py."""

from __future__ import annotations

import os
from types import ModuleType

import pytest


def _conftest() -> ModuleType:
    """The conftest module, whether or not tests/ is a package."""
    try:
        from tests import conftest
    except ImportError:
        import conftest
    return conftest


def test_qt_platform_defaults_to_offscreen() -> None:
    assert os.environ.get("QT_QPA_PLATFORM")


@pytest.mark.gui
def test_type_persian_types_into_line_edit(qtbot, type_persian) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    type_persian(edit, "سلام دنیا")
    assert edit.text() == "سلام دنیا"


@pytest.mark.gui
def test_type_persian_appends_and_handles_digits(qtbot, type_persian) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    type_persian(edit, "پرونده ")
    type_persian(edit, "۱۴۰۳/۰۵")
    assert edit.text() == "پرونده ۱۴۰۳/۰۵"


def test_pg_url_from_env_returns_url() -> None:
    pg_url_from_env = _conftest().pg_url_from_env

    url = "postgresql+psycopg://u:p@127.0.0.1:1/db"
    assert pg_url_from_env({"KANOON_TEST_PG_URL": url, "CI": "true"}) == url


def test_pg_url_from_env_skips_locally_but_fails_under_ci() -> None:
    pg_url_from_env = _conftest().pg_url_from_env

    with pytest.raises(pytest.skip.Exception):
        pg_url_from_env({})
    with pytest.raises(pytest.fail.Exception, match="KANOON_TEST_PG_URL"):
        pg_url_from_env({"CI": "true"})
