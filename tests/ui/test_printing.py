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


def _pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, normalised (pdftotext gives Arabic presentation forms, Persian digits)."""
    import re
    import subprocess

    from kanoon_desk.persian import normalize

    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [re.sub(r"\s+", " ", normalize(page)) for page in out.split("\f")[:-1]]


def test_a_word_longer_than_the_line_is_broken_at_the_lines_end_not_run_off_the_paper(qapp: Any) -> None:
    """A complaint typed without spaces (800 letters): the letter printed only the line's width
    of it, the rest ran off the paper's edge unprinted (and in a table, the table ran off the
    page). Now no line is wider than the page."""
    from PySide6.QtCore import QSizeF

    word = "بسیارطولانیوبدونفاصلهکهدرمتنشکایتآمدهاست" * 20
    doc = document_from_html(f"<p>شهروند نوشته است: {word} و پاسخی نگرفته است.</p>"
                             f"<blockquote>{word}</blockquote>" + html_table(["شرح"], [[word]]))
    doc.setPageSize(QSizeF(600, 900))
    assert doc.pageCount() >= 1
    widths = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        widths += [layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())]
        block = block.next()
    assert widths and max(widths) <= 600
    assert doc.toPlainText().replace("\u200b", "").count("بسیارطولانی") == 60  # all of it, on its lines


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_a_paper_of_several_pages_is_numbered_under_each_page(qapp: Any, tmp_path: Path) -> None:
    """A long case history or a long letter printed without a page number: pages dropped from
    the pile could not be put back in order. Each page now says «صفحه ۱ از ۳»; a one-page paper
    has none."""
    long = to_pdf("".join(f"<p>بند {i} از گردش کار پرونده</p>" for i in range(120)), tmp_path / "long.pdf")
    pages = _pdf_pages(long)
    assert len(pages) >= 2
    for n, text in enumerate(pages, 1):
        assert f"صفحه {n} از {len(pages)}" in text.replace("از", " از ").replace("  ", " ")
    short = _pdf_pages(to_pdf("<p>رسید امانت</p>", tmp_path / "short.pdf"))
    assert len(short) == 1 and "صفحه" not in short[0]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_the_papers_of_a_batch_are_numbered_each_on_its_own(qapp: Any, tmp_path: Path) -> None:
    """Letters printed together (the notices of several cases, one a page): each is handed to a
    different person, so a page says where it stands in its own letter, not in the pile."""
    from kanoon_desk.services.secretariat_docs import join_papers

    def letter(name: str, paragraphs: int) -> str:
        body = "".join(f"<p>بند {i} نامه {name}</p>" for i in range(paragraphs))
        return f'<html><body dir="rtl">{body}</body></html>'

    pages = _pdf_pages(to_pdf(join_papers([letter("الف", 3), letter("ب", 90), letter("پ", 3)]), tmp_path / "b.pdf"))
    middle = len(pages) - 2  # the long letter's pages, between the two short ones
    assert middle >= 2 and "نامه الف" in pages[0] and "نامه پ" in pages[-1]
    assert "صفحه" not in pages[0] and "صفحه" not in pages[-1]
    for n in range(1, middle + 1):
        assert f"صفحه {n} از {middle}" in pages[n].replace("از", " از ").replace("  ", " ")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
@pytest.mark.parametrize("sentences", [50, 53, 56, 58])  # the signature at the first page's end
def test_a_letters_signature_stays_on_the_page_of_its_last_paragraph(qapp: Any, tmp_path: Path,
                                                                     sentences: int) -> None:
    """A forwarding letter whose text filled the page: «امضا و مهر» went over alone to a second
    page, or the signer's name stayed on the first and the stamp's place on the second. The
    signature now goes over whole, with the letter's closing line above it."""
    from datetime import date

    from kanoon_desk.services.accounts import OfficeView
    from kanoon_desk.services.secretariat_docs import forwarding_letter_html

    office = OfficeView("13", "دبیرخانه شکایات استان تهران", "office", "", "", "", "", "")
    html = forwarding_letter_html(
        office, agency_name="اداره کل راه", letter_no="13-D01-1405-L000186", letter_date=date(2024, 8, 5),
        deadline=date(2024, 9, 5), registration_no="13-D01-1405-000123", tracking_code="0013018438460339",
        applicant_name="علی رضایی", subject="تأخیر در پاسخ", text="متن شکایت ادامه دارد و " * sentences * 2,
        signer="مهدی کریمی", signer_role="مدیر")
    pages = _pdf_pages(to_pdf(html, tmp_path / "letter.pdf"))
    signed = [i for i, text in enumerate(pages) if "امضا و مهر" in text]
    named = [i for i, text in enumerate(pages) if "مهدی" in text]
    assert signed == named and len(signed) == 1  # name and stamp on one page
    assert "اعلام" in pages[signed[0]]  # … with the closing line «… اعلام فرمایید.»


def _tables_and_rows(doc: QTextDocument) -> list[list[tuple[float, float, str]]]:
    """Each table of `doc`: each row's text top, text bottom and text (as laid out)."""
    from PySide6.QtGui import QTextTable

    layout = doc.documentLayout()
    found = []
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        rows = []
        for r in range(frame.rows()):
            rects = [layout.blockBoundingRect(frame.cellAt(r, c).firstCursorPosition().block())
                     for c in range(frame.columns())]
            text = " ".join(frame.cellAt(r, c).firstCursorPosition().block().text() for c in range(frame.columns()))
            rows.append((min(x.top() for x in rects), max(x.bottom() for x in rects), text))
        found.append(rows)
    return found


@pytest.mark.parametrize("lines_before", [0, 1, 3, 7])  # the table's rows fall differently on the pages
def test_a_table_running_onto_the_next_page_ends_with_a_row_as_tall_as_its_text(qapp: Any, tmp_path: Path,
                                                                                  lines_before: int) -> None:
    """The secretariat's year report: the last row of a table on a page («اداره کل امور مالیاتی»)
    was drawn as a tall, mostly empty box down to the page's end (Qt moves the row that does not
    fit to the next page whole, and stretches the one before it). Now no row of a table is
    followed by a row on a later page (where a row does not fit, the table goes on under its own
    header on the next page); every row is printed once, and each page's part has its header."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    from kanoon_desk.ui.printing import lay_out_pages

    rows = [[i, f"اداره کل شماره {i}", i * 3] for i in range(1, 71)]
    html = "".join("<p>بند پیش از جدول</p>" for _ in range(lines_before)) + html_table(
        ["ردیف", "دستگاه اجرایی", "پرونده‌ها"], rows)
    writer = QPdfWriter(str(tmp_path / "t.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    doc = document_from_html(html)
    pages = lay_out_pages(doc, writer)
    assert pages.total >= 3
    tables = _tables_and_rows(doc)
    for table in tables:
        for (_, end, _), (top, _, text) in zip(table[1:], table[2:], strict=False):
            assert int(top // pages.height) == int((end - 1) // pages.height), f"row «{text}» went to the next page"
    from kanoon_desk.persian import to_persian_digits

    body = [text for table in tables for _, _, text in table[1:]]
    assert sorted(body) == sorted(" ".join(to_persian_digits(str(c)) for c in reversed(row)) for row in rows)
    assert all("دستگاه اجرایی" in table[0][2] for table in tables)


def test_a_table_cut_at_pages_keeps_its_columns_where_they_were(qapp: Any, tmp_path: Path) -> None:
    """Each part of a table cut at a page was laid out by its own rows' texts: on a report whose
    first page held short agency names and the next long ones, the agency column was 758 px wide
    on the first page and 1,268 on the next, and every column moved. The parts keep the columns of
    the whole table."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    from kanoon_desk.ui.printing import _tables, lay_out_pages

    rows = [[i, "کوتاه" if i < 40 else f"اداره کل امور مالیاتی و دارایی استان و شهرستان شماره {i}", "یادداشت"]
            for i in range(1, 91)]
    writer = QPdfWriter(str(tmp_path / "t.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    doc = document_from_html(html_table(["ردیف", "دستگاه اجرایی", "پرونده‌ها"], rows))
    lay_out_pages(doc, writer)
    layout = doc.documentLayout()
    columns = []
    for table in _tables(doc.rootFrame()):
        rects = [layout.blockBoundingRect(table.cellAt(0, c).firstCursorPosition().block()) for c in range(3)]
        columns.append([(round(r.left()), round(r.width())) for r in rects])
    assert len(columns) >= 3
    assert all(abs(a - b) <= 2 for part in columns[1:] for x, y in zip(part, columns[0], strict=True)
               for a, b in zip(x, y, strict=True)), columns
    # the agency column is as wide as its long names need, on the first page too
    assert columns[0][1][1] > 2 * columns[0][0][1]


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # Qt's console word for it
@pytest.mark.parametrize("paper", ["letter", "labels"])
def test_a_printer_that_takes_nothing_is_said_not_taken_for_printed(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: str) -> None:
    """A printer removed (or never installed), or a print to a file that cannot be written: Qt's
    painter did not start, only warned on a console nobody sees, and the app went on as if the
    receipt or the labels had come out. Now the print answers False and the person is told the
    printer took nothing, with what to do."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QMessageBox, QWidget

    from kanoon_desk.ui.library.labels import LABEL_SHEETS, print_labels
    from kanoon_desk.ui.printing import print_dialog

    nowhere = tmp_path / "no-such-folder" / "out.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(nowhere))  # (as a printer that is gone: nothing takes the job)
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page = QWidget()
    if paper == "letter":
        printed = print_dialog(page, "<p>رسید دریافت درخواست</p>")
    else:
        printed = print_labels(page, [("B0001", "ماهی سیاه کوچولو")], LABEL_SHEETS[0])
    told = page.findChildren(QMessageBox)
    try:
        assert printed is False and not nowhere.exists()
        assert len(told) == 1 and told[0].windowTitle() == "چاپ نشد"
        assert "کاغذ را نپذیرفت" in told[0].text() and "PDF" in told[0].text()
    finally:
        page.deleteLater()


def test_a_printer_that_takes_the_job_prints(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    from kanoon_desk.ui.printing import print_dialog

    out = tmp_path / "out.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(out))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert print_dialog(None, "<p>رسید دریافت درخواست</p>") is True
    assert out.stat().st_size > 1000
