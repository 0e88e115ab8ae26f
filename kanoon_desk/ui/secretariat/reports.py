"""The secretariat report by Jalali month, season or year: figures, a bar chart read right to left
in Persian digits, export to Excel (RTL sheet) and PDF."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...services.accounts import get_office
from ...services.secretariat_docs import report_html
from ...services.secretariat_reports import Period, Report, ReportText, build_report, period, report_to_xlsx
from ...services.secretariat_status import OUTCOME_FA
from .. import printing
from ..context import UiContext
from ..saving import save_to
from ..tables import remember_splitter
from ..widgets import Today, digits, month_name, period_title, right_to_left, season_text, text_digits
from .common import outcome_text


def report_text() -> ReportText:
    """The report's paper and sheet in the interface's language: Persian words, digits and right
    to left, or English ones, Latin digits and left to right."""
    persian_ui = QLocale().language() == QLocale.Language.Persian
    return ReportText().translated(
        lambda words: QCoreApplication.translate("SecretariatReports", words),
        outcomes={k: outcome_text(k) for k in OUTCOME_FA}, months=tuple(month_name(n) for n in range(1, 13)),
        seasons=tuple(season_text(n) for n in range(1, 5)), digits=digits, names=text_digits,
        group="\u066c" if persian_ui else ",", decimal="\u066b" if persian_ui else ".", rtl=right_to_left())


def build_chart(rep: Report) -> QChart:
    """Received and closed per month; months ordered right to left (the first month on the right)."""
    chart = QChart()
    rtl = right_to_left()
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale())  # the interface's digits: Persian, or Latin in the English interface
    p = rep.period
    chart.setTitle(QCoreApplication.translate("SecretariatReports", "دریافت و مختومه به تفکیک ماه — ")
                   + period_title(p.kind, p.year, p.number))
    received = QBarSet(QCoreApplication.translate("SecretariatReports", "دریافت"))
    closed = QBarSet(QCoreApplication.translate("SecretariatReports", "مختومه"))
    months = list(reversed(rep.by_month)) if rtl else list(rep.by_month)  # QtCharts does not mirror
    for _, r, c in months:
        received.append(r)
        closed.append(c)
    series = QBarSeries()
    series.append(received)
    series.append(closed)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    # a period lies in one Jalali year (the title names it): the month's name alone, and slanted
    # when a year's twelve would not fit side by side ("اردیبهشت ۱۴۰۴" was cut to "اردی…")
    axis_x.append([month_name(m) for (_, m), _, _ in months] or ["—"])
    if len(months) > 4:
        axis_x.setLabelsAngle(-90)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    top = max([max(r, c) for _, r, c in months] or [1])
    axis_y.setRange(0, max(1, top * 1.1))
    axis_y.applyNiceNumbers()  # ticks at round counts (0, 10, 20, 30), not 0, 7, 15, 22
    if axis_y.max() <= 10:  # small counts: a tick per whole number ("%.0f" wrote 0, 0.5, 1 as ۰ ۱ ۱)
        axis_y.setRange(0, max(1, math.ceil(axis_y.max())))
        axis_y.setTickCount(int(axis_y.max()) + 1)
    axis_y.setLabelFormat("%.0f")  # "%d" made the labels vanish with localised numbers
    # the value axis on the reader's start side
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setMargins(QMargins(6, 6, 6, 6))
    return chart


def chart_png(rep: Report, width: int = 800, height: int = 420, scale: int = 2) -> bytes:
    """The report's chart drawn off screen as a PNG for the PDF: laid out at a screen's size (so its
    letters keep their size against the bars) and drawn at `scale` times the pixels (sharp on paper)."""
    view = QChartView(build_chart(rep))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(width, height)
    view.grab()  # lays the chart out (a view never shown has not been)
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.render(painter)  # (a QGraphicsView fills the device it renders to: `scale` times the pixels)
    painter.end()
    view.deleteLater()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs want bytes, Qt a str)
    buffer.close()
    return bytes(data.data())


class ReportsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: today, read as the report is built (the figures count up to it); a new day builds it again
        self.today = Today(self)
        self.today.changed.connect(lambda _day: self.refresh())
        self.report: Report | None = None
        #: the period whose report is being built in the background (None: none is)
        self._building: Period | None = None
        box = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        for label, key in ((self.tr("فصل"), "season"), (self.tr("ماه"), "month"), (self.tr("سال"), "year")):
            self.kind.addItem(label, key)
        self.year = QSpinBox()
        self.year.setRange(1390, 1500)
        self.year.setAccessibleName(self.tr("سال"))
        self.year.setValue(persian.jalali_year(self.today.day))
        self.number = QComboBox()
        self.number.setAccessibleName(self.tr("دوره"))
        self._numbers()
        # the report follows the period chosen at once, so what is shown is what is exported
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.number.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        show = QPushButton(self.tr("نمایش"))  # (again: the figures as they are now)
        show.clicked.connect(self.refresh)
        self.excel = QPushButton(self.tr("خروجی اکسل"))
        self.excel.clicked.connect(lambda: self.export_excel())
        self.pdf = QPushButton(self.tr("خروجی PDF"))
        self.pdf.clicked.connect(lambda: self.export_pdf())
        #: said while the report is being built in the background (a year of a busy province's cases
        #: takes many seconds: the window stays usable meanwhile)
        self.busy = QLabel(self.tr("در حال ساختن گزارش…"))
        self.busy.setObjectName("report-busy")
        self.busy.setStyleSheet("color: #546e7a;")
        self.busy.hide()
        for w in (QLabel(self.tr("دوره:")), self.kind, self.number, self.year, show, self.excel, self.pdf):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.busy)
        box.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.figures = QTextBrowser()
        split.addWidget(self.figures)
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        split.addWidget(self.chart_view)
        split.setSizes([500, 600])
        remember_splitter(split, ctx.settings, "secretariat-report")
        box.addWidget(split)
        self.refresh()

    def _kind_changed(self) -> None:
        self._numbers()
        self.refresh()

    def _numbers(self) -> None:
        """The seasons or months of the kind chosen, today's selected."""
        self.number.blockSignals(True)
        self.number.clear()
        kind = self.kind.currentData()
        _, month = persian.jalali_month_key(self.today.day)
        if kind == "season":
            for i in range(1, 5):
                self.number.addItem(season_text(i), i)
            self.number.setCurrentIndex((month - 1) // 3)
        elif kind == "month":
            for i in range(1, 13):
                self.number.addItem(month_name(i), i)
            self.number.setCurrentIndex(month - 1)
        else:
            self.number.addItem("—", 0)
        self.number.blockSignals(False)

    def selected_period(self) -> Period:
        return period(self.kind.currentData(), self.year.value(), self.number.currentData() or 0)

    def shown(self) -> Report:
        """The report on screen, built again first if it is not of the period chosen (the export
        buttons wait for the build in the background, so this is for a caller that does not)."""
        if self.report is None or self.report.period != self.selected_period():
            self.report = build_report(self.ctx.store, self.ctx.actor, self.selected_period(), on=self.today())
            self.figures.setHtml(self.html())
            self.chart_view.setChart(build_chart(self.report))
        return self.report

    def refresh(self) -> None:
        """Build the report of the period chosen off the GUI thread (`ctx.tasks`); the figures and
        the chart follow when it is ready. A build overtaken by a newer choice is not shown, and the
        exports wait (disabled) until the report on screen is the one chosen."""
        store, actor, chosen, day = self.ctx.store, self.ctx.actor, self.selected_period(), self.today()
        self._building = chosen
        self.busy.show()
        for button in (self.excel, self.pdf):
            button.setEnabled(False)

        def done(report: Report) -> None:
            if self._building != chosen:  # the period was changed meanwhile: its own build follows
                return
            self._building = None
            self.busy.hide()
            for button in (self.excel, self.pdf):
                button.setEnabled(True)
            self.report = report
            self.figures.setHtml(self.html())
            self.chart_view.setChart(build_chart(report))

        def failed(exc: BaseException) -> None:
            if self._building == chosen:
                self._building = None
                self.busy.hide()
                for button in (self.excel, self.pdf):
                    button.setEnabled(True)
            raise exc

        self.ctx.tasks.run(lambda: build_report(store, actor, chosen, on=day), on_done=done, on_error=failed)

    def html(self) -> str:
        assert self.report is not None
        return report_html(get_office(self.ctx.store), self.report, text=report_text(), made_on=self.today())

    def export_excel(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("خروجی اکسل"), "report.xlsx", "Excel (*.xlsx)")
            if not name:
                return None
            path = Path(name)
        report = self.shown()
        return save_to(self, path, lambda p: report_to_xlsx(report, p, made_on=self.today(), text=report_text()))

    def export_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("خروجی PDF"), "report.pdf", "PDF (*.pdf)")
            if not name:
                return None
            path = Path(name)
        report, text = self.shown(), report_text()
        html = report_html(get_office(self.ctx.store), report, chart_png=chart_png(report), text=text,
                           made_on=self.today())
        return save_to(self, path, lambda p: printing.to_pdf(html, p, rtl=text.rtl))
