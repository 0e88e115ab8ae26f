<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa_IR">
<context>
    <name></name>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="38"/>
        <source>برای رزرو کنار بگذارید: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="40"/>
        <source>برای رزرو به مرکز «{c}» بفرستید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="42"/>
        <source>به مرکز خودش «{c}» بفرستید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="43"/>
        <source>به قفسه برگردانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="66"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="60"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="85"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="189"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="192"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="197"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="199"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="200"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="202"/>
        <source>امانت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="68"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="220"/>
        <source>بازگشت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="77"/>
        <source>کارت عضو یا بارکد کتاب را بخوانید و Enter بزنید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="84"/>
        <source>کار:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="92"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="195"/>
        <source>عضوی انتخاب نشده است؛ کارت عضو را بخوانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="115"/>
        <source>نادیده گرفتن مانع و امانت (ثبت می‌شود)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="123"/>
        <source>امانت‌های باز</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="125"/>
        <source>تمدید برگزیده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="128"/>
        <source>تمدید همه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="131"/>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="41"/>
        <source>برگه امانت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="134"/>
        <source>پایان (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="141"/>
        <source>پیشینه امانت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="175"/>
        <source>حالت بازگشت: کتاب‌ها را بخوانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="176"/>
        <source>حالت امانت: کارت عضو را بخوانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="203"/>
        <source>شماره عضویت: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="204"/>
        <source>مرکز: {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="205"/>
        <source>اعتبار تا: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="206"/>
        <source>امانت‌ها: {n} از {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="208"/>
        <source>ولی: {g} ({p})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="210"/>
        <source>تلفن: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="213"/>
        <source>رزرو آماده: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="38"/>
        <source>پیش‌نمایش درون‌ریزی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="41"/>
        <source>خطا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="44"/>
        <source>{n} ردیف، {bad} ردیف نادرست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="48"/>
        <source>درون‌ریزی همه ردیف‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="50"/>
        <source>انصراف</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="66"/>
        <source>{n} ردیف درون‌ریزی شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="82"/>
        <source>عنوان، نویسنده، ناشر، موضوع یا شابک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="87"/>
        <source>درون‌ریزی از CSV/XLSX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="98"/>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="142"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="197"/>
        <source>نویسنده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="99"/>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="142"/>
        <source>شابک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="104"/>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="142"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="199"/>
        <source>گروه سنی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="105"/>
        <source>افزودن عنوان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="108"/>
        <source>بارکد (خالی: خودکار)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="110"/>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="148"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="60"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="175"/>
        <source>قفسه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="111"/>
        <source>افزودن نسخه به عنوان برگزیده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="113"/>
        <source>برچسب بارکد نسخه‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="126"/>
        <source>نسخه‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="142"/>
        <source>ناشر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="148"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="217"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="220"/>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="27"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="175"/>
        <source>بارکد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="148"/>
        <location filename="../kanoon_desk/ui/library/members.py" line="89"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="202"/>
        <source>مرکز</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="148"/>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="41"/>
        <source>وضعیت</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="148"/>
        <source>اکنون در</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="186"/>
        <source>نسخه {b} افزوده شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="201"/>
        <source>برچسب‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="206"/>
        <source>درون‌ریزی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="97"/>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="142"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="217"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="220"/>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="27"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="197"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="175"/>
        <source>عنوان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="217"/>
        <source>تاریخ امانت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="217"/>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="220"/>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="27"/>
        <source>مهلت بازگشت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="217"/>
        <source>دیرکرد (روز)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="217"/>
        <source>تمدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="251"/>
        <source>عضو: {n}. کتاب‌ها را بخوانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="254"/>
        <source>نخست کارت عضو را بخوانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="280"/>
        <location filename="../kanoon_desk/ui/library/screens.py" line="22"/>
        <source>امانت داده شد: «{t}» — مهلت بازگشت {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="295"/>
        <source>بازگشت ثبت شد: «{t}».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="295"/>
        <source>نسخه در این مرکز دریافت شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="297"/>
        <source>{n} روز دیرکرد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="319"/>
        <source>تمدید شد: «{t}» تا {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="331"/>
        <source>{n} امانت تمدید شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/circulation.py" line="333"/>
        <source>تمدیدنشده: {r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="22"/>
        <source>در قفسه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="22"/>
        <source>در امانت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="22"/>
        <source>در راه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="23"/>
        <source>کنار گذاشته برای رزرو</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="23"/>
        <source>گم‌شده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="23"/>
        <source>خارج از گردش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="28"/>
        <source>کودک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="28"/>
        <source>نوجوان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/common.py" line="28"/>
        <source>بزرگسال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/catalogue.py" line="41"/>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="27"/>
        <source>ردیف</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="47"/>
        <source>چاپ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/printouts.py" line="49"/>
        <source>بستن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="38"/>
        <source>شماره عضویت، کد ملی یا نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="50"/>
        <source>ذخیره کارت عضویت (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="55"/>
        <location filename="../kanoon_desk/ui/library/members.py" line="89"/>
        <source>نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="56"/>
        <source>نام خانوادگی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="57"/>
        <source>کد ملی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="61"/>
        <source>گروه عضویت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="62"/>
        <source>تاریخ تولد را می‌دانم</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="64"/>
        <source>تاریخ تولد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="65"/>
        <source>شماره همراه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="66"/>
        <source>نام ولی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="67"/>
        <source>تلفن ولی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="68"/>
        <source>ثبت عضو</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="76"/>
        <source>عضو تازه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="89"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="189"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="200"/>
        <source>شماره عضویت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="89"/>
        <source>گروه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="89"/>
        <source>اعتبار تا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="116"/>
        <source>عضو ثبت شد؛ شماره عضویت {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/members.py" line="127"/>
        <source>کارت عضویت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="53"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="124"/>
        <source>همه مراکز</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="59"/>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="109"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="130"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="72"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="181"/>
        <source>خروجی اکسل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="61"/>
        <source>صف پیامک یادآوری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="63"/>
        <source>برای هر امانت دیرکرد، هفته‌ای یک پیامک به تلفن ولی یا عضو در صف می‌رود؛ سرور هنگام همگام‌سازی آن را می‌فرستد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="67"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="136"/>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="53"/>
        <source>مرکز:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="84"/>
        <source>{n} امانت دیرکرد دارد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="89"/>
        <source>{n} پیامک یادآوری در صف ارسال گذاشته شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/overdue.py" line="105"/>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="56"/>
        <source>دیرکرد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="58"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="197"/>
        <source>پرامانت‌ترین عنوان‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="83"/>
        <location filename="../kanoon_desk/ui/library/reports.py" line="199"/>
        <source>امانت به تفکیک گروه سنی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="127"/>
        <source>نمایش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="132"/>
        <source>خروجی PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="135"/>
        <source>دوره:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="135"/>
        <source>سال:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="135"/>
        <source>شماره:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="170"/>
        <source>سال {y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="182"/>
        <source>دوره: {p} ({a} تا {b})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="184"/>
        <source>امانت‌های دوره: {n} — با دیرکرد: {late} — نرخ دیرکرد: {r}٪</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="189"/>
        <source>عضو فعال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="192"/>
        <source>مرکز فعال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="192"/>
        <source>اعضای امانت‌گیرنده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="200"/>
        <source>اعضای فعال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="200"/>
        <source>عضو</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="202"/>
        <source>مراکز فعال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="202"/>
        <source>اعضا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="221"/>
        <source>گزارش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/reports.py" line="225"/>
        <source>خروجی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="49"/>
        <source>آغاز انبارگردانی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="53"/>
        <source>از قفسه:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="54"/>
        <source>تا قفسه:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="64"/>
        <source>بارکد نسخه‌های قفسه را بخوانید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="66"/>
        <source>بستن انبارگردانی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="69"/>
        <source>ثبت ناپیداها به‌عنوان گم‌شده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="80"/>
        <source>انبارگردانی بازی نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="87"/>
        <source>همه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="114"/>
        <source>انبارگردانی آغاز شد؛ {n} نسخه در فهرست است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="150"/>
        <source>{n} نسخه گم‌شده ثبت شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="170"/>
        <source>باز</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="170"/>
        <source>بسته</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="171"/>
        <source>انبارگردانی {state} — در فهرست: {n} — {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="175"/>
        <source>قفسه اسکن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/library/stocktake.py" line="175"/>
        <source>نتیجه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="53"/>
        <source>پذیرفته شد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="53"/>
        <source>رد شد: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="57"/>
        <source>به </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="59"/>
        <source> — مهلت </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="62"/>
        <source> — مهلت تازه </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="64"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="68"/>
        <source>تلفنی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="64"/>
        <source>کتبی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="68"/>
        <source>نامه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="68"/>
        <source>پیامک (در صف)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="69"/>
        <source>حضوری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="83"/>
        <source>تاریخ</source>
        <translation type="unfinished">Date</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="83"/>
        <source>کار</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="83"/>
        <source>کاربر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="83"/>
        <source>شرح</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="41"/>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>کد رهگیری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="41"/>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>شماره ثبت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="41"/>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>متقاضی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="41"/>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>موضوع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="42"/>
        <source>تاریخ دریافت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="42"/>
        <source>دستگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="42"/>
        <source>مهلت پاسخ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/common.py" line="74"/>
        <source>ذخیره PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="37"/>
        <source> روز</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="38"/>
        <source> ساعت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>از</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>دستور</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="48"/>
        <source>رسیده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="49"/>
        <source>رسوب</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="60"/>
        <source>(رونوشت)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminDialogs</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="85"/>
        <source>ثبت</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="86"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="110"/>
        <source>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>AdminPages</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/__init__.py" line="17"/>
        <source>کاربران و نقش‌ها</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/__init__.py" line="19"/>
        <source>مشخصات دفتر</source>
        <translation>Office details</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/__init__.py" line="21"/>
        <source>تعطیلات رسمی</source>
        <translation>Official holidays</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../kanoon_desk/ui/app.py" line="158"/>
        <source>کاری که در دست داشتید کامل نشد، چون در برنامه خطای پیش‌بینی‌نشده‌ای رخ داد. آنچه پیش‌تر ثبت شده بود محفوظ است.</source>
        <extracomment>message boxes that show file paths: wide enough that a path is not cut at the edge</extracomment>
        <translation>What you were doing did not finish because of an unexpected error in the program. Everything recorded before is safe.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/app.py" line="160"/>
        <source>چه کنید: کار آخر را یک بار دیگر انجام دهید؛ اگر دوباره همین پیام آمد، برنامه را ببندید و باز کنید و پرونده گزارش زیر را برای پشتیبانی بفرستید:</source>
        <translation>What to do: try the last step once more; if this message comes back, close and reopen the program and send the report file below to support:</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/app.py" line="186"/>
        <source>خطای پیش‌بینی‌نشده</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/app.py" line="204"/>
        <source>پرونده داده باز نشد</source>
        <translation>The data file could not be opened</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/app.py" line="205"/>
        <source>پرونده داده این میز کار باز نشد؛ شاید آسیب دیده یا پرونده دیگری به جای آن گذاشته شده است:</source>
        <translation>This desk&apos;s data file could not be opened; it may be damaged, or another file was put in its place:</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/app.py" line="206"/>
        <source>چه کنید: برنامه را ببندید و با مسئول فنی دفتر، آخرین پشتیبان را از پوشه زیر بازگردانید (kanoon-desk restore). گزارش خطا اینجا ذخیره شد:</source>
        <translation>What to do: close the program and, with the office&apos;s technician, restore the latest backup from the folder below (kanoon-desk restore). The error report was saved here:</translation>
    </message>
</context>
<context>
    <name>CartablePage</name>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="106"/>
        <source>جستجو در موضوع یا کد رهگیری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="109"/>
        <source>قدیمی‌ترین (بیشترین رسوب)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="110"/>
        <source>تازه‌ترین</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="110"/>
        <source>موضوع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="113"/>
        <source>فقط خوانده‌نشده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="141"/>
        <source>{n} مورد</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="165"/>
        <source>پرونده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="170"/>
        <source>کد رهگیری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="170"/>
        <source>شماره ثبت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="170"/>
        <source>وضعیت</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="171"/>
        <source>متقاضی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="171"/>
        <source>موضوع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="171"/>
        <source>در دست</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="172"/>
        <source>مهلت پاسخ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="172"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="261"/>
        <source>مراجعه حضوری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="191"/>
        <source>پیوست‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="221"/>
        <source>دیرکرد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="244"/>
        <source>پذیرش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="245"/>
        <source>رد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="246"/>
        <source>ثبت در دبیرخانه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="247"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="321"/>
        <source>ارجاع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="249"/>
        <source>پس‌گرفتن ارجاع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="251"/>
        <source>ارسال به دستگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="253"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="347"/>
        <source>پیگیری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="254"/>
        <source>ثبت پاسخ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="255"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="362"/>
        <source>اعلام به متقاضی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="257"/>
        <source>مختومه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="260"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="380"/>
        <source>بازگشایی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="262"/>
        <source>نامه ارسال PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="304"/>
        <source>رد درخواست</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="307"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="382"/>
        <source>دلیل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="308"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="376"/>
        <source>توضیح</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="324"/>
        <source>گیرنده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="325"/>
        <source>دستور (پاراف)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="326"/>
        <source>رونوشت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="326"/>
        <source>بدون رونوشت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="336"/>
        <source>ارسال به دستگاه اجرایی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="339"/>
        <source>دستگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="340"/>
        <source>شماره نامه (خالی: خودکار)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="341"/>
        <source>مهلت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="341"/>
        <source>پیش‌فرض دستگاه (روز کاری)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="342"/>
        <source>تاریخ دلخواه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="343"/>
        <source>تاریخ مهلت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="350"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="364"/>
        <source>شیوه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="350"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="364"/>
        <source>تلفنی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="350"/>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="364"/>
        <source>نامه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="351"/>
        <source>یادداشت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="352"/>
        <source>مهلت تازه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="356"/>
        <source>ثبت پاسخ دستگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="358"/>
        <source>متن پاسخ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="365"/>
        <source>پیامک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="365"/>
        <source>حضوری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="366"/>
        <source>متن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="370"/>
        <source>مختومه کردن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="373"/>
        <source>نتیجه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="375"/>
        <source>دستگاه مسئول (اگر وظیفه این دستگاه نیست)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../kanoon_desk/ui/password.py" line="20"/>
        <location filename="../kanoon_desk/ui/password.py" line="33"/>
        <source>تغییر گذرواژه</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/password.py" line="29"/>
        <source>گذرواژه کنونی</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/password.py" line="30"/>
        <source>گذرواژه تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/password.py" line="31"/>
        <source>تکرار گذرواژه تازه</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/password.py" line="34"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/password.py" line="44"/>
        <source>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="21"/>
        <source>نام کاربری یا گذرواژه درست نیست.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="22"/>
        <source>این کاربر غیرفعال است؛ با مدیر دفتر تماس بگیرید.</source>
        <translation>This user is disabled; contact the office administrator.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="23"/>
        <source>این کار فقط از مدیر سامانه دفتر برمی‌آید.</source>
        <translation>Only the office&apos;s system administrator can do this.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="24"/>
        <location filename="../kanoon_desk/services/library.py" line="34"/>
        <location filename="../kanoon_desk/services/library_import.py" line="142"/>
        <location filename="../kanoon_desk/services/secretariat.py" line="42"/>
        <source>این خانه را پر کنید.</source>
        <extracomment>Accepted column headings (Persian as centres write them, or English) → field name.</extracomment>
        <translation>Fill in this field.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="25"/>
        <source>گذرواژه دست‌کم ۸ نویسه باشد.</source>
        <translation>The password must be at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="26"/>
        <source>این نام کاربری پیش‌تر گرفته شده است.</source>
        <translation>This user name is already taken.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="27"/>
        <source>نام کاربری فقط حروف لاتین، رقم، نقطه و خط زیر باشد.</source>
        <translation>A user name may contain only Latin letters, digits, dots and underscores.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="28"/>
        <source>کد دفتر ۱ تا ۸ رقم یا حرف لاتین باشد.</source>
        <translation>The office code must be 1 to 8 digits or Latin letters.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="29"/>
        <source>نقش ناشناخته است.</source>
        <translation>Unknown role.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="30"/>
        <source>دست‌کم یک نقش برگزینید.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="31"/>
        <source>آخرین مدیر سامانه را نمی‌توان غیرفعال یا بی‌نقش کرد.</source>
        <translation>The last system administrator cannot be disabled or lose the role.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="53"/>
        <source>شما اجازه این کار را ندارید.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="181"/>
        <location filename="../kanoon_desk/services/accounts.py" line="198"/>
        <location filename="../kanoon_desk/services/accounts.py" line="209"/>
        <source>کاربر پیدا نشد.</source>
        <translation>User not found.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/accounts.py" line="213"/>
        <source>گذرواژه کنونی درست نیست.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="34"/>
        <source>عضویت این عضو به پایان رسیده است.</source>
        <extracomment>Refusal code → Persian message (shown translated by the UI).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="35"/>
        <source>این عضو کتاب دیرکرد دارد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="36"/>
        <source>سقف امانت این عضو پر است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="37"/>
        <source>این نسخه امانت‌دادنی نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="38"/>
        <source>این نسخه گم‌شده ثبت شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="39"/>
        <source>این نسخه از گردش خارج شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="40"/>
        <source>این نسخه برای عضو دیگری کنار گذاشته شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="41"/>
        <source>سقف تمدید این امانت پر است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="42"/>
        <source>عضو دیگری این عنوان را رزرو کرده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="44"/>
        <source>این نسخه هم‌اکنون در امانت است؛ نخست آن را بازگردانید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="45"/>
        <source>امانت پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="46"/>
        <source>این امانت پیش‌تر بازگردانده شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="47"/>
        <source>این نسخه در امانت نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="48"/>
        <source>شما اجازه نادیده گرفتن این مانع را ندارید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="49"/>
        <source>این عضو پیش‌تر این عنوان را رزرو کرده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="50"/>
        <source>نسخه‌ای از این عنوان در قفسه همین مرکز هست؛ رزرو لازم نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="51"/>
        <source>رزرو پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="52"/>
        <source>این رزرو دیگر باز نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/circulation.py" line="53"/>
        <location filename="../kanoon_desk/services/library.py" line="40"/>
        <source>مرکز فرهنگی هنری پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="35"/>
        <source>کد ملی درست نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="36"/>
        <source>عضوی با این کد ملی پیش‌تر ثبت شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="37"/>
        <source>شماره همراه درست نیست (۰۹xxxxxxxxx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="38"/>
        <source>برای عضو کودک و نوجوان نام و تلفن ولی را بنویسید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="39"/>
        <source>گروه عضویت ناشناخته است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="41"/>
        <source>عضوی با این شماره پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="42"/>
        <source>شابک درست نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="43"/>
        <source>گروه سنی باید یکی از الف، ب، ج، د، ه باشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="44"/>
        <source>عنوان پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="45"/>
        <source>نسخه‌ای با این بارکد پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="46"/>
        <source>این بارکد پیش‌تر به نسخه دیگری داده شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="47"/>
        <source>بارکد فقط رقم و حروف لاتین باشد (حداکثر ۳۲ نویسه).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="48"/>
        <source>مقدار قاعده امانت باید عددی مثبت باشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="49"/>
        <source>تاریخ پایان عضویت پیش از امروز است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library.py" line="549"/>
        <source>کد مرکز ۱ تا ۸ رقم یا حرف لاتین باشد.</source>
        <extracomment>Loan rules a new desk starts with (working days, loans at once, renewals). Above this many matches a query is too broad to rank them all by bm25 within the time a person waits; the first matches are ordered by how the title reads against the query instead.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="43"/>
        <source>شیوه دریافت را برگزینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="44"/>
        <source>تاریخ دریافت نمی‌تواند پس از امروز باشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="45"/>
        <source>درخواست پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="46"/>
        <source>این کار در وضعیت کنونی درخواست شدنی نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="47"/>
        <source>این درخواست در کارتابل شما نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="48"/>
        <source>گیرنده ارجاع پیدا نشد یا فعال نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="49"/>
        <source>این ارجاع پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="50"/>
        <source>این ارجاع پیش‌تر رسیدگی شده و پس‌گرفتنی نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="51"/>
        <source>فقط فرستنده ارجاع می‌تواند آن را پس بگیرد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="52"/>
        <source>دلیل رد را برگزینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="53"/>
        <source>نتیجه بستن پرونده را برگزینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="54"/>
        <source>بنویسید رسیدگی به این درخواست وظیفه کدام دستگاه است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="55"/>
        <source>شیوه را برگزینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="56"/>
        <source>مهلت پاسخ باید پس از تاریخ نامه باشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="57"/>
        <source>نمی‌توانید درخواست را به خودتان ارجاع دهید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat.py" line="58"/>
        <source>هدف مراجعه را برگزینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_agencies.py" line="20"/>
        <source>نام دستگاه را بنویسید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_agencies.py" line="21"/>
        <source>مهلت پاسخ باید بین ۱ تا ۹۰ روز کاری باشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_agencies.py" line="22"/>
        <source>دستگاه اجرایی پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_files.py" line="15"/>
        <source>فقط پرونده‌های PDF، JPEG، PNG و TIFF پذیرفته می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_files.py" line="16"/>
        <source>اندازه هر پیوست حداکثر ۲۰ مگابایت است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_files.py" line="17"/>
        <source>پرونده پیوست خالی است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_files.py" line="18"/>
        <source>پرونده پیوست خوانده نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_files.py" line="19"/>
        <source>پرونده این پیوست در پوشه پیوست‌ها نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="7"/>
        <source>کارگزار مرکزی در دسترس نیست؛ کار بی‌درنگ ادامه می‌یابد و بعداً همگام می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="8"/>
        <source>نسخه این برنامه برای همگام‌سازی کهنه است؛ لطفاً برنامه را به‌روز کنید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="9"/>
        <source>کارگزار این دستگاه را نپذیرفت (رمز نادرست یا دسترسی لغو شده)؛ دستگاه را دوباره ثبت کنید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="10"/>
        <source>کارگزار درخواست همگام‌سازی را نپذیرفت.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="11"/>
        <source>این میز هنوز در کارگزار مرکزی ثبت نشده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="12"/>
        <source>در این مسیر پیش‌تر پایگاه داده‌ای هست؛ ثبت دستگاه فقط روی مسیر خالی انجام می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="13"/>
        <source>پس از همگام‌سازی، داده‌های این میز با کارگزار برابر نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/sync/errors.py" line="14"/>
        <source>پاسخ کارگزار خوانده نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/errors.py" line="27"/>
        <source>کار انجام نشد؛ خطای پیش‌بینی‌نشده‌ای رخ داد. گزارش آن در پرونده رخدادها ثبت شد.</source>
        <translation>It was not done: an unexpected error happened. It was written to the log file.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/stocktake.py" line="21"/>
        <source>انبارگردانی پیدا نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/stocktake.py" line="22"/>
        <source>این انبارگردانی بسته شده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/stocktake.py" line="23"/>
        <source>نخست انبارگردانی را ببندید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/stocktake.py" line="24"/>
        <source>انبارگردانی دیگری برای این مرکز باز است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/stocktake.py" line="25"/>
        <source>بارکد خالی است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="35"/>
        <source>فقط پرونده CSV یا XLSX را می‌توان درون‌ریزی کرد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="36"/>
        <source>پرونده ردیفی ندارد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="37"/>
        <source>پرونده ردیف نادرست دارد؛ هیچ ردیفی درون‌ریزی نشد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="38"/>
        <source>ستون لازم در پرونده نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="39"/>
        <source>این مقدار در ردیف دیگری از همین پرونده هم آمده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="40"/>
        <source>عنوانی با این شابک یا نام در فهرست نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/library_import.py" line="41"/>
        <source>تاریخ درست نیست (مانند ۱۴۰۳/۰۵/۱۲).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidaysModel</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="32"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="32"/>
        <source>روز هفته</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="33"/>
        <source>مناسبت</source>
        <translation>Occasion</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="65"/>
        <source>مثلاً عید نوروز</source>
        <translation>e.g. Nowruz</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="66"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="67"/>
        <source>مناسبت</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="68"/>
        <source>افزودن تعطیلی</source>
        <translation>Add holiday</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="71"/>
        <source>حذف تعطیلی برگزیده</source>
        <translation>Remove selected holiday</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="97"/>
        <source>مناسبت تعطیلی را بنویسید.</source>
        <translation>Write the holiday&apos;s occasion.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="104"/>
        <source>تعطیلی %1 افزوده شد.</source>
        <translation>Holiday %1 added.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="114"/>
        <source>نخست یک تعطیلی را در جدول برگزینید.</source>
        <translation>First select a holiday in the table.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/holidays.py" line="125"/>
        <source>تعطیلی حذف شد.</source>
        <translation>Holiday removed.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="67"/>
        <source>سلام، %1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="71"/>
        <source>امروز</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="72"/>
        <source>دفتر</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="73"/>
        <source>نقش‌های شما</source>
        <translation>Your roles</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="76"/>
        <source>امروز روز کاری است؟</source>
        <translation>Is today a working day?</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="77"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="77"/>
        <source>خیر، تعطیل است</source>
        <translation>No, it is a holiday</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="79"/>
        <source>تعطیلی‌های پیش رو</source>
        <translation>Coming holidays</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="80"/>
        <source>در جدول تعطیلات روزی ثبت نشده است.</source>
        <translation>No day is in the holiday table.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="84"/>
        <source>کاربران فعال</source>
        <translation>Active users</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/home.py" line="94"/>
        <source>پیشخوان</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="55"/>
        <source>کد ملی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="56"/>
        <source>نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="57"/>
        <source>نام خانوادگی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="60"/>
        <source>شماره همراه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="61"/>
        <source>نشانی</source>
        <translation type="unfinished">Address</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="62"/>
        <source>موضوع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="65"/>
        <source>شرح درخواست</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="69"/>
        <source>دسته</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="71"/>
        <source>حضوری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="71"/>
        <source>پستی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="71"/>
        <source>تلفنی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="73"/>
        <source>شیوه دریافت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="75"/>
        <source>تاریخ دریافت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="81"/>
        <source>افزودن پیوست…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="85"/>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="150"/>
        <source>پیوست‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="87"/>
        <source>ثبت درخواست (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="100"/>
        <source>درخواست‌های مشابه در ۹۰ روز گذشته</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="102"/>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="141"/>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="195"/>
        <source>موردی نیست.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="106"/>
        <source>رسید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="108"/>
        <source>پس از ثبت، کد رهگیری اینجا نشان داده می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="113"/>
        <source>چاپ رسید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="114"/>
        <source>رسید PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="151"/>
        <source>اسکن‌ها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/intake.py" line="185"/>
        <source>درخواست {name} ثبت شد.
کد رهگیری: {code}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="29"/>
        <source>کانون دسک — ورود</source>
        <translation>Kanoon Desk — log in</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="33"/>
        <source>دفتر</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="52"/>
        <source>نام کاربری</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="53"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="55"/>
        <source>ورود</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/login.py" line="87"/>
        <source>نام کاربری را بنویسید.</source>
        <translation>Write your user name.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="74"/>
        <source>همگام‌سازی</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="82"/>
        <source>دبیرخانه</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="83"/>
        <source>کتابخانه</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="84"/>
        <source>مدیریت سامانه</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="107"/>
        <source>کانون دسک</source>
        <translation>Kanoon Desk</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="174"/>
        <source>آفلاین</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="176"/>
        <source>در حال انجام…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="199"/>
        <source>خروج از حساب</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="203"/>
        <source>بستن برنامه</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="207"/>
        <source>تغییر گذرواژه…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="210"/>
        <source>میز کار</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="215"/>
        <source>رفتن به</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="222"/>
        <source>ابزار</source>
        <translation>Tools</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="41"/>
        <source>کد دفتر</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="42"/>
        <source>نام دفتر</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="43"/>
        <source>استان</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="44"/>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="45"/>
        <source>نشانی</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="46"/>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="47"/>
        <source>سربرگ نامه‌ها</source>
        <translation>Letter heading</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="48"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/office.py" line="83"/>
        <source>مشخصات دفتر ذخیره شد.</source>
        <translation>Office details saved.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="166"/>
        <source>گذرواژه تازه برای %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="175"/>
        <source>گذرواژه موقت</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="176"/>
        <source>تکرار گذرواژه</source>
        <translation>Password again</translation>
    </message>
</context>
<context>
    <name>QChart</name>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="38"/>
        <source>دریافت و مختومه به تفکیک ماه — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="39"/>
        <source>دریافت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="40"/>
        <source>مختومه</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="73"/>
        <source>فصل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="73"/>
        <source>ماه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="73"/>
        <source>سال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="84"/>
        <source>نمایش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="86"/>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="128"/>
        <source>خروجی اکسل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="88"/>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="137"/>
        <source>خروجی PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/reports.py" line="90"/>
        <source>دوره:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../kanoon_desk/ui/roles.py" line="14"/>
        <source>کارمند دبیرخانه</source>
        <translation>Secretariat clerk</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/roles.py" line="15"/>
        <source>کارشناس بررسی</source>
        <translation>Reviewing expert</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/roles.py" line="16"/>
        <source>مدیر</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/roles.py" line="17"/>
        <source>کتابدار</source>
        <translation>Librarian</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/roles.py" line="18"/>
        <source>مدیر سامانه</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/roles.py" line="26"/>
        <source>، </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="164"/>
        <source>کد رهگیری، شماره ثبت، کد ملی، نام یا واژه‌های موضوع — Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="167"/>
        <source>همه وضعیت‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="171"/>
        <source>همه دستگاه‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="174"/>
        <source>فقط دیرکرد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/secretariat/lists.py" line="213"/>
        <source>{n} پرونده</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="26"/>
        <source>راه‌اندازی میز کار</source>
        <translation>Set up this desk</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="29"/>
        <source>این میز کار هنوز راه‌اندازی نشده است. دفتر این میز و نخستین مدیر سامانه را معرفی کنید.</source>
        <translation>This desk is not set up yet. Name its office and the first system administrator.</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="52"/>
        <source>کد دفتر</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="53"/>
        <source>نام دفتر</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="54"/>
        <source>شماره این دستگاه</source>
        <translation>Device number</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="55"/>
        <source>نام کاربری مدیر</source>
        <translation>Administrator&apos;s user name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="56"/>
        <source>نام و نام خانوادگی مدیر</source>
        <translation>Administrator&apos;s full name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="57"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="58"/>
        <source>تکرار گذرواژه</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="63"/>
        <source>راه‌اندازی</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="65"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/setup.py" line="78"/>
        <source>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="25"/>
        <source>دریافت‌شده، در انتظار بررسی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="26"/>
        <source>پذیرفته‌شده، در انتظار ثبت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="27"/>
        <source>ثبت‌شده در دبیرخانه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="28"/>
        <source>در کارتابل مدیر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="29"/>
        <source>ارجاع به دستگاه اجرایی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="30"/>
        <source>پاسخ دستگاه رسیده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="31"/>
        <source>ردشده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="32"/>
        <source>مختومه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="35"/>
        <source>رسیدگی و حل شد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="36"/>
        <source>رد شد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="37"/>
        <source>خارج از وظایف دستگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kanoon_desk/services/secretariat_query.py" line="38"/>
        <source>مختومه بدون حل</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPlaceholder</name>
    <message>
        <location filename="../kanoon_desk/ui/main_window.py" line="40"/>
        <source>همگام‌سازی با سرور مرکزی هنوز برای این میز کار راه‌اندازی نشده است. میز کار آفلاین کار می‌کند و همه کارها در همین رایانه ثبت و نگه‌داری می‌شود.</source>
        <translation>Sync with the central server is not set up for this desk yet. The desk works offline and keeps everything on this computer.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="122"/>
        <source>کاربر تازه</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="123"/>
        <source>ویرایش کاربر</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="138"/>
        <source>نام کاربری</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="139"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="141"/>
        <source>گذرواژه موقت</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="142"/>
        <source>تکرار گذرواژه</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="147"/>
        <source>نقش‌ها</source>
        <translation>Roles</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="39"/>
        <source>نام کاربری</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="39"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="40"/>
        <source>نقش‌ها</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="40"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="51"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="51"/>
        <source>غیرفعال</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="204"/>
        <source>کاربر تازه</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="205"/>
        <source>ویرایش نام و نقش‌ها</source>
        <translation>Edit name and roles</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="206"/>
        <source>گذرواژه تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="207"/>
        <location filename="../kanoon_desk/ui/admin/users.py" line="248"/>
        <source>غیرفعال کردن</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="248"/>
        <source>فعال کردن</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../kanoon_desk/ui/admin/users.py" line="275"/>
        <source>وضعیت کاربر %1 تغییر کرد.</source>
        <translation>User %1 updated.</translation>
    </message>
</context>
</TS>
