"""Correcting one copy: its barcode, its shelf mark, its home centre, whether it may be lent
(`library.update_copy`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QVBoxLayout, QWidget

from ...errors import ServiceError
from ...services import library as lib
from ..accessible import NamedDialog
from ..context import UiContext
from ..errors import error_field
from ..scan_box import ScanLineEdit
from ..widgets import Form, LtrLineEdit, text_digits


class CopyDialog(NamedDialog):
    """The copy's barcode, shelf, home centre and "may be lent" box, as they are; saving records
    only what changed, all or nothing (a barcode typed wrong is corrected here, the old one kept in
    the copy's history; a centre given for good sends the copy on its way there). A refusal is shown at its field and nothing typed is lost. After `accept()`, `saved`
    is the corrected copy."""

    def __init__(self, ctx: UiContext, copy: lib.CopyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.copy = copy
        self.saved: lib.CopyView | None = None
        self.setObjectName("copy-dialog")
        self.setWindowTitle(QCoreApplication.translate("Library", "اصلاح نسخه {b}").format(b=copy.barcode))
        self.setMinimumWidth(480)
        self.form = Form()
        self.barcode = ScanLineEdit()
        self.barcode.setObjectName("copy-barcode")
        self.barcode.setText(copy.barcode)
        self.barcode.setToolTip(QCoreApplication.translate(
            "Library", "برچسب نادرست چسبیده یا بارکد نادرست نوشته شده؟ بارکد درست را بخوانید؛ بارکد پیشین در تاریخچه "
                       "نسخه می‌ماند و خواندن آن در میز امانت بارکد تازه را می‌گوید."))
        self.form.add_field("barcode", QCoreApplication.translate("Library", "بارکد"), self.barcode)
        self.shelf = LtrLineEdit()
        self.shelf.setObjectName("copy-shelf")
        self.shelf.setText(copy.shelf)
        self.form.add_field("shelf", QCoreApplication.translate("Library", "قفسه"), self.shelf)
        self.centre = QComboBox()
        self.centre.setObjectName("copy-centre")
        for code, name in lib.list_centres(ctx.store, open_only=True):
            self.centre.addItem(text_digits(name), code)
        if self.centre.findData(copy.home_centre) < 0:  # a centre this desk has not synced yet
            self.centre.addItem(copy.home_centre, copy.home_centre)
        self.centre.setCurrentIndex(self.centre.findData(copy.home_centre))
        self.centre.setToolTip(QCoreApplication.translate(
            "Library", "نسخه‌ای که برای همیشه به مرکز دیگری داده می‌شود تا رسیدن و خواندن بارکدش در آنجا «در راه» است."))
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
                                         home_centre=str(self.centre.currentData() or ""),
                                         new_barcode=self.barcode.text())
        except ServiceError as err:
            self.form.show_error(err)
            self.adjustSize()  # a message of two lines is read whole, not cut by the next field
            if error_field(err) == "barcode":  # the refused code stays to see, selected: a new scan replaces it
                self.barcode.setFocus()
                self.barcode.selectAll()
            return
        self.accept()
