"""English with counts: "1 event", "2 events" (Qt's plural forms of a `%Ln` sentence), while
the Persian reads «۱ رویداد», «۲ رویداد» (a noun after a number stays singular)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kanoon_desk.sync.report import SyncReport
from kanoon_desk.ui import sync_page
from tests.ui.shell_support import compile_english, language


@pytest.fixture(scope="module")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_english(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def english(qapp: QApplication, english_qm: Path) -> Iterator[None]:
    with language(qapp, "en", english_qm):
        yield


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    with language(qapp, "fa"):
        yield


def test_the_sync_page_counts_events_in_english(english: None) -> None:
    assert sync_page.round_result(True, 1) == "Done, 1 event refused"
    assert sync_page.round_result(True, 2) == "Done, 2 events refused"
    assert sync_page.events_text(1) == "1 event"
    assert sync_page.events_text(1234) == "1,234 events"
    assert sync_page.span_text(60_000) == "1 minute"
    assert sync_page.span_text(3 * 60 * 60_000) == "3 hours"
    assert sync_page.span_text(3 * 24 * 60 * 60_000) == "3 days"
    one = SyncReport(ok=True, uploaded=1, uploaded_bytes=2048, downloaded=2, downloaded_bytes=4096)
    assert sync_page.files_text(one) == "1 attachment sent (2 kB). 2 attachments received (4 kB)."


def test_the_sync_page_counts_events_in_persian_as_before(persian: None) -> None:
    assert sync_page.round_result(True, 1) == "انجام شد، ۱ رویداد رد شد"
    assert sync_page.round_result(True, 2) == "انجام شد، ۲ رویداد رد شد"
    assert sync_page.events_text(1234) == "۱٬۲۳۴ رویداد"
    assert sync_page.span_text(60_000) == "۱ دقیقه"


def test_a_round_that_sent_one_event_says_so_in_english(english: None, qtbot: Any, tmp_path: Path) -> None:
    from tests.factories import make_desk
    from tests.ui.shell_support import make_ctx

    store, admin = make_desk(tmp_path / "desk.sqlite3")
    try:
        page = sync_page.SyncPage(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(page)
        page._done(SyncReport(ok=True, pushed=1, pulled=2, rejected=1))
        said = page.message.text()
        assert "1 event sent and 2 events received" in said, said
        assert "The server refused 1 event; the reason is under" in said, said
    finally:
        store.close()


def test_a_member_search_says_one_member_and_two_members(english: None, qtbot: Any, tmp_path: Path,
                                                          type_persian: Any) -> None:
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.library.members import MembersPage
    from tests.library_helpers import NATIONAL_IDS, TODAY, make_library
    from tests.ui.shell_support import make_ctx

    library = make_library(tmp_path)  # زهرا محمدی and حسین احمدی
    try:
        page = MembersPage(make_ctx(library.store, library.admin, tmp_path))
        qtbot.addWidget(page)
        type_persian(page.query, "زهر")
        page.search()
        assert page.list_title.text() == "1 member found"  # not "1 members found"
        lib.register_member(library.store, library.admin, lib.MemberInput(
            first_name="زهره", last_name="کریمی", national_id=NATIONAL_IDS[2], category="adult",
            phone="09351234568"), today=TODAY)
        page.search()
        assert len(page.results) == 2 and page.list_title.text() == "2 members found"
    finally:
        library.store.close()


@pytest.mark.parametrize(("lang", "said"), [("en", "Reading the file…\nRow 120 of 5,000"),
                                            ("fa", "Reading the file…\nردیف ۱۲۰ از ۵٬۰۰۰")])
def test_an_imports_progress_groups_its_thousands(lang: str, said: str, qapp: QApplication, english_qm: Path) -> None:
    from kanoon_desk.ui.import_progress import progress_text

    with language(qapp, lang, english_qm if lang == "en" else None):
        assert progress_text("Reading the file…", 120, 5000) == said


def test_a_rounds_stored_english_line_counts_its_attachments() -> None:
    """The English half of the line a round keeps (`summary_line`), which the English sync history
    shows as the round's details."""
    one = SyncReport(ok=True, uploaded=1, uploaded_bytes=2_097_152).summary_line().partition(" | ")[2]
    two = SyncReport(ok=True, downloaded=2, downloaded_bytes=2048).summary_line().partition(" | ")[2]
    assert "1 attachment sent (2 MB)" in one and "(s)" not in one
    assert "2 attachments received (2 kB)" in two, two
