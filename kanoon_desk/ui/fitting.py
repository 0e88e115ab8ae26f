"""Pieces that let a page fit a small screen (a 1024x768 monitor, a laptop at 125 %): a row of
buttons that wraps like words, a picture that shrinks to its room, a long form that scrolls, a
form beside its list on a wide page and in a tab of its own on a narrow one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Items side by side, wrapped onto more lines when the width runs out (Qt's flow layout
    example, mirrored for right-to-left). Hidden widgets take no room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        #: the width it was last laid out at (0: not yet)
        self._width = 0

    # -- QLayout's interface --------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 - QBoxLayout's name
        """`widget` before the item at `index` (at the end for an index out of range)."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.insert(index if 0 <= index <= len(self._items) else len(self._items), item)
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        lines_before = self._place(QRect(0, 0, self._width, 0), move=False) if self._width > 0 else -1
        self._width = rect.width()
        if self._place(rect, move=True) != lines_before and lines_before >= 0:
            self.invalidate()  # one line more or less: the parents make room (or take it back)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All on one line, when there is room for it."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the widest item; as tall as its lines are at the width it was given (a
        parent that does not ask heights for widths, a splitter, keeps the second line whole)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        size = self._with_margins(size)
        if self._width > 0:
            size.setHeight(max(size.height(), self._place(QRect(0, 0, self._width, 0), move=False)))
        return size

    # -- placing ----------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        gap = self.spacing()
        if gap < 0:
            parent = self.parentWidget()
            style = parent.style() if parent is not None else None
            gap = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style is not None else -1
        return gap if gap >= 0 else 6

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (when `move`), each line's items centred on the line; the
        height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if lines[-1] and x + width > area.width():  # no room left on this line
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += width + gap
        parent = self.parentWidget()
        direction = parent.layoutDirection() if parent is not None else Qt.LayoutDirection.LeftToRight
        y = area.y()
        for line in (line for line in lines if line):
            height = max(i.sizeHint().height() for i in line)
            x = area.x()
            for item in line:
                hint = item.sizeHint()
                if move:
                    logical = QRect(QPoint(x, y + (height - hint.height()) // 2),
                                    QSize(min(hint.width(), area.width()), hint.height()))
                    item.setGeometry(QStyle.visualRect(direction, area, logical))
                x += hint.width() + gap
            y += height + gap
        used = y - gap if any(lines) else y
        return used - rect.y() + m.bottom()


class FittedPicture(QWidget):
    """A picture (a membership card) drawn at its own size when there is room, smaller (never
    stretched, never cut) when there is not: down to `least_width`, in width or in height. Its
    height is what its width draws, but not a floor: a list above it (stretched) keeps its rows
    on a short window and the picture is drawn smaller (its height once asked as much as its
    width gave, so the list above showed one or two rows on a 1280x720 laptop)."""

    def __init__(self, least_width: int = 240, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.least_width = least_width
        self.setSizePolicy(QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred))

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def setPixmap(self, pixmap: QPixmap) -> None:  # noqa: N802 - QLabel's name
        self._pixmap = pixmap
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.setPixmap(QPixmap())

    def _size_at(self, width: int) -> QSize:
        own = self._pixmap.deviceIndependentSize().toSize()
        if own.isEmpty():
            return QSize(0, 0)
        width = min(width, own.width())
        return QSize(width, round(own.height() * width / own.width()))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # as tall as the width it was given draws it (no empty band under a card drawn narrower)
        own = self._pixmap.deviceIndependentSize().toSize()
        return QSize(own.width(), self._size_at(self.width()).height() if self.width() > 0 else own.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._size_at(self.least_width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height its new width asks (a height's change asks nothing new)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._pixmap.isNull():
            return
        size = self._size_at(self.width())
        if size.height() > self.height():  # (laid out shorter than its width asks)
            own = self._pixmap.deviceIndependentSize()
            size = QSize(round(own.width() * self.height() / own.height()), self.height())
        target = QRect(QPoint((self.width() - size.width()) // 2, 0), size)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, self._pixmap)
        painter.end()


class SaidLine(QLabel):
    """What a page's last action said, under its parts: shown while it says something, so an empty
    one takes no line of a short window from the lists above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name
        super().setText(text)
        self.setVisible(bool(text))


class VerticalScroll(QScrollArea):
    """`inner` (a long form) as wide as its fields need and scrolling up and down when the
    window is shorter than it: the rest of the page stays in view."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: Tab goes to its fields, in view

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget()
        bar = self.verticalScrollBar().sizeHint().width()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        return QSize(width + bar, min(120, super().minimumSizeHint().height()))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), hint.height())


class SideOrTab(QWidget):
    """A page's list (`main`) and its form (`side`): side by side (a splitter between them) when
    the page is at least `wide_from` px wide, two tabs of the whole page when it is narrower, where
    each has the page's full height.

    `wide_from` is 50 lines of text high (1,000 px at the usual 10 pt font): a 1366x768 laptop's
    page (about 1,110 px) is wide, a 1024x768 monitor's (about 780 px) or the same laptop's at 125 %
    (about 910 px) is not.

    The same two widgets only change places: what is typed, the selection and the focus stay.
    The page asks no more than its narrow arrangement needs, so it never scrolls sideways.

    Signals: none (`show_side` / `show_main` bring a part into view when it is a tab).
    """

    #: the page's width, in lines of text, from which the form stands beside the list
    WIDE_FROM_LINES = 50

    def __init__(self, main: QWidget, side: QWidget, titles: tuple[str, str],
                 shares: tuple[int, int] = (3, 2), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main, self.side = main, side
        self.titles = titles
        self.shares = shares
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # no Tab stop of its own: Tab from the side bar lands in the page's first field, as on a
        # wide page; Ctrl+Tab (or a click) goes to the other part
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setToolTip(QCoreApplication.translate("Fitting", "Ctrl+Tab: بخش دیگر این صفحه"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.splitter)
        box.addWidget(self.tabs)
        self._wide: bool | None = None
        self._place(True)

    @property
    def wide_from(self) -> int:
        """The width (px) from which the form stands beside the list, at the font of the moment."""
        return self.fontMetrics().height() * self.WIDE_FROM_LINES

    def is_wide(self) -> bool:
        """True while the form stands beside the list."""
        return bool(self._wide)

    def _place(self, wide: bool) -> None:
        if wide == self._wide:
            return
        focused = QApplication.focusWidget()
        keep_focus = focused is not None and self.isAncestorOf(focused)
        side_shown = self._wide is False and self.tabs.currentWidget() is self.side
        self._wide = wide
        if wide:
            self.tabs.clear()  # (the widgets stay; only their tabs go)
            self.splitter.addWidget(self.main)
            self.splitter.addWidget(self.side)
            self.splitter.setStretchFactor(0, self.shares[0])
            self.splitter.setStretchFactor(1, self.shares[1])
            total = sum(self.shares)
            self.splitter.setSizes([max(self.width(), 1) * share // total for share in self.shares])
            self.main.show()  # (the tab not chosen was hidden)
            self.side.show()
        else:
            self.tabs.addTab(self.main, self.titles[0])
            self.tabs.addTab(self.side, self.titles[1])
            self.tabs.setCurrentWidget(self.side if side_shown or (keep_focus and self.side.isAncestorOf(
                focused)) else self.main)  # type: ignore[arg-type]
        self.splitter.setVisible(wide)
        self.tabs.setVisible(not wide)
        if keep_focus and focused is not None:
            focused.setFocus()

    def show_side(self) -> None:
        """The form in view (its tab chosen on a narrow page)."""
        if not self._wide:
            self.tabs.setCurrentWidget(self.side)

    def show_main(self) -> None:
        """The list in view (its tab chosen on a narrow page)."""
        if not self._wide:
            self.tabs.setCurrentWidget(self.main)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._place(event.size().width() >= self.wide_from)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # the narrow arrangement: one part at a time, under the tabs' bar
        parts = [self.main.minimumSizeHint(), self.side.minimumSizeHint()]
        bar = self.tabs.tabBar().sizeHint()
        return QSize(max(max(p.width() for p in parts), bar.width()),
                     max(p.height() for p in parts) + bar.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.splitter.sizeHint() if self._wide else self.tabs.sizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        # the page's height is the window's: a picture in a part (a member's card) is drawn
        # smaller rather than asking a height for the width the page has, which scrolled the page
        return False


def together(*widgets: QWidget) -> QWidget:
    """`widgets` side by side in one piece, which a `FlowLayout` never splits: a label and its
    field stay on one line."""
    from PySide6.QtWidgets import QHBoxLayout

    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w)
    return holder


#: room left around a window for its title bar and borders (drawn by the window manager)
FRAME_ALLOWANCE = QSize(16, 48)


def fit_to_screen(window: QWidget, free: QRect | None = None) -> None:
    """Make `window` (a dialog about to show) no larger than `free`, its screen's free area by
    default (a 1024x768 monitor less its task bar; at 150 % a 1366x768 laptop has 911x480 to draw
    in), less its frame: the size it opens at and a minimum it was given are lowered to that, never
    below what its layout needs. Its buttons at the bottom stay on the screen."""
    if free is None:
        # the screen it opens on (its window's, Qt centres it there); asked of the application:
        # `window.screen()` asked while it is being shown left the process to crash later (PySide)
        parent = window.parentWidget()
        where = parent.window().geometry().center() if parent is not None else window.geometry().center()
        screen = QGuiApplication.screenAt(where) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
    room = free.size() - FRAME_ALLOWANCE
    if room.width() <= 0 or room.height() <= 0:
        return
    least = window.minimumSizeHint().expandedTo(QSize(0, 0))
    least_set = window.minimumSize()
    if least_set.width() > room.width() or least_set.height() > room.height():
        window.setMinimumSize(least_set.boundedTo(room).expandedTo(least))
    # the size it opens at: being shown, its own (Qt sized it); before, the one it was given, else
    # what its layout asks (Qt's own choice)
    opening = (window.size() if window.isVisible() or window.testAttribute(Qt.WidgetAttribute.WA_Resized)
               else window.sizeHint())
    if opening.width() > room.width() or opening.height() > room.height():
        window.resize(opening.boundedTo(room).expandedTo(window.minimumSize()))
