"""The right-to-left printing helper: reversed table columns, a PDF, and a picture of it that is not blank."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QTextDocument

from kanoon_desk.ui.printing import document_from_html, html_table, pdf_to_png, to_pdf

HEADERS = ["ردیف", "نام کتاب", "تاریخ بازگشت"]
ROWS = [[1, "ماهی سیاه کوچولو", "۱۴۰۳/۰۵/۱۲"], [2, "کلاغ‌ها", "۱۴۰۳/۰۵/۱۹"]]


def test_rtl_table_emits_columns_in_reverse_order() -> None:
    rtl = html_table(HEADERS, ROWS)
    assert rtl.index("تاریخ بازگشت") < rtl.index("نام کتاب") < rtl.index("ردیف")
    assert rtl.index("۱۴۰۳/۰۵/۱۲") < rtl.index("ماهی سیاه کوچولو")
    assert ">۱</td>" in rtl and ">1</td>" in ltr_numbers()
    ltr = html_table(HEADERS, ROWS, rtl=False)
    assert ltr.index("ردیف") < ltr.index("نام کتاب") < ltr.index("تاریخ بازگشت")
    assert "<b>" not in html_table(["<b>"], [["<i>x</i>"]])  # cells are escaped


def ltr_numbers() -> str:
    return html_table(HEADERS, ROWS, rtl=False)


def test_document_puts_the_first_column_on_the_right(qapp: Any) -> None:
    doc = document_from_html(html_table(HEADERS, ROWS))
    assert isinstance(doc, QTextDocument)
    doc.setTextWidth(600)
    # the last cell of the first row in document order is the right-most: the "ردیف" header
    table_text = doc.toPlainText()
    assert table_text.index("تاریخ بازگشت") < table_text.index("ردیف")


def _dark_columns(img: QImage, below: int = 100) -> list[int]:
    """x coordinates that hold a pixel darker than `below` (sampled every 4 px, top half)."""
    xs = []
    for x in range(0, img.width(), 2):
        for y in range(0, img.height() // 2, 4):
            if img.pixelColor(x, y).lightness() < below:
                xs.append(x)
                break
    return xs


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm)")
def test_pdf_is_written_and_its_picture_is_right_aligned(qapp: Any, tmp_path: Path) -> None:
    html = "<p>رسید امانت</p>"
    pdf = to_pdf(html, tmp_path / "slip.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    png = pdf_to_png(pdf, tmp_path / "slip.png", dpi=60)
    img = QImage(str(png))
    assert not img.isNull() and img.width() > 300
    dark = _dark_columns(img)
    assert dark, "the rendered page is blank"
    # a short right-to-left paragraph stands on the right half of the page
    assert min(dark) > img.width() / 2

    table_pdf = to_pdf(html_table(HEADERS, ROWS), tmp_path / "table.pdf")
    table_img = QImage(str(pdf_to_png(table_pdf, tmp_path / "table.png", dpi=60)))
    dark = _dark_columns(table_img, below=230)  # grey borders count
    # the table spans the width of the text area (page size taken from the writer, not narrow)
    assert max(dark) - min(dark) > table_img.width() * 0.7


def test_a_printed_paper_has_the_margins_of_its_pdf(qapp: Any, tmp_path: Path) -> None:
    """The printer starts with the PDF's 15 mm margins (its own default, about 3.5 mm, printed
    letters to the paper's edge): the same paper printed and saved as PDF stands in the same place."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    from kanoon_desk.ui.printing import new_printer, print_html

    printer = new_printer()
    margins = printer.pageLayout().margins(QPageLayout.Unit.Millimeter)
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (15, 15, 15, 15)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    html = html_table(HEADERS, ROWS)
    print_html(printer, html)
    printed = QImage(str(pdf_to_png(tmp_path / "printed.pdf", tmp_path / "printed.png", dpi=60)))
    saved = QImage(str(pdf_to_png(to_pdf(html, tmp_path / "saved.pdf"), tmp_path / "saved.png", dpi=60)))
    edges = [(min(d), max(d)) for d in (_dark_columns(printed, below=230), _dark_columns(saved, below=230))]
    assert abs(edges[0][0] - edges[1][0]) <= 2 and abs(edges[0][1] - edges[1][1]) <= 2
    assert edges[0][0] > 15 / 25.4 * 60 * 0.9  # 15 mm in from the paper's edge
