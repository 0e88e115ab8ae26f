"""Extra screenshots of the lending desk: mid-checkout desk, refusal, slip, membership card, labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from ...models.library import Copy, Loan, Member
from ...services import library as lib
from ...services.circulation import LoanView
from ..context import UiContext
from ..widgets import today
from .printouts import copy_labels, membership_card, render_html


def tr_lent(loan: LoanView) -> str:
    from ... import persian
    from .common import tr

    return tr("امانت داده شد: «{t}» — مهلت بازگشت {d}").format(t=loan.title,
                                                            d=persian.format_jalali_long(loan.due_on))


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


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
    view = lib.get_member(ctx.store, member.id)
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
    page.session_loans = list(page.desk.loans[:3]) if page.desk else []
    page._show_desk()
    if page.desk is not None and page.desk.loans:
        page.say(tr_lent(page.desk.loans[-1]))
        _settle()
        path = out_dir / "library-circulation-checkout.png"
        page.grab().save(str(path))
        written.append(path)
        path = out_dir / "library-slip.png"
        render_html(page.slip_html(), path)
        written.append(path)
    page.close()
    if copies:
        titles = {c.id: lib.get_copy(ctx.store, c.barcode).title for c in copies}
        path = out_dir / "library-labels.png"
        copy_labels([(c.barcode, titles[c.id]) for c in copies]).save(str(path))
        written.append(path)
    return written
