"""Names for screen readers: every list, field and icon-only button a page shows is read by the
words a sighted person reads there, not as a bare "table", "edit" or "button".

`name_for_readers` is run over each page of the main window as it is built and shown, so a page
need not name its widgets one by one. A widget that already has a name keeps it; the others take,
in this order:

- a field (a line edit, a date, a number): the label or tick box just before it in its row (a
  right-to-left row reads it first: «از قفسه:»), else its placeholder (the search box's «شماره
  عضویت، کد ملی یا نام»), else its tool tip;
- a list: the title of the box or tab it stands in, else the label just above it, else the page's
  own title (the page's one list is what the page is about);
- an icon-only button: its tool tip; a line edit's own ⨯ that clears it: «پاک کردن».

Lists a page holds two of with no title between them name themselves (`setAccessibleName`).

A choice box (a QComboBox that is not typed in) is read by its current choice: Qt's accessible
interface gives the choice as the box's name (on Linux always, whatever `setAccessibleName` says),
so «شیوه دریافت» was read as «حضوری» alone. `label_a_choice` makes its label the label the reader
is pointed at (the label's buddy, the "labelled by" relation), its name where the platform reads
it, and its description, which every reader reads after the choice; an error shown under it is
read after the label (`describe`).

Dialogs are named the same way each time they are shown: every dialog of the app is a
`NamedDialog`, whose `showEvent` runs `name_for_readers` over it, the dialog's title naming its
one otherwise untitled list. (It was an application-wide event filter, which made every event of
the app, a paint or a key press, pass through a Python call: 2× the cost of dispatching it.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from .fitting import fit_to_screen

#: the property that holds a choice box's label (`label_a_choice`)
CHOICE_LABEL = "readerLabel"


def label_a_choice(box: QComboBox, words: str) -> None:
    """Let a screen reader announce `box` by `words`, its label, not by its choice alone (see the
    module): its name and its description (kept in front of an error `describe` adds)."""
    words = _plain(words)
    box.setProperty(CHOICE_LABEL, words)
    if not box.accessibleName():
        box.setAccessibleName(words)
    box.setAccessibleDescription(words)


def choice_label(box: QWidget) -> str:
    """The label `label_a_choice` gave `box` ("" when none)."""
    words = box.property(CHOICE_LABEL)
    return words if isinstance(words, str) else ""


def describe(widget: QWidget, note: str) -> None:
    """Set what a screen reader reads after `widget`'s name and value: `note` (an error under the
    field, or "" when it is gone), after a choice box's label (which it must keep: see the module)."""
    widget.setAccessibleDescription("\n".join(part for part in (choice_label(widget), note) if part))


def _plain(text: str) -> str:
    """A label's words as they are read: no mnemonic '&', no trailing colon."""
    return text.replace("&", "").strip().rstrip(":").strip()


def _layout_of(widget: QWidget) -> QLayout | None:
    """The layout (of its parent, at any depth) that holds `widget` itself."""
    parent = widget.parentWidget()
    top = parent.layout() if parent is not None else None
    pending: list[QLayout] = [top] if top is not None else []
    while pending:
        layout = pending.pop()
        if layout.indexOf(widget) >= 0:
            return layout
        for i in range(layout.count()):
            item = layout.itemAt(i)
            inner = item.layout() if item is not None else None
            if inner is not None:
                pending.append(inner)
    return None


def _label_before(widget: QWidget, kinds: tuple[type[QWidget], ...]) -> QLabel | QCheckBox | None:
    """The nearest label (or tick box) with words before `widget` in the layout that holds it."""
    layout = _layout_of(widget)
    if layout is None:
        return None
    for i in range(layout.indexOf(widget) - 1, -1, -1):
        item = layout.itemAt(i)
        other = item.widget() if item is not None else None
        if other is None:
            continue
        if isinstance(other, (QLabel, QCheckBox)) and isinstance(other, kinds) \
                and not other.isHidden() and _plain(other.text()):
            return other
        if isinstance(other, (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QAbstractButton)):
            return None  # another field or a button stands between: that label is not this one's
    return None


def _named_by(widget: QWidget, label: QLabel | QCheckBox | None) -> bool:
    """Name `widget` by `label`: a label becomes its buddy (so a title that changes, «۳ عضو پیدا شد»,
    is read as it is now), a tick box lends its words."""
    if isinstance(label, QLabel) and label.buddy() is None:
        label.setBuddy(widget)
        return True
    if label is not None:
        widget.setAccessibleName(_plain(label.text()))
        return True
    return False


def _title_around(view: QWidget, root: QWidget) -> str:
    """The title of the box or tab `view` stands in (up to `root`)."""
    child, parent = view, view.parentWidget()
    while parent is not None and child is not root:
        if isinstance(parent, QGroupBox) and _plain(parent.title()):
            return _plain(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            index = tabs.indexOf(child)
            if index >= 0 and _plain(tabs.tabText(index)):
                return _plain(tabs.tabText(index))
        child, parent = parent, parent.parentWidget()
    return ""


def is_part_of_another(widget: QWidget) -> bool:
    """A widget Qt builds inside another (a table's header and corner button, a spin box's or a
    combo box's own line edit): the screen reader reads the outer one. (A search box's ⨯ is a
    button of its own, read as one.)"""
    return (isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_")
            or isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox, QAbstractItemView)))


def needs_a_name(widget: QWidget) -> bool:
    """Whether a screen reader needs a name for `widget`: a list, a field, an icon-only button."""
    if is_part_of_another(widget):
        return False
    if isinstance(widget, QAbstractButton):
        return not widget.text().strip()
    if isinstance(widget, QComboBox):
        return not widget.isEditable() and not choice_label(widget)  # (it reads its choice: see the module)
    return isinstance(widget, (QAbstractItemView, QLineEdit, QAbstractSpinBox))


def _buddy_of(widget: QWidget, root: QWidget) -> QLabel | None:
    """The label in `root` that already points at `widget` (a form's label)."""
    for label in root.findChildren(QLabel):
        if label.buddy() is widget and _plain(label.text()):
            return label
    return None


def name_for_readers(root: QWidget, title: str = "") -> None:
    """Name each unnamed list, field and icon-only button in `root` (see the module); `title` is the
    page's own title, the name of its one otherwise untitled list."""
    untitled: list[QAbstractItemView] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QComboBox):
            if needs_a_name(widget):
                _name_a_choice(widget, root)
            continue
        if not needs_a_name(widget) or _read_name(widget):
            continue
        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            if _named_by(widget, _label_before(widget, (QLabel, QCheckBox))):
                continue
            if isinstance(widget, QLineEdit) and widget.placeholderText().strip():
                widget.setAccessibleName(widget.placeholderText().strip())
                continue
        elif isinstance(widget, QAbstractItemView):
            around = _title_around(widget, root)
            if around:
                widget.setAccessibleName(around)
            elif not _named_by(widget, _label_before(widget, (QLabel,))) and widget.isVisibleTo(root):
                untitled.append(widget)
            continue
        if isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QLineEdit):
            # (Qt's ⨯ of a search box, `setClearButtonEnabled`: the only button Qt puts in one)
            widget.setAccessibleName(QCoreApplication.translate("Accessible", "پاک کردن"))
        elif widget.toolTip().strip():
            widget.setAccessibleName(widget.toolTip().strip())
    if len(untitled) == 1 and title:
        untitled[0].setAccessibleName(title)


def _name_a_choice(box: QComboBox, root: QWidget) -> None:
    """Label a choice box by the label that points at it or stands before it, else its tool tip."""
    label = _buddy_of(box, root) or _label_before(box, (QLabel,))
    if isinstance(label, QLabel):
        if label.buddy() is None:
            label.setBuddy(box)
        label_a_choice(box, label.text())
    elif box.accessibleName().strip():
        label_a_choice(box, box.accessibleName())
    elif box.toolTip().strip():
        label_a_choice(box, box.toolTip())


class NamedDialog(QDialog):
    """The app's dialogs: each time one is shown, its lists, fields, choices and icon-only buttons
    are named for screen readers (what it built since is named too), and it opens no larger than
    the free area of its screen (`fit_to_screen`): a small monitor or a laptop at 150 % has its
    buttons in view."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        name_for_readers(self, _plain(self.windowTitle()))
        if not event.spontaneous():  # (shown by the app, not given back by the window manager)
            fit_to_screen(self)  # (Qt placed it inside the screen at its size: smaller, it stays inside)
        super().showEvent(event)


def _read_name(widget: QWidget) -> str:
    """What a screen reader reads as `widget`'s name now (its own, or its buddy label's)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""
