"""Extra screenshots of the secretariat: a case timeline, a receipt and a forwarding letter as PDF/PNG,
the manager's cartable, the overdue queue's batch follow-up."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ...models.secretariat import Case, Forward
from ...services.accounts import get_office
from ...services.secretariat_docs import receipt_html
from .. import printing
from ..context import UiContext
from ..widgets import today
from .case_view import CaseView

log = logging.getLogger(__name__)


def _pdf_and_png(html: str, out_dir: Path, stem: str) -> list[Path]:
    pdf = printing.to_pdf(html, out_dir / f"{stem}.pdf")
    out = [pdf]
    try:
        out.append(printing.pdf_to_png(pdf, out_dir / f"{stem}.png"))
    except RuntimeError:  # no poppler here: the PDF alone
        log.warning("pdftoppm missing: %s has no PNG", pdf)
    return out


def secretariat_screenshots(ctx: UiContext, out_dir: Path) -> list[Path]:
    written: list[Path] = []
    with ctx.store.read() as s:
        case = s.scalar(select(Case).join(Forward, Forward.case_id == Case.id)
                        .order_by(Case.fts_key.desc()).limit(1))
        any_case = case or s.scalar(select(Case).order_by(Case.fts_key.desc()).limit(1))
    if any_case is None:
        return written
    view = CaseView(ctx, any_case.id)
    view.resize(1200, 800)
    view.show()
    QApplication.processEvents()
    path = out_dir / "secretariat-case-timeline.png"
    view.grab().save(str(path))
    written.append(path)
    html = receipt_html(get_office(ctx.store), tracking_code=any_case.tracking_code,
                        applicant_name=any_case.applicant_name, subject=any_case.subject,
                        received_date=any_case.received_date, channel=any_case.channel, attachments=1,
                        printed_on=today())
    written += _pdf_and_png(html, out_dir, "secretariat-receipt")
    if case is not None:
        written += _pdf_and_png(view.letter_html(), out_dir, "secretariat-forwarding-letter")
    view.close()
    written += _manager_cartable(ctx, out_dir)
    written += _batch_follow_up(ctx, out_dir)
    return written


def _batch_follow_up(ctx: UiContext, out_dir: Path) -> list[Path]:
    """The overdue queue's batch follow-up dialog for the agency with the most late cases (shown,
    not answered: nothing is recorded)."""
    from .overdue import OverduePage

    page = OverduePage(ctx)
    totals = {}
    for i in range(1, page.agency.count()):
        page.agency.setCurrentIndex(i)
        totals[i] = page.model.total
    if not totals or not max(totals.values()):
        page.deleteLater()
        return []
    page.agency.setCurrentIndex(max(totals, key=lambda i: totals[i]))
    dialog = page.batch_dialog()
    dialog.show()
    QApplication.processEvents()
    path = out_dir / "secretariat-overdue-batch.png"
    dialog.grab().save(str(path))
    dialog.close()
    page.deleteLater()
    return [path]


def _manager_cartable(ctx: UiContext, out_dir: Path) -> list[Path]:
    """The cartable as the manager sees it (the screenshot actor, an admin, holds no items)."""
    from dataclasses import replace

    from ...eventlog import Actor
    from ...models import User
    from .lists import CartablePage

    with ctx.store.read() as s:
        users = [u for u in s.scalars(select(User).where(User.active.is_(True))) if u.role_set == {"manager"}]
    if not users:
        return []
    u = users[0]
    mctx = replace(ctx, actor=Actor(u.id, u.username, u.full_name, u.office_code, u.role_set))
    page = CartablePage(mctx)
    page.resize(1280, 800)
    page.show()
    if page.model.rowCount():
        page.view.load(page.model.row_at(0).case_id)  # shown without marking it read
    QApplication.processEvents()
    path = out_dir / "secretariat-cartable-manager.png"
    page.grab().save(str(path))
    page.close()
    return [path]
