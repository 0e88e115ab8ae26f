"""A box a barcode scanner types into, whatever keyboard layout the computer is on.

A keyboard-wedge scanner does not send letters: it presses keys, as a person would. On a desk whose
keyboard is switched to Persian (a clerk types names in Persian all day) the keys of a copy's
barcode «B0001» came out as «ذ۰۰۰۱»: the digits are read (`clean_code` takes Persian digits), but
the letter was another letter, and the copy was «not found». `ScanLineEdit` puts back the Latin
letter of the key that was pressed, read from the key itself, not from the layout's letter:

- on Windows, the key's virtual-key code (the same for a key whatever the layout: VK_B is B);
- on Linux (X11 or Wayland), the key's scan code, the key's place on the keyboard (KEY_B).

Only a character that is not ASCII is put back (a code never holds one, `validate_barcode`), with
a Shift too (its Persian layer types «آ», a mark or a half-space); Latin letters, digits of either
script, and keys with no letter pass as they are. Where the platform
gives neither code, nothing changes.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QWidget

from .widgets import LtrLineEdit, digits_in_order

#: Windows virtual-key codes of the keys a barcode holds besides letters and digits
_WINDOWS_KEYS = {0xBD: "-", 0xBE: ".", 0x6D: "-", 0x6E: "."}  # VK_OEM_MINUS, VK_OEM_PERIOD, numpad - and .

#: Linux input (evdev) key codes of a US keyboard's keys a barcode holds (X11 and Wayland give them plus 8)
_EVDEV_KEYS = {
    **{16 + i: c for i, c in enumerate("QWERTYUIOP")},
    **{30 + i: c for i, c in enumerate("ASDFGHJKL")},
    **{44 + i: c for i, c in enumerate("ZXCVBNM")},
    **{2 + i: c for i, c in enumerate("1234567890")},
    12: "-", 52: ".",
}

#: what Linux's platforms add to an evdev key code
_XKB_OFFSET = 8


def latin_of_key(platform: str, scan_code: int, virtual_key: int) -> str:
    """The character a US keyboard's key types (letters upper case), read from the key's own
    codes on `platform` (Qt's platform name); "" when the platform or the key gives none."""
    if platform == "windows":
        if 0x41 <= virtual_key <= 0x5A or 0x30 <= virtual_key <= 0x39:  # VK_A..VK_Z, VK_0..VK_9: their ASCII
            return chr(virtual_key)
        return _WINDOWS_KEYS.get(virtual_key, "")
    if platform == "xcb" or platform.startswith("wayland"):
        return _EVDEV_KEYS.get(scan_code - _XKB_OFFSET, "")
    return ""


def platform_name() -> str:
    """Qt's platform ("windows", "xcb", "wayland"…): which key codes a key event carries."""
    return QGuiApplication.platformName()


class ScanLineEdit(LtrLineEdit):
    """An `LtrLineEdit` for barcodes and member numbers that a scanner types even on a Persian
    keyboard layout (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        digits_in_order(self)  # a member number typed in Arabic-Indic digits read in order too

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if len(text) == 1 and not text.isascii() and not text.isdigit():  # (a shifted key: «آ», a mark, a ZWNJ)
            latin = latin_of_key(platform_name(), event.nativeScanCode(), event.nativeVirtualKey())
            if latin:
                event = QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                                  event.nativeVirtualKey(), event.nativeModifiers(), latin,
                                  event.isAutoRepeat(), event.count())
        super().keyPressEvent(event)
