"""The conflict inbox: open conflicts, both facts side by side, one button per resolution."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import persian
from ..services import conflicts
from ..services.numbers import format_tracking_code
from .conflict_words import HIDDEN_FIELDS, event_title, field_order, field_title, value_text
from .context import UiContext
from .drafts import FormDraft, draft_key
from .errors import error_text
from .widgets import NOTICE_STYLE, digits, isolated, text_digits

#: A letter of any script: a value with one is text (a name, a title, a barcode «B0001», a user name).
_LETTER = re.compile(r"[^\W\d_]")
#: Fields that hold a barcode (or name a copy by it): its digits are those on its label, as the
#: lending pages show them (typed or scanned back as they are).
_BARCODE_FIELDS = frozenset({"barcode", "copy_id"})


def number_text(text: str) -> str:
    """A value as the inbox shows it. A number or code of digits alone — a membership or
    registration number, a tracking or letter number, a national ID, a phone, a centre's code —
    reads in the interface's digits, as on the members' and the cases' pages (kept left to right
    when it has a separator: «۱۴۰۳-۰۰۱۲»); text with letters as `text_digits` gives it."""
    if not text or _LETTER.search(text) or not re.search(r"[0-9]", text):
        return text_digits(text)
    shown = digits(text)
    return shown if shown.isdigit() else f"\u2066{shown}\u2069"


#: Fields that hold a number of the office's own, shown as its page shows it (`code_text`).
_CODE_FIELDS = frozenset({"registration_no", "letter_no", "member_no"})
#: (marks a value shown as it is, in `ConflictInbox._fact_html`; never shown)
_AS_TYPED = "\x00"


def code_text(code: str) -> str:
    """A registration, letter or membership number as the cases' and members' pages show it: every
    digit in the interface's, kept left to right («۱۳-D۰۱-۱۴۰۴-۰۰۰۰۰۲»)."""
    return f"\u2066{digits(code)}\u2069" if code else code


def tracking_text(code: str) -> str:
    """A case's tracking code as its page shows it: in four groups, in the interface's digits (the
    groups joined by no-break spaces: a line of the list that wraps does not break the code)."""
    return code_text(format_tracking_code(code).replace(" ", "\u00a0"))


def subject_text(c: conflicts.ConflictView) -> str:
    """What a conflict is about, shown: a copy's (or a loan's) barcode as on its label, a user name
    as typed, a member's number or a case's code in the interface's digits (`number_text`)."""
    if c.aggregate_type in ("copy", "loan", "user"):
        return text_digits(c.subject)
    if c.aggregate_type == "case":
        return tracking_text(c.subject)
    return number_text(c.subject)


class ConflictInbox(QWidget):
    """Open conflicts; both facts side by side; one button per resolution that makes sense."""

    #: the lines of a fact in view at least, however small the window (the page scrolls)
    FACT_LINES = 7

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        #: every open conflict (the list's lines, without their facts), and those the filters let through
        self.all_items: list[conflicts.ConflictView] = []
        self.items: list[conflicts.ConflictView] = []
        #: office and centre code → name (the filters and the decision for several)
        self.names: dict[str, str] = {}
        #: the conflict shown, with its facts (read when it is selected)
        self.shown: conflicts.ConflictView | None = None
        #: What each choice of the conflict shown does, as its label says (the confirmation repeats it).
        self.explained: dict[str, str] = {}
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        # after a week offline there are hundreds: one kind, one centre, or one book or child found
        filters = QVBoxLayout()  # (one above the other: each reads whole at a third of a small screen)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("conflict-kind")
        self.kind_filter.setAccessibleName(self.tr("نوع ناسازگاری"))
        self.centre_filter = QComboBox()
        self.centre_filter.setObjectName("conflict-centre")
        self.centre_filter.setAccessibleName(self.tr("دفتر یا مرکز"))
        for combo in (self.kind_filter, self.centre_filter):  # a long title does not widen the list
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.centre_filter)
        left.addLayout(filters)
        self.search = QLineEdit()
        self.search.setObjectName("conflict-search")
        self.search.setPlaceholderText(self.tr("جست‌وجو: بارکد، نام عضو، شماره یا نام کاربری (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        left.addWidget(self.search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(self.search.setFocus)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.fill_list())
        self.centre_filter.currentIndexChanged.connect(lambda _i: self.fill_list())
        self.search.textChanged.connect(lambda _t: self.fill_list())
        self.list = QListWidget()
        self.list.setObjectName("conflict-list")
        # a title longer than the list is wide goes on to more lines, its time in view (a small
        # screen's third of the page cut them all after the same words, and scrolled sideways)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self.show_conflict)
        # several alike decided at once (Shift or Ctrl with a click or the arrows, Ctrl+A the list
        # as filtered): the fact recorded at one office or centre is the right one in each
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._update_many)
        left.addWidget(self.list, 1)
        self.many = QWidget()
        self.many.setObjectName("conflict-many")
        many = QVBoxLayout(self.many)
        many.setContentsMargins(0, 0, 0, 0)
        self.many_label = QLabel()
        self.many_label.setWordWrap(True)
        many.addWidget(self.many_label)
        self.many_office = QComboBox()
        self.many_office.setObjectName("conflict-many-office")
        self.many_office.setAccessibleName(self.tr("دفتر یا مرکزی که رویدادش درست است"))
        self.many_office.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.many_office.setMinimumContentsLength(12)
        many.addWidget(self.many_office)
        self.many_button = QPushButton(self.tr("ثبت برای همه گزیده‌ها"))
        self.many_button.setObjectName("resolve-many")
        self.many_button.clicked.connect(self.resolve_selected)
        many.addWidget(self.many_button)
        self.many.setVisible(False)
        left.addWidget(self.many)
        self.count = QLabel()
        self.count.setObjectName("conflict-count")
        left.addWidget(self.count)
        # the list as filtered, on paper or in a sheet (to share out the work, or to keep)
        out = QHBoxLayout()
        self.print_button = QPushButton(self.tr("چاپ فهرست"))
        self.print_button.setObjectName("conflict-print")
        self.print_button.clicked.connect(self.print_list)
        self.export_button = QPushButton(self.tr("خروجی اکسل"))
        self.export_button.setObjectName("conflict-export")
        self.export_button.clicked.connect(self.export_dialog)
        out.addWidget(self.print_button)
        out.addWidget(self.export_button)
        left.addLayout(out)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        right.addWidget(self.title)
        # the two facts, the note and the resolutions: shown while a conflict is selected
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        facts = QHBoxLayout()
        self.fact_boxes: list[QTextBrowser] = []
        self.fact_groups: list[QGroupBox] = []
        for caption in self._captions():
            box = QGroupBox(caption)
            self.fact_groups.append(box)
            inner = QVBoxLayout(box)
            browser = QTextBrowser()
            # room for a fact's first lines (what, where, who, when, which desk) whatever the
            # window: at 150 % (a 1366x768 laptop has 911x480) the resolutions' rows took the page
            # and each fact was two lines in a box of its own; now the page scrolls to them
            browser.setMinimumHeight(self.FACT_LINES * browser.fontMetrics().lineSpacing()
                                     + 2 * (browser.frameWidth() + round(browser.document().documentMargin())))
            inner.addWidget(browser)
            self.fact_boxes.append(browser)
            facts.addWidget(box)
        detail.addLayout(facts, 1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("توضیح تصمیم (اختیاری)"))
        detail.addWidget(self.note)
        # the note belongs to the conflict shown: kept on disk as it is typed, one per conflict
        # (`show_conflict` switches it), so a log-out or a crash loses none of it
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, "conflict-"), {"note": self.note}, self)
        # one row per resolution the conflict's kind offers: its button, and what it does
        self.buttons = QVBoxLayout()
        detail.addLayout(self.buttons)
        right.addWidget(self.detail, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        right.addStretch(0)
        layout.addLayout(right, 2)
        ctx.bus.changed.connect(lambda _area: self.reload())
        self.reload()

    def current_id(self) -> str | None:
        """The conflict shown, if any."""
        row = self.list.currentRow()
        return self.items[row].id if 0 <= row < len(self.items) else None

    def reload(self) -> None:
        """Read the open conflicts again, the one being read (and its note) kept in view while it
        is still open (a reload follows any change at the desk: a loan, a sync round). The list's
        lines only: the facts are read for the one shown (`show_conflict`)."""
        try:
            self.all_items = conflicts.list_conflicts(self.ctx.store, self.ctx.actor, detail=False)
            names = conflicts.office_names(self.ctx.store)
        except Exception as exc:  # a refusal (role) shows as text, never a crash
            self.message.setText(error_text(exc))
            self.all_items, names = [], {}
        self.names = names
        self._fill_filters(names)
        self.fill_list()

    def _fill_filters(self, names: dict[str, str]) -> None:
        """The kinds and the offices of the open conflicts, each with how many; the choice kept."""
        kinds: dict[str, int] = {}
        offices: dict[str, int] = {}
        for c in self.all_items:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
            for code in c.offices:
                offices[code] = offices.get(code, 0) + 1
        def kind_label(kind: str) -> str:
            return QCoreApplication.translate("Errors", conflicts.KIND_TITLES.get(kind) or kind)

        def office_label(code: str) -> str:
            return f"{names[code]} ({code})" if names.get(code) else code

        for combo, everything, counts, label in (
                (self.kind_filter, self.tr("همه انواع"), kinds, kind_label),
                (self.centre_filter, self.tr("همه دفترها و مرکزها"), offices, office_label)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(f"{everything} ({digits(len(self.all_items))})", None)
            for key in sorted(counts, key=lambda k: (-counts[k], k)):
                combo.addItem(f"{number_text(label(key))} ({digits(counts[key])})", key)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self.kind_filter.setVisible(bool(self.all_items))
        self.centre_filter.setVisible(bool(self.all_items))
        self.search.setVisible(bool(self.all_items))

    def _passes(self, c: conflicts.ConflictView) -> bool:
        kind, office = self.kind_filter.currentData(), self.centre_filter.currentData()
        words = persian.search_key(self.search.text())  # as the subject is keyed: «کتاب ها», «كتابها»
        if kind is not None and c.kind != kind:
            return False
        if office is not None and office not in c.offices:
            return False
        subject = persian.search_key(c.subject)
        return not words or all(w in subject or w in subject.replace(" ", "") for w in words.split())

    def fill_list(self) -> None:
        """The conflicts the filters let through; the one shown stays, or (decided, or filtered
        out) the one that came after it."""
        shown, row = self.current_id(), self.list.currentRow()
        self.items = [c for c in self.all_items if self._passes(c)]
        self.list.blockSignals(True)
        self.list.clear()
        self.list.setCurrentRow(-1)
        for c in self.items:
            about = f" — {isolated(subject_text(c))}" if c.subject else ""  # two of one kind told apart
            self.list.addItem(QListWidgetItem(
                f"{QCoreApplication.translate('Errors', c.title)}{about} — "
                f"{text_digits(persian.format_jalali_datetime(c.raised_at))}"))
        self.list.blockSignals(False)
        self.detail.setVisible(bool(self.items))
        self.list.setVisible(bool(self.all_items))
        self.print_button.setVisible(bool(self.items))
        self.export_button.setVisible(bool(self.items))
        self.count.setText(self.tr("%1 از %2 ناسازگاری باز").replace("%1", digits(len(self.items)))
                           .replace("%2", digits(len(self.all_items))) if self.all_items else "")
        if self.items:
            # the one shown, or (resolved, or resolved elsewhere) the one that came next in the list:
            # working down a long inbox does not start again at its top after each decision
            ids = [c.id for c in self.items]
            self.list.setCurrentRow(ids.index(shown) if shown in ids else min(max(row, 0), len(ids) - 1))
        else:
            self.shown = None
            self.draft.switch(draft_key(self.ctx.actor.user_id, "conflict-"))  # (none: the last one's kept)
            self.title.setText(self.tr("ناسازگاری بازی نیست.") if not self.all_items
                               else self.tr("ناسازگاری بازی با این گزینش نیست."))
            for b in self.fact_boxes:
                b.clear()
            self._set_buttons(None)

    def _fact_html(self, fact: conflicts.Fact) -> str:
        """One fact as a person reads it: what, where, who, when, then its fields with their
        Persian names and readable values (a copy by its barcode, a member by name and number)."""
        office = f"{fact.office_name} ({fact.office_code})" if fact.office_name else fact.office_code
        rows = [(self.tr("رویداد"), event_title(fact.type, fact.payload)), (self.tr("دفتر"), office),
                (self.tr("کاربر"), self.user_text(fact, office)),
                (self.tr("زمان ثبت"), persian.format_jalali_datetime(fact.recorded_at))]
        if fact.refs.get("account"):  # a change to an account: whose
            rows.append((self.tr("حساب کاربری"), fact.refs["account"]))
        if fact.refs.get("case_id") and "case_id" not in fact.payload:  # the case a step is of (a letter's)
            rows.append((field_title("case_id"), tracking_text(fact.refs["case_id"])))
        for key, value in sorted(fact.payload.items(), key=lambda kv: field_order(kv[0])):
            if key in HIDDEN_FIELDS or (key == "office_code" and value == fact.office_code):
                continue  # (the office is the row above)
            text = fact.refs.get(key) or value_text(key, value)
            # a barcode as on its label, a user name as typed; a case by its tracking code and a
            # number (registration, letter, membership) as their pages show them; the rest below
            if key in _BARCODE_FIELDS or key == "username":
                text = _AS_TYPED + text
            elif key == "case_id" and fact.refs.get(key):
                text = tracking_text(text)
            elif key in _CODE_FIELDS and isinstance(value, str) and value:
                text = code_text(value)
            rows.append((field_title(key), text))
        decided = fact.payload.get("conflict") if fact.type == "conflict.resolved" else None
        if isinstance(decided, dict) and isinstance(decided.get("kind"), str):
            # a decision of another desk: what it meant for the conflict it decided (its two facts
            # are named under the title), not a bare «رویداد نخست درست است»
            meant = QCoreApplication.translate(
                "Errors", conflicts.explanation(decided["kind"], str(fact.payload.get("resolution", ""))))
            rows.append((self.tr("یعنی"), re.sub(r"\{\w+\}", "…", meant)))
        shown = [(k, v[len(_AS_TYPED):] if v.startswith(_AS_TYPED) else number_text(v)) for k, v in rows]
        shown.insert(4, (self.tr("دستگاه"), self.device_text(fact.device_id)))  # (its code keeps its digits)
        body = "".join(f"<tr><th align='right'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in shown)
        direction = "rtl" if self.isRightToLeft() else "ltr"
        return f"<div dir='{direction}'><table cellpadding='3'>{body}</table></div>"

    def user_text(self, fact: conflicts.Fact, office: str) -> str:
        """Who recorded a fact: their name, or — a user of another office, whose account is not on
        this desk (an office's users stay in it) — «کاربر دفتر …» with that office's name and
        code, never the bare end of an id."""
        if fact.user_name:
            return fact.user_name
        return self.tr("کاربر دفتر {office}").replace("{office}", office)

    def device_text(self, device_id: str) -> str:
        """Which desk recorded a fact: «همین دستگاه», or another by the last four characters of its
        device id (a desk keeps no other desk's name; `kanoon-desk server devices` lists each id
        with the name it was given)."""
        if self.ctx.store.is_initialised and device_id == self.ctx.store.identity.device_id:
            return self.tr("همین دستگاه")
        return self.tr("دستگاهی دیگر (%1)").replace("%1", device_id[-4:])

    def show_conflict(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        try:  # its facts, read now (the list holds only what its lines say)
            c = conflicts.conflict(self.ctx.store, self.ctx.actor, self.items[row].id)
        except Exception as exc:
            self.message.setText(error_text(exc))
            return
        self.shown = c
        self.draft.switch(draft_key(self.ctx.actor.user_id, f"conflict-{c.id}"))
        self.title.setText("\n".join([QCoreApplication.translate("Errors", c.title), *self._decided_twice(c)]))
        for group, caption in zip(self.fact_groups, self._captions(c), strict=True):
            group.setTitle(caption)
        for i, box in enumerate(self.fact_boxes):
            box.setHtml(self._fact_html(c.facts[i]) if i < len(c.facts) else "")
        if c.kind == conflicts.ACTED_AFTER_ROLE_TAKEN:  # the change, then every step recorded after it
            self.fact_boxes[1].setHtml(self._steps_html(c.facts[1:]))
        self._set_buttons(c)

    def _captions(self, c: conflicts.ConflictView | None = None) -> tuple[str, str]:
        if c is not None and c.kind == conflicts.ACTED_AFTER_ROLE_TAKEN:
            return (self.tr("تغییر حساب کاربر"),
                    self.tr("ثبت‌شده پس از آن در میزی که خبر نداشت (%1)").replace("%1", digits(len(c.facts) - 1)))
        return self.tr("رویداد نخست"), self.tr("رویداد دوم")

    def _steps_html(self, steps: tuple[conflicts.Fact, ...] | list[conflicts.Fact]) -> str:
        """A user's steps, one paragraph each: what (a review: accepted, or rejected and why), then
        on what (a case by its tracking code, a copy by its barcode), when and on which desk. (Not a
        table: its narrow columns broke a tracking code across lines.)"""
        paragraphs = []
        for f in steps:
            what = event_title(f.type, f.payload)
            if f.type == "case.reviewed":
                what += " — " + (QCoreApplication.translate("Secretariat", "پذیرفته شد")
                                 if f.payload.get("decision") == "accept" else
                                 QCoreApplication.translate("Secretariat", "رد شد: ") + str(f.payload.get("reason", "")))
            about = (tracking_text(f.refs.get("case_id") or "") or text_digits(f.refs.get("copy_id") or "")
                     or number_text(f.refs.get("member_id") or ""))
            when = text_digits(persian.format_jalali_datetime(f.recorded_at))
            line = " — ".join(escape(x).replace(" ", "&nbsp;") for x in (about, when) if x)
            paragraphs.append(f"<p><b>{escape(text_digits(what))}</b><br>{line} — {escape(self.device_text(f.device_id))}</p>")
        direction = "rtl" if self.isRightToLeft() else "ltr"
        return f"<div dir='{direction}'>{''.join(paragraphs)}</div>"

    def _decided_twice(self, c: conflicts.ConflictView) -> list[str]:
        """For a conflict decided on two desks: which conflict that was and its two facts, so that
        each decision's «first» and «second» read as the loans, members or accounts they meant
        (that conflict is closed and out of the list)."""
        decided_id = c.summary.get("conflict_id") if c.kind == "conflict.resolved_twice" else None
        if not isinstance(decided_id, str):
            return []
        try:
            decided = conflicts.conflict(self.ctx.store, self.ctx.actor, decided_id)
        except Exception:  # (not on this desk: the decisions' own rows still say what they chose)
            return []
        about = f" — {isolated(subject_text(decided))}" if decided.subject else ""
        lines = [self.tr("ناسازگاری دوبار حل‌شده: %1").replace(
            "%1", QCoreApplication.translate("Errors", decided.title) + about)]
        for caption, fact in zip((self.tr("رویداد نخست آن"), self.tr("رویداد دوم آن")), decided.facts, strict=False):
            office = f"{fact.office_name} ({fact.office_code})" if fact.office_name else fact.office_code
            who = number_text(fact.refs.get("member_id") or "") or str(
                fact.payload.get("username") or tracking_text(fact.refs.get("case_id") or "") or "")
            parts = [event_title(fact.type, fact.payload), office, *([isolated(who)] if who else [])]
            lines.append(f"{caption}: {text_digits(' — '.join(parts))}")
        return lines

    def list_headers(self) -> list[str]:
        return [self.tr("ناسازگاری"), self.tr("درباره"), self.tr("دفترها و مرکزها"), self.tr("زمان")]

    def list_rows(self, *, sheet: bool = False) -> list[list[str]]:
        """The list as filtered, a row a conflict: what, about what, where its facts were recorded,
        when it was met. On paper what it is about reads as on screen (a member's number in the
        interface's digits); in a `sheet` as stored, to be sorted and looked up (as the other
        lists' sheets keep the membership numbers)."""
        return [[QCoreApplication.translate("Errors", c.title), c.subject if sheet else subject_text(c),
                 QCoreApplication.translate("ConflictInbox", "، ").join(self._office_text(o) for o in c.offices),
                 text_digits(persian.format_jalali_datetime(c.raised_at))] for c in self.items]

    def list_html(self) -> str:
        """The printed list: its heading names the choice it was printed with."""
        from .printing import html_table, wrap_page

        rtl = self.isRightToLeft()
        heading = " — ".join(escape(combo.currentText()) for combo in (self.kind_filter, self.centre_filter))
        if self.search.text().strip():
            heading += " — " + escape(self.search.text().strip())
        return wrap_page(f"<h3>{escape(self.tr('ناسازگاری‌های باز'))}</h3><p>{heading}</p>"
                         + html_table(self.list_headers(), self.list_rows(), rtl), rtl)

    def print_list(self) -> None:
        from .printing import print_dialog

        print_dialog(self, self.list_html(), self.isRightToLeft())

    def export(self, path: Path) -> int:
        from ..services import library_reports

        rows: list[list[object]] = [list(row) for row in self.list_rows(sheet=True)]
        library_reports.export_xlsx(path, self.list_headers(), rows, title=self.tr("ناسازگاری‌ها"),
                                    right_to_left=self.isRightToLeft())
        return len(rows)

    def export_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from .saving import save_to

        name, _ = QFileDialog.getSaveFileName(self, self.tr("خروجی اکسل"), "conflicts.xlsx", "Excel (*.xlsx)")
        if name:
            save_to(self, Path(name), self.export)

    def selected(self) -> list[conflicts.ConflictView]:
        """The conflicts selected in the list, in its order."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self.items[r] for r in rows if 0 <= r < len(self.items)]

    def _office_text(self, code: str) -> str:
        return number_text(f"{self.names[code]} ({code})" if self.names.get(code) else code)

    def _update_many(self) -> None:
        """With several selected: the offices and centres their facts were recorded at, to say
        whose is right in all of them."""
        chosen = self.selected()
        self.many.setVisible(len(chosen) > 1)
        if len(chosen) < 2:
            return
        counts: dict[str, int] = {}
        for c in chosen:
            for code in c.offices:
                counts[code] = counts.get(code, 0) + 1
        kept = self.many_office.currentData()
        self.many_office.clear()
        for code in sorted(counts, key=lambda k: (-counts[k], k)):
            self.many_office.addItem(self.tr("رویداد %1 درست است").replace("%1", self._office_text(code)), code)
        self.many_office.setCurrentIndex(max(self.many_office.findData(kept), 0))
        self.many_label.setText(self.tr("%1 ناسازگاری گزیده شده است. در هر یک رویدادی درست است که در این دفتر "
                                        "یا مرکز ثبت شد؛ رویداد دیگر همان‌گونه کنار می‌رود که با دکمه خود آن "
                                        "ناسازگاری.").replace("%1", digits(len(chosen))))

    def ask_many(self, count: int, choice: str) -> bool:
        """Decide `count` conflicts alike? Not taken back, so asked first, «No» by default (tests
        replace this method)."""
        question = self.tr("برای %1 ناسازگاری گزیده «%2» ثبت شود؟").replace("%1", digits(count)).replace("%2", choice)
        warning = self.tr("هر یک جداگانه بررسی می‌شود و آن‌که پذیرفته نشود باز می‌ماند. تصمیم ثبت‌شده به همه میزها "
                          "می‌رسد و پس گرفته نمی‌شود.")
        answer = QMessageBox.question(
            self, self.tr("ثبت تصمیم"), f"{question}\n\n{warning}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def resolve_selected(self) -> None:
        """The fact of the office chosen is right in each selected conflict: each decided as its
        own button would, those refused left open and named with why."""
        chosen, office = self.selected(), self.many_office.currentData()
        if len(chosen) < 2 or not isinstance(office, str):
            return
        if not self.ask_many(len(chosen), self.many_office.currentText()):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # (a few seconds for a couple of hundred)
        try:
            result = conflicts.resolve_many(self.ctx.store, self.ctx.actor, [c.id for c in chosen], office,
                                            self.note.text())
        except Exception as exc:
            self.message.setText(error_text(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        by_id = {c.id: c for c in chosen}
        done, refused = len(result.done), len(result.refused)
        lines = [QCoreApplication.translate("ConflictInbox", "%Ln ناسازگاری حل شد و با همگام‌سازی بعدی به دیگر میزها می‌رسد.", None, done)]
        if refused:
            lines.append(QCoreApplication.translate("ConflictInbox", "%Ln ناسازگاری باز ماند:", None, refused))
            for conflict_id, why in result.refused[:8]:
                c = by_id[conflict_id]
                about = isolated(subject_text(c)) if c.subject else QCoreApplication.translate("Errors", c.title)
                lines.append(f"• {about}: {error_text(why)}")
            if len(result.refused) > 8:
                lines.append("…")
        if result.done:
            self.note.clear()
            self.ctx.bus.changed.emit("sync")
        self.message.setText("\n".join(lines))

    def _set_buttons(self, c: conflicts.ConflictView | None) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.note.setVisible(c is None or conflicts.may_resolve(self.ctx.actor, c.kind, c.summary))
        if c is None:
            return
        if not conflicts.may_resolve(self.ctx.actor, c.kind, c.summary):
            # a member's conflict shown to a manager: the child is not, so the decision is not theirs
            # (the service refuses it too); said where the buttons would be, with who decides
            not_yours = QLabel(QCoreApplication.translate("Errors", conflicts.MSG_MEMBER_RESOLVER))
            not_yours.setObjectName("conflict-not-yours")
            not_yours.setWordWrap(True)
            not_yours.setStyleSheet(NOTICE_STYLE)
            self.buttons.addWidget(not_yours)
            return
        explanations = c.explanations or tuple(conflicts.explanation(c.kind, code) for code in c.resolutions)
        values = {key: isolated(value) for key, value in c.params.items()}  # (a Latin name in a Persian line)
        self.explained.clear()
        for code, why in zip(c.resolutions, explanations, strict=True):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            button = QPushButton(QCoreApplication.translate("Errors", conflicts.RESOLUTION_TITLES.get(code, code)))
            button.setObjectName(f"resolve-{code}")
            button.setMinimumWidth(170)
            button.clicked.connect(lambda _=False, cid=c.id, rc=code: self.resolve(cid, rc))
            text = QCoreApplication.translate("Errors", why)
            label = QLabel(text.format(**values) if values else text)
            self.explained[code] = label.text()
            label.setObjectName(f"explain-{code}")
            label.setWordWrap(True)
            # room at the line's end: a Persian line with a Latin code in it ({barcode}) was shaped a
            # few pixels wider than it was wrapped for, and its last letters were cut at the edge
            label.setContentsMargins(8, 0, 8, 0)
            line.addWidget(button, 0)
            line.addWidget(label, 1)
            self.buttons.addWidget(row)

    def ask_resolve(self, choice: str, explained: str) -> bool:
        """Record `choice` (its title) for the conflict shown? It cannot be taken back, so it is
        asked first, «No» by default (tests replace this method)."""
        question = self.tr("تصمیم «%1» برای این ناسازگاری ثبت شود؟").replace("%1", choice)
        warning = self.tr("تصمیم ثبت‌شده به همه میزها می‌رسد و پس گرفته نمی‌شود.")
        answer = QMessageBox.question(
            self, self.tr("ثبت تصمیم"), "\n\n".join(t for t in (question, explained, warning) if t),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def resolve(self, conflict_id: str, resolution: str) -> None:
        """Record the choice, once the person has said yes to it by name."""
        choice = QCoreApplication.translate("Errors", conflicts.RESOLUTION_TITLES.get(resolution, resolution))
        if not self.ask_resolve(choice, self.explained.get(resolution, "")):
            return
        try:
            conflicts.resolve(self.ctx.store, self.ctx.actor, conflict_id, resolution, self.note.text())
        except Exception as exc:
            self.message.setText(error_text(exc))
            return
        self.draft.clear()
        self.note.clear()
        self.message.setText(self.tr("تصمیم ثبت شد و با همگام‌سازی بعدی به دیگر میزها می‌رسد."))
        self.ctx.bus.changed.emit("sync")


def conflict_facts(ctx: UiContext) -> list[tuple[str, str]]:
    """The home page's line about open conflicts, when there are any."""
    n = conflicts.open_count(ctx.store)
    return [(QCoreApplication.translate("SyncPage", "ناسازگاری‌های باز"), digits(n))] if n else []
