"""A ring a keyboard user can see around the button, tick box or choice the cursor is on.

Qt's Fusion style (the desk's on Linux) marks a focused button with a one-pixel border a shade
lighter than its own (seen on a picture, 2× enlarged, it was hard to tell which of two buttons
had the cursor): a clerk walking a form by Tab could not tell whether Space would save or start a
new form. `FocusRingStyle` draws a two-pixel ring in the palette's highlight colour round the
control that took the cursor by the keyboard (a click draws none, as in the style itself); line
edits and lists keep their own marks (a blue frame, the highlighted row), which are plain enough.

The style's `drawControl` is Python, so it is given only to the buttons and tick boxes the cursor
has reached (`FocusRings`, on the application's `focusChanged`), never to the whole app: as the
app's style it was called for every cell of every list painted, and a 1200 × 800 table with 2,000
rows took 1.56× as long to repaint (11 → 17 ms, past a 60 Hz frame while scrolling).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

#: the controls drawn whole by one `drawControl` call that get the ring
RINGED = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_CheckBox,
          QStyle.ControlElement.CE_RadioButton)

#: the widgets those controls are drawn for
RINGED_WIDGETS: tuple[type[QAbstractButton], ...] = (QPushButton, QCheckBox, QRadioButton)

#: the ring's width in pixels
RING = 2


class FocusRingStyle(QProxyStyle):
    """The app's style with a visible keyboard-focus ring (see the module)."""

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802 - Qt's name
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        state = option.state
        if element in RINGED and state & QStyle.StateFlag.State_HasFocus \
                and state & QStyle.StateFlag.State_KeyboardFocusChange:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), RING)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = RING // 2
            rect = option.rect.adjusted(half, half, -half, -half)
            painter.drawRect(rect.adjusted(0, 0, -1 + RING % 2, -1 + RING % 2))
            painter.restore()


class FocusRings(QObject):
    """Gives `FocusRingStyle` to each button or tick box as the cursor first reaches it (the app
    keeps its own style, drawn without a Python call). The app owns it; `remove` stops it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        base = app.style()
        self.style = FocusRingStyle(QStyleFactory.create(base.name()) or base.name())
        self.style.setParent(app)  # as long as the app: widgets that wear it keep pointing at it
        self._app = app
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, RINGED_WIDGETS) and new.style() is not self.style:
            new.setStyle(self.style)

    def remove(self) -> None:
        """Stop ringing new widgets (those that wear the ring keep it)."""
        self._app.focusChanged.disconnect(self._focus_moved)
        self.setParent(None)


def install_focus_ring(app: QApplication) -> FocusRings:
    """Ring the buttons and tick boxes of `app` the keyboard reaches (once; the app owns it)."""
    for existing in app.findChildren(FocusRings):
        return existing
    return FocusRings(app)
