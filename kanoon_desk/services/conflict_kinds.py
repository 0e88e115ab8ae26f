"""The conflict kinds the desks raise, as the inbox shows them: their titles, the resolutions each
offers (in the order of its buttons) with what each does, and the messages a refused resolution
gives. Persian sources in context "Errors" (`QT_TRANSLATE_NOOP`).

Part of the conflict inbox (`conflicts`, which re-exports these names).
"""

from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP

# What a refused resolution says. (They come first: lupdate drops the comments before the first
# statement after the import of QT_TRANSLATE_NOOP, and the titles' comment below is for translators.)
MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "این ناسازگاری پیدا نشد.")
MSG_BAD_RESOLUTION = QT_TRANSLATE_NOOP("Errors", "این راه‌حل برای این ناسازگاری پذیرفته نیست.")
MSG_ALREADY = QT_TRANSLATE_NOOP("Errors", "این ناسازگاری پیش‌تر حل شده است.")
MSG_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "این میز هنوز همه داده‌های این ناسازگاری را ندارد؛ پس از همگام‌سازی دوباره بکوشید.")
MSG_BOTH_LOANS_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "هر دو امانت هنوز باز است؛ یکی از دو امانت را درست بدانید، یا نخست کتاب را بازگردانید.")
MSG_LOAN_CLOSED = QT_TRANSLATE_NOOP(
    "Errors", "امانتی که باید باطل شود پیش‌تر بسته شده است؛ «دستی اصلاح شد» را برگزینید.")
MSG_FORWARD_NOT_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "ارسالی که باید پس گرفته شود دیگر باز نیست (پاسخ گرفته یا پرونده بسته شده است)؛ «هر دو درست است» "
    "را برگزینید.")
MSG_NOT_CLOSED = QT_TRANSLATE_NOOP("Errors", "این پرونده اکنون بسته نیست؛ بازگشایی لازم نیست.")
MSG_STILL_SAME_ID = QT_TRANSLATE_NOOP(
    "Errors", "هر دو عضو هنوز یک کد ملی دارند؛ نخست کد ملی نادرست را در صفحه اعضا اصلاح کنید، یا یکی از دو "
    "عضویت را نگه دارید.")
MSG_ALREADY_MERGED = QT_TRANSLATE_NOOP("Errors", "یکی از این دو عضو پیش‌تر در عضو دیگری ادغام شده است.")
MSG_NOT_ONE_SIDE = QT_TRANSLATE_NOOP(
    "Errors", "از دو رویداد این ناسازگاری یکی و تنها یکی در این دفتر یا مرکز ثبت نشده است؛ آن را جداگانه حل کنید.")
MSG_NO_SIDES = QT_TRANSLATE_NOOP("Errors", "این نوع ناسازگاری با درست دانستن رویداد یک دفتر یا مرکز حل نمی‌شود.")
MSG_MEMBER_RESOLVER = QT_TRANSLATE_NOOP(
    "Errors", "این ناسازگاری درباره یک عضو کتابخانه است و آن را کسی حل می‌کند که نام و مشخصات کودک را می‌بیند: "
    "کتابدار یا مدیر سامانه.")
MSG_NO_INTO = QT_TRANSLATE_NOOP(
    "Errors", "مرکز بسته اعضایش را به مرکز دیگری نسپرده است؛ مرکز این عضو را در صفحه اعضا به مرکزی باز تغییر دهید "
    "تا این ناسازگاری برداشته شود.")
MSG_NOT_A_MEMBER_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors", "کتابدار تنها ناسازگاری‌های اعضای کتابخانه را می‌بیند و حل می‌کند؛ این یکی با مدیر یا مدیر سامانه است.")

#: Conflicts about a member — one child registered twice, one membership number given to two, a
#: loan or a hold left open for a member erased at another centre —: decided by who sees the
#: child's name and details (`conflicts.may_resolve`), not by a manager who reads numbers only.
MEMBER_KINDS = frozenset({"member.number_twice", "member.registered_twice", "loan.after_erasure",
                          "hold.after_erasure", "member.at_closed_centre"})

#: A user's steps recorded at a desk that did not know yet that their role was taken (`late_work`).
ACTED_AFTER_ROLE_TAKEN = "user.acted_after_role_taken"

#: Persian names of the conflict kinds the desks raise.
KIND_TITLES: dict[str, str] = {
    "username.duplicate": QT_TRANSLATE_NOOP("Errors", "یک نام کاربری در دو میز ساخته شده است"),
    "copy.double_loan": QT_TRANSLATE_NOOP("Errors", "یک نسخه در دو مرکز امانت داده شده است"),
    "loan.return_on_closed": QT_TRANSLATE_NOOP("Errors", "بازگشت امانتی که مرکز دیگری بسته است"),
    "loan.voided_after_return": QT_TRANSLATE_NOOP(
        "Errors", "امانتی به‌عنوان اشتباه لغو شد که در میز دیگری پیش‌تر بازگشت خورده بود"),
    "case.forwarded_twice": QT_TRANSLATE_NOOP("Errors", "یک پرونده دو بار ارسال شده است"),
    "case.acted_after_close": QT_TRANSLATE_NOOP("Errors", "کار روی پرونده‌ای که در میز دیگری بسته شده است"),
    "case.number_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره ثبت دبیرخانه به دو پرونده داده شده است"),
    "case.letter_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره نامه صادره به دو نامه داده شده است"),
    "case.answered_withdrawn": QT_TRANSLATE_NOOP(
        "Errors", "پاسخ دستگاه برای ارسالی ثبت شد که در میز دیگری پس گرفته شده بود"),
    "case.review_undone_late": QT_TRANSLATE_NOOP(
        "Errors", "پذیرش درخواستی در یک میز لغو شد و در میز دیگری مدیر روی آن کار کرده بود"),
    "case.corrected_apart": QT_TRANSLATE_NOOP(
        "Errors", "یک خانه درخواست در دو میز جداگانه به دو مقدار گوناگون اصلاح شده است"),
    "holiday.set_apart": QT_TRANSLATE_NOOP(
        "Errors", "یک روز تعطیل در دو میز جداگانه به دو گونه ثبت یا برداشته شده است"),
    "copy.barcode_twice": QT_TRANSLATE_NOOP("Errors", "یک بارکد روی دو نسخه است"),
    "member.number_twice": QT_TRANSLATE_NOOP("Errors", "یک شماره عضویت به دو عضو داده شده است"),
    "member.registered_twice": QT_TRANSLATE_NOOP("Errors", "یک کد ملی در دو مرکز عضو شده است"),
    "conflict.resolved_twice": QT_TRANSLATE_NOOP("Errors", "یک ناسازگاری در دو میز جداگانه حل شده است"),
    "copy.retired_on_loan": QT_TRANSLATE_NOOP(
        "Errors", "نسخه‌ای که در مرکزی از گردش خارج یا گم‌شده ثبت شد، در مرکز دیگری امانت داده شده است"),
    "copy.retired_while_moved": QT_TRANSLATE_NOOP(
        "Errors", "نسخه‌ای که در مرکزی از گردش خارج یا گم‌شده ثبت شد، در میز دیگری به مرکز دیگری سپرده شد"),
    "hold.ended_while_served": QT_TRANSLATE_NOOP(
        "Errors", "رزروی که در یک مرکز پایان یافت، در مرکز دیگری کتابش کنار گذاشته یا فرستاده شد"),
    "hold.served_twice": QT_TRANSLATE_NOOP("Errors", "برای یک رزرو دو نسخه کنار گذاشته یا فرستاده شد"),
    "copy.retired_while_received": QT_TRANSLATE_NOOP(
        "Errors", "نسخه‌ای که در مرکزی از گردش خارج شد، همان هنگام در مرکز دیگری رسید و تحویل گرفته شد"),
    "user.renamed_apart": QT_TRANSLATE_NOOP("Errors", "نام و نام خانوادگی یک کاربر در دو میز جداگانه تغییر کرد"),
    "user.password_apart": QT_TRANSLATE_NOOP("Errors", "گذرواژه یک کاربر در دو میز جداگانه تغییر کرد"),
    "admin.kept": QT_TRANSLATE_NOOP(
        "Errors", "دو میز جداگانه دو مدیر سامانه آخر دفتر را برداشتند؛ یکی مدیر سامانه ماند"),
    "user.acted_after_role_taken": QT_TRANSLATE_NOOP(
        "Errors", "کاری که کاربر پس از گرفته شدن نقش یا غیرفعال شدنش، در میزی که هنوز خبر نداشت، ثبت کرد"),
    "loan.at_closed_centre": QT_TRANSLATE_NOOP(
        "Errors", "در مرکزی که در میز دیگری بسته شده بود، کتابی امانت داده شده است"),
    "member.at_closed_centre": QT_TRANSLATE_NOOP(
        "Errors", "عضوی در مرکزی ثبت شده است که در میز دیگری بسته شده بود"),
    "hold.at_closed_centre": QT_TRANSLATE_NOOP(
        "Errors", "رزروی برای گرفتن در مرکزی که در میز دیگری بسته شده بود ثبت شده است"),
    "loan.after_erasure": QT_TRANSLATE_NOOP(
        "Errors", "کتابی نزد عضوی امانت است که مشخصاتش در مرکز دیگری حذف شد"),
    "hold.after_erasure": QT_TRANSLATE_NOOP(
        "Errors", "رزرو باز برای عضوی که مشخصاتش در مرکز دیگری حذف شد"),
}

#: Resolution code → Persian label. "First" and "second" are the two facts as the inbox shows
#: them side by side (the conflict's involved ids in order).
RESOLUTION_TITLES: dict[str, str] = {
    "keep_first": QT_TRANSLATE_NOOP("Errors", "رویداد نخست درست است"),
    "keep_second": QT_TRANSLATE_NOOP("Errors", "رویداد دوم درست است"),
    "keep_both": QT_TRANSLATE_NOOP("Errors", "هر دو درست است"),
    "fixed_manually": QT_TRANSLATE_NOOP("Errors", "دستی اصلاح شد"),
    "first_return_stands": QT_TRANSLATE_NOOP("Errors", "بازگشت نخست درست است"),
    "copy_at_second_return": QT_TRANSLATE_NOOP("Errors", "نسخه در مرکز بازگشت دوم است"),
    "keep_closed": QT_TRANSLATE_NOOP("Errors", "پرونده بسته بماند"),
    "reopen": QT_TRANSLATE_NOOP("Errors", "پرونده دوباره باز شود"),
    "keep_retired": QT_TRANSLATE_NOOP("Errors", "خارج از گردش (یا گم‌شده) بماند"),
    "reinstate": QT_TRANSLATE_NOOP("Errors", "خارج کردن (یا گم‌شدن) پس گرفته شود"),
    "await_return": QT_TRANSLATE_NOOP("Errors", "امانت باز بماند تا کتاب برگردد"),
    "mark_lost": QT_TRANSLATE_NOOP("Errors", "کتاب گم‌شده نزد عضو ثبت شود"),
    "cancel_hold": QT_TRANSLATE_NOOP("Errors", "رزرو لغو شود"),
    "move_member": QT_TRANSLATE_NOOP("Errors", "عضو به مرکز جانشین منتقل شود"),
}
#: The resolutions each kind offers, in the order of its buttons.
RESOLUTIONS: dict[str, tuple[str, ...]] = {
    "username.duplicate": ("keep_first", "keep_second"),
    "copy.double_loan": ("keep_first", "keep_second", "fixed_manually"),
    "loan.return_on_closed": ("first_return_stands", "copy_at_second_return"),
    "case.forwarded_twice": ("keep_first", "keep_second", "keep_both"),
    "case.acted_after_close": ("keep_closed", "reopen"),
    "case.number_twice": ("keep_first", "keep_second"),
    "case.letter_twice": ("keep_first", "keep_second"),
    "copy.barcode_twice": ("keep_first", "keep_second"),
    "member.number_twice": ("keep_first", "keep_second"),
    "member.registered_twice": ("keep_first", "keep_second", "fixed_manually"),
    "copy.retired_on_loan": ("keep_retired", "reinstate"),
    "copy.retired_while_received": ("reinstate", "keep_retired"),
    "copy.retired_while_moved": ("keep_retired", "reinstate"),
    "user.renamed_apart": ("keep_first", "keep_second"),
    "loan.after_erasure": ("await_return", "mark_lost"),
    "hold.after_erasure": ("cancel_hold",),
    "hold.at_closed_centre": ("cancel_hold",),
    "member.at_closed_centre": ("move_member",),
}
DEFAULT_RESOLUTIONS = ("fixed_manually",)

#: What each resolution does, in the words the inbox shows beside its button.
EXPLANATIONS: dict[tuple[str, str], str] = {
    # {username}: the name the other account gets (`ConflictView.params`)
    ("username.duplicate", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "حساب رویداد نخست نامش را نگه می‌دارد؛ حساب رویداد دوم نام کاربری تازه {username} را می‌گیرد "
        "و با همان گذرواژه وارد می‌شود."),
    ("username.duplicate", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "حساب رویداد دوم نامش را نگه می‌دارد؛ حساب رویداد نخست نام کاربری تازه {username} را می‌گیرد "
        "و با همان گذرواژه وارد می‌شود."),
    ("copy.double_loan", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب نزد عضو امانت نخست است: امانت دوم باطل می‌شود و وضعیت نسخه از امانت نخست گرفته می‌شود."),
    ("copy.double_loan", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب نزد عضو امانت دوم است: امانت نخست باطل می‌شود و وضعیت نسخه از امانت دوم گرفته می‌شود."),
    ("copy.double_loan", "fixed_manually"): QT_TRANSLATE_NOOP(
        "Errors", "یکی از دو امانت پیش‌تر با بازگشت کتاب بسته شده است؛ چیزی تغییر نمی‌کند. تا هر دو امانت باز "
        "است این راه پذیرفته نیست."),
    ("loan.return_on_closed", "first_return_stands"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب همان‌جاست که بازگشت نخست ثبت کرد؛ بازگشت دوم نادیده می‌ماند و چیزی تغییر نمی‌کند."),
    ("loan.return_on_closed", "copy_at_second_return"): QT_TRANSLATE_NOOP(
        "Errors", "کتاب در مرکزی است که بازگشت دوم را ثبت کرد: جای نسخه به آن مرکز تغییر می‌کند (اگر مرکز خودش "
        "نباشد، «در راه» دیده می‌شود تا به مرکز خود فرستاده شود)."),
    ("case.forwarded_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "ارسال نخست درست است: ارسال دوم پس گرفته می‌شود و پرونده چشم‌به‌راه پاسخ دستگاه ارسال نخست "
        "می‌ماند. نامه دوم را در صورت نیاز با تماس از دستگاه پس بگیرید."),
    ("case.forwarded_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "ارسال دوم درست است: ارسال نخست پس گرفته می‌شود و پرونده چشم‌به‌راه پاسخ دستگاه ارسال دوم "
        "می‌ماند. نامه نخست را در صورت نیاز با تماس از دستگاه پس بگیرید."),
    ("case.forwarded_twice", "keep_both"): QT_TRANSLATE_NOOP(
        "Errors", "پرونده به هر دو دستگاه فرستاده شده است و هر دو ارسال می‌ماند؛ چیزی تغییر نمی‌کند."),
    ("case.acted_after_close", "keep_closed"): QT_TRANSLATE_NOOP(
        "Errors", "بستن پرونده درست است: پرونده بسته می‌ماند و کار انجام‌شده پس از بستن تنها در سابقه دیده "
        "می‌شود."),
    ("case.acted_after_close", "reopen"): QT_TRANSLATE_NOOP(
        "Errors", "کار انجام‌شده لازم بود: پرونده دوباره باز می‌شود و به مرحله پیش از بستن برمی‌گردد؛ آن کار را "
        "از روی سابقه دوباره انجام دهید."),
    ("case.number_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "پرونده رویداد نخست شماره ثبتش را نگه می‌دارد؛ این میز به پرونده رویداد دوم شماره ثبت تازه‌ای "
        "می‌دهد (کد رهگیری متقاضی تغییر نمی‌کند)."),
    ("case.number_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "پرونده رویداد دوم شماره ثبتش را نگه می‌دارد؛ این میز به پرونده رویداد نخست شماره ثبت تازه‌ای "
        "می‌دهد (کد رهگیری متقاضی تغییر نمی‌کند)."),
    ("case.letter_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "نامه رویداد نخست شماره‌اش را نگه می‌دارد؛ این میز به نامه رویداد دوم (و اگر نامه پیگیری گروهی "
        "است، به همه پرونده‌های آن) شماره نامه تازه‌ای می‌دهد: شماره تازه را روی رونوشت نامه در دبیرخانه بنویسید "
        "و در صورت نیاز به دستگاه گیرنده خبر دهید."),
    ("case.letter_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "نامه رویداد دوم شماره‌اش را نگه می‌دارد؛ این میز به نامه رویداد نخست (و اگر نامه پیگیری گروهی "
        "است، به همه پرونده‌های آن) شماره نامه تازه‌ای می‌دهد: شماره تازه را روی رونوشت نامه در دبیرخانه بنویسید "
        "و در صورت نیاز به دستگاه گیرنده خبر دهید."),
    ("copy.barcode_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "نسخه رویداد نخست بارکدش را نگه می‌دارد؛ این میز به نسخه رویداد دوم بارکد تازه‌ای می‌دهد: "
        "برچسب تازه را چاپ کنید و روی آن نسخه بچسبانید."),
    ("copy.barcode_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "نسخه رویداد دوم بارکدش را نگه می‌دارد؛ این میز به نسخه رویداد نخست بارکد تازه‌ای می‌دهد: "
        "برچسب تازه را چاپ کنید و روی آن نسخه بچسبانید."),
    ("member.number_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "عضو رویداد نخست شماره عضویتش را نگه می‌دارد؛ این میز به عضو رویداد دوم شماره تازه‌ای می‌دهد: "
        "کارت عضویت تازه او را چاپ کنید."),
    ("member.number_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "عضو رویداد دوم شماره عضویتش را نگه می‌دارد؛ این میز به عضو رویداد نخست شماره تازه‌ای می‌دهد: "
        "کارت عضویت تازه او را چاپ کنید."),
    ("member.registered_twice", "keep_first"): QT_TRANSLATE_NOOP(
        "Errors", "عضویت رویداد نخست می‌ماند و عضویت رویداد دوم در آن ادغام می‌شود: دیگر در جست‌وجو پیدا نمی‌شود "
        "و کارت او به عضو نخست می‌رسد. امانت‌های باز او به نام عضو نخست می‌شود؛ امانت‌های بسته‌اش در سابقه "
        "همان عضویت ادغام‌شده می‌ماند."),
    ("member.registered_twice", "keep_second"): QT_TRANSLATE_NOOP(
        "Errors", "عضویت رویداد دوم می‌ماند و عضویت رویداد نخست در آن ادغام می‌شود: دیگر در جست‌وجو پیدا نمی‌شود "
        "و کارت او به عضو دوم می‌رسد. امانت‌های باز او به نام عضو دوم می‌شود؛ امانت‌های بسته‌اش در سابقه "
        "همان عضویت ادغام‌شده می‌ماند."),
    ("member.registered_twice", "fixed_manually"): QT_TRANSLATE_NOOP(
        "Errors", "دو عضو دو کودک جدا هستند و کد ملی یکی نادرست بود و در صفحه اعضا اصلاح شده است؛ تا هر دو یک کد "
        "ملی دارند این راه پذیرفته نیست."),
}
EXPLANATIONS[("copy.retired_on_loan", "keep_retired")] = QT_TRANSLATE_NOOP(
    "Errors", "نسخه از گردش خارج می‌ماند: امانت تا بازگشت کتاب باز است و کتاب پس از بازگشت به قفسه برنمی‌گردد. "
    "اگر گم‌شده ثبت شده بود، امانت همین حالا «گم‌شده نزد عضو» بسته می‌شود و عضو دیگر برای آن دیرکرد ندارد.")
EXPLANATIONS[("copy.retired_on_loan", "reinstate")] = QT_TRANSLATE_NOOP(
    "Errors", "کتاب نزد عضو است و در گردش می‌ماند: خارج کردن از گردش (یا ثبت گم‌شدن) پس گرفته می‌شود، نسخه در "
    "امانت همان عضو دیده می‌شود و پس از بازگشت به قفسه برمی‌گردد.")
EXPLANATIONS[("copy.retired_while_received", "reinstate")] = QT_TRANSLATE_NOOP(
    "Errors", "کتاب در مرکزی که آن را تحویل گرفت است و در گردش می‌ماند (اگر برای رزروی کنار گذاشته شده، همان‌جا "
    "می‌ماند): خارج کردن از گردش در مرکز دیگر، که کتاب را در دست نداشت، پس گرفته می‌شود.")
EXPLANATIONS[("copy.retired_while_received", "keep_retired")] = QT_TRANSLATE_NOOP(
    "Errors", "نسخه از گردش خارج می‌شود، همان‌جا که رسیده است؛ رزروی که کتاب برایش کنار گذاشته یا فرستاده شده بود "
    "به نوبت خود در صف برمی‌گردد و با نسخهٔ بعدی پاسخ داده می‌شود.")
EXPLANATIONS[("copy.retired_while_moved", "keep_retired")] = QT_TRANSLATE_NOOP(
    "Errors", "گم‌شدن (یا خارج کردن از گردش) به جای خود می‌ماند: میزی که نسخه را به مرکز دیگر سپرد از آن خبر "
    "نداشت و نسخه‌ای بسته‌بندی و فرستاده نشده است. مرکز تازه آن را در فهرست «در راه» نمی‌بیند و چشم‌به‌راهش "
    "نمی‌ماند؛ نسخه گم‌شده (یا خارج از گردش) با مرکز تازه‌اش در کاتالوگ می‌ماند.")
EXPLANATIONS[("copy.retired_while_moved", "reinstate")] = QT_TRANSLATE_NOOP(
    "Errors", "نسخه پیدا شد یا خارج کردنش نادرست بود: گم‌شدن (یا خارج کردن از گردش) پس گرفته می‌شود و نسخه از "
    "مرکزی که در آن بود در راه مرکز تازه‌اش است. آن را بسته‌بندی کنید و بفرستید تا مرکز تازه در میز امانت "
    "بخواندش.")
EXPLANATIONS[("conflict.resolved_twice", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "دو میز پیش از همگام‌سازی این ناسازگاری را هر یک جداگانه حل کرده‌اند و کار هر دو تصمیم انجام شده است "
    "(برای نمونه هر دو امانت باطل یا دو شماره تازه داده شده است). نتیجه را در صفحه‌های میز بررسی و درست کنید، "
    "سپس این را ثبت کنید.")
EXPLANATIONS[("hold.ended_while_served", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "رزرو پایان‌یافته می‌ماند (لغو، تحویل یا گذشتن مهلت در یک مرکز) و نسخه‌ای که مرکز دیگر بی‌خبر از آن "
    "برایش کنار گذاشت یا فرستاد، دیگر به این رزرو تعلق ندارد: آن را از قفسه رزرو بردارید (اگر در راه است، هنگام "
    "رسیدن) و به قفسه برگردانید، یا اگر از مرکز دیگری است به مرکز خودش بفرستید. اگر پیامک «آماده است» به عضو رسیده، "
    "با او تماس بگیرید و اگر هنوز کتاب را می‌خواهد رزرو تازه‌ای برایش ثبت کنید؛ سپس این را ثبت کنید.")
# {barcode}: the copy that serves the hold; {other}: the other one (`ConflictView.params`)
EXPLANATIONS[("hold.served_twice", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "رزرو با نسخه {barcode} پیش می‌رود که دیرتر کنار گذاشته یا فرستاده شد. نسخه دیگر، {other}، آزاد است: اگر در "
    "قفسه رزرو است، آن را به قفسه برگردانید یا اگر از مرکز دیگری است به مرکز خودش بفرستید؛ اگر برای این "
    "رزرو فرستاده شده بود، در راه است: هنگام رسیدن آن را در میز امانت بخوانید تا به رزرو بعدی یا مرکز "
    "خودش برود. سپس این را ثبت کنید.")
EXPLANATIONS[("user.acted_after_role_taken", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "کارهای فهرست‌شده ثبت شده‌اند و می‌مانند (به نام همان کاربر)؛ هیچ‌کدام خودبه‌خود پس گرفته نمی‌شود. "
    "هر یک را در صفحه پرونده یا امانت بررسی کنید و اگر نادرست بود با کار تازه‌ای درستش کنید (برای نمونه پرونده "
    "را دوباره باز کنید)؛ سپس این را ثبت کنید.")
EXPLANATIONS[("user.renamed_apart", "keep_first")] = QT_TRANSLATE_NOOP(
    "Errors", "نامی که رویداد نخست نوشت نام کاربر می‌شود (در همه میزها)؛ نام رویداد دوم تنها در سابقه می‌ماند.")
EXPLANATIONS[("user.renamed_apart", "keep_second")] = QT_TRANSLATE_NOOP(
    "Errors", "نامی که رویداد دوم نوشت نام کاربر می‌شود (در همه میزها)؛ نام رویداد نخست تنها در سابقه می‌ماند.")
EXPLANATIONS[("user.password_apart", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "گذرواژه‌ای که دیرتر گذاشته شد در همه میزها به کار می‌رود و گذرواژه دیگر دیگر وارد نمی‌کند (اگر کاربر "
    "با آن بکوشد، در پنجره ورود می‌خواند چرا). اگر کاربر گذرواژه ماندگار را نمی‌داند، در صفحه کاربران «گذرواژه "
    "تازه» به او بدهید؛ سپس این را ثبت کنید.")
# {name}: the admin kept (`ConflictView.params`)
EXPLANATIONS[("admin.kept", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "هر میز مدیر سامانه دیگری را غیرفعال یا بی‌نقش کرد و پس از همگام‌سازی دفتر هیچ مدیر سامانه فعالی "
    "نداشت؛ پس تغییری که دیرتر ثبت شد نگه داشته شد و {name} مدیر سامانه فعال می‌ماند تا مدیر سامانه دیگری فعال شود. "
    "در صفحه کاربران یا او را «فعال نگه داشتن» بزنید یا کاربر دیگری را مدیر سامانه کنید؛ سپس این را ثبت کنید.")
EXPLANATIONS[("loan.after_erasure", "await_return")] = QT_TRANSLATE_NOOP(
    "Errors", "حذف مشخصات به جای خود می‌ماند و امانت به نام «عضو حذف‌شده» با شماره عضویتش باز است تا کتاب برگردد؛ "
    "مشخصات تماس دیگر در میز نیست: مرکزی که امانت داد کتاب را از خانواده پس بگیرد و هنگام بازگشت آن را در میز "
    "امانت بخواند تا امانت بسته شود.")
EXPLANATIONS[("loan.after_erasure", "mark_lost")] = QT_TRANSLATE_NOOP(
    "Errors", "کتاب برنمی‌گردد: امانت همین حالا «گم‌شده نزد عضو» بسته می‌شود و نسخه گم‌شده شمرده می‌شود تا هر جا "
    "پیدا و خوانده شود.")
EXPLANATIONS[("hold.after_erasure", "cancel_hold")] = QT_TRANSLATE_NOOP(
    "Errors", "رزرو لغو می‌شود (تا آن هنگام نیز نسخهٔ تازه‌ای برایش کنار گذاشته یا فرستاده نمی‌شود). اگر نسخه‌ای "
    "برایش در قفسه رزرو است، آن را بردارید و به قفسه برگردانید یا اگر از مرکز دیگری است به مرکز خودش بفرستید؛ اگر "
    "در راه است، هنگام رسیدن آن را در میز امانت بخوانید.")
EXPLANATIONS[("loan.at_closed_centre", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "امانت به جای خود می‌ماند و کتاب نزد عضو است؛ بستن مرکز هم می‌ماند. کتاب را در مرکزی که اعضا و "
    "نسخه‌های مرکز بسته به آن رفتند (یا هر مرکز باز دیگر) بازپس بگیرید و در میز امانت بخوانید؛ اگر نسخه از آن "
    "مرکز بسته است، آن را هم به مرکز تازه‌اش بسپارید. سپس این را ثبت کنید.")
EXPLANATIONS[("hold.at_closed_centre", "cancel_hold")] = QT_TRANSLATE_NOOP(
    "Errors", "مرکزی که رزرو باید در آن گرفته شود بسته شده است و کسی آنجا کتاب را برای عضو کنار نمی‌گذارد: رزرو "
    "لغو می‌شود. به خانواده خبر دهید و اگر هنوز کتاب را می‌خواهند، رزرو تازه‌ای با مرکزی باز (مرکزی که اعضای مرکز "
    "بسته به آن رفتند) ثبت کنید. اگر نسخه‌ای برایش کنار گذاشته شده یا در راه است، آن را در میز امانت بخوانید تا "
    "به رزرو بعدی یا مرکز خودش برود.")
# {centre}: the centre the closed one went into (`ConflictView.params`)
EXPLANATIONS[("member.at_closed_centre", "move_member")] = QT_TRANSLATE_NOOP(
    "Errors", "بستن مرکز اعضای آن را به {centre} برد، اما این عضو را که میز دیگری بی‌خبر ثبت کرد نمی‌شناخت. عضو "
    "نیز به همان مرکز منتقل می‌شود (شماره و کارت عضویتش تغییر نمی‌کند)؛ به خانواده بگویید کتاب‌ها را از آن پس از "
    "کجا بگیرند. اگر مرکز باز دیگری برایش نزدیک‌تر است، مرکزش را در صفحه اعضا تغییر دهید: این ناسازگاری خودبه‌خود "
    "برداشته می‌شود.")
EXPLANATIONS[("case.answered_withdrawn", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "پاسخ ثبت‌شده می‌ماند و پرونده «پاسخ رسیده» است. اگر پاسخ از دستگاهی است که ارسال به آن به اشتباه رفته "
    "بود، پرونده را ارجاع دهید تا به دستگاه درست فرستاده شود؛ اگر پاسخ درست است، پس‌گرفتن ارسال نادیده می‌ماند. "
    "سپس این را ثبت کنید.")
EXPLANATIONS[("case.corrected_apart", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "اصلاحی که دیرتر ثبت شد در پرونده نشسته است و اصلاح دیگر در گردش کار می‌ماند. پرونده را باز کنید و "
    "اگر مقدار درست آن دیگری است، با «اصلاح…» آن را بنویسید؛ سپس این را ثبت کنید.")
EXPLANATIONS[("holiday.set_apart", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "آنچه دیرتر ثبت شد در جدول تعطیلات همه میزها نشسته است و مهلت‌ها و روزهای دیرکرد با آن شمرده "
    "می‌شود. اگر درست آن دیگری است، در صفحه تعطیلات آن روز را دوباره بنویسید یا بردارید؛ سپس این را ثبت کنید.")
EXPLANATIONS[("loan.voided_after_return", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "قاعده: بازگشت می‌ماند. کتاب در مرکزی است که بازگشت را ثبت کرد و این امانت در گزارش‌ها شمرده "
    "می‌شود؛ لغو در میزی که از بازگشت خبر نداشت اثری ندارد. کتاب را در آن مرکز بجویید؛ سپس این را ثبت کنید.")
EXPLANATIONS[("case.review_undone_late", "fixed_manually")] = QT_TRANSLATE_NOOP(
    "Errors", "کار مدیر (ارجاع یا ارسال) می‌ماند و پرونده نزد اوست؛ لغو پذیرش نادیده ماند. اگر درخواست پذیرفتنی "
    "نبود، مدیر آن را از کارتابل خود رد کند (یا ارسال را پس بگیرد)؛ سپس این را ثبت کنید.")
GENERIC_EXPLANATION = QT_TRANSLATE_NOOP("Errors", "کار لازم با صفحه‌های میز انجام شده است؛ تنها تصمیم ثبت می‌شود.")


def explanation(kind: str, resolution: str) -> str:
    """What choosing `resolution` does to a conflict of `kind` (Persian source, "Errors" context; a
    template whose `{name}`s the conflict's `ConflictView.params` fill)."""
    return EXPLANATIONS.get((kind, resolution), GENERIC_EXPLANATION)


#: The reason a reopening by a conflict's resolution records (the case's timeline shows it).
REOPEN_REASON = "ناسازگاری: کاری که دفتر دیگری پس از بستن پرونده انجام داد لازم بود"
