"""The one right-to-left printing helper: HTML tables, QTextDocument set-up, PDF, print dialog, PNG."""

from __future__ import annotations

import html as _html
import logging
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextLength,
    QTextOption,
    QTextTable,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import QT_TRANSLATE_NOOP
from ..persian import script_digits, to_persian_digits
from ..services.secretariat_docs import KEEP_WITH_PREVIOUS
from ..whole_file import written_whole
from .fonts import FONT_FAMILY, load_fonts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

Cell = str | int | float | None


def esc(text: Cell, persian_digits: bool = False) -> str:
    """Escape a value for HTML (None is an empty cell). With `persian_digits`, numbers are written
    in Persian digits and so are the digits of Persian text (`script_digits`: a title "جلد 3"),
    while codes and Latin text keep theirs."""
    if text is None:
        return ""
    if persian_digits and isinstance(text, int | float) and not isinstance(text, bool):
        return to_persian_digits(str(text))
    if persian_digits:
        return _html.escape(script_digits(str(text)))
    return _html.escape(str(text))


def html_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]], rtl: bool = True,
               attrs: str = 'border="1" cellspacing="0" cellpadding="4" width="100%"') -> str:
    """An HTML table whose first column stands on the reader's starting side.

    QTextDocument does not mirror `<table>` columns for right-to-left text (neither `dir="rtl"`
    nor the document's text direction moves the first column to the right), so for RTL the
    columns are emitted in reverse order. Cells are escaped; pass plain values (numbers are
    written in Persian digits in right-to-left tables).
    """

    def order(cells: Sequence[Cell]) -> list[Cell]:
        return list(reversed(cells)) if rtl else list(cells)

    align = "right" if rtl else "left"
    head = "".join(f'<th align="{align}">{esc(h)}</th>' for h in order(headers))
    body = "".join(
        "<tr>" + "".join(f'<td align="{align}">{esc(c, rtl)}</td>' for c in order(row)) + "</tr>"
        for row in rows)
    return f"<table {attrs}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def wrap_page(body_html: str, rtl: bool = True) -> str:
    """A full HTML page around `body_html` in the reading direction."""
    direction = "rtl" if rtl else "ltr"
    align = "right" if rtl else "left"
    return (f'<html><body dir="{direction}"><div dir="{direction}" align="{align}">'
            f"{body_html}</div></body></html>")


def document_from_html(html: str, rtl: bool = True, point_size: float = 11.0) -> QTextDocument:
    """A QTextDocument in Vazirmatn, right-to-left by default, holding `html`."""
    load_fonts()
    doc = QTextDocument()
    font = QFont(FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else QFont().family())
    font.setPointSizeF(point_size)
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    doc.setDefaultTextOption(option)
    if "<html" not in html.lower():
        html = wrap_page(html, rtl)
    doc.setHtml(html)
    _break_long_words(doc)
    return doc


#: The longest run of letters a printed line keeps whole: a longer one may break every this many.
LONGEST_WORD = 30

_LONG_WORD = re.compile(rf"[^\s\u200b]{{{LONGEST_WORD + 1},}}")


def _break_long_words(doc: QTextDocument) -> None:
    """Let a word longer than `LONGEST_WORD` letters (a complaint typed without spaces, a long web
    address) break where a line ends: laid out whole, it ran off the paper with most of it
    unprinted, and widened its table past the page. A zero-width space every `LONGEST_WORD`
    letters (invisible; Persian letters still join across it; `persian.normalize` drops it, so
    text copied off a PDF still searches). Shorter words and codes — kept whole by `unbroken` —
    are not touched, and a table does not grow columns narrow enough to cut them (as breaking
    anywhere did)."""
    block = doc.begin()
    while block.isValid():
        text = block.text()
        places = [at for m in _LONG_WORD.finditer(text)
                  for at in range(m.start() + LONGEST_WORD, m.end(), LONGEST_WORD)
                  if not unicodedata.category(text[at]).startswith("M")]  # never before a vowel mark
        for at in reversed(places):  # from the end: earlier positions stay where they are
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + len(text[:at].encode("utf-16-le")) // 2)  # (Qt counts UTF-16)
            cursor.insertText("\u200b")
        block = block.next()


def to_pdf(html: str, path: Path, rtl: bool = True, page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
           margins_mm: float = 15.0) -> Path:
    """Write `html` to a PDF at `path` (A4 by default).

    Without `documentLayout().setPaintDevice(writer)` and a page size taken from the writer's
    paint rectangle, QTextDocument lays the text out narrow and adds page numbers.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside it and put in its place whole (`written_whole`): an OSError when the place
    # cannot be written, not a PDF silently unwritten, and never a cut-off PDF under its name.
    with written_whole(path) as part:
        writer = QPdfWriter(str(part))
        writer.setPageSize(QPageSize(page))
        writer.setPageMargins(QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                              QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setCreator("Kanoon Desk")
        print_document(document_from_html(html, rtl), writer, rtl)
        del writer  # (the file is closed)
    return path


#: The line under each page of a paper that runs onto more than one: «صفحه ۱ از ۳».
PAGE_OF = QT_TRANSLATE_NOOP("Printing", "صفحه {page} از {pages}")

#: The room the page number takes under the text (mm).
FOOTER_MM = 8.0


def page_footer(page: int, pages: int, rtl: bool = True) -> str:
    """The page number under a page: Persian, in Persian digits, on a right-to-left paper (the
    papers are Persian whatever the interface's language); in the interface's language on a
    left-to-right one (the report in English)."""
    if rtl:
        return to_persian_digits(PAGE_OF.format(page=page, pages=pages))
    return QCoreApplication.translate("Printing", PAGE_OF).format(page=page, pages=pages)


class Pages(NamedTuple):
    """How a document fell on its pages: the height of the text on each, and the first page (from
    0) of each paper in it — one, or each notice or letter of a batch printed together."""

    height: float
    papers: list[int]
    total: int

    def footer(self, page: int, rtl: bool = True) -> str:
        """The number under `page` (from 1), counted within its own paper: «صفحه ۲ از ۳» of
        a member's notice, never «صفحه ۱۲ از ۲۰۰» of the pile; none under a one-page paper."""
        start = max(p for p in self.papers if p < page)
        end = min([p for p in self.papers if p >= page] + [self.total])
        return page_footer(page - start, end - start, rtl) if end - start > 1 else ""


def lay_out_pages(doc: QTextDocument, device: QPdfWriter | QPrinter) -> Pages:
    """Lay `doc` out on `device`'s pages as they are set (size, margins): the text on each page
    takes the whole paint rectangle when each paper in it is one page; otherwise it leaves room
    for the page number under it. A paragraph marked `KEEP_WITH_PREVIOUS` (a letter's signature
    and stamp) is not cut at the page's end and never starts a page alone: it goes over with the
    paragraph before it (or with that one's last lines when it is most of a page). A page break
    in the HTML (`page-break-before: always`) starts a paper of its own, numbered on its own. A
    table that runs onto the next page ends with its last row as tall as that row, never stretched
    to the page's end (`_unstretch_tables`)."""
    doc.documentLayout().setPaintDevice(device)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(rect.width()), float(rect.height())
    doc.setPageSize(QSizeF(width, height))
    starts = _paper_starts(doc)
    pages = _pages(doc, starts, height)
    if any(b - a > 1 for a, b in zip(pages.papers, [*pages.papers[1:], pages.total], strict=True)):
        height -= FOOTER_MM / 25.4 * device.resolution()
        doc.setPageSize(QSizeF(width, height))
    _unstretch_tables(doc, height)
    _keep_with_previous(doc, height)
    _unstretch_tables(doc, height)  # a signature moved over moves the tables after it
    return _pages(doc, starts, height)


def _paper_starts(doc: QTextDocument) -> list[QTextBlock]:
    """The blocks the HTML starts a new page with (a batch's next notice or letter)."""
    starts = []
    block = doc.begin()
    while block.isValid():
        policy = block.blockFormat().pageBreakPolicy()
        if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            starts.append(block)
        if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter and block.next().isValid():
            starts.append(block.next())
        block = block.next()
    return starts


def _pages(doc: QTextDocument, starts: list[QTextBlock], height: float) -> Pages:
    layout = doc.documentLayout()
    count = doc.pageCount()
    firsts = {min(int(layout.blockBoundingRect(b).top() // height), count - 1) for b in starts}
    return Pages(height, sorted({0} | firsts), count)


def _tables(frame: QTextFrame) -> Iterator[QTextTable]:
    """The tables in `frame` and its frames, in the order they print (not those inside a table's cells)."""
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        else:
            yield from _tables(child)


def _row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float] | None:
    """The top and bottom of the text of `row`'s cells; None when a cell from a row above spans it."""
    layout = doc.documentLayout()
    top, bottom = float("inf"), float("-inf")
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row:
            return None
        block, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top, bottom = min(top, rect.top()), max(bottom, rect.bottom())
            if block == last:
                break
            block = block.next()
    return top, bottom


def _stretched_row(doc: QTextDocument, page_height: float) -> tuple[QTextTable, int] | None:
    """The first table row that Qt moved whole to the next page, stretching the row before it
    down to the page's end (a tall empty box), or that starts on the next page with a sliver of
    its box left at this page's foot: the table and the row."""
    for table in _tables(doc.rootFrame()):
        heads = table.format().headerRowCount()
        end: float | None = None
        for row in range(table.rows()):
            extent = _row_extent(doc, table, row)
            if extent is None:
                end = None
                continue
            top, bottom = extent
            if row > heads and end is not None and int(top // page_height) > int((end - 1) // page_height):
                return table, row
            end = bottom
    return None


def _freeze_columns(doc: QTextDocument, table: QTextTable) -> None:
    """Fix `table`'s column widths in the proportions it has now, laid out whole, unless it sets
    its own (or its first row spans columns): each part of a table cut at a page is laid out on
    its own, by its own rows' texts, so a column stood at another place on every page (a report's
    agency column 758 px wide on the first page, 1,268 on the next)."""
    fmt = table.format()
    if table.columns() < 2 or any(c.type() != QTextLength.Type.VariableLength for c in fmt.columnWidthConstraints()):
        return
    layout = doc.documentLayout()
    rects = []
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        if cell.columnSpan() != 1:
            return
        rects.append(layout.blockBoundingRect(cell.firstCursorPosition().block()))
    lefts = sorted(r.left() for r in rects)
    gap = min(b - a - r.width() for a, b, r in zip(lefts, lefts[1:], sorted(rects, key=lambda r: r.left()),
                                                   strict=False))
    widths = [r.width() + max(gap, 0.0) for r in rects]
    total = sum(widths)
    if total <= 0:
        return
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in widths])
    table.setFormat(fmt)


def _split_table(doc: QTextDocument, table: QTextTable, row: int) -> None:
    """Cut `table` before `row`: its rows from `row` on go to a copy of it (its header rows too)
    that starts the next page. Its columns keep the widths the whole table had (`_freeze_columns`)."""
    _freeze_columns(doc, table)
    heads = table.format().headerRowCount()
    rows = table.rows()
    cursor = QTextCursor(doc)
    cursor.setPosition(table.firstPosition() - 1)
    cursor.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    whole = cursor.selection()
    at = QTextCursor(doc)
    at.setPosition(table.lastPosition() + 1)
    at.insertFragment(whole)
    tail = min((t for t in _tables(doc.rootFrame()) if t.firstPosition() > table.lastPosition()),
               key=lambda t: t.firstPosition())
    table.removeRows(row, rows - row)
    tail.removeRows(heads, row - heads)
    fmt = tail.format()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    tail.setFormat(fmt)


def _unstretch_tables(doc: QTextDocument, page_height: float) -> None:
    """Qt moves a table row that does not fit to the next page whole, and stretches the row
    before it down to the page's end: the last row on the page printed as a tall, mostly empty
    box (a report's «اداره کل امور مالیاتی»). Each table is cut where that happens instead: its
    first part ends with the row as tall as its text, and the rest, under a copy of its header,
    starts the next page."""
    for _ in range(10_000):  # each cut moves a table's rest onto a later page: it ends
        found = _stretched_row(doc, page_height)
        if found is None:
            return
        _split_table(doc, *found)


def _keep_with_previous(doc: QTextDocument, page_height: float) -> None:
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        previous = block.previous()
        if block.userState() == KEEP_WITH_PREVIOUS and previous.isValid():
            rect = layout.blockBoundingRect(block)
            top_page = int(rect.top() // page_height)
            bottom_page = int((rect.bottom() - 1) // page_height)
            before = layout.blockBoundingRect(previous)
            if bottom_page != top_page or int((before.bottom() - 1) // page_height) != top_page:
                # over the page's end, or alone at the top of the next: it goes over with the
                # paragraph before it, or with that one's last lines when it is a long one
                moved = previous if before.height() < page_height / 2 else _split_off_lines(previous, 2)
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(moved).mergeBlockFormat(fmt)
        block = block.next()


def _split_off_lines(block: QTextBlock, lines: int) -> QTextBlock:
    """The last `lines` lines of `block` made a paragraph of their own where they start (no space
    between the two: they read as the one paragraph they were); `block` itself when it is no longer."""
    layout = block.layout()
    if layout.lineCount() <= lines:
        return block
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + layout.lineAt(layout.lineCount() - lines).textStart())
    cursor.insertBlock()
    first, rest = QTextBlockFormat(), QTextBlockFormat()
    first.setBottomMargin(0)
    rest.setTopMargin(0)
    QTextCursor(cursor.block().previous()).mergeBlockFormat(first)
    cursor.mergeBlockFormat(rest)
    return cursor.block()


def print_document(doc: QTextDocument, device: QPdfWriter | QPrinter, rtl: bool = True,
                   first: int = 0, last: int = 0) -> None:
    """Print `doc` on `device` a page at a time (`lay_out_pages`), each page of a paper of more
    than one numbered under its text (`page_footer`); `first`..`last` (from 1; 0: all) the pages
    the print dialog asked for."""
    pages = lay_out_pages(doc, device)
    height, width = pages.height, doc.pageSize().width()
    numbers = [n for n in range(1, pages.total + 1) if (first <= 0 or n >= first) and (last <= 0 or n <= last)]
    painter = begin_painting(device)
    try:
        footer_font = QFont(doc.defaultFont())
        footer_font.setPointSizeF(max(doc.defaultFont().pointSizeF() - 2, 7.0))
        for i, n in enumerate(numbers):
            if i:
                device.newPage()
            painter.save()
            painter.translate(0, -(n - 1) * height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, (n - 1) * height, width, height)
            context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)  # as print_ does: never the theme's
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
            footer = pages.footer(n, rtl)
            if footer:
                painter.setFont(footer_font)
                painter.drawText(QRectF(0, height, width, FOOTER_MM / 25.4 * device.resolution()),
                                 Qt.AlignmentFlag.AlignCenter, footer)
    finally:
        painter.end()


class PrintFailed(OSError):
    """The printer (or the file a print goes to) took nothing: Qt's painter would not start on it."""


def begin_painting(device: QPdfWriter | QPrinter | QPagedPaintDevice) -> QPainter:
    """A painter on `device`; `PrintFailed` when it will not start (a printer removed or never
    installed, a print to a file that cannot be written): Qt only warns on its console and paints
    nothing, so a paper that never came out was taken for printed."""
    painter = QPainter(device)
    if not painter.isActive():
        name = device.printerName() if hasattr(device, "printerName") else ""
        raise PrintFailed(f"the painter did not start on {type(device).__name__} {name!r}")
    return painter


def printed_or_said(parent: QWidget | None, printer: QPrinter, paint: Callable[[], object]) -> bool:
    """`paint()` on `printer` (chosen in the print dialog); True when it printed. When the printer
    took nothing (`PrintFailed`), the person is told so, with what to do, and it is False."""
    from .saving import tell

    try:
        paint()
    except PrintFailed as exc:
        log.warning("printing failed: %s", exc)
        # a printer's name may be Persian (first strong letter decides); a file's path reads left to right
        where = ("\u2068" + printer.printerName() if printer.printerName() else "\u2066" + printer.outputFileName()) + "\u2069"
        tell(parent, QMessageBox.Icon.Warning, QCoreApplication.translate("Printing", "چاپ نشد"),
             QCoreApplication.translate(
                 "Printing", "چاپگر «{printer}» کاغذ را نپذیرفت: روشن نیست، به این رایانه وصل نیست یا نصب "
                 "نشده است. آن را بررسی کنید و دوباره چاپ کنید، یا کاغذ را به PDF ذخیره کنید.")
             .format(printer=where))
        return False
    return True


def new_printer(margins_mm: float = 15.0) -> QPrinter:
    """A printer for the app's papers: A4 with the margins a PDF gets (the printer's own default,
    about 3.5 mm, put letters at the paper's edge and labels off the places the PDF shows). The
    print dialog starts from these, and the person may still change them there."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm), QPageLayout.Unit.Millimeter)
    return printer


def print_html(printer: QPrinter, html: str, rtl: bool = True) -> None:
    """Lay `html` out on the printer's page as it is set (size, margins) and print it."""
    print_document(document_from_html(html, rtl), printer, rtl, printer.fromPage(), printer.toPage())


def print_dialog(parent: QWidget | None, html: str, rtl: bool = True, margins_mm: float = 15.0) -> bool:
    """Show the system print dialog and print `html`; True when the person printed it."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = new_printer(margins_mm)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return printed_or_said(parent, printer, lambda: print_html(printer, html, rtl))


def pdf_to_png(pdf: Path, png: Path, dpi: int = 80, page: int = 1) -> Path:
    """Render one page of a PDF to PNG with poppler's `pdftoppm` (tests and screenshots look at it)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm is not installed (Debian: poppler-utils)")
    png.parent.mkdir(parents=True, exist_ok=True)
    stem = png.with_suffix("")
    subprocess.run([exe, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True, capture_output=True)
    return stem.with_suffix(".png")
