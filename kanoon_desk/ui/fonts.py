"""Where the bundled resources live (source tree or PyInstaller bundle) and loading the Vazirmatn font."""

from __future__ import annotations

import logging
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"


def bundle_root() -> Path:
    """The folder holding `resources/` and `translations/`: the bundle when frozen, else the repo."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return bundle_root() / "translations"


@cache
def load_fonts() -> str:
    """Register every bundled Vazirmatn weight once; returns the family name ("" if none loaded).

    Needs a QGuiApplication. Cached: QFontDatabase keeps fonts for the life of the process.
    """
    family = ""
    for ttf in sorted(resource_path("fonts").glob("Vazirmatn-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf)
            continue
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if not family:
        log.warning("Vazirmatn not found under %s; Persian falls back to a system font",
                    resource_path("fonts"))
    return family


#: The interface's text size in points at the normal scale (`app.set_language` sets it).
BASE_POINT_SIZE = 10.0
#: The text sizes a person may step through (Ctrl++ and Ctrl+-), as scales of the normal one.
TEXT_SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75)


def apply_text_scale(scale: float) -> float:
    """Set the application's text size to `scale` times the normal one (the nearest allowed
    scale); the scale set."""
    from PySide6.QtWidgets import QApplication

    scale = min(TEXT_SCALES, key=lambda s: abs(s - scale))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPointSizeF(BASE_POINT_SIZE * scale)
        app.setFont(font)
    return scale

