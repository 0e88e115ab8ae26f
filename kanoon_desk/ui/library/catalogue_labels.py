"""The catalogue's barcode labels dialog: which copies get a label, on which sheet, a preview, print or save as PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services import library as lib
from ..accessible import NamedDialog
from ..context import UiContext
from ..saving import save_image, save_to
from ..widgets import digits, today
from .common import desk_centre, tr_dynamic
from .labels import LABEL_SHEETS, LabelSheet, copy_labels, label_sheet, print_labels

#: The QSettings key of the label sheet this desk prints on (the dialog remembers the last chosen).
SHEET_KEY = "library/label_sheet"


class LabelsDialog(NamedDialog):
    """Barcode labels to print (or save as PNG): the copies selected in the list, every copy of the
    title shown that this centre holds, or the copies this centre added today. Withdrawn and lost
    copies get none. The sheet the labels are laid out for is picked here and remembered in the
    desk's settings."""

    def __init__(self, ctx: UiContext, selected: list[lib.CopyView], of_title: list[lib.CopyView],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("labels-dialog")
        self.setWindowTitle(QCoreApplication.translate("Library", "برچسب بارکد نسخه‌ها"))
        self.setMinimumSize(720, 520)
        here = desk_centre(ctx)
        today_copies = lib.copies_added_on(ctx.store, here, today())
        self.choices: dict[str, list[lib.CopyView]] = {
            key: [c for c in copies if c.status not in lib.GONE]
            for key, copies in (("selected", selected), ("title", [c for c in of_title if c.home_centre == here]),
                                ("today", today_copies))}
        labels = {"selected": QCoreApplication.translate("Library", "نسخه‌های برگزیده در فهرست ({n})"),
                  "title": QCoreApplication.translate("Library", "همه نسخه‌های این عنوان در این مرکز ({n})"),
                  "today": QCoreApplication.translate("Library", "نسخه‌هایی که امروز در این مرکز افزوده شد ({n})")}
        self.buttons: dict[str, QRadioButton] = {}
        box = QVBoxLayout(self)
        for key, text in labels.items():
            button = QRadioButton(text.format(n=digits(len(self.choices[key]))))
            button.setObjectName(f"labels-{key}")
            button.setEnabled(bool(self.choices[key]))
            button.toggled.connect(self.refresh)
            self.buttons[key] = button
            box.addWidget(button)
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("labels-sheet")
        for sheet in LABEL_SHEETS:
            self.sheet_box.addItem(tr_dynamic(sheet.name), sheet.key)
        self.sheet_box.setCurrentIndex(max(0, self.sheet_box.findData(
            label_sheet(str(ctx.settings.value(SHEET_KEY, "") or "")).key)))
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        sheet_row = QHBoxLayout()  # (named: a bare choice said only the sheet, to eye and to reader)
        sheet_row.addWidget(QLabel(QCoreApplication.translate("Library", "برگه برچسب:")))
        sheet_row.addWidget(self.sheet_box, 1)
        box.addLayout(sheet_row)
        self.preview = QLabel()
        self.preview.setObjectName("labels-preview")
        scroll = QScrollArea()
        scroll.setObjectName("labels-preview-scroll")
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        # Tab stops here (the arrow keys then scroll a long sheet), and Fusion marked that by nothing
        scroll.setStyleSheet("QScrollArea#labels-preview-scroll:focus { border: 2px solid palette(highlight); }")
        self.preview_scroll = scroll
        box.addWidget(scroll, 1)
        row = QDialogButtonBox()
        self.print_button = row.addButton(QCoreApplication.translate("Library", "چاپ"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("labels-print")
        self.print_button.clicked.connect(self.print_labels)
        self.save_button = row.addButton(QCoreApplication.translate("Library", "ذخیره PNG"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_png)
        row.addButton(QCoreApplication.translate("Library", "بستن"), QDialogButtonBox.ButtonRole.RejectRole)
        row.rejected.connect(self.reject)
        box.addWidget(row)
        first = next((k for k in ("selected", "title", "today") if self.choices[k]), None)
        if first is not None:
            self.buttons[first].setChecked(True)
        self.refresh()

    def choice(self) -> str:
        return next((k for k, b in self.buttons.items() if b.isChecked()), "")

    def sheet(self) -> LabelSheet:
        """The sheet chosen."""
        return label_sheet(str(self.sheet_box.currentData()))

    def _sheet_chosen(self) -> None:
        self.ctx.settings.setValue(SHEET_KEY, self.sheet().key)
        self.refresh()

    def items(self) -> list[tuple[str, str]]:
        """(barcode, title) of the labels the dialog would print."""
        return [(c.barcode, c.title) for c in self.choices.get(self.choice(), [])]

    def refresh(self) -> None:
        items = self.items()
        self.print_button.setEnabled(bool(items))
        self.save_button.setEnabled(bool(items))
        if items:
            self.preview.setPixmap(QPixmap.fromImage(copy_labels(items[:30], sheet=self.sheet(), dpi=88)))
        else:
            self.preview.setText(QCoreApplication.translate("Library", "نسخه‌ای برای برچسب نیست."))

    def print_labels(self) -> bool:
        return print_labels(self, self.items(), self.sheet())

    def save_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "برچسب‌ها"), "labels.png",
                                              "PNG (*.png)")
        if name:
            save_to(self, Path(name), lambda p: save_image(copy_labels(self.items(), sheet=self.sheet()), p))
