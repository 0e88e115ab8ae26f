"""Printed things of the lending desk: due-date slip and overdue notices (RTL HTML), membership card
and the Code 128 bars it shares with the copy labels (`labels`)."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ... import persian
from ...services.circulation import LoanView
from ...services.library import MemberView, member_category
from ...services.library_reports import OverdueRow
from ..accessible import NamedDialog
from ..fonts import FONT_FAMILY, load_fonts
from ..printing import document_from_html, esc, html_table, print_dialog
from ..widgets import today
from . import code128
from .common import CATEGORY_FA

KANOON = "کانون پرورش فکری کودکان و نوجوانان"


def ltr_code(code: str) -> str:
    """A code (member number, barcode) for a Persian paper, its Latin digits as on the card and the
    bars (or a phone number), kept left to right inside the Persian sentence (an isolate), escaped."""
    return esc(f"\u2066{code}\u2069")


def slip_html(member: MemberView, loans: Sequence[LoanView], centre_name: str, today_text: str) -> str:
    """The due-date slip: who, which books, when they are due — columns reversed for RTL by html_table.
    A paper the member takes home, so in Persian whatever the interface's language (as the
    secretariat's receipts and letters); `today_text` is the day as the papers write it."""
    rows: list[list[str | int | float | None]] = [
        [i + 1, loan.title, loan.barcode, persian.format_jalali_date(loan.due_on)] for i, loan in enumerate(loans)]
    table = html_table(["ردیف", "عنوان", "بارکد", "مهلت بازگشت"], rows)
    return (f"<h3 align='center'>{esc(KANOON)}</h3>"
            f"<p align='center'>{esc(persian.script_digits(centre_name))} — برگه امانت</p>"
            f"<p>عضو: <b>{esc(member.full_name)}</b> &nbsp; شماره عضویت: "
            f"{ltr_code(member.member_no)}</p>"
            f"<p>تاریخ: {esc(today_text)}</p>{table}"
            "<p>لطفاً کتاب‌ها را تا تاریخ بازگشت به هر یک از مراکز کانون بازگردانید.</p>")


def overdue_notices_html(rows: Sequence[OverdueRow], centre_names: Mapping[str, str], *, on: date,
                         phones: Mapping[str, str] | None = None) -> str:
    """The printed overdue notices: one a member (not one a book), their late books listed, most
    overdue first, to the guardian of a child; slips separated by a cut line, to hand over or post.
    Each is dated `on`, the day the list was read (its days overdue count to it), and gives the
    loan's centre's phone from `phones` (centre code → number) when it has one. In Persian
    whatever the interface's language, as the member's other papers."""
    by_member: dict[str, list[OverdueRow]] = {}
    for r in rows:
        by_member.setdefault(r.member_id or r.member_no, []).append(r)
    parts: list[tuple[str, int]] = []  # a notice and its height (`_SLIP_PX`, `_ROW_PX`)
    for late in by_member.values():
        m = late[0]
        table = html_table(["ردیف", "عنوان", "بارکد", "مهلت بازگشت", "روز دیرکرد"],
                           [[i, r.title, r.barcode, persian.format_jalali_date(r.due_on), r.days]
                            for i, r in enumerate(sorted(late, key=lambda r: -r.days), 1)])
        centre = centre_names.get(m.centre, m.centre)
        books = "کتاب زیر" if len(late) == 1 else f"{persian.to_persian_digits(len(late))} کتاب زیر"
        phone = (phones or {}).get(m.centre, "")
        call = (f"<p>برای هر پرسش با {esc(persian.script_digits(centre))} به شماره "
                f"{ltr_code(persian.to_persian_digits(phone))} تماس بگیرید.</p>"
                if phone else "")
        parts.append((
            f"<h3 align='center'>{esc(KANOON)}</h3>"
            f"<p align='center'>{esc(persian.script_digits(centre))} — یادآوری دیرکرد امانت</p>"
            f"<p>تاریخ: {esc(persian.format_jalali_date(on))}</p>"
            f"<p>{esc(m.guardian_name or m.member_name)} گرامی،</p>"
            f"<p>مهلت بازگشت {books}، امانت {esc(m.member_name)} (شماره عضویت "
            f"{ltr_code(m.member_no)})، گذشته است. لطفاً {'آن' if len(late) == 1 else 'آن‌ها'} را به یکی از کتابخانه‌های "
            f"کانون بازگردانید.</p>{table}{call}", _SLIP_PX + _ROW_PX * (len(late) + bool(phone))))
    # Qt's documents break a page anywhere, so slips are laid out whole: a slip that would not fit
    # on what is left of the page starts the next one (heights as an A4 page prints them, in px)
    out: list[str] = []
    used = 0
    for part, height in parts:
        if out and used + height > _PAGE_PX:
            out.append("<p style='page-break-before: always'></p>")
            used = 0
        elif out:
            out.append(_CUT)
        out.append(part)
        used += height
    return "".join(out)


#: A notice's height without its books, a book's row (or the line of the centre's phone), and a
#: page's room (A4 as `printing` prints it).
_SLIP_PX, _ROW_PX, _PAGE_PX = 210, 30, 820
_CUT = "<p align='center'>✂ - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -</p>"


class SlipDialog(NamedDialog):
    """Shows the slip on screen with a print button (the printer is optional at a centre)."""

    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Library", "برگه امانت"))
        self.html = html
        self.view = QTextBrowser()
        self.view.setObjectName("slip-view")
        self.view.setDocument(document_from_html(html))
        buttons = QDialogButtonBox()
        print_button = buttons.addButton(QCoreApplication.translate("Library", "چاپ"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(lambda: print_dialog(self, self.html))
        buttons.addButton(QCoreApplication.translate("Library", "بستن"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.view)
        box.addWidget(buttons)
        self.resize(560, 480)


def render_html(html: str, path: Path, width: int = 700) -> Path:
    """The document as a PNG (screenshots and tests look at printed things as pictures)."""
    doc = document_from_html(html)
    doc.setTextWidth(width)
    size = doc.size().toSize()
    image = QImage(size.width(), size.height(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    image.save(str(path))
    return path


def draw_barcode(painter: QPainter, text: str, rect: QRectF, *, caption: bool = True) -> None:
    """Code 128 bars of `text` centred in `rect` (with quiet zones), the code written below, left to
    right. Each module is a whole number of the device's pixels (as wide as `rect` allows): bars of
    2.95 pixels a module came out a pixel wider or narrower by turns, which a scanner misreads."""
    widths = code128.widths_b(text)
    total = sum(widths) + 20  # ten modules of quiet zone each side
    text_h = rect.height() * 0.22 if caption else 0.0
    module = max(1, int(rect.width() // total))
    x = round(rect.left() + (rect.width() - module * total) / 2) + 10 * module
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for i, w in enumerate(widths):
        if i % 2 == 0:
            painter.fillRect(QRectF(x, round(rect.top()), w * module, round(rect.height() - text_h)), QColor("black"))
        x += w * module
    if caption:
        painter.setPen(QPen(QColor("black")))
        font = QFont("monospace")
        font.setPixelSize(max(8, int(text_h * 0.8)))
        painter.setFont(font)
        painter.drawText(QRectF(rect.left(), rect.bottom() - text_h, rect.width(), text_h),
                         int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()


def card_lines(member: MemberView, centre_name: str, on: date | None = None) -> list[str]:
    """The card's lines under the name: the category the member is in `on` the day it is printed
    (a child with a birth date grows into a teen), the centre, the expiry. The card is the
    member's, so Persian whatever the interface's language, digits as the papers write them."""
    category = member_category(member, on or today())
    return [f"کارت عضویت کتابخانه — {CATEGORY_FA.get(category, category)}",
            f"مرکز: {persian.script_digits(centre_name)}",
            f"اعتبار تا: {persian.format_jalali_date(member.expires_on)}"]


def fit_line(font: QFont, text: str, width: float, pixels: int, smallest: int) -> tuple[QFont, str]:
    """`font` at `pixels` high, or smaller (not below `smallest`) so `text` fits `width` whole,
    and the text: a child's long name («محمدامیرحسین حسین‌زاده طباطبایی اصفهانی») or a centre's
    printed at the card's size ran past its place and was cut in the middle of a letter. Longer
    still at `smallest`, it is cut with «…» at its end."""
    font = QFont(font)
    for size in range(pixels, smallest - 1, -1):
        font.setPixelSize(size)
        if QFontMetricsF(font).horizontalAdvance(text) <= width:
            return font, text
    return font, QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


def membership_card(member: MemberView, centre_name: str, *, scale: float = 2.0,
                    photo: QImage | None = None, on: date | None = None) -> QImage:
    """A credit-card-sized (85.6 × 54 mm) membership card: Kanoon, name, number, centre, expiry,
    barcode, and the member's photo (3 × 4, top left) when there is one."""
    load_fonts()
    w, h = int(428 * scale), int(270 * scale)
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#1b5e20"), 3 * scale))
    p.drawRoundedRect(QRectF(2 * scale, 2 * scale, w - 4 * scale, h - 4 * scale), 12 * scale, 12 * scale)
    p.fillRect(QRectF(4 * scale, 4 * scale, w - 8 * scale, 44 * scale), QColor("#2e7d32"))
    p.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    font = QFont(FONT_FAMILY)
    font.setPixelSize(int(17 * scale))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    right = int(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    p.drawText(QRectF(14 * scale, 4 * scale, w - 28 * scale, 44 * scale), right, KANOON)
    p.setPen(QColor("black"))
    left = 14 * scale  # where the text may reach, from the right: not over the photo
    if photo is not None:
        frame = QRectF(20 * scale, 56 * scale, 72 * scale, 96 * scale)
        fitted = photo.scaled(frame.size().toSize(), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        x, y = (fitted.width() - frame.width()) / 2, (fitted.height() - frame.height()) / 2
        p.drawImage(frame, fitted, QRectF(x, y, frame.width(), frame.height()))
        p.setPen(QPen(QColor("#9e9e9e"), 1 * scale))
        p.drawRect(frame)
        p.setPen(QColor("black"))
        left = 104 * scale
    room = w - left - 14 * scale
    name = persian.script_digits(member.full_name)
    name_font, name = fit_line(font, name, room, int(19 * scale), int(12 * scale))
    p.setFont(name_font)
    p.drawText(QRectF(left, 56 * scale, room, 30 * scale), right, name)
    font.setBold(False)
    for i, line in enumerate(card_lines(member, centre_name, on)):
        line_font, line = fit_line(font, line, room, int(13 * scale), int(9 * scale))
        p.setFont(line_font)
        p.drawText(QRectF(left, (90 + i * 22) * scale, room, 22 * scale), right, line)
    p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    draw_barcode(p, member.member_no, QRectF(24 * scale, 170 * scale, 250 * scale, 88 * scale))
    p.end()
    return image


#: QTextDocument lays printed pages out in CSS pixels, 96 to the inch, whatever the printer.
CSS_PX_PER_MM = 96 / 25.4


def image_html(image: QImage, width_mm: float, height_mm: float) -> str:
    """An <img> of `image` (a PNG data URL) printed `width_mm` × `height_mm`."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs say bytes; PySide6 takes str)
    buffer.close()
    encoded = base64.b64encode(bytes(data.data())).decode("ascii")
    return (f'<img src="data:image/png;base64,{encoded}" width="{round(width_mm * CSS_PX_PER_MM)}" '
            f'height="{round(height_mm * CSS_PX_PER_MM)}"/>')


def card_print_html(card: QImage) -> str:
    """The membership card for the printer, at its real size (85.6 × 54 mm), to cut out."""
    return f"<p>{image_html(card, 85.6, 54.0)}</p>"
