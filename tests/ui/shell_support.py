"""Helpers for the shell's GUI tests: switch the app's language and back, build a page context."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QWidget

from kanoon_desk.eventlog import Actor
from kanoon_desk.store import Store
from kanoon_desk.ui.app import set_language
from kanoon_desk.ui.context import ChangeBus, UiContext
from kanoon_desk.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
BIDI_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def visible(text: str) -> str:
    """What a person reads of a label or a cell: the text without its invisible bidi isolates
    (`widgets.isolated`, `ltr`), which only decide the order it is drawn in."""
    return text.translate(BIDI_ISOLATES)


@contextmanager
def language(app: QApplication, lang: str, translations: Path | None = None) -> Iterator[None]:
    """Set the app up for `lang` as `run_app` does, then put direction, locale, font back."""
    direction, locale, font = app.layoutDirection(), QLocale(), app.font()
    set_language(app, lang, translations)
    try:
        yield
    finally:
        for t in app.findChildren(QTranslator, "kanoon-translator"):
            app.removeTranslator(t)
            t.setParent(None)
        app.setLayoutDirection(direction)
        QLocale.setDefault(locale)
        app.setFont(font)


def make_ctx(store: Store, actor: Actor, tmp_path: Path) -> UiContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(store, actor, ChangeBus(), TaskRunner(synchronous=True), settings)


def compile_english(out_dir: Path) -> Path:
    """Build kanoon_desk_en.qm from the committed .ts into `out_dir` (tests need not run make)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = out_dir / "kanoon_desk_en.qm"
    subprocess.run([str(lrelease), str(ROOT / "translations" / "kanoon_desk_en.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    return out_dir


def drawn_x(text: str, font: QFont) -> Callable[[int], float]:
    """Where each character of one line of `text` is drawn in a left-to-right label (x of the
    cursor before it), as Qt lays the line out: the order a person reads."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    return lambda i, _keep=layout: line.cursorToX(i)[0]  # the line lives as long as its layout



def ink_span(widget: QWidget) -> tuple[int, int]:
    """The leftmost and rightmost columns a widget paints in a colour other than its background
    (read at its top-right corner): where its text sits, as a person sees it."""
    image = widget.grab().toImage()
    background = image.pixelColor(image.width() - 1, 0)
    columns = [x for x in range(image.width())
               if any(image.pixelColor(x, y) != background for y in range(image.height()))]
    assert columns, "nothing drawn"
    return min(columns), max(columns)


#: A run of Persian digits (with the separators of a date, a time or a number).
_PERSIAN_DIGITS = re.compile("[\u06f0-\u06f9][\u06f0-\u06f9/:.,\u066b\u066c ]*")
_LETTER = re.compile("[A-Za-z\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]")


def persian_digits_out_of_place(text: str) -> bool:
    """Whether `text` shows Persian digits that are not part of Persian words: in the English
    interface a date, a count or a code must be in Latin digits, while a Persian name keeps its
    own («مرکز فرهنگی هنری شماره ۱»). A run is judged by the letter nearest to it, the one before
    it when both are as near: «… سرما (۴۹ days late)» is a count in English after a Persian subject."""
    for run in _PERSIAN_DIGITS.finditer(text):
        before = [m for m in _LETTER.finditer(text, 0, run.start())]
        after = _LETTER.search(text, run.end())
        candidates = ([(run.start() - before[-1].end(), before[-1].group())] if before else []) + \
            ([(after.start() - run.end(), after.group())] if after else [])
        near = min(candidates, key=lambda c: c[0])[1] if candidates else ""
        if not near or near.isascii():
            return True
    return False


def shown_texts(root: QWidget, rows: int = 15) -> Iterator[tuple[str, str]]:
    """(where, text) of what `root` and its children show: labels, buttons, group titles, line
    edits and their placeholders, combo box items, tool tips, and the first `rows` rows and the
    headers of item views."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit

    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}#{w.objectName()}"
        found: list[str] = [w.toolTip()]
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        if isinstance(w, QGroupBox):
            found.append(w.title())
        if isinstance(w, QLineEdit):
            found += [w.text(), w.placeholderText()]
        if isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount to itself
                columns = 1
            for r in range(min(model.rowCount(QModelIndex()), rows)):
                found += [str(model.index(r, c).data() or "") for c in range(columns)]
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
        yield from ((where, t) for t in found if t)


def drop_files(widget: QWidget, *paths: Path | str) -> bool:
    """Drag `paths` (files, or web addresses given as text) over `widget` and drop them, through
    Qt's event dispatch as the file manager's drag comes (a list's viewport gets it); whether the
    drop was taken."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QAbstractScrollArea

    mime = QMimeData()
    mime.setUrls([QUrl(p) if isinstance(p, str) else QUrl.fromLocalFile(str(p)) for p in paths])
    target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    action, button, keys = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the only constructor there is as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(5, 5), action, mime, button, keys)
    QApplication.sendEvent(target, enter)
    event = QDropEvent(QPointF(5, 5), action, mime, button, keys)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


class HeldRunner(TaskRunner):
    """A background runner whose jobs wait until `release()`: what the clerk does while a save
    is still running on the thread pool."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None] | None,
                              Callable[[BaseException], None] | None]] = []

    def run(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        self.held.append((fn, on_done, on_error))

    def release(self) -> None:
        """The jobs held so far finish, in order, and report back."""
        held, self.held = self.held, []
        for fn, on_done, on_error in held:
            super().run(fn, on_done=on_done, on_error=on_error)



def label_plain(label: Any) -> str:
    """The text a rich-text label shows (its links' words among them, its bidi marks kept), a line
    for each line it draws."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()
