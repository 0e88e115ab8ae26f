"""What a clerk reads of sync, in Persian: a round cut half-way says what went through before it
stopped; the sync page opened later says the last round did not finish; the home page says
whether the desk is in touch with its server, what waits to go up, and when it last synced."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QLocale

from kanoon_desk.sync import client
from kanoon_desk.ui import sync_page
from kanoon_desk.ui.home import HomePage
from kanoon_desk.ui.sync_page import SyncPage
from tests.factories import make_desk
from tests.sync.helpers import LiveServer, add_user, bootstrap_admin, enrol

from .shell_support import make_ctx


@pytest.fixture(autouse=True)
def _persian() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    yield
    QLocale.setDefault(before)


class CutAtPull(httpx.BaseTransport):
    """The connection drops after the push went through, when the round asks for what is new."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/pull"):
            raise httpx.ConnectError("cut", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _sync_line(home: HomePage) -> str:
    [value] = [v for title, v, _t in home._desk_facts() if title == "همگام‌سازی با کارگزار"]
    return value


def test_a_round_cut_half_way_says_what_went_up_and_the_page_and_home_say_it_later(
        qtbot: Any, live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = enrol(live, tmp_path / "a1.sqlite3", "13")
    admin = bootstrap_admin(store)
    add_user(store, admin, "ali")  # two events waiting: the admin and ali
    ctx = make_ctx(store, admin, tmp_path)
    home = HomePage(ctx)
    qtbot.addWidget(home)
    line = _sync_line(home)
    assert "برخط" in line and "۲ رویداد در انتظار فرستادن" in line and "آخرین همگام‌سازی موفق: ۱۴" in line
    monkeypatch.setattr(sync_page, "sync_once", lambda s, **kw: client.sync_once(s, transport=CutAtPull(), **kw))
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.message.text() == ""  # the last round (at enrolment) finished
    page.sync_button.click()
    said = page.message.text()
    assert "کارگزار مرکزی در دسترس نیست" in said
    assert "پیش از قطع، ۲ رویداد فرستاده و ۰ رویداد دریافت شد" in said
    # the sync page opened again (another log-in, a restart) says the last round did not finish
    again = SyncPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(again)
    assert again.message.text().startswith("آخرین همگام‌سازی، ۱۴")
    assert "ناتمام ماند: کارگزار مرکزی در دسترس نیست" in again.message.text()
    # the home page says the server is out of reach, in words a clerk reads
    line = _sync_line(home)
    assert line.startswith("کارگزار در دسترس نیست؛ کارها در همین رایانه ثبت می‌شود")
    assert "در انتظار فرستادن" not in line  # both went up before the cut
    # the server back: a whole round, said as such
    monkeypatch.setattr(sync_page, "sync_once", client.sync_once)
    add_user(store, admin, "reza")
    page.sync_button.click()
    assert page.message.text().startswith("همگام‌سازی انجام شد: ۱ رویداد فرستاده")
    assert _sync_line(home).startswith("برخط")
    home.resize(900, 600)
    home.grab().save(str(tmp_path / "home.png"))


def test_a_desk_without_a_server_says_nothing_of_sync_on_the_home_page(qtbot: Any, tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "desk.sqlite3")
    home = HomePage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(home)
    assert all(title != "همگام‌سازی با کارگزار" for title, _v, _t in home._desk_facts())
