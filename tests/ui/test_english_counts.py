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


def _erase_refusal(library: Any, member_id: int) -> BaseException:
    from kanoon_desk.errors import InvariantError
    from kanoon_desk.services import library as lib
    from tests.library_helpers import TODAY

    with pytest.raises(InvariantError) as refused:
        lib.erase_member(library.store, library.admin, member_id, today=TODAY)
    return refused.value


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "This member has 1 book out («ماهی سیاه کوچولو»); have it returned",
     "This member has 2 books out («ماهی سیاه کوچولو»، «ماهی سیاه کوچولو»); have them returned"),
    ("fa", "این عضو ۱ کتاب امانت‌گرفته دارد", "این عضو ۲ کتاب امانت‌گرفته دارد")])
def test_a_refused_erasure_counts_the_books_out(lang: str, one: str, two: str, qapp: QApplication,
                                                english_qm: Path, tmp_path: Path) -> None:
    """A service's refusal with a count (`%Ln`, its `n`): the count reaches the translation, which
    picks its plural form, not "1 book(s) out"."""
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.ui.errors import error_text
    from tests.library_helpers import TODAY, make_library

    library = make_library(tmp_path)
    try:
        with language(qapp, lang, english_qm if lang == "en" else None):
            circ.checkout(library.store, library.admin, library.child.member_no, library.copies[0].barcode, today=TODAY)
            said = error_text(_erase_refusal(library, library.child.id))
            assert said.startswith(one) and "(s)" not in said and "%Ln" not in said, said
            circ.checkout(library.store, library.admin, library.child.member_no, library.copies[1].barcode, today=TODAY)
            said = error_text(_erase_refusal(library, library.child.id))
            assert said.startswith(two) and "(s)" not in said, said
    finally:
        library.store.close()


def test_a_refused_erasure_counts_the_open_holds_in_english(english: None, tmp_path: Path) -> None:
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.ui.errors import error_text
    from tests.library_helpers import TODAY, make_library

    library = make_library(tmp_path)
    try:
        for c in library.copies:  # every copy out, so the adult's hold waits
            circ.checkout(library.store, library.admin, library.child.member_no, c.barcode, today=TODAY)
        circ.place_hold(library.store, library.admin, library.adult.member_no, library.title.id, today=TODAY)
        said = error_text(_erase_refusal(library, library.adult.id))
        assert said.startswith("This member has 1 open hold («ماهی سیاه کوچولو»); cancel it first"), said
    finally:
        library.store.close()


def test_a_closed_log_in_says_one_more_minute_in_english(english: None, tmp_path: Path) -> None:
    from kanoon_desk.errors import ValidationError
    from kanoon_desk.models import acting_at, utcnow
    from kanoon_desk.services import accounts
    from kanoon_desk.ui.errors import error_text
    from tests.factories import PASSWORD, make_desk

    store, _admin = make_desk(tmp_path / "d.sqlite3")
    try:
        with acting_at(utcnow()):
            for _ in range(accounts.FREE_ATTEMPTS):
                with pytest.raises(ValidationError):
                    accounts.login(store, "admin", "wrong-guess-1")
            with pytest.raises(ValidationError) as refused:
                accounts.login(store, "admin", PASSWORD)
        said = error_text(refused.value)
        assert "is closed for 1 more minute. If" in said, said
        assert "دقیقه دیگر بسته است" in str(refused.value) and "۱ دقیقه" in str(refused.value)  # the CLI's Persian
    finally:
        store.close()


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Broken foreign key in table \u2066loans → copies\u2069: 1 row (foreign_key_check)."),
    ("fa", "کلید خارجی شکسته در جدول \u2066loans → copies\u2069: ۲ ردیف (foreign_key_check).")])
def test_a_health_checks_broken_rows_are_counted(lang: str, said: str, qapp: QApplication, english_qm: Path) -> None:
    from kanoon_desk.errors import Problem
    from kanoon_desk.services.ops import MSG_FOREIGN_KEY
    from kanoon_desk.ui.errors import problem_text

    n = 1 if lang == "en" else 2
    problem = Problem(MSG_FOREIGN_KEY, table="loans → copies", n=n)
    assert "%Ln" not in problem and f": {n} ردیف" in problem  # the command line's line
    with language(qapp, lang, english_qm if lang == "en" else None):
        assert problem_text(problem) == said
