"""Writing an export to the file a person chose: one that cannot be written (a folder, a file open
in Excel, a place without permission) is said in a message, not raised to the crash dialog; one
written is said with where it went."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from ..whole_file import written_whole

log = logging.getLogger(__name__)

T = TypeVar("T")


def save_to(parent: QWidget | None, path: Path, write: Callable[[Path], T]) -> T | None:
    """`write(path)` and what it returned, telling the person where the file is; None, told why,
    when the file could not be written (an `OSError`)."""
    where = "\u2066" + str(path) + "\u2069"  # a path reads left to right inside a Persian sentence
    try:
        result = write(path)
    except OSError as exc:
        log.warning("export to %s failed: %s", path, exc)
        tell(parent, QMessageBox.Icon.Warning, QCoreApplication.translate("Saving", "پرونده نوشته نشد"),
             QCoreApplication.translate(
                 "Saving", "نوشتن در {path} انجام نشد: پرونده باز است یا اجازه نوشتن در آن‌جا نیست؛ آن را ببندید "
                 "یا جای دیگری برگزینید.").format(path=where))  # a Persian word first: the line reads right to left
        return None
    tell(parent, QMessageBox.Icon.Information, QCoreApplication.translate("Saving", "ذخیره شد"),
         QCoreApplication.translate("Saving", "پرونده در {path} ذخیره شد.").format(path=where))
    return result


def save_image(image: QImage, path: Path) -> Path:
    """`image` as the file `path` (its kind from the suffix); an `OSError` when it was not written
    (QImage.save only answers False)."""
    with written_whole(path) as part:  # (the kind from the chosen name's suffix, not the part's)
        if not image.save(str(part), path.suffix.lstrip(".").upper() or "PNG"):  # type: ignore[call-overload]  # (the stubs say bytes; PySide6 takes str)
            raise OSError(f"could not write {path}")
    return path


def tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message the person closes, without stopping the page (it is not run modally here)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("saved-message")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
