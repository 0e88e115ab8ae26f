"""Why a sync round failed, for a person: a Persian message (translated by the UI) and the detail."""

from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP

MSG_OFFLINE = QT_TRANSLATE_NOOP("Errors", "کارگزار مرکزی در دسترس نیست؛ کار بی‌درنگ ادامه می‌یابد و بعداً همگام می‌شود.")
MSG_UPGRADE = QT_TRANSLATE_NOOP("Errors", "نسخه این برنامه برای همگام‌سازی کهنه است؛ لطفاً برنامه را به‌روز کنید.")
MSG_SERVER_UPGRADE = QT_TRANSLATE_NOOP("Errors", "کارگزار مرکزی از این برنامه کهنه‌تر است و کارهای مرکزهای فرهنگی دفتر را نمی‌پذیرد؛ مدیر کارگزار نخست باید کارگزار را به‌روز کند. چیزی فرستاده نشد: کارهای این میز در آن می‌ماند و پس از به‌روزرسانی کارگزار فرستاده می‌شود.")
MSG_AUTH = QT_TRANSLATE_NOOP("Errors", "کارگزار این دستگاه را نپذیرفت (رمز نادرست یا دسترسی لغو شده). از مدیر کارگزار کد ثبت تازه بگیرید و این میز را با kanoon-desk enroll --db … --server … --code … --replace-device دستگاه تازه‌ای کنید؛ کارهای فرستاده‌نشده‌اش می‌ماند و با دستگاه تازه فرستاده می‌شود.")
MSG_REFUSED = QT_TRANSLATE_NOOP("Errors", "کارگزار درخواست همگام‌سازی را نپذیرفت.")
MSG_NOT_ENROLLED = QT_TRANSLATE_NOOP("Errors", "این میز هنوز در کارگزار مرکزی ثبت نشده است.")
MSG_STORE_EXISTS = QT_TRANSLATE_NOOP("Errors", "در این مسیر پیش‌تر پایگاه داده‌ای هست؛ ثبت دستگاه فقط روی مسیر خالی انجام می‌شود.")
MSG_MISMATCH = QT_TRANSLATE_NOOP("Errors", "پس از همگام‌سازی، داده‌های این میز با کارگزار برابر نیست.")
MSG_BAD_ANSWER = QT_TRANSLATE_NOOP("Errors", "پاسخ کارگزار خوانده نشد.")
MSG_CUT = QT_TRANSLATE_NOOP("Errors", "اتصال با کارگزار در میانه قطع شد؛ آنچه رسیده بود سالم است و باقی در همگام‌سازی بعدی می‌رود و می‌آید.")
MSG_STOPPED = QT_TRANSLATE_NOOP("Errors", "همگام‌سازی متوقف شد.")
MSG_ATTACHMENTS_CUT = QT_TRANSLATE_NOOP("Errors", "اتصال با کارگزار هنگام جابه‌جایی پیوست‌ها قطع شد؛ رویدادها سالم‌اند و پیوست‌ها در همگام‌سازی بعدی جابه‌جا می‌شوند.")
# Enrolment (the first-run dialog and `kanoon-desk enroll`): what to do next, for the person at the desk.
MSG_NO_SERVER = QT_TRANSLATE_NOOP("Errors", "کارگزار در این نشانی پاسخ نداد؛ نشانی و اتصال شبکه را بررسی کنید.")
MSG_NOT_KANOON = QT_TRANSLATE_NOOP("Errors", "این نشانی کارگزار کانون نیست (پاسخ آن از کارگزار کانون نبود)؛ نشانی و درگاه کارگزار را بررسی کنید.")
MSG_CODE_UNKNOWN = QT_TRANSLATE_NOOP("Errors", "این کد ثبت دستگاه شناخته نشد؛ آن را دوباره و با دقت بنویسید.")
MSG_CODE_USED = QT_TRANSLATE_NOOP("Errors", "این کد ثبت دستگاه پیش‌تر به کار رفته است؛ از مدیر کارگزار کد تازه بگیرید.")
MSG_CODE_EXPIRED = QT_TRANSLATE_NOOP("Errors", "مهلت این کد ثبت دستگاه گذشته است؛ از مدیر کارگزار کد تازه بگیرید.")
MSG_SERVER_URL = QT_TRANSLATE_NOOP("Errors", "نشانی کارگزار را کامل بنویسید، مانند https://kanoon.example.ir یا http://192.168.1.10:8750")
MSG_CODE_MISSING = QT_TRANSLATE_NOOP("Errors", "کد ثبت دستگاه را که مدیر کارگزار داده است بنویسید.")
MSG_DEVICE_UNKNOWN = QT_TRANSLATE_NOOP("Errors", "کارگزار دستگاهی را که این میز بود نمی‌شناسد؛ شاید نشانی کارگزار دیگری است.")
MSG_CODE_OTHER_OFFICE = QT_TRANSLATE_NOOP("Errors", "این کد برای دفتر دیگری صادر شده است؛ کدی برای دفتر همین میز بگیرید.")
MSG_DEVICE_KNOWN = QT_TRANSLATE_NOOP("Errors", "این میز پیش‌تر در کارگزار ثبت شده است (پشتیبانی از پیش از پیوستنش برگردانده شده است). این کد به کار نرفت: با همین کد، این میز را با kanoon-desk enroll --db … --server … --code … --replace-device دستگاه تازه‌ای از دفترش کنید؛ داده‌هایش می‌ماند و کارهایی که کارگزار ندارد فرستاده می‌شود.")
MSG_ALREADY_ENROLLED = QT_TRANSLATE_NOOP("Errors", "این میز پیش‌تر به کارگزار مرکزی پیوسته است. اگر دسترسی‌اش لغو شده یا رمزش گم شده است، با کد ثبت تازه و kanoon-desk enroll --replace-device آن را دستگاه تازه‌ای کنید.")
MSG_STORE_COPIED = QT_TRANSLATE_NOOP("Errors", "داده‌های این میز در رایانه دیگری هم به کار رفته است (پایگاه داده‌اش رونوشت شده، یا پشتیبانی کهنه دوباره برگردانده شده) و کارگزار اکنون آن دیگری را دنبال می‌کند؛ این رایانه دیگر همگام نمی‌شود. از مدیر کارگزار کد ثبت تازه بگیرید و این میز را با kanoon-desk enroll --replace-device دستگاه تازه‌ای کنید؛ کارهای فرستاده‌نشده‌اش با آن فرستاده می‌شود.")
#: The server's error code of a refused enrolment → the message shown for it.
CODE_MESSAGES = {"bad_code": MSG_CODE_UNKNOWN, "used_code": MSG_CODE_USED, "expired_code": MSG_CODE_EXPIRED,
                 "wrong_office": MSG_CODE_OTHER_OFFICE, "device_known": MSG_DEVICE_KNOWN,
                 "unknown_device": MSG_DEVICE_UNKNOWN}


class SyncError(Exception):
    """A failed round: `message` Persian (source language), `detail` technical English."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(detail or message)
        self.message = message
        self.detail = detail


class Offline(SyncError):
    """The server could not be reached (or kept failing); nothing is lost, try later."""


class Stopped(SyncError):
    """The clerk stopped the round («توقف»); it stopped where nothing is half done."""


class UpgradeRequired(SyncError):
    """HTTP 426: this program is older than the server accepts."""


class ServerUpgradeRequired(SyncError):
    """The server is older than this program syncs with (`protocol.MIN_SERVER_PROTOCOL`): its
    administrator updates it; nothing was sent."""


class AuthRefused(SyncError):
    """HTTP 401/403: wrong or revoked device credential."""


class Refused(SyncError):
    """Another 4xx answer."""


class NotKanoonServer(SyncError):
    """An error answer that is not a Kanoon server's (no Kanoon error body): another web server
    at the address, or a proxy's error page."""


class Mismatch(SyncError):
    """After the round, this desk's events and the server's do not add up alike."""


class StoreCopied(SyncError):
    """HTTP 409 `store_copied`: this store is a copy of a desk the server follows elsewhere."""
