"""Extra screenshots of the lending desk: mid-checkout desk, refusal, slip, membership card, labels."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from ...models.library import Copy, Loan, Member
from ...services import library as lib
from ..context import UiContext
from ..widgets import today
from .labels import copy_labels
from .printouts import membership_card, render_html

if TYPE_CHECKING:
    from .circulation import CirculationPage


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _dispose(widget: QWidget) -> None:
    """Delete a top-level page now: left to the garbage collector at exit, its charts and models
    can be freed after the application (seen as heap corruption)."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))
    _settle()


def library_screenshots(ctx: UiContext, out_dir: Path) -> list[Path]:
    """Render the desk mid-checkout (on a throw-away copy of nothing: it only reads, then lends
    nothing), the membership card, a due-date slip and a label sheet."""
    from .circulation import CirculationPage

    written: list[Path] = []
    with ctx.store.read() as s:
        # a reader mid-visit: several books out, membership valid
        member = s.scalar(select(Member).join(Loan, Loan.member_id == Member.id)
                          .where(Loan.returned_at.is_(None), Member.expires_on >= today())
                          .group_by(Member.id).order_by(func.count().desc(), Member.member_no).limit(1))
        if member is None:
            member = s.scalar(select(Member).order_by(Member.member_no).limit(1))
        copies = list(s.scalars(select(Copy).where(Copy.status == "on_shelf").order_by(Copy.barcode).limit(6)))
    if member is None:
        return written
    view = lib.get_member(ctx.store, ctx.actor, member.id)
    centre = dict(lib.list_centres(ctx.store)).get(view.home_centre, view.home_centre)
    path = out_dir / "library-card.png"
    membership_card(view, centre).save(str(path))
    written.append(path)
    page = CirculationPage(ctx)
    page.resize(1200, 780)
    page.scan.setText(view.member_no)
    page.on_scan()
    page.show()
    _settle()
    path = out_dir / "library-circulation-member.png"
    page.grab().save(str(path))
    written.append(path)
    _dispose(page)
    written.extend(checkout_screenshots(ctx, out_dir))
    written.extend(work_screenshots(ctx, out_dir))
    if copies:
        titles = {c.id: lib.get_copy(ctx.store, c.barcode).title for c in copies}
        path = out_dir / "library-labels.png"
        copy_labels([(c.barcode, titles[c.id]) for c in copies]).save(str(path))
        written.append(path)
    return written


def checkout_screenshots(ctx: UiContext, out_dir: Path) -> list[Path]:
    """A real checkout at the desk, on a copy of the store: a member in good standing scans the card,
    then two books of the centre's shelf; then the due-date slip of this visit."""
    import tempfile

    from ...eventlog import Actor
    from .circulation import CirculationPage

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kanoon-lib-checkout-") as tmp:
        scratch = _scratch_ctx(ctx, Path(tmp))
        try:
            store, day = scratch.store, today()
            with store.read() as s:
                busy = select(Loan.member_id).where(Loan.returned_at.is_(None))
                member = s.scalar(select(Member).where(Member.expires_on >= day, Member.id.not_in(busy))
                                  .order_by(Member.member_no).limit(1))
                books = [] if member is None else list(s.scalars(
                    select(Copy.barcode).where(Copy.home_centre == member.home_centre, Copy.status == "on_shelf",
                                               Copy.loanable.is_(True)).order_by(Copy.barcode).limit(2)))
            if member is None or not books:
                return written
            actor = scratch.actor
            at_centre = Actor(actor.user_id, actor.username, actor.full_name, member.home_centre, actor.roles)
            page = CirculationPage(UiContext(store, at_centre, scratch.bus, scratch.tasks, scratch.settings))
            page.resize(1200, 780)
            page.show()
            for code in [member.member_no, *books]:  # as the scanner types them, each with Enter
                page.scan.setText(code)
                page.on_scan()
            _settle()
            path = out_dir / "library-circulation-checkout.png"
            page.grab().save(str(path))
            written.append(path)
            if page.session_loans:
                path = out_dir / "library-slip.png"
                render_html(page.slip_html(), path)
                written.append(path)
            _dispose(page)
        finally:
            scratch.store.close()
    return written


def _scratch_ctx(ctx: UiContext, folder: Path) -> UiContext:
    """The same person on a throw-away copy of the store: screenshots may scan, the real store stays."""
    from ...store import Store

    path = folder / "shots.sqlite3"
    ctx.store.backup_to(path)
    return UiContext(Store(path), ctx.actor, ctx.bus, ctx.tasks, ctx.settings)


def work_screenshots(ctx: UiContext, out_dir: Path) -> list[Path]:
    """Stock-take results, a refusal at the desk and a report chart (on a copy of the store)."""
    import random
    import tempfile

    from ...eventlog import Actor
    from ...services import stocktake as st
    from .reports import ReportsPage
    from .stocktake import StocktakePage

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kanoon-lib-shots-") as tmp:
        scratch = _scratch_ctx(ctx, Path(tmp))
        try:
            store = scratch.store
            with store.read() as s:
                centre = s.scalar(select(Copy.home_centre).group_by(Copy.home_centre)
                                  .order_by(func.count().desc()).limit(1))
                other = s.scalar(select(Copy.barcode).where(Copy.home_centre != centre, Copy.status == "on_shelf")
                                 .limit(1))
                lent = s.scalar(select(Copy.barcode).where(Copy.home_centre == centre, Copy.status == "on_loan")
                                .limit(1))
            if centre:
                take = st.open_stocktake(store, scratch.actor, centre)
                rows = st.stocktake_rows(store, take.id)
                rng = random.Random(4)
                seen = [r.barcode for r in rows if rng.random() < 0.93]
                extra = [b for b in (other, lent, "X-000123") if b]
                st.scan(store, scratch.actor, take.id, seen + extra)
                st.close_stocktake(store, scratch.actor, take.id)
                at_centre = Actor(scratch.actor.user_id, scratch.actor.username, scratch.actor.full_name, centre,
                                  scratch.actor.roles)
                page = StocktakePage(UiContext(store, at_centre, scratch.bus, scratch.tasks, scratch.settings))
                page.outcome.setCurrentIndex(page.outcome.findData("missing"))
                page.resize(1200, 780)
                page.show()
                _settle()
                path = out_dir / "library-stocktake-results.png"
                page.grab().save(str(path))
                written.append(path)
                _dispose(page)
            desk = refusal_desk(scratch)
            if desk is not None:
                desk.show()
                _settle()
                path = out_dir / "library-circulation-refusal.png"
                desk.grab().save(str(path))
                written.append(path)
                _dispose(desk)
        finally:
            scratch.store.close()
    report = ReportsPage(ctx)
    report.resize(1200, 780)
    report.show()
    _settle()
    path = out_dir / "library-report-chart.png"
    report.grab().save(str(path))
    written.append(path)
    _dispose(report)
    return written


def refusal_desk(scratch: UiContext) -> CirculationPage | None:
    """The desk refusing a book, as it happens (on a scratch store: it may record): a reader with
    an overdue book scans one more at their centre; in a store with no overdue loan, a reader whose
    membership has just run out does."""
    from ...eventlog import Actor
    from ...services.accounts import calendar_in
    from .circulation import CirculationPage

    store, day = scratch.store, today()
    with store.read() as s:
        late_by = calendar_in(s).last_working_day_before(day)  # (a loan due on a closed day is late after the next)
        member = s.scalar(select(Member).join(Loan, Loan.member_id == Member.id)
                          .where(Loan.returned_at.is_(None), Loan.due_on <= late_by)
                          .order_by(Loan.due_on.desc(), Member.member_no).limit(1))  # lately overdue
        expire = member is None
        if member is None:
            member = s.scalar(select(Member).order_by(Member.member_no).limit(1))
        free = None if member is None else s.scalar(
            select(Copy.barcode).where(Copy.status == "on_shelf", Copy.loanable.is_(True),
                                       Copy.home_centre == member.home_centre).order_by(Copy.barcode).limit(1))
    if member is None or not free:
        return None
    if expire and member.expires_on >= day:
        lib.renew_membership(store, scratch.actor, member.id, day - timedelta(days=1))
    at_home = Actor(scratch.actor.user_id, scratch.actor.username, scratch.actor.full_name, member.home_centre,
                    scratch.actor.roles)
    desk = CirculationPage(UiContext(store, at_home, scratch.bus, scratch.tasks, scratch.settings))
    desk.resize(1200, 780)
    for code in (member.member_no, free):  # the card, then the book, as the scanner types them
        desk.scan.setText(code)
        desk.on_scan()
    return desk
