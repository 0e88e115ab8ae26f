"""Lending reports page: popular titles, loans by age group (charts), active readers and centres, overdue
rate — over a Jalali month, season or year, for one centre or all; Excel and PDF export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...errors import QT_TRANSLATE_NOOP
from ...eventlog import Actor
from ...services import library as lib
from ...services import library_reports as rep
from ...services.accounts import get_office
from ...services.library_common import LIBRARIAN
from ...store import Store
from ..context import UiContext
from ..fitting import FlowLayout, together
from ..fonts import FONT_FAMILY
from ..printing import esc, html_table, to_pdf
from ..saving import save_to
from ..widgets import (
    digits,
    isolated,
    month_name,
    period_title,
    right_to_left,
    season_text,
    text_digits,
    today,
)
from .common import ListModel, age_group_text, table_view, tr_dynamic

KINDS = {"month": QT_TRANSLATE_NOOP("Library", "ماه"), "season": QT_TRANSLATE_NOOP("Library", "فصل"), "year": QT_TRANSLATE_NOOP("Library", "سال")}


#: Python wrappers of chart parts, kept while their chart lives: a wrapper collected early deletes
#: the C++ axis or series the chart still uses (seen as heap corruption at exit).
_KEEP: dict[int, tuple[object, ...]] = {}


def _keep(chart: QChart, *parts: object) -> None:
    key = id(chart)
    _KEEP[key] = (chart, *parts)
    chart.destroyed.connect(lambda *_a: _KEEP.pop(key, None))


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(FONT_FAMILY)
    font.setPointSize(10)
    chart.setTitleFont(font)
    chart.legend().hide()
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale())  # the interface's digits: Persian, or Latin in the English interface
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def chart_labels(labels: list[str], width: int = 28) -> list[str]:
    """Titles as a chart's categories: Persian digits in a Persian title; a long one cut in its
    middle (…), so the end that tells one volume from another stays; each one distinct, since
    a category axis keeps one of two equal names and its bar is lost (an invisible mark tells
    two titles of the same name apart)."""
    out: list[str] = []
    for label in labels:
        text = text_digits(label)
        if len(text) > width:  # whole words where there are some, the end's a little shorter
            tail_room = (width - 3) * 2 // 5
            head, tail = text[:width - 3 - tail_room], text[-tail_room:]
            head = head[:head.rfind(" ")] if " " in head.strip() else head
            tail = tail[tail.find(" ") + 1:] if " " in tail.strip() else tail
            text = f"{head.strip()} … {tail.strip()}"
        while text in out:
            text += "\u200b"
        out.append(text)
    return out


def popular_chart(rows: list[rep.Count]) -> QChart:
    """Horizontal bars, the most borrowed on top (a category axis lists from the bottom up): every
    title the period's table (and its export) lists, so the chart and the sheet agree."""
    chart = _chart(QCoreApplication.translate("Library", "پرامانت‌ترین عنوان‌ها"))
    rows = list(reversed(rows))
    rtl = right_to_left()
    bars = QBarSet(QCoreApplication.translate("Library", "امانت"))
    bars.append([float(r.count) for r in rows])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(chart_labels([r.label for r in rows]) or [""])
    # ten names a line each: in the font of the chart's title, not the larger interface font, or
    # on a 800-pixel-high screen the axis cuts every one of them to «…» for want of height
    font = QFont(FONT_FAMILY)
    font.setPointSize(9)
    axis_y.setLabelsFont(font)
    # the labels on the reader's starting side
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%.0f")
    axis_x.setMin(0)
    axis_x.setMax(max([r.count for r in rows] + [1]) * 1.15)
    axis_x.applyNiceNumbers()
    axis_x.setReverse(rtl)  # bars grow from the right, as a Persian reader expects
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    _keep(chart, bars, series, axis_x, axis_y)
    return chart


def age_chart(rows: list[rep.Count]) -> QChart:
    """Vertical bars of the age groups, الف on the right: categories are laid out in reverse for RTL."""
    chart = _chart(QCoreApplication.translate("Library", "امانت به تفکیک گروه سنی"))
    rtl = right_to_left()
    rows = [r for r in rows if r.key]
    rows = list(reversed(rows)) if rtl else rows
    bars = QBarSet(QCoreApplication.translate("Library", "امانت"))
    bars.append([float(r.count) for r in rows])
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([age_group_text(r.label) for r in rows])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f")
    axis_y.setMin(0)
    axis_y.setMax(max([r.count for r in rows] + [1]) * 1.15)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    _keep(chart, bars, series, axis_x, axis_y)
    return chart


@dataclass(frozen=True)
class _Figures:
    """A period's figures, counted in the background."""

    popular: list[rep.Count]
    ages: list[rep.Count]
    active: list[rep.Count]
    active_centres: list[rep.Count]
    overdue: rep.OverdueRate


def _count(store: Store, actor: Actor, start: date, end: date, centre: str | None) -> _Figures:
    """The figures of a period (of one centre, or all), as the page shows them to `actor` (a
    manager: the active readers by their membership numbers, without names)."""
    popular, ages = rep.title_figures(store, start, end, centre=centre)
    return _Figures(popular, ages,
                    rep.active_readers(store, actor, start, end, centre=centre),
                    rep.active_centres(store, start, end),
                    rep.overdue_rate(store, start, end, centre=centre))


class ReportsPage(QWidget):
    """Pick a period and a centre, press «نمایش»; the charts and tables follow. An export (Excel,
    PDF) builds the report again first when the controls have changed since (`shown`), so its
    heading and its figures always name the same period and centre."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("library-reports-page")
        #: the controls' choice the report on screen was built for (`chosen`)
        self._built: tuple[object, ...] = ()
        #: the centre the figures are of (None: all); the active centres are always all of them
        self.for_centre: str | None = None
        year, month = persian.jalali_month_key(today())
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(tr_dynamic(label), key)
        self.year = QSpinBox()
        self.year.setRange(1390, 1500)
        self.year.setValue(year)
        # the month or season by name, its number in the UI's digits (a bare spin box read "9")
        self.number = QComboBox()
        self.number.setObjectName("report-number")
        self._month = month
        self.kind.currentIndexChanged.connect(self._numbers)
        self.kind.setCurrentIndex(2)
        self._numbers()
        self.centre = QComboBox()
        self.centre.addItem(QCoreApplication.translate("Library", "همه مراکز"), "")
        for code, name in lib.list_centres(ctx.store):
            self.centre.addItem(text_digits(name), code)
        show = QPushButton(QCoreApplication.translate("Library", "نمایش"))
        show.setObjectName("show-report")
        show.clicked.connect(self.refresh)
        excel = QPushButton(QCoreApplication.translate("Library", "خروجی اکسل"))
        excel.clicked.connect(lambda: self._save("xlsx"))
        pdf = QPushButton(QCoreApplication.translate("Library", "خروجی PDF"))
        pdf.clicked.connect(lambda: self._save("pdf"))
        top = FlowLayout()  # on a narrow window the controls that do not fit go on to a second line
        for w in (together(QLabel(QCoreApplication.translate("Library", "دوره:")), self.kind),
                  together(QLabel(QCoreApplication.translate("Library", "سال:")), self.year),
                  together(QLabel(QCoreApplication.translate("Library", "شماره:")), self.number),
                  together(QLabel(QCoreApplication.translate("Library", "مرکز:")), self.centre), show, excel, pdf):
            top.addWidget(w)
        #: said while the figures are counted in the background
        self.busy = QLabel(QCoreApplication.translate("Library", "در حال ساختن گزارش…"))
        self.busy.setObjectName("report-busy")
        self.busy.setStyleSheet("color: #546e7a;")
        self.busy.hide()
        top.addWidget(self.busy)
        self.period_label = QLabel()
        self.period_label.setObjectName("report-period")
        self.rate = QLabel()
        self.rate.setObjectName("overdue-rate")
        #: what the disputable figures count (the rate of what, whose age group, which centre)
        self.note = QLabel(self.note_text())
        self.note.setObjectName("report-note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        self.rate.setToolTip(self.note_text())
        self.popular_view = QChartView()
        self.popular_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.age_view = QChartView()
        self.age_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.readers = table_view("readers-table", stretch=0)  # the name takes the room, not a count
        self.centres = table_view("centres-table", stretch=0)
        # (two lists side by side under no title of their own: named as the printed report heads them)
        self.readers.setAccessibleName(QCoreApplication.translate("Library", "اعضای فعال"))
        self.centres.setAccessibleName(QCoreApplication.translate("Library", "مراکز فعال"))
        grid = QGridLayout()
        grid.addWidget(self.popular_view, 0, 0)
        grid.addWidget(self.age_view, 0, 1)
        grid.addWidget(self.readers, 1, 0)
        grid.addWidget(self.centres, 1, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.period_label)
        box.addWidget(self.rate)
        box.addWidget(self.note)
        box.addLayout(grid)
        self.exports = (excel, pdf)
        #: the choice whose report is being counted in the background (None: none is)
        self._building: tuple[object, ...] | None = None
        self.refresh()

    def _numbers(self) -> None:
        """The «شماره» choices of the period kind: the months or the seasons by name (none for a year)."""
        kind = self.kind.currentData()
        self.number.blockSignals(True)
        self.number.clear()
        if kind == "month":
            for i in range(1, 13):
                self.number.addItem(f"{digits(i)} — {month_name(i)}", i)
            self.number.setCurrentIndex(self._month - 1)
        elif kind == "season":
            for i in range(1, 5):
                self.number.addItem(f"{digits(i)} — {season_text(i)}", i)
            self.number.setCurrentIndex((self._month - 1) // 3)
        else:
            self.number.addItem("—", 1)
        self.number.setEnabled(kind != "year")
        self.number.blockSignals(False)

    def scope_text(self, isolate: bool = False) -> str:
        """Which centre the report is about, as its exports say; with `isolate` (the PDF) its name
        is kept whole, so a Persian name in the English sentence does not pull the code into it."""
        if not self.centre.currentData():
            return QCoreApplication.translate("Library", "همه مراکز")
        name = text_digits(self.centre.currentText())
        return QCoreApplication.translate("Library", "مرکز: {c} ({code})").format(
            c=isolated(name) if isolate else name, code=digits(self.centre.currentData()))

    def bounds(self) -> tuple[str, tuple]:  # type: ignore[type-arg]
        kind = self.kind.currentData()
        year, n = self.year.value(), int(self.number.currentData() or 1)
        if kind == "season":
            n = min(n, 4)
        return period_title(kind, year, n), rep.period_bounds(kind, year, n)

    def chosen(self) -> tuple[object, ...]:
        """What the controls ask for: the kind of period, the year, its month or season, the centre."""
        return self.kind.currentData(), self.year.value(), self.number.currentData(), self.centre.currentData()

    def shown(self) -> None:
        """Build the report again if it is not of the period and centre chosen now (they were
        changed without «نمایش»): what is exported is what the heading names. (The export buttons
        count them in the background first; this is for a caller that does not.)"""
        if self._built != self.chosen():
            label, (start, end) = self.bounds()
            centre = self.centre.currentData() or None
            self._show(self.chosen(), label, start, end, centre, _count(self.ctx.store, self.ctx.actor, start, end, centre))

    def refresh(self, then: Callable[[], object] | None = None) -> None:
        """Count the period's figures off the GUI thread (`ctx.tasks`: a year of a province's two
        million loans takes many seconds), then show them and run `then` (an export waiting for
        them). A build overtaken by a newer choice is not shown."""
        chosen = self.chosen()
        self._building = chosen
        label, (start, end) = self.bounds()
        centre = self.centre.currentData() or None
        store, actor = self.ctx.store, self.ctx.actor
        self.busy.show()
        for button in self.exports:
            button.setEnabled(False)

        def settled() -> bool:
            if self._building != chosen:  # the controls changed meanwhile: their own build follows
                return False
            self._building = None
            self.busy.hide()
            for button in self.exports:
                button.setEnabled(True)
            return True

        def done(figures: _Figures) -> None:
            if settled():
                self._show(chosen, label, start, end, centre, figures)
                if then is not None:
                    then()

        def failed(exc: BaseException) -> None:
            settled()
            raise exc

        self.ctx.tasks.run(lambda: _count(store, actor, start, end, centre), on_done=done, on_error=failed)

    def _show(self, chosen: tuple[object, ...], label: str, start: date, end: date, centre: str | None,
              figures: _Figures) -> None:
        self._built = chosen
        self.for_centre = centre
        self.popular, self.ages, self.active = figures.popular, figures.ages, figures.active
        self.active_centres, self.overdue = figures.active_centres, figures.overdue
        self.period_label.setText(QCoreApplication.translate("Library", "دوره: {p} ({a} تا {b})").format(
            p=label, a=text_digits(persian.format_jalali_date(start)), b=text_digits(persian.format_jalali_date(end))))
        self.rate.setText(QCoreApplication.translate(
            "Library", "امانت‌های دوره: {n} — با دیرکرد: {late} — گم‌شده نزد عضو: {lost} — نرخ دیرکرد: {r}٪").format(
            n=digits(self.overdue.loans), late=digits(self.overdue.late), lost=digits(self.overdue.lost),
            r=digits(round(self.overdue.rate * 100))))
        for view, chart in ((self.popular_view, popular_chart(self.popular)), (self.age_view, age_chart(self.ages))):
            view.setChart(chart)
        readers = self.active
        if self.named():
            self.readers.setModel(ListModel([QCoreApplication.translate("Library", "عضو فعال"), QCoreApplication.translate("Library", "شماره عضویت"), QCoreApplication.translate("Library", "امانت")], lambda: readers,
                                            lambda c: [c.label, digits(c.detail), c.count]))
        else:  # a manager: how much was read, under membership numbers, not the children's names
            self.readers.setModel(ListModel([QCoreApplication.translate("Library", "شماره عضویت عضو فعال"), QCoreApplication.translate("Library", "امانت")], lambda: readers,
                                            lambda c: [digits(c.detail), c.count]))
        centres = self.active_centres
        # every centre ranked, whichever one is chosen: said so when one is
        head = (QCoreApplication.translate("Library", "مرکز فعال (همه مراکز)") if centre
                else QCoreApplication.translate("Library", "مرکز فعال"))
        self.centres.setModel(ListModel([head, QCoreApplication.translate("Library", "امانت"), QCoreApplication.translate("Library", "اعضای امانت‌گیرنده")], lambda: centres,
                                        lambda c: [c.label, c.count, digits(c.detail)]))

    def named(self) -> bool:
        """Whether the active readers are shown by name: to a librarian (or an admin), not to a
        manager (`rep.active_readers` leaves the names out for them)."""
        return self.ctx.actor.has(*LIBRARIAN)

    def tables(self) -> list[tuple[str, list[str], list[list[object]]]]:
        return [
            (QCoreApplication.translate("Library", "پرامانت‌ترین عنوان‌ها"), [QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "نویسنده"), QCoreApplication.translate("Library", "امانت")],
             [[c.label, c.detail, c.count] for c in self.popular]),
            (QCoreApplication.translate("Library", "امانت به تفکیک گروه سنی"), [QCoreApplication.translate("Library", "گروه سنی"), QCoreApplication.translate("Library", "امانت")], [[age_group_text(c.label) or QCoreApplication.translate("Library", "بی‌گروه سنی"), c.count]
              for c in self.ages]),
            (QCoreApplication.translate("Library", "اعضای فعال"), [QCoreApplication.translate("Library", "عضو"), QCoreApplication.translate("Library", "شماره عضویت"), QCoreApplication.translate("Library", "امانت")],
             [[c.label, c.detail, c.count] for c in self.active]) if self.named() else
            (QCoreApplication.translate("Library", "اعضای فعال"), [QCoreApplication.translate("Library", "شماره عضویت"), QCoreApplication.translate("Library", "امانت")],
             [[c.detail, c.count] for c in self.active]),
            (QCoreApplication.translate("Library", "مراکز فعال (همه مراکز)") if self.for_centre
             else QCoreApplication.translate("Library", "مراکز فعال"),
             [QCoreApplication.translate("Library", "مرکز"), QCoreApplication.translate("Library", "امانت"), QCoreApplication.translate("Library", "اعضا")],
             [[c.label, c.count, c.detail] for c in self.active_centres]),
        ]

    @staticmethod
    def note_text() -> str:
        """What the overdue rate, the age groups and a centre's loans count, said under the figures; and
        that a voided loan is in none of them."""
        return QCoreApplication.translate(
            "Library", "نرخ دیرکرد: از امانت‌های این دوره، آن‌ها که پس از سررسید (با تمدیدها) بازگشتند یا امروز "
            "از سررسید گذشته و هنوز نزد عضوند؛ کتاب گم‌شده نزد عضو جدا شمرده می‌شود. گروه سنی، گروه سنی کتاب "
            "است؛ هر امانت به نام مرکزی است که کتاب را امانت داد، هر جا بازگردانده شود. امانت باطل‌شده (یک "
            "نسخه که دو مرکز جدا از هم امانت داده بودند و امانت نادرست باطل شد) در هیچ‌یک از این رقم‌ها "
            "شمرده نمی‌شود.")

    def figures(self) -> list[list[object]]:
        """The period's headline figures, as the line above the charts gives them (the rate in
        whole per cent)."""
        o = self.overdue
        return [[QCoreApplication.translate("Library", "امانت‌های دوره"), o.loans],
                [QCoreApplication.translate("Library", "با دیرکرد"), o.late],
                [QCoreApplication.translate("Library", "گم‌شده نزد عضو"), o.lost],
                [QCoreApplication.translate("Library", "نرخ دیرکرد (درصد)"), round(o.rate * 100)]]

    def export_pdf(self, path: Path) -> Path:
        return to_pdf(self.report_html(), path, rtl=right_to_left())

    def report_html(self) -> str:
        """The printed report as the secretariat's looks: the office's heading, the title and period
        centred, the centre it is about with the day it was made, the figures and tables — in the
        interface's words, digits and direction."""
        self.shown()
        label, _ = self.bounds()
        office = get_office(self.ctx.store)
        office_heading = text_digits(office.heading or office.name) if office else ""
        title = QCoreApplication.translate("Library", "گزارش امانت کتابخانه‌ها")
        made = QCoreApplication.translate("Library", "تهیه‌شده در {day}").format(
            day=text_digits(persian.format_jalali_date(today())))
        body = (f'<p align="center"><b>{esc(office_heading)}</b></p>'
                f'<h2 align="center">{esc(title)} — {esc(label)}</h2>'
                f'<p><b>{esc(self.scope_text(isolate=True))}</b> '
                f'<span style="color:#555555; font-size:9pt">— {esc(made)}</span></p>'
                f"<p>{esc(self.rate.text())}</p>"
                f'<p style="color:#555555; font-size:9pt">{esc(self.note_text())}</p>')
        for title, headers, rows in self.tables():
            # in the reader's direction: the English report reads from the left in Latin digits
            body += f"<h3>{esc(title)}</h3>" + html_table(headers, rows, rtl=right_to_left())  # type: ignore[arg-type]
        return body

    def export_xlsx(self, path: Path) -> Path:
        self.shown()
        headers: list[str] = []
        rows: list[list[object]] = []
        figures = (QCoreApplication.translate("Library", "شاخص‌ها"),
                   [QCoreApplication.translate("Library", "شاخص"), QCoreApplication.translate("Library", "مقدار")],
                   self.figures())
        for title, head, body in [figures, *self.tables()]:
            rows.append([title])
            rows.append(list(head))
            rows.extend(body)
            if body is figures[2]:  # what the figures count, under them as on the screen
                rows.append([self.note_text()])
            rows.append([])
        rep.export_xlsx(path, headers or [self.period_label.text(), self.scope_text()], rows,
                        title=QCoreApplication.translate("Library", "گزارش"), right_to_left=right_to_left())
        return path

    def _save(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "خروجی"), f"report.{kind}", f"*.{kind}")
        if not name:
            return
        export = self.export_pdf if kind == "pdf" else self.export_xlsx
        if self._built != self.chosen():  # the controls changed since: the figures they name first
            self.refresh(then=lambda: save_to(self, Path(name), export))
        else:
            save_to(self, Path(name), export)
