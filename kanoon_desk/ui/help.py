"""The «راهنما» menu: the keyboard shortcuts (F1), and «درباره کانون دسک» (the version, the store,
the office and desk, what it is built with), whose text can be copied for whoever supports the desk."""

from __future__ import annotations

import platform
import sys
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..errors import QT_TRANSLATE_NOOP
from .accessible import NamedDialog
from .context import UiContext
from .widgets import digits, text_digits

__all__ = ["PAGE_KEYS", "AboutDialog", "ShortcutsDialog", "about_lines", "key_text"]

#: Keys of the pages, beside the menus' own: (where, key, what it does), in the «Help» context.
PAGE_KEYS: list[tuple[str, str, str]] = [
    (QT_TRANSLATE_NOOP("Help", "جعبه‌های جست‌وجو"), "Enter", QT_TRANSLATE_NOOP("Help", "جست‌وجو")),
    (QT_TRANSLATE_NOOP("Help", "جعبه‌های جست‌وجو"), "Down", QT_TRANSLATE_NOOP(
        "Help", "رفتن به فهرست؛ پیکان‌ها ردیف را عوض می‌کنند و پرونده یا عضو آن را نشان می‌دهند")),
    (QT_TRANSLATE_NOOP("Help", "ثبت درخواست"), "Enter", QT_TRANSLATE_NOOP(
        "Help", "ذخیره (در کد ملی: پر کردن مشخصات متقاضی شناخته‌شده)")),
    (QT_TRANSLATE_NOOP("Help", "ثبت درخواست"), "Ctrl+P", QT_TRANSLATE_NOOP(
        "Help", "چاپ رسید درخواستی که همین الان ثبت شد")),
    (QT_TRANSLATE_NOOP("Help", "پنجره‌های کار پرونده"), "Ctrl+Enter", QT_TRANSLATE_NOOP(
        "Help", "ثبت، از درون متن چندخطی هم (Enter در آن سطر تازه است)")),
    (QT_TRANSLATE_NOOP("Help", "پنجره‌های کار پرونده"), "Esc", QT_TRANSLATE_NOOP(
        "Help", "بستن بدون ثبت (نوشته‌های کار پرونده برای بار بعد می‌ماند)")),
    (QT_TRANSLATE_NOOP("Help", "کارتابل"), "Enter", QT_TRANSLATE_NOOP("Help", "باز کردن پرونده ردیف برگزیده")),
    (QT_TRANSLATE_NOOP("Help", "میز امانت"), "Enter", QT_TRANSLATE_NOOP(
        "Help", "خواندن کارت عضو یا بارکد کتاب (بارکدخوان خودش Enter می‌زند)")),
    (QT_TRANSLATE_NOOP("Help", "میز امانت"), "F2", QT_TRANSLATE_NOOP("Help", "کار: امانت")),
    (QT_TRANSLATE_NOOP("Help", "میز امانت"), "F3", QT_TRANSLATE_NOOP("Help", "کار: بازگشت")),
    (QT_TRANSLATE_NOOP("Help", "میز امانت"), "F6", QT_TRANSLATE_NOOP("Help", "رزرو کتاب برای عضو")),
    (QT_TRANSLATE_NOOP("Help", "میز امانت"), "Esc", QT_TRANSLATE_NOOP("Help", "پایان کار عضو")),
    (QT_TRANSLATE_NOOP("Help", "انبارگردانی"), "Enter", QT_TRANSLATE_NOOP("Help", "ثبت بارکد خوانده‌شده از قفسه")),
]


#: Keys named by what is printed on them (Qt's Persian names say «کنترل», «ورود»).
_ARROWS = {"Down": "↓", "Up": "↑", "Left": "←", "Right": "→"}


def key_text(key: str | QKeySequence) -> str:
    """A key as printed on the keyboard ("Ctrl+F", "Enter", "↓"), kept left to right inside a
    Persian line."""
    text = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
    return "\u2066" + _ARROWS.get(text, text) + "\u2069"


class ShortcutsDialog(NamedDialog):
    """Every key the desk answers to: the menus' (read from their actions, so none is forgotten),
    under their menu's name, and the pages' own (`PAGE_KEYS`)."""

    def __init__(self, actions: list[tuple[str, QAction]], parent: QWidget | None = None) -> None:
        """`actions`: the menus' actions, each with its menu's title."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("میان‌برهای صفحه‌کلید"))
        rows = [(menu.replace("&", ""), key_text(a.shortcut()), a.text().replace("&", ""))
                for menu, a in actions if not a.shortcut().isEmpty()]
        rows += [(QCoreApplication.translate("Help", where), key_text(key), QCoreApplication.translate("Help", what))
                 for where, key, what in PAGE_KEYS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([self.tr("کجا"), self.tr("کلید"), self.tr("کار")])
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text_digits(text) if c != 1 else text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(720, 520)


def about_lines(ctx: UiContext) -> list[tuple[str, str]]:
    """What support asks first: the version, the store's file, the office, the desk, the platform."""
    from ..services import accounts

    office = accounts.get_office(ctx.store, ctx.actor.office_code)
    return [
        (QCoreApplication.translate("Help", "نگارش"), _ltr(digits(__version__))),
        (QCoreApplication.translate("Help", "پایگاه داده"), _ltr(str(ctx.store.path))),
        (QCoreApplication.translate("Help", "دفتر"), QCoreApplication.translate("Help", "{name} (کد {code})").format(
            name=text_digits(office.name) if office else "", code=digits(ctx.actor.office_code))),
        (QCoreApplication.translate("Help", "میز"), QCoreApplication.translate("Help", "دستگاه شماره {n}، شناسه {id}").format(
            n=digits(ctx.store.identity.device_no), id=_ltr(ctx.store.identity.device_id))),
        (QCoreApplication.translate("Help", "کاربر"), QCoreApplication.translate("Help", "{name} (نام کاربری {user})").format(
            name=text_digits(ctx.actor.full_name), user=_ltr(ctx.actor.username))),
        (QCoreApplication.translate("Help", "ساخته با"), _ltr(f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}")),
        (QCoreApplication.translate("Help", "سامانه"), _ltr(f"{platform.system()} {platform.release()} ({sys.platform})")),
    ]


def _ltr(text: str) -> str:
    """A path, a code or a version: left to right inside a Persian line."""
    return f"\u2066{text}\u2069"


class AboutDialog(NamedDialog):
    """«درباره کانون دسک»: what it is, its lines (`about_lines`) and a button that copies them."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("درباره کانون دسک"))
        self.lines = about_lines(ctx)
        title = QLabel(self.tr("کانون دسک"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(self.tr("میز دبیرخانه و کتابخانه، با کار بی‌اینترنت و همگام‌سازی با سرور مرکزی."))
        blurb.setWordWrap(True)
        details = QLabel("<br/>".join(f"<b>{escape(k)}:</b> {escape(v)}" for k, v in self.lines))
        details.setObjectName("about-details")
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font_note = QLabel(self.tr("قلم: وزیرمتن (Vazirmatn)، با پروانه SIL Open Font License 1.1."))
        font_note.setStyleSheet("color: #555;")
        box = QVBoxLayout(self)
        for w in (title, blurb, details, font_note):
            box.addWidget(w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("رونوشت برای پشتیبانی"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def copy(self) -> None:
        """The lines, one a line, on the clipboard (without the marks that order them on screen)."""
        QGuiApplication.clipboard().setText("\n".join(f"{k}: {v}" for k, v in self.lines)
                                            .replace("\u2066", "").replace("\u2069", ""))
