"""Correcting one copy: its shelf mark, its home centre, whether it may be lent (`library.update_copy`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QVBoxLayout, QWidget

from ...errors import ServiceError
from ...services import library as lib
from ..accessible import NamedDialog
from ..context import UiContext
from ..widgets import Form, LtrLineEdit, text_digits


class CopyDialog(NamedDialog):
    """The copy's shelf, home centre and "may be lent" box, as they are; saving records only what
    changed. A refusal is shown at its field and nothing typed is lost. After `accept()`, `saved`
    is the corrected copy."""

    def __init__(self, ctx: UiContext, copy: lib.CopyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.copy = copy
        self.saved: lib.CopyView | None = None
        self.setObjectName("copy-dialog")
        self.setWindowTitle(QCoreApplication.translate("Library", "اصلاح نسخه {b}").format(b=copy.barcode))
        self.setMinimumWidth(420)
        self.form = Form()
        self.shelf = LtrLineEdit()
        self.shelf.setObjectName("copy-shelf")
        self.shelf.setText(copy.shelf)
        self.form.add_field("shelf", QCoreApplication.translate("Library", "قفسه"), self.shelf)
        self.centre = QComboBox()
        self.centre.setObjectName("copy-centre")
        for code, name in lib.list_centres(ctx.store):
            self.centre.addItem(text_digits(name), code)
        if self.centre.findData(copy.home_centre) < 0:  # a centre this desk has not synced yet
            self.centre.addItem(copy.home_centre, copy.home_centre)
        self.centre.setCurrentIndex(self.centre.findData(copy.home_centre))
        self.form.add_field("home_centre", QCoreApplication.translate("Library", "مرکز"), self.centre)
        self.loanable = QCheckBox(QCoreApplication.translate("Library", "امانت داده می‌شود"))
        self.loanable.setObjectName("copy-loanable")
        self.loanable.setToolTip(QCoreApplication.translate(
            "Library", "نسخه مرجع یا نمایشی را امانت‌ندادنی کنید؛ در قفسه می‌ماند و در میز امانت رد می‌شود."))
        self.loanable.setChecked(copy.loanable)
        self.form.add_field("loanable", "", self.loanable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("Library", "ذخیره تغییرات"))
        ok.setObjectName("copy-save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Library", "انصراف"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.form)
        box.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.saved = lib.update_copy(self.ctx.store, self.ctx.actor, self.copy.barcode, shelf=self.shelf.text(),
                                         loanable=self.loanable.isChecked(),
                                         home_centre=str(self.centre.currentData() or ""))
        except ServiceError as err:
            self.form.show_error(err)
            return
        self.accept()
