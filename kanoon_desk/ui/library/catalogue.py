"""Catalogue page: full-text title search, a title's copies by centre, add titles and copies, import, labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import QT_TRANSLATE_NOOP
from ...services import library as lib
from ...services import library_import as imp
from ..context import UiContext
from ..errors import error_text
from ..widgets import ERROR_STYLE, Form, LtrLineEdit, digits
from .common import ListModel, centre_namer, status_text, table_view, tr_dynamic
from .printouts import copy_labels

IMPORT_KINDS = {"titles": QT_TRANSLATE_NOOP("Library", "عنوان‌ها"), "copies": QT_TRANSLATE_NOOP("Library", "نسخه‌ها"), "members": QT_TRANSLATE_NOOP("Library", "اعضا")}


class ImportDialog(QDialog):
    """Preview of an import: every row with its Persian error; "import" only when no row is wrong."""

    def __init__(self, ctx: UiContext, preview: imp.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = preview
        self.setWindowTitle(QCoreApplication.translate("Library", "پیش‌نمایش درون‌ریزی"))
        table = table_view("import-table")
        fields = sorted({k for r in preview.rows for k in r.values})
        table.setModel(ListModel([QCoreApplication.translate("Library", "ردیف"), QCoreApplication.translate("Library", "خطا"), *fields], lambda: preview.rows,
                                 lambda r: [digits(r.line), QCoreApplication.translate("Errors", r.error), *[r.values.get(f, "") for f in fields]]))
        bad = len(preview.errors)
        self.summary = QLabel(QCoreApplication.translate("Library", "{n} ردیف، {bad} ردیف نادرست.").format(n=digits(len(preview.rows)), bad=digits(bad)))
        if bad:
            self.summary.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(QCoreApplication.translate("Library", "درون‌ریزی همه ردیف‌ها"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(preview.ok)
        buttons.addButton(QCoreApplication.translate("Library", "انصراف"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(table)
        box.addWidget(buttons)
        self.resize(900, 500)

    def commit(self) -> None:
        try:
            n = imp.commit_import(self.ctx.store, self.ctx.actor, self.preview)
        except Exception as err:  # shown, never swallowed: the person sees why nothing was imported
            self.summary.setText(error_text(err))
            self.summary.setStyleSheet(ERROR_STYLE)
            return
        self.summary.setText(QCoreApplication.translate("Library", "{n} ردیف درون‌ریزی شد.").format(n=digits(n)))
        self.ctx.bus.changed.emit("library")
        self.accept()


class CataloguePage(QWidget):
    """Search titles (normalised Persian, prefixes), see copies and their status at every centre."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("catalogue-page")
        self.titles: list[lib.TitleView] = []
        self.copies: list[lib.CopyView] = []
        self.query = QLineEdit()
        self.query.setObjectName("title-query")
        self.query.setPlaceholderText(QCoreApplication.translate("Library", "عنوان، نویسنده، ناشر، موضوع یا شابک"))
        self.query.returnPressed.connect(self.search)
        self.kind = QComboBox()
        for key, label in IMPORT_KINDS.items():
            self.kind.addItem(tr_dynamic(label), key)
        self.import_button = QPushButton(QCoreApplication.translate("Library", "درون‌ریزی از CSV/XLSX"))
        self.import_button.clicked.connect(self.import_dialog)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.kind)
        top.addWidget(self.import_button)
        self.title_table = table_view("titles-table", stretch=0)
        self.title_table.clicked.connect(lambda i: self.select(i.row()))
        self.copy_table = table_view("copies-table")
        self.form = Form()
        self.t_title = self.form.add_field("title", QCoreApplication.translate("Library", "عنوان"), QLineEdit())
        self.t_author = self.form.add_field("author", QCoreApplication.translate("Library", "نویسنده"), QLineEdit())
        self.t_isbn = self.form.add_field("isbn", QCoreApplication.translate("Library", "شابک"), LtrLineEdit())
        self.t_age = QComboBox()
        self.t_age.addItem("", "")
        for g in ("الف", "ب", "ج", "د", "ه"):
            self.t_age.addItem(g, g)
        self.form.add_field("age_group", QCoreApplication.translate("Library", "گروه سنی"), self.t_age)
        add_title = QPushButton(QCoreApplication.translate("Library", "افزودن عنوان"))
        add_title.clicked.connect(self.add_title)
        self.barcode = LtrLineEdit()
        self.barcode.setPlaceholderText(QCoreApplication.translate("Library", "بارکد (خالی: خودکار)"))
        self.shelf = LtrLineEdit()
        self.shelf.setPlaceholderText(QCoreApplication.translate("Library", "قفسه"))
        add_copy = QPushButton(QCoreApplication.translate("Library", "افزودن نسخه به عنوان برگزیده"))
        add_copy.clicked.connect(self.add_copy)
        labels = QPushButton(QCoreApplication.translate("Library", "برچسب بارکد نسخه‌ها"))
        labels.clicked.connect(self.save_labels)
        self.message = QLabel()
        self.message.setObjectName("catalogue-message")
        copy_row = QHBoxLayout()
        for w in (self.barcode, self.shelf, add_copy, labels):
            copy_row.addWidget(w)
        side = QVBoxLayout()
        side.addWidget(self.form)
        side.addWidget(add_title)
        side.addStretch(1)
        middle = QVBoxLayout()
        middle.addWidget(self.title_table, 3)
        middle.addWidget(QLabel(QCoreApplication.translate("Library", "نسخه‌ها")))
        middle.addWidget(self.copy_table, 2)
        middle.addLayout(copy_row)
        middle.addWidget(self.message)
        body = QHBoxLayout()
        body.addLayout(middle, 3)
        body.addLayout(side, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(body)
        self._show_titles([])
        self._show_copies([])

    def _show_titles(self, titles: list[lib.TitleView]) -> None:
        self.titles = titles
        self.title_table.setModel(ListModel(
            [QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "نویسنده"), QCoreApplication.translate("Library", "ناشر"), QCoreApplication.translate("Library", "گروه سنی"), QCoreApplication.translate("Library", "شابک")], lambda: titles,
            lambda t: [t.title, t.author, t.publisher, t.age_group, t.isbn]))

    def _show_copies(self, copies: list[lib.CopyView]) -> None:
        self.copies = copies
        centre = centre_namer(self.ctx.store)
        self.copy_table.setModel(ListModel(
            [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "مرکز"),
             QCoreApplication.translate("Library", "قفسه"), QCoreApplication.translate("Library", "وضعیت"),
             QCoreApplication.translate("Library", "اکنون در")], lambda: copies,
            lambda c: [c.barcode, centre(c.home_centre), c.shelf, status_text(c.status), centre(c.location)]))

    def search(self) -> None:
        self._show_titles(lib.search_titles(self.ctx.store, self.query.text(), limit=200))
        if self.titles:
            self.select(0)

    def select(self, row: int) -> None:
        if 0 <= row < len(self.titles):
            self._show_copies(lib.copies_of_title(self.ctx.store, self.titles[row].id))

    def _selected_title(self) -> lib.TitleView | None:
        rows = self.title_table.selectionModel().selectedRows() if self.title_table.selectionModel() else []
        if rows:
            return self.titles[rows[0].row()]
        return self.titles[0] if self.titles else None

    def add_title(self) -> None:
        data = lib.TitleInput(self.t_title.text(), self.t_author.text(), "", self.t_isbn.text(),  # type: ignore[attr-defined]
                              self.t_age.currentData())

        def done(t: lib.TitleView) -> None:
            self.form.clear_errors()
            self._show_titles([t])
            self.select(0)
            self.ctx.bus.changed.emit("library")

        self.ctx.tasks.run(lambda: lib.add_title(self.ctx.store, self.ctx.actor, data), on_done=done,
                           on_error=self.form.show_error)

    def add_copy(self) -> None:
        title = self._selected_title()
        if title is None:
            return

        def done(c: lib.CopyView) -> None:
            self.message.setStyleSheet("")
            self.message.setText(QCoreApplication.translate("Library", "نسخه {b} افزوده شد.").format(b=c.barcode))
            self.barcode.clear()
            self._show_copies(lib.copies_of_title(self.ctx.store, title.id))
            self.ctx.bus.changed.emit("library")

        def failed(err: BaseException) -> None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(err))

        self.ctx.tasks.run(lambda: lib.add_copy(self.ctx.store, self.ctx.actor, title.id, barcode=self.barcode.text(),
                                                shelf=self.shelf.text()), on_done=done, on_error=failed)

    def save_labels(self) -> None:
        if not self.copies:
            return
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "برچسب‌ها"), "labels.png", "PNG (*.png)")
        if name:
            copy_labels([(c.barcode, c.title) for c in self.copies]).save(str(Path(name)))

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("Library", "درون‌ریزی"), "", "CSV/Excel (*.csv *.xlsx)")
        if not name:
            return
        self.preview_import(self.kind.currentData(), Path(name)).exec()

    def preview_import(self, kind: str, path: Path) -> ImportDialog:
        preview = imp.preview_import(self.ctx.store, self.ctx.actor, kind, path)
        return ImportDialog(self.ctx, preview, self)
