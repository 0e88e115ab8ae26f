"""Printed papers of the secretariat as right-to-left HTML for QTextDocument (Qt-free): the intake
receipt, the rejection notice, the letter of the result to the applicant, the forwarding and
follow-up letters, and the report."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from datetime import date
from html import escape as _html_escape

from ..persian import (
    format_jalali_date,
    format_jalali_long,
    format_number,
    script_digits,
    to_ascii_digits,
    to_persian_digits,
)
from .accounts import OfficeView
from .numbers import format_tracking_code, unbroken
from .secretariat_common import today
from .secretariat_followups import FollowUpBatch
from .secretariat_reports import Report, ReportText, agency_headers
from .secretariat_status import OUTCOME_FA

#: The chart's width on an A4 page (QTextDocument lays images out at 96 px an inch: 170 mm).
CHART_WIDTH = 640

CHANNEL_FA = {"in_person": "حضوری", "post": "پستی", "phone": "تلفنی"}

#: A paragraph's block state (`-qt-user-state`) that keeps it on the page of the paragraph before
#: it when printed (`ui/printing.lay_out_pages`): a letter's signature and stamp.
KEEP_WITH_PREVIOUS = 0x4B57

#: The title a letter's signer signs with, highest role first (the interface's names of the roles:
#: `ui/roles.role_title`; papers are Persian whatever the interface's language).
SIGNER_TITLES = (("manager", "مدیر"), ("expert", "کارشناس بررسی"), ("clerk", "کارمند دبیرخانه"))


def signer_title(roles: str) -> str:
    """The Persian title of the highest secretariat role among `roles` (stored space-separated,
    "clerk expert"); empty when the signer holds none (an admin or a librarian only)."""
    held = set(roles.split())
    return next((title for role, title in SIGNER_TITLES if role in held), "")

_STYLE = ("body{font-family:'Vazirmatn';font-size:11pt;} h1{font-size:15pt;text-align:center;} "
          "h2{font-size:12pt;} td,th{padding:4px;border:1px solid #888;} .ltr{direction:ltr;} "
          ".muted{color:#555;font-size:9pt;}")


def escape(text: str) -> str:
    """HTML-escaped, the digits of Persian text written Persian (the store keeps ASCII digits:
    "کوچه 12" prints "کوچه ۱۲"); codes and Latin text keep theirs (`script_digits`)."""
    return _html_escape(script_digits(text))


def rtl_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, rtl: bool = True,
              names: Callable[[str], str] = script_digits) -> str:
    """A table that reads right to left in QTextDocument: it does not mirror tables, so the
    first column is emitted last (with `rtl` False, a left-to-right one: the report in English).
    `names` writes the digits of the cells' text (`escape`). The header row is repeated on each
    page the table runs onto."""
    def order(cells: Sequence[str]) -> list[str]:
        return list(reversed(cells)) if rtl else list(cells)

    def esc(text: str) -> str:
        return _html_escape(names(text))

    align = "right" if rtl else "left"
    head = "".join(f"<th>{esc(h)}</th>" for h in order(headers))
    body = "".join("<tr>" + "".join(f'<td align="{align}">{esc(c)}</td>' for c in order(r)) + "</tr>"
                   for r in rows)
    # the header row in <thead>: Qt repeats it at the top of each page a long table runs onto
    return f'<table width="100%" cellspacing="0" border="1">' \
           f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _page(office: OfficeView | None, title: str, body: str, *, rtl: bool = True,
          names: Callable[[str], str] = script_digits, contact: bool = False) -> str:
    """A paper: the office's heading, the title, the body. With `contact` (a letter, which goes by
    post), the office's address and phone number under the heading, those it has."""
    direction, align = ("rtl", "right") if rtl else ("ltr", "left")
    heading = "<br/>".join(_html_escape(names(line)) for line in heading_lines(office))
    where = _contact(office) if contact else ""
    return (f'<html><head><meta charset="utf-8"><style>{_STYLE}</style></head>'
            f'<body dir="{direction}"><div dir="{direction}" align="{align}">'
            f'<p align="center"><b>{heading}</b>{where}</p><h1>{_html_escape(names(title))}</h1>{body}</div></body></html>')


def heading_lines(office: OfficeView | None) -> list[str]:
    """The lines at the top of a paper: the heading the admin set, a line each as typed, then the
    office's name (unless a line of the heading already names it); the name alone without one."""
    if office is None:
        return []
    lines = [line.strip() for line in office.heading.splitlines() if line.strip()]
    return lines if any(office.name in line for line in lines) else [*lines, office.name]


def _contact(office: OfficeView | None) -> str:
    """The office's address and phone number as a line under its heading (empty without either)."""
    if office is None:
        return ""
    parts = ([f"نشانی: {escape(office.address)}"] if office.address else []) \
        + ([f"تلفن: {_ltrh(to_persian_digits(office.phone))}"] if office.phone else [])
    return '<br/><span class="muted">' + " — ".join(parts) + "</span>" if parts else ""


def _letter_head(cells: Sequence[tuple[str, str]]) -> str:
    """The block at the top of a letter: its number, its date (and what else it cites), a column each."""
    return rtl_table([caption for caption, _ in cells], [[value for _, value in cells]])


def _addressee(name: str, address: str) -> str:
    """The applicant a letter goes to by post, with the address it goes to."""
    return (f"<p>{escape(name)} گرامی،"
            + (f"<br/>نشانی: {escape(address)}" if address else "") + "</p>")


def _ltr(text: str) -> str:
    """A code or number kept left to right inside Persian text, and whole on one line (`unbroken`)."""
    return f"\u2066{unbroken(text)}\u2069"


def _ltrh(text: str) -> str:
    return escape(_ltr(text))


def _code(text: str) -> str:
    """A tracking code, registration or letter number as the one who reads it types it back:
    Latin digits (an agency's clerk retyped «۱۳-D۰۱-…», Latin letters among Persian digits), one
    left-to-right island kept whole inside the Persian text."""
    return _ltr(to_ascii_digits(text))


def _codeh(text: str) -> str:
    return _html_escape(_code(text))


def receipt_html(office: OfficeView | None, *, tracking_code: str, applicant_name: str, subject: str,
                 received_date: date, channel: str, attachments: int, printed_on: date, portal: str = "") -> str:
    """The intake receipt. How to ask about the request names only what the office has: its phone
    number if it has one, an online look-up (`portal`, its address) if it offers one — never a
    phone call to no number or a portal that does not exist; with neither, the code is what to
    bring or quote."""
    code = _codeh(format_tracking_code(tracking_code))
    rows = [("کد رهگیری", _code(format_tracking_code(tracking_code))), ("متقاضی", applicant_name),
            ("موضوع", subject), ("تاریخ دریافت", format_jalali_date(received_date)),
            ("شیوه دریافت", CHANNEL_FA.get(channel, channel)), ("پیوست‌ها", format_number(attachments))]
    phone = office.phone if office and office.phone else ""
    ways = ([f"در تماس تلفنی با شماره {_ltrh(to_persian_digits(phone))}"] if phone else []) \
        + ([f"در درگاه پیگیری {_ltrh(portal)}"] if portal else [])
    ask = (f"<p>برای آگاهی از وضعیت درخواست، کد رهگیری {code} را {' یا '.join(ways)} اعلام کنید.</p>" if ways
           else f"<p>کد رهگیری {code} را نگه دارید: هر پرسشی درباره این درخواست با همین کد پاسخ داده می‌شود.</p>")
    body = (f'<p align="center"><span style="font-size:16pt; font-weight:bold;">کد رهگیری: '
            f"{code}</span></p>"  # what the applicant will be asked for
            + rtl_table(["عنوان", "شرح"], rows)
            + "<h2>پس از این چه می‌شود؟</h2>"
            "<p>درخواست شما نخست به دست کارشناس بررسی می‌شود؛ اگر پذیرفته شود در دبیرخانه ثبت و برای "
            "رسیدگی به دستگاه اجرایی مربوط فرستاده می‌شود. نتیجه را به شما اعلام می‌کنیم و برای پیگیری "
            "نیازی به مراجعه حضوری نیست.</p>"
            + ask
            + f'<p class="muted">تاریخ چاپ: {format_jalali_long(printed_on)}</p>')
    return _page(office, "رسید دریافت درخواست", body)


def rejection_notice_html(office: OfficeView | None, *, applicant_name: str, tracking_code: str,
                          reason: str, note: str, on: date, reference: str = "", address: str = "",
                          signer: str = "", signer_role: str = "") -> str:
    """The notice that a request was not accepted, sent by post: numbered `reference` (the case's
    registration number, else its tracking code: notices have no series of their own) and dated
    `on`, to the applicant at `address`, signed."""
    ref = reference or format_tracking_code(tracking_code)
    body = (_letter_head([("شماره", _code(ref)), ("تاریخ", format_jalali_date(on))])
            + _addressee(applicant_name, address)
            + f"<p>با سلام، درخواست شما با کد رهگیری {_codeh(format_tracking_code(tracking_code))} بررسی شد و به دلیل "
            f"«{escape(reason)}» پذیرفته نشد.</p>"
            + (f"<p>{escape(note)}</p>" if note else "")
            + _signature(office, signer, signer_role))
    return _page(office, "اعلام نتیجه بررسی درخواست", body, contact=True)


def result_letter_html(office: OfficeView | None, *, applicant_name: str, address: str, tracking_code: str,
                       subject: str, received_date: date, agency_name: str, response_text: str,
                       answered_on: date | None, outcome: str | None, responsible_party: str, text: str,
                       on: date, signer: str = "", reference: str = "", signer_role: str = "") -> str:
    """The letter that tells the applicant how the request ended: the agency's answer (when one
    came), the outcome (when the case is closed), and what the clerk wrote; numbered `reference`
    (the case's registration number, else its tracking code) and dated `on`, the day of the notice."""
    code = _codeh(format_tracking_code(tracking_code))
    ref = reference or format_tracking_code(tracking_code)
    body = (_letter_head([("شماره", _code(ref)), ("تاریخ", format_jalali_date(on))])
            + _addressee(applicant_name, address)
            + "<p>با سلام، درباره درخواست/شکایت شما با موضوع "
            f"«{escape(subject)}» (کد رهگیری {code}) که در تاریخ {format_jalali_date(received_date)} "
            "به این دفتر رسید، به آگاهی می‌رساند:</p>")
    if response_text:
        by = escape(agency_name) if agency_name else "دستگاه اجرایی"
        when = f" در تاریخ {format_jalali_date(answered_on)}" if answered_on else ""
        body += f"<p>پاسخ {by}{when}:</p><blockquote>{escape(response_text)}</blockquote>"
    if outcome:
        body += f"<p>نتیجه رسیدگی: <b>{escape(OUTCOME_FA.get(outcome, outcome))}</b>"
        if outcome == "not_responsible" and responsible_party:
            body += f"؛ رسیدگی به این درخواست بر عهده {escape(responsible_party)} است"
        body += ".</p>"
    if text:
        body += f"<p>{escape(text)}</p>"
    body += (f"<p>برای هر پرسش درباره این درخواست، کد رهگیری {code} را به دفتر اعلام کنید.</p>"
             + _signature(office, signer, signer_role))
    return _page(office, "اعلام نتیجه رسیدگی به درخواست", body, contact=True)


def forwarding_letter_html(office: OfficeView | None, *, agency_name: str, letter_no: str,
                           letter_date: date, deadline: date, registration_no: str, tracking_code: str,
                           applicant_name: str, subject: str, text: str, instruction: str = "",
                           signer: str = "", signer_role: str = "") -> str:
    meta = _letter_head([("شماره نامه", _code(letter_no)), ("تاریخ", format_jalali_date(letter_date)),
                         ("شماره ثبت", _code(registration_no))])
    body = (meta + f"<p>ریاست محترم {escape(agency_name)}</p><p>با سلام و احترام،</p>"
            f"<p>به پیوست درخواست/شکایت {escape(applicant_name)} با موضوع «{escape(subject)}» "
            f"(کد رهگیری {_codeh(format_tracking_code(tracking_code))}) برای رسیدگی فرستاده می‌شود.</p>"
            f"<blockquote>{escape(text)}</blockquote>"
            + (f"<p>{escape(instruction)}</p>" if instruction else "")
            + f"<p>خواهشمند است نتیجه را تا تاریخ <b>{format_jalali_date(deadline)}</b> به این دفتر "
            "اعلام فرمایید.</p>" + _signature(office, signer, signer_role))
    return _page(office, "نامه ارجاع به دستگاه اجرایی", body, contact=True)


def follow_up_letter_html(office: OfficeView | None, *, agency_name: str, letter_no: str, on: date,
                          first_letter_no: str, first_letter_date: date, subject: str,
                          new_deadline: date | None, note: str = "", signer: str = "", signer_role: str = "") -> str:
    body = (_letter_head([("شماره نامه", _code(letter_no)), ("تاریخ", format_jalali_date(on))])
            + f"<p>ریاست محترم {escape(agency_name)}</p><p>با سلام و احترام،</p>"
            f"<p>پیرو نامه شماره {_codeh(first_letter_no)} مورخ "
            f"{format_jalali_date(first_letter_date)} درباره «{escape(subject)}»، پاسخی به این دفتر "
            "نرسیده است.</p>"
            + (f"<p>{escape(note)}</p>" if note else "")
            + (f"<p>خواهشمند است پاسخ را تا تاریخ <b>{format_jalali_date(new_deadline)}</b> اعلام فرمایید.</p>"
               if new_deadline else "")
            + _signature(office, signer, signer_role))
    return _page(office, "نامه پیگیری", body, contact=True)


def follow_up_batch_letter_html(office: OfficeView | None, batch: FollowUpBatch) -> str:
    """One follow-up letter to an agency for several of its late cases, a row each: the case and
    the forwarding letter it follows, with that letter's deadline."""
    rows = [[format_number(i), _code(line.registration_no), line.applicant_name, line.subject,
             _code(line.forward_letter_no), format_jalali_date(line.forward_letter_date),
             format_jalali_date(line.deadline)]
            for i, line in enumerate(batch.lines, 1)]
    body = (_letter_head([("شماره نامه", _code(batch.letter_no)), ("تاریخ", format_jalali_date(batch.day))])
            + f"<p>ریاست محترم {escape(batch.agency_name)}</p><p>با سلام و احترام،</p>"
            f"<p>پیرو نامه‌های ارجاع زیر، پاسخ {format_number(len(batch.lines))} درخواست/شکایت که مهلت "
            "رسیدگی به آن‌ها گذشته است به این دفتر نرسیده است.</p>"
            + rtl_table(["ردیف", "شماره ثبت", "متقاضی", "موضوع", "نامه ارجاع", "تاریخ نامه", "مهلت پاسخ"], rows)
            + (f"<p>{escape(batch.note)}</p>" if batch.note else "")
            + (f"<p>خواهشمند است پاسخ‌ها را تا تاریخ <b>{format_jalali_date(batch.new_deadline)}</b> اعلام فرمایید.</p>"
               if batch.new_deadline else "<p>خواهشمند است دستور فرمایید پاسخ‌ها هرچه زودتر اعلام شود.</p>")
            + _signature(office, batch.user_name, signer_title(batch.user_roles)))
    return _page(office, "نامه پیگیری", body, contact=True)


def join_papers(pages: Sequence[str]) -> str:
    """Several papers (as `_page` makes them) as one document to print, each on its own page."""
    start, end = '<body dir="rtl">', "</body>"
    bodies = [p[p.index(start) + len(start):p.rindex(end)] for p in pages]
    joined = "".join(b if i == 0 else f'<div style="page-break-before: always">{b}</div>'
                     for i, b in enumerate(bodies))
    return f'<html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body dir="rtl">{joined}</body></html>'


def _signature(office: OfficeView | None, signer: str, role: str = "") -> str:
    """The closing of an outgoing letter on the reader's end side (left): who signs, in what role
    (`signer_title`), for which office, and room for the signature and the stamp."""
    lines = [escape(signer)] if signer else []
    if signer and role:
        lines.append(escape(role))
    if office is not None:
        lines.append(escape(office.name))
    lines.append('<span class="muted">امضا و مهر</span>')
    return (f'<p align="left" style="-qt-user-state:{KEEP_WITH_PREVIOUS}"><br/><br/>'
            + "<br/>".join(lines) + "</p>")


def report_number(x: float | int | None, digits: int = 1) -> str:
    """A report's figure in Persian: a count as a whole number ("۴۷", not "۴۷٫۰", even when it is
    an average that came out whole), a fraction with `digits` decimals and the Persian decimal
    separator ("۱۷٫۶"), nothing to show as "—" (`ReportText.number`)."""
    return ReportText().number(x, digits)


def report_html(office: OfficeView | None, rep: Report, chart_png: bytes | None = None, *,
                text: ReportText | None = None, made_on: date | None = None) -> str:
    """The report's paper in `text`'s words, digits and direction (Persian, right to left, by
    default); `chart_png`, when given, is its chart (received and closed by month), embedded so a
    PDF carries it; `made_on` the day it was made (today by default)."""
    t = text or ReportText()
    num = t.number

    def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
        return rtl_table(headers, rows, rtl=t.rtl, names=t.names)

    rows = [(t.received, num(rep.received)), (t.accepted, num(rep.accepted)), (t.rejected, num(rep.rejected))]
    rows += [(t.closed_as.replace("{outcome}", t.outcomes.get(k, k)), num(v))
             for k, v in sorted(rep.closed_by_outcome.items())]
    rows += [(t.avg_service, num(rep.avg_service_days)), (t.p90_service, num(rep.p90_service_days)),
             (t.avg_office, num(rep.avg_office_days)), (t.avg_agency, num(rep.avg_agency_days)),
             (t.visits, num(rep.visits)), (t.applicants_per_season, num(rep.applicants_per_season)),
             (t.visits_per_case, num(rep.visits_per_case))]
    chart = (f'<p align="center"><img src="data:image/png;base64,{base64.b64encode(chart_png).decode()}" '
             f'width="{CHART_WIDTH}"/></p>' if chart_png else "")
    span = t.span.replace("{start}", t.day(rep.period.start)).replace("{end}", t.day(rep.period.end))
    made = t.made.replace("{day}", t.day(made_on or today()))
    zero = num(0)
    body = (f'<p>{_html_escape(span)} <span class="muted">— {_html_escape(made)}</span></p>'
            + table([t.figure, t.value], rows)
            + f'<p class="muted"><b>{_html_escape(t.notes_heading)}</b><br/>'
            + "<br/>".join(_html_escape(note) for note in t.notes()) + "</p>" + chart
            + f"<h2>{_html_escape(t.overdue_heading)}</h2>"
            + table([t.agency, t.overdue_cases], [(a, num(n)) for a, n in rep.overdue_by_agency] or [("—", zero)])
            + f"<h2>{_html_escape(t.agencies_heading)}</h2>"
            + table(agency_headers(t),
                    [(a.name, num(a.forwarded), num(a.answered), num(a.on_time), num(a.avg_days), num(a.waiting))
                     for a in rep.agencies] or [("—", zero, zero, zero, "—", zero)])
            + f"<h2>{_html_escape(t.by_month_heading)}</h2>"
            + table([t.month, t.month_received, t.month_closed],
                    [(t.month_title(m), num(r), num(c)) for m, r, c in rep.by_month]))
    return _page(office, t.heading.replace("{period}", t.period_title(rep.period)), body, rtl=t.rtl, names=t.names)
