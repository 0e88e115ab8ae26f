"""What a sync round reports: `SyncReport`, and the warnings it carries with their Persian templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from ..errors import QT_TRANSLATE_NOOP
from ..models import utcnow

CLOCK_SKEW = QT_TRANSLATE_NOOP("Errors", "ساعت این رایانه حدود {minutes} دقیقه با کارگزار اختلاف دارد؛ ساعت را درست کنید")
ATTACHMENT_PENDING = QT_TRANSLATE_NOOP("Errors", "پیوست {sha} هنوز به کارگزار نرسیده است؛ در همگام‌سازی بعدی دوباره خواسته می‌شود")
ATTACHMENT_PARTIAL = QT_TRANSLATE_NOOP("Errors", "از پیوست {sha} ({size} مگابایت) {percent}٪ به کارگزار رسید؛ باقی‌اش در همگام‌سازی بعدی از همان‌جا فرستاده می‌شود")
ATTACHMENT_NOT_HERE = QT_TRANSLATE_NOOP("Errors", "پرونده پیوست {sha} که در این میز ثبت شده در این رایانه نیست و به کارگزار فرستاده نشد (شاید پوشه پیوست‌ها با پایگاه داده برگردانده نشده است)؛ اگر آن را برگردانید، در همگام‌سازی بعدی فرستاده می‌شود")
SERVER_BEHIND = QT_TRANSLATE_NOOP("Errors", "کارگزار از پشتیبانی کهنه‌تر برگردانده شده بود و رویدادهایی را که این میز پیش‌تر از آن گرفته بود نداشت؛ رویدادهای پس از آن دوباره از کارگزار خوانده می‌شود و رویدادهای این میز که کارگزار ندارد دوباره فرستاده می‌شود، بی‌آنکه چیزی گم یا دوبار شود")
RECOVERED = QT_TRANSLATE_NOOP("Errors", "این میز از پشتیبانی کهنه‌تر از کارگزار برگردانده شده بود: {lost} رویداد خودش را که نداشت از کارگزار گرفت و {renumbered} رویداد فرستاده‌نشده را پس از آن‌ها شماره زد؛ چیزی گم یا دوبار نشد")


class SyncWarning(NamedTuple):
    """Something the clerk should know although the round went on: a template and its values."""

    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return self.template.format(**dict(self.params))


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
            en = (f"sync ok: pushed {self.pushed}, pulled {self.pulled + self.snapshot}, rejected {self.rejected}, "
                  f"cursor {self.cursor}")
        else:
            fa = f"همگام‌سازی ناتمام ماند: {self.error or ''}"
            en = f"sync failed: {self.error_detail or 'see log'}"
        files_fa, files_en = self.files_moved()
        if files_fa:
            fa += "، " + files_fa if self.ok else " — " + files_fa
            en += ", " + files_en
        if self.warnings:
            fa += " — " + "؛ ".join(w.text() for w in self.warnings)
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
