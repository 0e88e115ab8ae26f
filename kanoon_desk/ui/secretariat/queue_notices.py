"""«اعلام گروهی…»: the applicants of a notice queue (answers not told, rejection notices to send)
told at once, by letter or SMS (`secretariat_notices.notify_many`), with the letters printed in one
document, one a page. The search page shows it while one of those queues is listed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ...services import secretariat as sec
from ...services import secretariat_query as q
from ..context import UiContext
from ..drafts import draft_key
from ..widgets import digits, isolated, text_digits
from . import papers
from .common import PaperBar, ltr
from .dialogs import ActionDialog

__all__ = ["NOTICE_QUEUES", "QueueNotices"]

#: The work queues whose cases wait for a notice to the applicant.
NOTICE_QUEUES = frozenset({"untold", "notices"})
#: The most applicants one go tells (a longer queue is told in turns).
NOTICES_MAX = 200


class QueueNotices(PaperBar):
    """The button (for the search page's tools) and, once applicants were told, the line that
    says so with the letters to print.

    Signals:
        told(): applicants were told (the list is read again).
    """

    told = Signal()

    def __init__(self, ctx: UiContext, rows: Callable[[int], list[q.CaseRow]], today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        """`rows(limit)`: the cases listed now, the first `limit` of them."""
        super().__init__("queue-notify-note", QCoreApplication.translate("QueueNotices", "چاپ نامه‌ها"),
                         QCoreApplication.translate("QueueNotices", "نامه‌ها PDF"), self.letters_html,
                         "notices.pdf", parent)
        self.ctx, self.rows, self.today = ctx, rows, today
        #: the cases told by letter in the last go, whose letters the line prints
        self.last_told: list[str] = []
        self.last_method = ""
        self.queue: str | None = None
        self.button = QPushButton(self.tr("اعلام گروهی…"))
        self.button.setObjectName("queue-notify")
        self.button.setToolTip(self.tr("اعلام به همه متقاضیان این فهرست با نامه یا پیامک، یک‌جا"))
        self.button.clicked.connect(self.open_dialog)
        self.button.hide()

    def set_queue(self, queue: str | None, listed: int) -> None:
        """The search lists `queue` (None: not a work queue) with `listed` cases: the button shows
        for a notice queue, to those who tell applicants."""
        self.queue = queue
        self.button.setVisible(queue in NOTICE_QUEUES and self.ctx.actor.has("clerk", "expert"))
        if queue not in NOTICE_QUEUES:  # another list: the line of the last go goes
            self.hide()
        self.button.setEnabled(listed > 0)

    def dialog(self) -> ActionDialog:
        """The applicants listed (all ticked, at most `NOTICES_MAX`), how, and a note for the letters."""
        rows = self.rows(NOTICES_MAX)

        def run(v: dict[str, Any]) -> None:
            self.last_told = sec.notify_many(self.ctx.store, self.ctx.actor, v["case_ids"], method=v["method"],
                                             text=v["note"] if v["method"] == "letter" else "", on=self.today())
            self.last_method = v["method"]

        d = ActionDialog(self, self.tr("اعلام گروهی به متقاضیان"), run)
        listed = len(rows)
        d.note("about", "", QCoreApplication.translate(
            "QueueNotices", "%Ln پرونده در این فهرست است؛ آنچه را اعلام می‌کنید نشان‌دار نگه دارید.", None, listed))
        cases = d.checks("case_ids", self.tr("پرونده‌ها"), [
            (self.tr("{code} — {name} — {subject}").format(
                code=ltr(digits(r.registration_no or r.tracking_code)), name=isolated(text_digits(r.applicant_name)),
                subject=isolated(text_digits(r.subject))), r.id) for r in rows])
        cases.setMinimumWidth(520)
        cases.setMaximumHeight(min(260, 26 * max(1, len(rows)) + 6))
        for i in range(cases.count()):
            cases.item(i).setCheckState(Qt.CheckState.Checked)
        method = d.combo("method", self.tr("شیوه"), [(self.tr("نامه"), "letter"), (self.tr("پیامک"), "sms")])
        d.text("note", self.tr("یادداشت نامه‌های اعلام نتیجه"))
        sms = d.note("sms", "", self.tr(
            "هر متقاضی پیامک نتیجه درخواست خودش را با کد رهگیری‌اش می‌گیرد؛ سرور آن را می‌فرستد."))
        sms.hide()

        def method_chosen() -> None:
            by_sms = method.currentData() == "sms"
            sms.setVisible(by_sms)
            d.form.field("note").setEnabled(not by_sms)

        method.currentIndexChanged.connect(method_chosen)
        d.keep_draft(self.ctx.settings, draft_key(self.ctx.actor.user_id, f"queue-{self.queue}"))
        return d

    def open_dialog(self) -> None:
        d = self.dialog()
        accepted = d.exec() == QDialog.DialogCode.Accepted
        d.deleteLater()
        if accepted:
            self.done()

    def done(self) -> None:
        """Applicants were told: the line says how many and how (the letters to print), the list
        is read again."""
        n = len(self.last_told)
        by_letter = self.last_method == "letter"
        self.say(QCoreApplication.translate("QueueNotices", "اعلام به %Ln متقاضی با نامه ثبت شد؛ نامه‌ها را چاپ کنید.", None, n) if by_letter
                 else QCoreApplication.translate("QueueNotices", "%Ln پیامک اعلام در صف ارسال سرور گذاشته شد.", None, n), by_letter)
        self.ctx.bus.changed.emit("secretariat")
        self.told.emit()

    def letters_html(self) -> str:
        return papers.notice_letters(self.ctx.store, self.ctx.actor, self.last_told, self.today())
