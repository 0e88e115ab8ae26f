"""What a sync round reports: `SyncReport`, and the warnings it carries with their Persian templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from ..errors import QT_TRANSLATE_NOOP
from ..models import utcnow
from . import errors as e

CLOCK_SKEW = QT_TRANSLATE_NOOP("Errors", "ساعت این رایانه حدود {minutes} دقیقه با کارگزار اختلاف دارد؛ ساعت را درست کنید")
ATTACHMENT_PENDING = QT_TRANSLATE_NOOP("Errors", "پیوست {sha} هنوز به کارگزار نرسیده است؛ در همگام‌سازی بعدی دوباره خواسته می‌شود")
ATTACHMENT_PARTIAL = QT_TRANSLATE_NOOP("Errors", "از پیوست {sha} ({size} مگابایت) {percent}٪ به کارگزار رسید؛ باقی‌اش در همگام‌سازی بعدی از همان‌جا فرستاده می‌شود")
ATTACHMENT_NOT_HERE = QT_TRANSLATE_NOOP("Errors", "پرونده پیوست {sha} که در این میز ثبت شده در این رایانه نیست و به کارگزار فرستاده نشد (شاید پوشه پیوست‌ها با پایگاه داده برگردانده نشده است)؛ اگر آن را برگردانید، در همگام‌سازی بعدی فرستاده می‌شود")
SERVER_BEHIND = QT_TRANSLATE_NOOP("Errors", "کارگزار از پشتیبانی کهنه‌تر برگردانده شده بود و رویدادهایی را که این میز پیش‌تر از آن گرفته بود نداشت؛ رویدادهای پس از آن دوباره از کارگزار خوانده می‌شود و رویدادهای این میز که کارگزار ندارد دوباره فرستاده می‌شود، بی‌آنکه چیزی گم یا دوبار شود")
RECOVERED = QT_TRANSLATE_NOOP("Errors", "این میز از پشتیبانی کهنه‌تر از کارگزار برگردانده شده بود: {lost} رویداد خودش را که نداشت از کارگزار گرفت و {renumbered} رویداد فرستاده‌نشده را پس از آن‌ها شماره زد؛ چیزی گم یا دوبار نشد")


#: The English of the warnings and of why a round stopped, for the English half of its stored line
#: (`SyncReport.summary_line`: the command line prints it, the English interface's sync history
#: shows it): the interface's own translation (translations/en/*.json, context "Errors"; a test
#: keeps the two equal), here because this module is Qt-free, as the command line is.
ENGLISH: dict[str, str] = {
    CLOCK_SKEW: "This computer's clock is about {minutes} minutes off the server's; please set the clock",
    ATTACHMENT_PENDING: "Attachment {sha} has not reached the server yet; it is asked for again at the next sync",
    ATTACHMENT_PARTIAL: "{percent}% of attachment {sha} ({size} MB) reached the server; the rest is sent from there at the next sync",
    ATTACHMENT_NOT_HERE: "The file of attachment {sha}, recorded at this desk, is not on this computer and was not sent to the server (perhaps the attachments folder was not restored with the database); put it back and it is sent at the next sync",
    SERVER_BEHIND: "The server was restored from an older backup and lacked events this desk had already exchanged with it; the events after that point are read from the server again and this desk's events the server lacks are sent again, with nothing lost or doubled",
    RECOVERED: "This desk had been restored from a backup older than the server's copy: it took back {lost} of its own events it lacked from the server and numbered {renumbered} unsent events after them; nothing was lost or sent twice",
    e.MSG_ALREADY_ENROLLED: "This desk has already joined the central server. If its access was revoked or its secret lost, make it a new device with a new code and kanoon-desk enroll --replace-device.",
    e.MSG_ATTACHMENTS_CUT: "The connection to the server was cut while attachments were being transferred; the events are safe, and the attachments will be transferred in the next sync.",
    e.MSG_AUTH: "The server refused this device (wrong secret or access revoked). Get a new enrolment code from the server's administrator and make this desk a new device with kanoon-desk enroll --db … --server … --code … --replace-device; its unsent work is kept and sent under the new device.",
    e.MSG_BAD_ANSWER: "The server's reply could not be read.",
    e.MSG_CODE_EXPIRED: "This enrolment code has expired; ask the server's operator for a new one.",
    e.MSG_CODE_MISSING: "Type the enrolment code the server's operator gave you.",
    e.MSG_CODE_OTHER_OFFICE: "This code was issued for another office; get one for this desk's office.",
    e.MSG_CODE_UNKNOWN: "This enrolment code is not known; type it again carefully.",
    e.MSG_CODE_USED: "This enrolment code has been used already; ask the server's operator for a new one.",
    e.MSG_CUT: "The connection to the server was cut in the middle; what arrived is safe, and the rest goes and comes in the next sync.",
    e.MSG_DEVICE_KNOWN: "The server knows this desk already (a backup from before it joined was restored). The code was not spent: with the same code, make this desk a new device of its office with kanoon-desk enroll --db … --server … --code … --replace-device; its data stays and what the server lacks is sent.",
    e.MSG_DEVICE_UNKNOWN: "The server does not know the device this desk was; perhaps this is another server's address.",
    e.MSG_MISMATCH: "After the sync, this desk's data does not match the server's.",
    e.MSG_NOT_ENROLLED: "This desk is not enrolled with the central server yet.",
    e.MSG_NOT_KANOON: "This address is not a Kanoon server (its answer was not a Kanoon server's); check the server's address and port.",
    e.MSG_NO_SERVER: "No server answered at this address; check the address and the network connection.",
    e.MSG_OFFLINE: "The central server cannot be reached; work goes on uninterrupted and will be synced later.",
    e.MSG_REFUSED: "The server refused the sync request.",
    e.MSG_SERVER_UPGRADE: "The central server is older than this program and refuses the work of the office's cultural centres; the server's administrator must update it first. Nothing was sent: this desk's work stays here and is sent once the server is updated.",
    e.MSG_SERVER_URL: "Type the server's full address, such as https://kanoon.example.ir or http://192.168.1.10:8750",
    e.MSG_STOPPED: "Sync stopped.",
    e.MSG_STORE_COPIED: "This desk's data is in use on another computer too (its database was copied, or an old backup restored a second time) and the server now follows the other one; this computer no longer syncs. Get a new enrolment code from the server's administrator and make this desk a new device with kanoon-desk enroll --replace-device; its unsent work is sent with it.",
    e.MSG_STORE_EXISTS: "A database already exists at this path; a device can only be enrolled into an empty path.",
    e.MSG_UPGRADE: "This version of the program is too old to sync; please update it.",
}


def english(template: str) -> str:
    """`template`'s English (a message with no English here: the template itself)."""
    return ENGLISH.get(template, template)


class SyncWarning(NamedTuple):
    """Something the clerk should know although the round went on: a template and its values."""

    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return self.template.format(**dict(self.params))

    def text_en(self) -> str:
        return english(self.template).format(**dict(self.params))


@dataclass
class SyncReport:
    """What one round did; `ok` False means it stopped early (nothing is lost: run it again)."""

    started_at: datetime = field(default_factory=utcnow)
    ok: bool = False
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    snapshot: int = 0
    uploaded: int = 0
    downloaded: int = 0
    #: The bytes of the files moved whole (`uploaded`, `downloaded`).
    uploaded_bytes: int = 0
    downloaded_bytes: int = 0
    resends: int = 0
    #: Own events taken back from the server (a desk restored from an old backup), and own
    #: events not yet sent that were numbered past them.
    recovered: int = 0
    renumbered: int = 0
    #: SMS notices whose outcome the server told anew (sent, or given up)
    sms_changed: int = 0
    cursor: int = 0
    mismatches: list[str] = field(default_factory=list)
    #: Persian templates (marked for translation, `{name}` placeholders) with their values.
    warnings: list[SyncWarning] = field(default_factory=list)
    error: str | None = None
    error_detail: str = ""
    #: Why it stopped, as the `errors.SyncError` subclass's name ("UpgradeRequired",
    #: "AuthRefused", "Offline", ...): the command line's exit code says it.
    failure: str = ""

    def summary_line(self) -> str:
        """One line, Persian then English, for the command line and the log."""
        if self.ok:
            fa = (f"همگام‌سازی انجام شد: {self.pushed} رویداد فرستاده، {self.pulled + self.snapshot} رویداد دریافت، "
                  f"{self.rejected} رد شده")
            en = (f"Sync done: {events_en(self.pushed)} sent, {events_en(self.pulled + self.snapshot)} received, "
                  f"{self.rejected} refused")
        else:
            fa = f"همگام‌سازی ناتمام ماند: {self.error or ''}"
            en = f"Sync did not finish: {english(self.error or '')}".rstrip()
            if self.error_detail:  # (the operator's: what the connection or the server said)
                en += f" ({self.error_detail})"
        files_fa, files_en = self.files_moved()
        if files_fa:
            fa += "، " + files_fa if self.ok else " — " + files_fa
            en += ", " + files_en if self.ok else " — " + files_en
        if self.warnings:
            fa += " — " + "؛ ".join(w.text() for w in self.warnings)
            en += " — " + ". ".join(w.text_en() for w in self.warnings)  # (each a sentence of its own)
        return f"{fa} | {en}"

    def files_moved(self) -> tuple[str, str]:
        """The files the round moved whole, Persian and English («۱ پیوست فرستاده (۱۸ مگابایت)»
        before the UI's digits), or two empty strings when none."""
        fa: list[str] = []
        en: list[str] = []
        if self.uploaded:
            fa.append(f"{self.uploaded} پیوست فرستاده ({size_fa(self.uploaded_bytes)})")
            en.append(f"{attachments_en(self.uploaded)} sent ({size_en(self.uploaded_bytes)})")
        if self.downloaded:
            fa.append(f"{self.downloaded} پیوست دریافت ({size_fa(self.downloaded_bytes)})")
            en.append(f"{attachments_en(self.downloaded)} received ({size_en(self.downloaded_bytes)})")
        return "، ".join(fa), ", ".join(en)


def events_en(n: int) -> str:
    """"1 event", "2 events"."""
    return f"{n} event" if n == 1 else f"{n} events"


def attachments_en(n: int) -> str:
    """"1 attachment", "2 attachments" (the English half of a round's line, read in the English
    interface's sync history)."""
    return f"{n} attachment" if n == 1 else f"{n} attachments"


def size_parts(size: int) -> tuple[int, bool]:
    """A file size as a clerk reads it: whole megabytes from one up (True), else kilobytes (at
    least one)."""
    if size >= 1_048_576:
        return round(size / 1_048_576), True
    return max(1, round(size / 1024)), False


def size_fa(size: int) -> str:
    n, mb = size_parts(size)
    return f"{n} {'مگابایت' if mb else 'کیلوبایت'}"


def size_en(size: int) -> str:
    n, mb = size_parts(size)
    return f"{n} {'MB' if mb else 'kB'}"
