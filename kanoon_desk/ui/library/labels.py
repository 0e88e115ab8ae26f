"""Copy labels (Code 128): the sheets they are printed on, one label drawn, a sheet as a picture, a
PDF or the printer — painted at the paper's own positions, not through a page with margins."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from ... import persian
from ...errors import QT_TRANSLATE_NOOP
from ..fonts import FONT_FAMILY, load_fonts
from ..printing import begin_painting, printed_or_said
from .printouts import draw_barcode

#: A4, the paper every sheet below is on (mm).
PAGE_MM = (210.0, 297.0)


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of labels on A4 (sizes in mm): the label's size, how many across and down, the gaps
    between them, the margins above the first row and right of the first column (a Persian sheet
    starts on the right), and whether each label gets a light frame to cut along (plain paper)."""

    key: str
    name: str  # QT_TRANSLATE_NOOP("Library", …)
    width: float
    height: float
    columns: int
    rows: int
    gap_x: float = 0.0
    gap_y: float = 0.0
    top: float = 0.0
    right: float = 0.0
    frame: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def rects(self) -> list[QRectF]:
        """Where a page's labels are, in mm from the paper's top left, in the order they are filled:
        right to left, then down."""
        return [QRectF(PAGE_MM[0] - self.right - (c + 1) * self.width - c * self.gap_x,
                       self.top + r * (self.height + self.gap_y), self.width, self.height)
                for r in range(self.rows) for c in range(self.columns)]


#: The sheets the labels dialog offers: plain A4 cut by hand (the desk's first layout), and the
#: common A4 sheet of 24 self-adhesive labels 70 × 37 mm, edge to edge (Avery 3474 and its likes).
LABEL_SHEETS = (
    LabelSheet("plain-58x32", QT_TRANSLATE_NOOP("Library", "کاغذ A4 ساده، ۳ × ۸ برچسب ۵۸ × ۳۲ میلی‌متری (برش با قیچی)"),
               58.0, 32.0, 3, 8, top=15.0, right=15.0, frame=True),
    LabelSheet("a4-70x37", QT_TRANSLATE_NOOP("Library", "برگه برچسب A4، ۳ × ۸ برچسب ۷۰ × ۳۷ میلی‌متری (۲۴تایی)"),
               70.0, 37.0, 3, 8, top=0.5),
)


def label_sheet(key: str) -> LabelSheet:
    """The sheet of `key` (the first one for a key no longer offered)."""
    return next((s for s in LABEL_SHEETS if s.key == key), LABEL_SHEETS[0])


#: A volume or part number ending a title: «جلد ۳», «(ج ۲)», «دفتر دوم» is not one, a final «۴» is.
_VOLUME = re.compile(r"\s*[(\[]?\s*(?:(?:جلد|ج\.?|دفتر|بخش|قسمت|vol\.?|volume|part|book)\s*)?[0-9۰-۹]+\s*[)\]]?\s*$",
                     re.IGNORECASE)


def label_title(title: str, font: QFont, width: float, device: QPaintDevice | None = None) -> str:
    """`title` (its digits as the text's script) to fit `width` pixels in `font` (on `device`): cut
    with «…» before a trailing volume or part number, which is kept (volumes of one title told
    apart), or at its end."""
    text = persian.script_digits(title.strip())
    metrics = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
    if metrics.horizontalAdvance(text) <= width:
        return text
    volume = _VOLUME.search(text)
    if volume and volume.start() > 0:
        tail = " " + volume.group().strip()
        room = width - metrics.horizontalAdvance(tail)
        head = metrics.elidedText(text[:volume.start()], Qt.TextElideMode.ElideRight, room)
        core = head[:-1].rstrip("\u200d")  # Qt joins a cut Persian letter to «…» with a ZWJ: kept
        if head.endswith("…") and core.rstrip(" ،,؛;:-") != core:  # not «پرندگان، …»
            head = core.rstrip(" ،,؛;:-") + "…"
        if head not in ("", "…"):
            return head + tail
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def draw_label(p: QPainter, rect: QRectF, barcode: str, title: str, *, frame: bool) -> None:
    """One copy label in `rect` (device pixels): the title (right to left) above its bars."""
    h = rect.height()
    if frame:
        p.setPen(QPen(QColor("#999999"), max(1.0, h / 300)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(h / 110, h / 110, -h / 110, -h / 110))
    pad = rect.width() * 0.04
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(6, int(h * 0.11)))
    p.setFont(font)
    p.setPen(QColor("black"))
    p.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box = QRectF(rect.left() + pad, rect.top() + h * 0.04, rect.width() - 2 * pad, h * 0.22)
    p.drawText(box, int(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
               label_title(title, font, box.width(), p.device()))
    p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    draw_barcode(p, barcode, QRectF(rect.left() + pad, rect.top() + h * 0.28, rect.width() - 2 * pad, h * 0.65))


def copy_labels(items: Sequence[tuple[str, str]], *, sheet: LabelSheet = LABEL_SHEETS[0],
                dpi: float = 300.0) -> QImage:
    """Copy labels as a picture, (barcode, title) each, as many across as `sheet` has, the first on
    the right, `dpi` pixels an inch (the preview, a PNG to save)."""
    load_fonts()
    px = dpi / 25.4
    cw, ch = round(sheet.width * px), round(sheet.height * px)
    columns = sheet.columns
    rows = max(1, (len(items) + columns - 1) // columns)
    image = QImage(cw * columns, ch * rows, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    for i, (barcode, title) in enumerate(items):
        col = columns - 1 - i % columns
        draw_label(p, QRectF(col * cw, (i // columns) * ch, cw, ch), barcode, title, frame=True)
    p.end()
    return image


def copy_label(barcode: str, title: str, *, sheet: LabelSheet = LABEL_SHEETS[0], dpi: float = 300.0) -> QImage:
    """One copy label as a picture, at `sheet`'s size."""
    return copy_labels([(barcode, title)], sheet=sheet, dpi=dpi).copy(
        QRectF(0, 0, round(sheet.width * dpi / 25.4), round(sheet.height * dpi / 25.4)).toRect())


def paint_labels(device: QPagedPaintDevice, items: Sequence[tuple[str, str]], sheet: LabelSheet) -> None:
    """The labels on `device` (a PDF writer, a printer set to the whole paper), at `sheet`'s
    positions from the paper's top left corner, a new page after each full sheet."""
    load_fonts()
    px = device.logicalDpiX() / 25.4
    rects = sheet.rects()
    p = begin_painting(device)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for i, (barcode, title) in enumerate(items):
        if i and i % sheet.per_page == 0:
            device.newPage()
        r = rects[i % sheet.per_page]
        # whole device pixels, so the bars inside fall on the pixel grid
        left, top = round(r.left() * px), round(r.top() * px)
        cell = QRectF(left, top, round(r.right() * px) - left, round(r.bottom() * px) - top)
        draw_label(p, cell, barcode, title, frame=sheet.frame)
    p.end()


def labels_pdf(items: Sequence[tuple[str, str]], path: Path, sheet: LabelSheet, *, dpi: int = 600) -> Path:
    """The labels as an A4 PDF at `path`, laid out as `sheet` (no page margins: the sheet's own)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab"):  # an OSError here, not a PDF silently unwritten
        pass
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(dpi)
    writer.setCreator("Kanoon Desk")
    paint_labels(writer, items, sheet)
    return path


def print_labels(parent: QWidget | None, items: Sequence[tuple[str, str]], sheet: LabelSheet) -> bool:
    """The system print dialog, then the labels on the printer as `sheet` lays them out, measured
    from the paper's edge; True when the person printed them."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return printed_or_said(parent, printer, lambda: paint_labels(printer, items, sheet))
