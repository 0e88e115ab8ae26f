"""The home page: a greeting, today's Jalali date, the office, the person's roles, coming holidays."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..services import accounts
from .context import PageSpec, UiContext
from .roles import roles_text
from .widgets import Today, digits, long_date

log = logging.getLogger(__name__)

#: Where a fact leads: the page that gave it, and what to do there once shown (list one queue).
Target = tuple[str, Callable[[QWidget], Any] | None]


class HomePage(QWidget):
    """Cheap facts only (a few small queries), read again whenever the page is shown (the work
    waiting — a cartable, cases to review, overdue loans — changes on other pages and other desks)
    and when anything changes on the bus while it is on screen."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("home-page")
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.greeting.setFont(big)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(24)
        self.facts.setVerticalSpacing(8)
        self.facts.setColumnStretch(3, 1)  # name | value | «نمایش» | the rest of the width
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setLayout(self.facts)
        box = QVBoxLayout(self)
        box.addWidget(self.greeting)
        box.addWidget(card)
        box.addStretch(1)
        ctx.bus.changed.connect(self._on_changed)
        #: the office's day; a page left on screen past midnight reads its facts again (it said
        #: yesterday was «امروز» and counted to it until another page was opened)
        self.today = Today(self)
        self.today.changed.connect(lambda _day: self._on_changed("day"))
        self.refresh()
        #: the facts were just read: the first show (right after the page is built) does not read
        #: them a second time (each read counts the office's queues: ~2 s on a busy province's store)
        self._fresh = True

    def _on_changed(self, _area: str) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # shown again by the side bar, not a window brought to front
            if self._fresh:
                self._fresh = False
            else:
                self.refresh()

    def _fact(self, row: int, title: str, value: str, target: Target | None = None) -> None:
        name = QLabel(title)
        name.setStyleSheet("color: #546e7a;")
        text = QLabel(value)
        text.setWordWrap(True)
        # A value of digits alone would otherwise align by its own (left-to-right) direction.
        side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        text.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.addWidget(name, row, 0)
        if target is None:
            self.facts.addWidget(text, row, 1, 1, 3)
            return
        # the work behind a count, one click (or Tab and Space) away, the links in one column
        go = QPushButton(self.tr("نمایش"))
        go.setObjectName(f"home-go-{target[0]}")
        go.setFlat(True)
        go.setCursor(Qt.CursorShape.PointingHandCursor)
        go.setStyleSheet("color: #1565c0; text-decoration: underline; padding: 0 6px;")
        go.setToolTip(title)
        go.clicked.connect(lambda _checked=False, t=target: self.go(t))
        text.setWordWrap(False)  # a count and a few words: on one line
        self.facts.addWidget(text, row, 1)
        self.facts.addWidget(go, row, 2, Qt.AlignmentFlag.AlignLeading)

    def go(self, target: Target) -> None:
        """Show the page a fact came from (in the main window holding this page), then do its action."""
        key, action = target
        window = self.window()
        if key not in getattr(window, "page_keys", list)():
            return
        page = window.show_page(key)  # type: ignore[attr-defined]
        if action is not None:
            action(page)

    def refresh(self) -> None:
        while self.facts.count():
            item = self.facts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once (deleted once control is back in the event loop)
                widget.deleteLater()
        actor = self.ctx.actor
        self.greeting.setText(self.tr("سلام، %1").replace("%1", actor.full_name))
        office = accounts.get_office(self.ctx.store, actor.office_code)
        day = self.today()
        rows = [
            (self.tr("امروز"), long_date(day)),
            (self.tr("دفتر"), office.name if office else actor.office_code),
            (self.tr("نقش‌های شما"), roles_text(actor.roles)),
        ]
        calendar = accounts.working_calendar(self.ctx.store)
        rows.append((self.tr("امروز روز کاری است؟"),
                     self.tr("بله") if calendar.is_working_day(day) else self.tr("خیر، تعطیل است")))
        # the fixed official holidays too (Nowruz is in no table: it is off by rule)
        coming = accounts.coming_holidays(self.ctx.store, day)
        rows.append((self.tr("تعطیلی‌های پیش رو"), "\n".join(_holiday_line(d, t) for d, t in coming)
                     or self.tr("در جدول تعطیلات روزی ثبت نشده است.")))
        facts: list[tuple[str, str, Target]] = []
        if actor.has("admin"):
            users = accounts.list_users(self.ctx.store, actor)
            active = sum(1 for u in users if u.active)
            rows.append((self.tr("کاربران فعال"), digits(active)))
            # a year whose lunar holidays are not in the table (this year, and from Dey the next):
            # deadlines and due dates given meanwhile may fall on one of them
            missing = accounts.lunar_holidays_missing(self.ctx.store, day)
            if missing:
                facts.append((self.tr("تعطیلات قمری"),
                              self.tr("سال {y} هنوز وارد نشده است").format(
                                  y=self.tr("، ").join(digits(y) for y in missing)),
                              ("admin-holidays", None)))
        for i, (title, value) in enumerate(rows):
            self._fact(i, title, value)
        for i, (title, value, target) in enumerate([*facts, *self._desk_facts()], start=len(rows)):
            self._fact(i, title, value, target)


    def _desk_facts(self) -> list[tuple[str, str, Target]]:
        """Facts the desks offer: `PageSpec.extra["home_facts"]` is `(ctx) -> [(title, value)]`
        (open cases in my cartable, loans due today...), each leading to the page that gave it; a
        fact `(title, value, action)` also runs `action(page)` there (the search page lists one
        queue). Each must be cheap. A failing one is logged and left out, so the home page always
        opens."""
        from .main_window import visible_pages

        facts: list[tuple[str, str, Target]] = []
        for spec in visible_pages(self.ctx):
            provider = spec.extra.get("home_facts")
            if provider is None:
                continue
            try:
                for fact in provider(self.ctx):
                    action = fact[2] if len(fact) > 2 else None
                    facts.append((str(fact[0]), str(fact[1]), (spec.key, action)))
            except Exception:
                log.exception("home facts of %s failed", spec.key)
        return facts


def _holiday_line(day: date, title: str) -> str:
    """A day off and its title: a fixed official holiday's in the interface's language (the
    program's words, `accounts.FIXED_HOLIDAYS`); a title the admin typed as typed."""
    title = QCoreApplication.translate("Holidays", title) if title else ""
    return f"{long_date(day)} — {title}" if title else long_date(day)


def page(ctx: UiContext) -> PageSpec:
    return PageSpec("home", QCoreApplication.translate("HomePage", "پیشخوان"), "fa6s.house", HomePage)
