"""A ring a keyboard user can see around the button, tick box or choice the cursor is on.

Qt's Fusion style (the desk's on Linux) marks a focused button with a one-pixel border a shade
lighter than its own (seen on a picture, 2× enlarged, it was hard to tell which of two buttons
had the cursor): a clerk walking a form by Tab could not tell whether Space would save or start a
new form. `FocusRingStyle` draws a two-pixel ring in the palette's highlight colour round the
control that took the cursor by the keyboard (a click draws none, as in the style itself); line
edits and lists keep their own marks (a blue frame, the highlighted row), which are plain enough.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

#: the controls drawn whole by one `drawControl` call that get the ring
RINGED = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_CheckBox,
          QStyle.ControlElement.CE_RadioButton)

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


def install_focus_ring(app: QApplication) -> FocusRingStyle:
    """Give `app` its own style with the focus ring (once; the app owns the style)."""
    current = app.style()
    if isinstance(current, FocusRingStyle):
        return current
    style = FocusRingStyle(QStyleFactory.create(current.name()) or current.name())
    app.setStyle(style)
    return style
