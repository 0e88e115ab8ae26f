"""The one right-to-left printing helper: HTML tables, QTextDocument set-up, PDF, print dialog, PNG."""

from __future__ import annotations

import html as _html
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption
from PySide6.QtWidgets import QWidget

from ..persian import script_digits, to_persian_digits
from .fonts import FONT_FAMILY, load_fonts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

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
    return doc


def to_pdf(html: str, path: Path, rtl: bool = True, page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
           margins_mm: float = 15.0) -> Path:
    """Write `html` to a PDF at `path` (A4 by default).

    Without `documentLayout().setPaintDevice(writer)` and a page size taken from the writer's
    paint rectangle, QTextDocument lays the text out narrow and adds page numbers.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab"):  # an OSError here, not a PDF silently unwritten (a folder, a file open elsewhere)
        pass
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(page))
    writer.setPageMargins(QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                          QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setCreator("Kanoon Desk")
    doc = document_from_html(html, rtl)
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    return path


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
    doc = document_from_html(html, rtl)
    doc.documentLayout().setPaintDevice(printer)
    doc.setPageSize(printer.pageLayout().paintRectPixels(printer.resolution()).size().toSizeF())
    doc.print_(printer)


def print_dialog(parent: QWidget | None, html: str, rtl: bool = True, margins_mm: float = 15.0) -> bool:
    """Show the system print dialog and print `html`; True when the person printed it."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = new_printer(margins_mm)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_html(printer, html, rtl)
    return True


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
