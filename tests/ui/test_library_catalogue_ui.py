"""The catalogue page: publisher and subject in the form, a known ISBN refused at its field, the
import preview's notes, copy corrections and label printing."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import library as lib
from kanoon_desk.ui.library.catalogue import CataloguePage
from tests.library_helpers import Lib, make_library
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> tuple[Lib, CataloguePage]:
    L = make_library(tmp_path)
    p = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 760)
    p.show()
    return L, p


def test_a_title_with_publisher_and_subject_and_a_known_isbn_refused_at_its_field(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    L, p = page
    type_persian(p.t_title, "کلاغ‌ها")
    type_persian(p.t_publisher, "کانون پرورش فکری")
    type_persian(p.t_subject, "داستان")
    qtbot.keyClicks(p.t_isbn, "978-964-337-556-0")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    [added] = lib.search_titles(L.store, "کلاغ")
    assert (added.publisher, added.subject, added.isbn) == ("کانون پرورش فکری", "داستان", "9789643375560")
    p.end_edit()
    type_persian(p.t_title, "ماهی سیاه")
    qtbot.keyClicks(p.t_isbn, "964-391-300-7")  # the ISBN-10 of a title already there
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    assert p.form.error_of("isbn") == \
        "کتابی با این شابک در فهرست هست: «ماهی سیاه کوچولو». نسخه‌ها را به همان عنوان بیفزایید."
    assert p.t_title.text() == "ماهی سیاه" and p.t_isbn.text() == "964-391-300-7"  # nothing typed is lost
    assert [t.title for t in lib.search_titles(L.store, "ماهی سیاه")] == ["ماهی سیاه کوچولو"]
    # correcting a title shows its publisher and subject and keeps them
    p.end_edit()
    p.query.setText("کلاغ")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    assert (p.t_publisher.text(), p.t_subject.text()) == ("کانون پرورش فکری", "داستان")
    p.t_subject.clear()
    type_persian(p.t_subject, "شعر")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    fixed = lib.get_title(L.store, added.id)
    assert (fixed.publisher, fixed.subject) == ("کانون پرورش فکری", "شعر")


def test_import_preview_says_which_rows_join_a_title(qtbot: Any, page: tuple[Lib, CataloguePage],
                                                    tmp_path: Path) -> None:
    _L, p = page
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["عنوان", "شابک", "بارکد"], ["ماهی سیاه", "9643913007", "N9"], ["خمره", "", ""]])
    dialog = p.preview_import("titles", path)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "یادداشت"
    assert model.index(0, 2).data() == "نسخه به عنوان «ماهی سیاه کوچولو» افزوده می‌شود که در فهرست هست."
    assert model.index(1, 2).data() == ""
    assert dialog.ok.isEnabled()
