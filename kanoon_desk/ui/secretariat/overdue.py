"""The overdue queue: cases whose agency is past its deadline, longest overdue first, with the case
beside the list (search narrowed to lateness), and the follow-up of one agency's late cases at
once: one phone call or one letter that lists them (`secretariat_followups.follow_up_agency`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import get_office, working_calendar
from ...services.secretariat_docs import follow_up_batch_letter_html
from ..context import UiContext
from ..drafts import draft_key
from ..widgets import digits, isolated, text_digits
from .common import PaperBar, ltr
from .dialogs import ActionDialog
from .lists import SearchPage

__all__ = ["OverduePage"]

#: The most cases one batch letter lists (a longer list is several letters, by the filters).
BATCH_MAX = 200


class OverduePage(SearchPage):
    """Cases whose agency is past its deadline, longest overdue first; follow up one case from the
    case view, or the listed cases of the agency chosen in the filter at once (`batch_follow_up`)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, overdue_only=True)
        #: the last batch followed up here, whose letter the bar below the filters prints
        self.last_batch: sec.FollowUpBatch | None = None
        self.batch_button = QPushButton(self.tr("پیگیری گروهی…"))
        self.batch_button.setObjectName("batch-follow-up")
        self.batch_button.clicked.connect(self.batch_follow_up)
        self.tools.insertWidget(self.tools.indexOf(self.export_button), self.batch_button)
        self.batch_button.setVisible(ctx.actor.has("expert", "manager"))  # (in the page first)
        self.batch_bar = PaperBar("batch-note", self.tr("چاپ نامه پیگیری"), self.tr("نامه پیگیری PDF"),
                                  self.batch_letter_html, "follow-up.pdf")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.queues), self.batch_bar)
        self._batch_state()

    def _search(self, new: bool) -> None:
        super()._search(new)
        if hasattr(self, "batch_button"):  # (the first run is the search page's, before it is built)
            self._batch_state()

    def _batch_state(self) -> None:
        """The batch follow-up wants one agency (its letter goes to one) and a late case listed."""
        chosen = self.agency.currentData() is not None
        self.batch_button.setEnabled(chosen and self.model.total > 0)
        self.batch_button.setToolTip(
            self.tr("پیگیری همه پرونده‌های دیرکرد این دستگاه در این فهرست، با یک تماس یا یک نامه") if chosen
            else self.tr("برای پیگیری گروهی، نخست دستگاه را در پالایه بالا برگزینید."))

    def late_rows(self) -> list[q.CaseRow]:
        """The late cases of the list as filtered now (not only the rows loaded on screen), at most
        `BATCH_MAX`."""
        on, late, read = self.today(), list[q.CaseRow](), 0
        calendar = working_calendar(self.ctx.store)
        while len(late) < BATCH_MAX and (page := self._fetch(read, BATCH_MAX)):
            read += len(page)
            late += [r for r in page if r.is_overdue(on, calendar)]
        return late[:BATCH_MAX]

    def batch_dialog(self) -> ActionDialog:
        """The batch follow-up of the chosen agency's listed late cases (all ticked), its OK one
        service call; what it recorded is `last_batch`."""
        agency_id, agency_name = self.agency.currentData(), self.agency.currentText()
        on = self.today()
        calendar = working_calendar(self.ctx.store)
        rows = self.late_rows()

        def run(v: dict[str, Any]) -> None:
            self.last_batch = sec.follow_up_agency(
                self.ctx.store, self.ctx.actor, agency_id, v["case_ids"], method=v["method"], note=v["note"],
                new_deadline=v["new_deadline"], on=self.today())

        d = ActionDialog(self, self.tr("پیگیری گروهی — {agency}").format(agency=agency_name), run)
        listed = len(rows)
        d.note("about", "", QCoreApplication.translate(
            "OverduePage", "%Ln پرونده دیرکرد نزد این دستگاه در فهرست است؛ آنچه را پیگیری می‌کنید نشان‌دار نگه دارید.",
            None, listed))

        def line(r: q.CaseRow) -> str:
            days = r.days_late(on, calendar)
            return QCoreApplication.translate("OverduePage", "{no} — {name} — {subject} (%Ln روز کاری دیرکرد)", None, days).format(
                no=ltr(digits(r.registration_no or "")), name=isolated(text_digits(r.applicant_name)),
                subject=isolated(text_digits(r.subject)))

        cases = d.checks("case_ids", self.tr("پرونده‌ها"), [(line(r), r.id) for r in rows])
        cases.setMinimumWidth(520)
        cases.setMaximumHeight(min(260, 26 * max(1, len(rows)) + 6))
        for i in range(cases.count()):
            cases.item(i).setCheckState(Qt.CheckState.Checked)
        d.combo("method", self.tr("شیوه"), [(self.tr("نامه"), "letter"), (self.tr("تلفنی"), "phone")])
        d.text("note", self.tr("یادداشت"))
        # ticked by default: a letter that chases late answers names the day they are now due, 7
        # working days on, on the office's calendar
        bound = d.optional_date("new_deadline", self.tr("مهلت تازه"), self.tr("مهلت تازه بده"),
                                working_calendar(self.ctx.store).add_working_days(on, 7))
        bound.set_value(bound.date.value())
        d.keep_draft(self.ctx.settings, draft_key(self.ctx.actor.user_id, f"overdue-{agency_id}"))
        return d

    def batch_follow_up(self) -> None:
        if self.agency.currentData() is None:
            return
        d = self.batch_dialog()
        accepted = d.exec() == QDialog.DialogCode.Accepted
        d.deleteLater()
        if accepted:
            self.batch_done()

    def batch_done(self) -> None:
        """A batch was recorded: say so (with its letter to print), and read the list again."""
        b = self.last_batch
        assert b is not None
        n = len(b.lines)
        if b.method == "letter":
            said = QCoreApplication.translate("OverduePage", "پیگیری %Ln پرونده با نامه شماره {no} به {agency} ثبت شد.", None, n).format(
                no=ltr(digits(b.letter_no)), agency=isolated(text_digits(b.agency_name)))
        else:
            said = QCoreApplication.translate("OverduePage", "پیگیری تلفنی %Ln پرونده نزد {agency} ثبت شد.", None, n).format(
                agency=isolated(text_digits(b.agency_name)))
        self.batch_bar.say(said, b.method == "letter")
        self.ctx.bus.changed.emit("secretariat")
        shown = self.view.case_id
        self.run()  # (those given a new deadline leave the list, and the case view with them)
        if shown is not None and self.view.case_id == shown:  # still listed: its timeline again
            self.view.load(shown)

    def batch_letter_html(self) -> str:
        assert self.last_batch is not None
        return follow_up_batch_letter_html(get_office(self.ctx.store), self.last_batch)
