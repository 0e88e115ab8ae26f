"""The circulation desk's holds: reserve a title for the member on the desk, cancel one, the hold
shelf and the pull list of this centre, and the uncollected holds expired as the desk opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from ...errors import ServiceError
from ...services import circulation as circ
from ..errors import error_text
from ..widgets import digits, isolated, text_digits
from .circulation_base import DeskBase
from .holds import HoldDialog, HoldShelfDialog
from .returns import next_action_text
from .transit import PullListDialog


class DeskHolds(DeskBase):
    """`CirculationPage`'s holds."""

    def hold_dialog(self) -> HoldDialog | None:
        """The reserve dialog for the member on the desk (None when no member is scanned)."""
        return HoldDialog(self.ctx, self.desk.member, self, day=self.today) if self.desk is not None else None

    def place_hold(self) -> None:
        dialog = self.hold_dialog()
        if dialog is not None and dialog.exec() == HoldDialog.DialogCode.Accepted and dialog.hold is not None:
            self.hold_placed(dialog.hold)
        self.scan.setFocus()

    def hold_shelf(self) -> HoldShelfDialog:
        """The hold shelf of this desk's centre (who to call)."""
        return HoldShelfDialog(self.ctx, self.ctx.actor.office_code, self)

    def pull_list(self) -> PullListDialog:
        """«ارسال برای رزرو»: copies on this centre's shelf that holds picked up elsewhere wait for."""
        return PullListDialog(self.ctx, self)

    def count_holds(self) -> None:
        """Put on «قفسه رزرو» and «ارسال برای رزرو» how many wait there at this desk's centre (off
        the GUI thread; the page asks again a moment after the library changes, while it is shown)."""
        from ...services.library_transit import pull_list

        ctx = self.ctx
        centre = ctx.actor.office_code
        if not self.scan.isEnabled():  # no centre to lend at
            self.show_hold_counts((0, 0))
            return
        ctx.tasks.run(lambda: (len(circ.ready_holds(ctx.store, centre)), len(pull_list(ctx.store, ctx.actor, centre))),
                      on_done=self.show_hold_counts, on_error=lambda _err: None)

    def show_hold_counts(self, counts: tuple[int, int]) -> None:
        ready, to_send = counts
        shelf = QCoreApplication.translate("Library", "قفسه رزرو")
        pull = QCoreApplication.translate("Library", "ارسال برای رزرو")
        self.shelf_button.setText(f"{shelf} ({digits(ready)})" if ready else shelf)
        self.pull_button.setText(f"{pull} ({digits(to_send)})" if to_send else pull)

    def hold_placed(self, hold: circ.HoldView) -> None:
        self.say(QCoreApplication.translate("Library", "رزرو ثبت شد: «{t}» — نوبت {n}، تحویل در «{c}».").format(
            t=hold.title, n=digits(hold.position), c=self.centre_name(hold.pickup_centre)))
        self.ctx.bus.changed.emit("library")
        self._reload_member()

    def choose_hold_to_cancel(self) -> None:
        holds = self.open_holds()
        if not holds:
            return
        labels = [text_digits(h.title) for h in holds]
        label, ok = QInputDialog.getItem(self, QCoreApplication.translate("Library", "لغو رزرو"),
                                         QCoreApplication.translate("Library", "کدام رزرو لغو شود؟"), labels, 0, False)
        if ok and label in labels:
            self.cancel_hold(holds[labels.index(label)])
        self.scan.setFocus()

    def cancel_hold(self, hold: circ.HoldView) -> None:
        try:
            freed = circ.cancel_hold(self.ctx.store, self.ctx.actor, hold.id, today=self.today)
        except ServiceError as err:
            self.say(error_text(err), ok=False)
            return
        text = text_digits(QCoreApplication.translate("Library", "رزرو «{t}» لغو شد.").format(t=hold.title))
        if freed is not None:
            text += " " + self.freed_copy_text(freed)
        self.say(text, as_is=True)
        self.ctx.bus.changed.emit("library")
        self._reload_member()

    def freed_copy_text(self, r: circ.ReturnResult) -> str:
        """What to do with the copy a hold had set aside or on its way, now the hold has ended (cancelled,
        or its member borrowed another copy): it serves the next hold, goes home or back to the shelf."""
        if "in_transit" in r.notes:  # on its way to the pick-up centre: the scan there says what next
            head = QCoreApplication.translate(
                "Library", "نسخه‌اش ({b}) در راه مرکز «{c}» است؛ وقتی رسید، در حالت بازگشت بخوانیدش:").format(
                b=r.barcode, c=isolated(text_digits(self.centre_name(r.at))))
            if r.hold is not None:
                tail = QCoreApplication.translate("Library", "اکنون برای رزرو «{m}» است (تحویل در «{c}»).").format(
                    m=isolated(text_digits(r.hold.member_name)), c=isolated(text_digits(self.centre_name(r.hold.pickup_centre))))
            else:
                tail = text_digits(next_action_text(r, self.centre_name))
            return f"{head} {tail}"
        pickup = r.at
        head = QCoreApplication.translate("Library", "نسخه کنار گذاشته ({b}):").format(b=r.barcode)
        if pickup != self.ctx.actor.office_code:  # on another centre's hold shelf
            head = QCoreApplication.translate("Library", "نسخه کنار گذاشته ({b}) در مرکز «{c}»:").format(
                b=r.barcode, c=isolated(text_digits(self.centre_name(pickup))))
        return f"{head} {text_digits(next_action_text(r, self.centre_name))}"

    def _holds_expired(self, results: list[circ.ReturnResult]) -> None:
        if not results:
            return
        lines = [f"«{text_digits(r.title)}» ({r.barcode}): {text_digits(next_action_text(r, self.centre_name))}"
                 for r in results]
        self.say(QCoreApplication.translate("Library", "رزروهای تحویل‌نشده‌ای که مهلتشان گذشت لغو شد:") + " "
                 + "؛ ".join(lines), as_is=True)
        self.ctx.bus.changed.emit("library")
