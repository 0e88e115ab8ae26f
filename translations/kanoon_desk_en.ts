<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa_IR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="131" />
            <source>درباره کانون دسک</source>
            <translation>About Kanoon Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="133" />
            <source>کانون دسک</source>
            <translation>Kanoon Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="138" />
            <source>میز دبیرخانه و کتابخانه، با کار بی‌اینترنت و همگام‌سازی با سرور مرکزی.</source>
            <translation>The secretariat and library desk: works offline and syncs with the central server.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="143" />
            <source>قلم: وزیرمتن (Vazirmatn)، با پروانه SIL Open Font License 1.1.</source>
            <translation>Font: Vazirmatn, under the SIL Open Font License 1.1.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="149" />
            <source>رونوشت برای پشتیبانی</source>
            <translation>Copy for support</translation>
        </message>
    </context>
    <context>
        <name>Accessible</name>
        <message>
            <location filename="../kanoon_desk/ui/accessible.py" line="200" />
            <source>پاک کردن</source>
            <extracomment>the property that holds a choice box's label (`label_a_choice`)</extracomment>
            <translation>Clear</translation>
        </message>
    </context>
    <context>
        <name>AdminDialogs</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="119" />
            <source>ثبت</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="120" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="166" />
            <source>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</source>
            <translation>The two passwords differ; type them again.</translation>
        </message>
    </context>
    <context>
        <name>AdminHistory</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="37" />
            <source>وقتی دو میز یک خانه را بی‌اتصال تغییر دهند، پس از همگام‌سازی تغییر تازه‌تر در همه میزها می‌ماند و مقدار دیگر این‌جا «جایگزین شد» دیده می‌شود.</source>
            <translation>When two desks change the same field while apart, after the sync the newer change stands on every desk and the other value is listed here as “Replaced”.</translation>
        </message>
    </context>
    <context>
        <name>AdminPages</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/__init__.py" line="21" />
            <source>کاربران و نقش‌ها</source>
            <translation>Users and roles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/__init__.py" line="23" />
            <source>مشخصات دفتر</source>
            <translation>Office details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/__init__.py" line="25" />
            <source>مراکز فرهنگی هنری</source>
            <translation>Cultural centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/__init__.py" line="27" />
            <source>تعطیلات رسمی</source>
            <translation>Official holidays</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/__init__.py" line="29" />
            <source>دستگاه‌های اجرایی</source>
            <translation>Executive agencies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/__init__.py" line="31" />
            <source>پشتیبان و سلامت داده‌ها</source>
            <translation>Backups and data health</translation>
        </message>
    </context>
    <context>
        <name>AgeGroup</name>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="46" />
            <source>الف</source>
            <extracomment>Kanoon's age groups of books, as the catalogue keeps them (a code, stored in Persian); the English interface writes them A to E.</extracomment>
            <translation>A</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="46" />
            <source>ب</source>
            <translation>B</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="47" />
            <source>ج</source>
            <translation>C</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="47" />
            <source>د</source>
            <translation>D</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="48" />
            <source>ه</source>
            <translation>E</translation>
        </message>
    </context>
    <context>
        <name>AgenciesModel</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="62" />
            <source>نام دستگاه</source>
            <extracomment>The area announced on the bus: the forward dialog and the search filter read the directory.</extracomment>
            <translation>Agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="63" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="64" />
            <source>مهلت پاسخ (روز کاری)</source>
            <translation>Answer deadline (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="65" />
            <source>تلفن</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="66" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="74" />
            <source>ادغام‌شده در «%1»</source>
            <translation>Merged into “%1”</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="75" />
            <source>فعال</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="75" />
            <source>غیرفعال</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="78" />
            <source>{n} (پیش‌فرض)</source>
            <translation>{n} (default)</translation>
        </message>
    </context>
    <context>
        <name>AgenciesPage</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="360" />
            <source>دستگاه تازه</source>
            <extracomment>the file being read and checked (its progress and «انصراف»); None when none is</extracomment>
            <translation>New agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="361" />
            <source>اصلاح</source>
            <translation>Correct</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="362" />
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="456" />
            <source>غیرفعال کردن</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="363" />
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="449" />
            <source>ادغام…</source>
            <translation>Merge…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="365" />
            <source>ادغام در دستگاه دیگر، وقتی دو دستگاه یکی می‌شوند: پرونده‌های در انتظار پاسخ دستگاه برگزیده به دستگاه دیگر می‌رود و نامه‌های پیشین نامش را نگه می‌دارند.</source>
            <translation>Merge into another agency, when two agencies become one: the cases waiting for the chosen agency's answer go to the other agency, and the letters already sent keep its name.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="369" />
            <source>تاریخچه تغییرات</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="371" />
            <source>همه نام‌ها و مهلت‌هایی که دستگاه برگزیده داشته، از هر میز؛ مقداری که تغییر میز دیگری جایگزینش کرد هم دیده می‌شود.</source>
            <translation>Every name and deadline the chosen agency has had, from every desk; a value another desk's change replaced is listed too.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="374" />
            <source>افزودن از پرونده…</source>
            <translation>Add from a file…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="376" />
            <source>فهرست دستگاه‌ها از پرونده اکسل یا CSV: ستون «نام» و در صورت نیاز «مهلت (روز کاری)»، «تلفن» و «نشانی»</source>
            <translation>A list of agencies from an Excel or CSV file: a “name” column, and if needed “deadline” (working days), “phone” and “address” (headings in Persian are read too: «نام», «مهلت (روز کاری)», «تلفن», «نشانی»)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="381" />
            <source>نمایش دستگاه‌های غیرفعال</source>
            <translation>Show inactive agencies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="385" />
            <source>مدیر در «ارسال به دستگاه» از این فهرست برمی‌گزیند. دستگاه غیرفعال در آن فهرست نمی‌آید، ولی پرونده‌ها و نامه‌های پیشین نامش را نگه می‌دارند.</source>
            <translation>The manager picks from this list in «Send to agency». An inactive agency is not offered there, but earlier cases and letters keep its name.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="413" />
            <source>هنوز دستگاهی در فهرست نیست؛ تا دستگاهی افزوده نشود، پرونده‌ای به دستگاه اجرایی فرستاده نمی‌شود.</source>
            <translation>The directory is empty: no case can be sent to an executive agency until one is added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="449" />
            <source>برگرداندن ادغام…</source>
            <translation>Undo merge…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="451" />
            <source>«%1» در «%2» ادغام شده است: برگرداندن ادغامی که به اشتباه انجام شد؛ پرونده‌های در انتظار پاسخ نامه‌ای به آن دوباره با آن است.</source>
            <translation>“%1” was merged into “%2”: undo a merge made by mistake; the cases waiting for an answer to a letter sent to it are its own again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="455" />
            <source>فعال کردن</source>
            <translation>Activate</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="468" />
            <source>«%1» ذخیره شد.</source>
            <translation>“%1” saved.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="507" />
            <source>ادغام «%1» برگردانده شد؛ پرونده‌های در انتظار پاسخ آن دوباره با آن است.</source>
            <translation>The merge of “%1” was undone; the cases waiting for its answer are its own again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="515" />
            <source>«%1» در «%2» ادغام شد؛ پرونده‌هایش اکنون با «%2» است.</source>
            <translation>“%1” was merged into “%2”; its cases are now with “%2”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="535" />
            <source>«%1» دوباره در فهرست ارسال می‌آید.</source>
            <translation>“%1” is offered for forwarding again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="536" />
            <source>«%1» غیرفعال شد و دیگر در فهرست ارسال نمی‌آید.</source>
            <translation>“%1” was deactivated and is no longer offered for forwarding.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="547" />
            <source>افزودن دستگاه‌ها از پرونده</source>
            <translation>Add agencies from a file</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="548" />
            <source>اکسل یا CSV (*.xlsx *.csv)</source>
            <translation>Excel or CSV (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="560" />
            <source>خواندن و بررسی «{f}»…</source>
            <translation>Reading and checking “{f}”…</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="576" />
            <source>%Ln دستگاه به فهرست افزوده شد.</source>
            <translation>
                <numerusform>%Ln agency added to the directory.</numerusform>
                <numerusform>%Ln agencies added to the directory.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AgencyDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="94" />
            <source>دستگاه اجرایی تازه</source>
            <translation>New executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="94" />
            <source>اصلاح دستگاه اجرایی</source>
            <translation>Correct executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="104" />
            <source>پیش‌فرض ({n} روز کاری)</source>
            <translation>Default ({n} working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="105" />
            <source> روز کاری</source>
            <translation> working days</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="111" />
            <source>نام دستگاه</source>
            <translation>Agency name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="112" />
            <source>مهلت پاسخ</source>
            <translation>Answer deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="113" />
            <source>تلفن</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="114" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="123" />
            <source>ثبت</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="124" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="130" />
            <source>دستگاه تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید.</source>
            <translation>The new agency left half typed earlier is in the form; complete it and save.</translation>
        </message>
    </context>
    <context>
        <name>AgencyImportDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="46" />
            <source>افزودن دستگاه‌ها از پرونده</source>
            <extracomment>the colour of a wrong cell and its error (the colour `ERROR_STYLE` writes errors in) the columns of a row's error and of its name the widest the error and the name columns open (px); a longer one is whole in its tip</extracomment>
            <translation>Add agencies from a file</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="51" />
            <source>ردیف</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="51" />
            <source>نام</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="51" />
            <source>مهلت (روز کاری)</source>
            <translation>Deadline (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="51" />
            <source>تلفن</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="52" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="83" />
            <source>%Ln ردیف نادرست</source>
            <translation>
                <numerusform>%Ln row wrong</numerusform>
                <numerusform>%Ln rows wrong</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="84" />
            <source>%Ln دستگاه در پرونده، {bad}.</source>
            <translation>
                <numerusform>%Ln agency in the file, {bad}.</numerusform>
                <numerusform>%Ln agencies in the file, {bad}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="95" />
            <source>افزودن %Ln دستگاه</source>
            <translation>
                <numerusform>Add %Ln agency</numerusform>
                <numerusform>Add %Ln agencies</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="51" />
            <source>خطا</source>
            <translation>Error</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="58" />
            <source>پیش‌فرض</source>
            <translation>Default</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="62" />
            <source>«{c}»: {e}</source>
            <translation>“{c}”: {e}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="86" />
            <source>ردیف‌های نادرست را در پرونده درست کنید و دوباره بیاورید؛ هیچ دستگاهی افزوده نمی‌شود.</source>
            <translation>Correct the wrong rows in the file and bring it again; no agency is added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="99" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agency_import.py" line="115" />
            <source>افزودن دستگاه‌ها…</source>
            <translation>Adding the agencies…</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="208" />
            <source>دیسکی که پرونده داده این میز روی آن است پر شده است؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.</source>
            <extracomment>message boxes that show file paths: wide enough that a path is not cut at the edge</extracomment>
            <translation>The disk that holds this desk's data file is full; what you were doing was not recorded. What was recorded before is safe.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="210" />
            <source>چه کنید: روی همین دیسک جا باز کنید (پرونده‌های بزرگ یا کهنه را پاک یا جابه‌جا کنید و سطل بازیافت را خالی کنید)، سپس همان کار را دوباره انجام دهید. گزارش خطا:</source>
            <translation>What to do: make room on that disk (delete or move large or old files and empty the recycle bin), then do the same thing again. Error report:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="213" />
            <source>پرونده داده این میز یا پوشه آن دیگر نوشتنی نیست (فقط‌خواندنی شد یا اجازه نوشتن در آن گرفته شد)؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.</source>
            <translation>This desk's data file or its folder can no longer be written (it was made read-only, or the permission to write was taken away); what you were doing was not recorded. What was recorded before is safe.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="215" />
            <source>چه کنید: از مسئول فنی دفتر بخواهید اجازه نوشتن در پرونده و پوشه را برگرداند، سپس همان کار را دوباره انجام دهید. گزارش خطا:</source>
            <translation>What to do: ask the office's technical contact to give back the permission to write to the file and the folder, then do the same thing again. Error report:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="218" />
            <source>برنامه دیگری پرونده داده این میز را بیش از اندازه در دست نگه داشت؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.</source>
            <translation>Another program held this desk's data file too long; what you were doing was not recorded. What was recorded before is safe.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="220" />
            <source>چه کنید: چند لحظه بعد همان کار را دوباره انجام دهید؛ اگر باز همین پیام آمد، برنامه‌های دیگری را که این پرونده را باز کرده‌اند (پشتیبان‌گیری، نسخه دیگری از کانون دسک) ببندید. گزارش خطا:</source>
            <translation>What to do: do the same thing again in a moment; if this message comes again, close the other programs that have this file open (a backup, another copy of Kanoon Desk). Error report:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="223" />
            <source>دیسک در خواندن یا نوشتن پرونده داده این میز خطا داد؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.</source>
            <translation>The disk failed to read or write this desk's data file; what you were doing was not recorded. What was recorded before is safe.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="225" />
            <source>چه کنید: برنامه را ببندید و با مسئول فنی دفتر دیسک را بررسی کنید؛ پیش از ادامه کار از پرونده داده پشتیبان بگیرید. گزارش خطا:</source>
            <translation>What to do: close the program and have the office's technical contact check the disk; back the data file up before working on. Error report:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="228" />
            <source>کاری که در دست داشتید کامل نشد، چون در برنامه خطای پیش‌بینی‌نشده‌ای رخ داد. آنچه پیش‌تر ثبت شده بود محفوظ است.</source>
            <translation>What you were doing did not finish because of an unexpected error in the program. Everything recorded before is safe.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="230" />
            <source>چه کنید: کار آخر را یک بار دیگر انجام دهید؛ اگر دوباره همین پیام آمد، برنامه را ببندید و باز کنید و پرونده گزارش زیر را برای پشتیبانی بفرستید:</source>
            <translation>What to do: try the last step once more; if this message comes back, close and reopen the program and send the report file below to support:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="257" />
            <source>دیسک پر است</source>
            <translation>The disk is full</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="258" />
            <source>کار ثبت نشد</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="259" />
            <source>خطای پیش‌بینی‌نشده</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="279" />
            <source>پرونده داده باز نشد</source>
            <translation>The data file could not be opened</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="280" />
            <source>پرونده داده این میز کار باز نشد؛ شاید آسیب دیده یا پرونده دیگری به جای آن گذاشته شده است:</source>
            <translation>This desk's data file could not be opened; it may be damaged, or another file was put in its place:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="282" />
            <source>چه کنید: «بازگرداندن آخرین پشتیبان سالم» تازه‌ترین پشتیبان خودکاری را که بررسی را بگذراند بازمی‌گرداند و پرونده کنونی را کنار آن نگه می‌دارد؛ کار پس از آن پشتیبان، اگر میز با سرور همگام شده باشد، با همگام‌سازی بازمی‌گردد. گزارش خطا اینجا ذخیره شد:</source>
            <translation>What to do: “Restore the newest healthy backup” restores the newest automatic backup that passes the check and keeps the current file beside it; work done after that backup comes back with a sync, if the desk syncs with a server. The error report was saved here:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="287" />
            <source>چه کنید: برنامه را ببندید و با مسئول فنی دفتر، آخرین پشتیبان را از پوشه زیر بازگردانید (kanoon-desk restore). گزارش خطا اینجا ذخیره شد:</source>
            <translation>What to do: close the program and, with the office's technician, restore the latest backup from the folder below (kanoon-desk restore). The error report was saved here:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="293" />
            <source>بازگرداندن آخرین پشتیبان سالم</source>
            <translation>Restore the newest healthy backup</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="294" />
            <location filename="../kanoon_desk/ui/app.py" line="316" />
            <location filename="../kanoon_desk/ui/app.py" line="341" />
            <location filename="../kanoon_desk/ui/single_instance.py" line="184" />
            <source>بستن</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="307" />
            <source>پرونده داده از نسخه تازه‌تر برنامه است</source>
            <translation>The data file is from a newer version</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="308" />
            <source>پرونده داده این میز را نسخه تازه‌تری از کانون دسک نوشته است و این نسخه ({version}) نمی‌تواند آن را باز کند. پرونده سالم است و چیزی در آن تغییر نکرد:</source>
            <translation>This desk's data file was written by a newer version of Kanoon Desk, which this version ({version}) cannot open. The file is sound and nothing in it was changed:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="311" />
            <source>چه کنید: همان نسخه تازه کانون دسک (یا تازه‌تر از آن) را نصب کنید و برنامه را دوباره باز کنید. پشتیبان قدیمی‌تری را به جای این پرونده بازنگردانید: کاری که پس از آن ثبت شده از دست می‌رود.</source>
            <translation>What to do: install that newer version of Kanoon Desk (or a later one) and open the program again. Do not restore an older backup in place of this file: the work recorded since would be lost.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="327" />
            <source>پرونده داده نوشتنی نیست</source>
            <translation>The data file cannot be written</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="329" />
            <source>کانون دسک نمی‌تواند در پرونده داده این میز بنویسد: پرونده فقط‌خواندنی است یا کاربر این رایانه اجازه نوشتن در آن را ندارد. تا این درست نشود هیچ کاری، حتی ورود، ثبت نمی‌شود:</source>
            <translation>Kanoon Desk cannot write to this desk's data file: the file is read-only, or this computer's user may not write to it. Until that is put right nothing can be recorded, not even a log-in:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="333" />
            <source>کانون دسک نمی‌تواند در پوشه داده این میز بنویسد: پوشه فقط‌خواندنی است یا کاربر این رایانه اجازه نوشتن در آن را ندارد. پرونده داده، گزارش کار و پشتیبان‌ها در همین پوشه نوشته می‌شوند:</source>
            <translation>Kanoon Desk cannot write to this desk's data folder: the folder is read-only, or this computer's user may not write to it. The data file, the log and the backups are written in this folder:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="336" />
            <source>چه کنید: از مسئول فنی دفتر بخواهید «فقط‌خواندنی» را از پرونده و پوشه بردارد و به کاربر این رایانه اجازه نوشتن در آن‌ها را بدهد، سپس برنامه را دوباره باز کنید. چیزی در پرونده داده تغییر نکرد.</source>
            <translation>What to do: ask the office's technical contact to clear «read-only» on the file and the folder and to let this computer's user write to them, then open the program again. Nothing in the data file was changed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="386" />
            <location filename="../kanoon_desk/ui/app.py" line="553" />
            <source>بازگرداندن پشتیبان</source>
            <extracomment>imports the main window's modules while the log-in window waits (`preload`) what the last restore in the app said (shown over the log-in window) why a sync ended the last session (shown over the log-in window)</extracomment>
            <translation>Restoring a backup</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="390" />
            <source>هیچ‌یک از پشتیبان‌های پوشه زیر بررسی را نگذراند؛ چیزی بازگردانده نشد. با مسئول فنی دفتر تماس بگیرید:</source>
            <translation>None of the backups in the folder below passed the check; nothing was restored. Call the office's technical contact:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="398" />
            <source>پشتیبان {backup} بازگردانده شد. پرونده‌ای که باز نمی‌شد اینجا نگه داشته شد:</source>
            <translation>Backup {backup} was restored. The file that did not open is kept here:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="557" />
            <source>پشتیبان بازگردانده نشد و داده‌های این میز همان است که بود:</source>
            <translation>The backup was not restored; this desk's data is as it was:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="563" />
            <source>پشتیبان {backup} بازگردانده شد؛ دوباره وارد شوید. داده‌های پیشین این میز اینجا نگه داشته شد:</source>
            <translation>Backup {backup} was restored; log in again. This desk's previous data is kept here:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="599" />
            <source>پایان جلسه کاری</source>
            <translation>Session ended</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/app.py" line="618" />
            <source>برنامه دیگری پرونده داده این میز را باز نگه داشته است: فرمانی از kanoon-desk (همگام‌سازی، پشتیبان‌گیری یا بررسی سلامت) که هنوز کار می‌کند، یا کانون دسک در رایانه دیگری که همین پوشه مشترک را باز کرده است. صبر کنید تا کارش تمام شود (یا آن را ببندید) و دوباره بازگردانید.</source>
            <translation>Another program has this desk's data file open: a kanoon-desk command (sync, backup or health check) still running, or Kanoon Desk on another computer using the same shared folder. Wait for it to finish (or close it) and restore again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/single_instance.py" line="169" />
            <source>کانون دسک باز است</source>
            <extracomment>what a second start sends, and what the first answers once its window is forward how long a second start waits for the first to answer (ms)</extracomment>
            <translation>Kanoon Desk is open</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/single_instance.py" line="170" />
            <source>کانون دسک همین حالا با پرونده داده این میز باز است؛ دو پنجره روی یک پرونده داده کار یک‌دیگر را نمی‌بینند، پس پنجره دوم باز نمی‌شود:</source>
            <translation>Kanoon Desk is already open on this desk's data file; two windows on one data file do not see each other's work, so a second window does not open:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/single_instance.py" line="175" />
            <source>چه کنید: برنامه روی رایانه {host} باز است؛ همان‌جا کار کنید یا آن را آنجا ببندید و دوباره باز کنید.</source>
            <translation>What to do: the program is open on the computer {host}; work there, or close it there and open it again here.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/single_instance.py" line="179" />
            <source>چه کنید: پنجره باز کانون دسک را در نوار وظیفه پیدا کنید. اگر پنجره‌ای نیست یا پاسخ نمی‌دهد، چند لحظه صبر کنید و دوباره برنامه را باز کنید.</source>
            <translation>What to do: find the open Kanoon Desk window on the taskbar. If there is none, or it does not answer, wait a moment and open the program again.</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="52" />
            <source>{n} مگابایت</source>
            <translation>{n} MB</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="64" />
            <source>پایگاه داده این میز</source>
            <translation>This desk's database</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="68" />
            <source>بررسی سلامت داده‌ها</source>
            <translation>Check the data</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="71" />
            <source>یکپارچگی پرونده، برابری جدول‌ها با رویدادها و زنجیره ممیزی را روی رونوشتی از داده‌ها می‌سنجد؛ کار میز را نمی‌بندد.</source>
            <translation>Checks the file's integrity, that the tables match the events and the audit chain, on a copy of the data; the desk keeps working.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="73" />
            <source>پشتیبان‌گیری اکنون…</source>
            <translation>Back up now…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="89" />
            <source>پشتیبان‌های خودکار</source>
            <translation>Automatic backups</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="91" />
            <source>هر روز، هنگام بستن برنامه، یک پشتیبان در پوشه زیر نوشته می‌شود و هفت پشتیبان آخر نگه داشته می‌شوند.</source>
            <translation>Each day, when the app closes, a backup is written to the folder below; the last seven are kept.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="97" />
            <source>روز</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="97" />
            <source>اندازه</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="97" />
            <source>پرونده</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="103" />
            <source>باز کردن پوشه</source>
            <translation>Open the folder</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="111" />
            <source>بازگرداندن از پشتیبان</source>
            <translation>Restoring a backup</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="153" />
            <source>در {path} نوشته نشد: اجازه نوشتن در آن‌جا نیست یا پرونده در برنامه دیگری باز است.</source>
            <translation>Nothing was written to {path}: there is no permission to write there, or the file is open in another program.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="171" />
            <source>پرونده: {path} ({size})</source>
            <translation>File: {path} ({size})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="184" />
            <source>هنوز پشتیبانی نوشته نشده است.</source>
            <translation>No backup has been written yet.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="234" />
            <source>در حال بررسی داده‌ها… کار با میز را می‌توانید ادامه دهید.</source>
            <translation>Checking the data… you can go on working at the desk.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="241" />
            <source>داده‌های این میز سالم است.</source>
            <translation>This desk's data is healthy.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="244" />
            <source>بررسی انجام نشد: {e}</source>
            <translation>The check could not run: {e}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="249" />
            <source>پشتیبان‌گیری</source>
            <translation>Back up</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="203" />
            <location filename="../kanoon_desk/ui/admin/backups.py" line="250" />
            <source>پایگاه داده (*.sqlite3)</source>
            <translation>Database (*.sqlite3)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="113" />
            <source>بازگرداندن جای داده‌های این میز را می‌گیرد: کار پس از آن پشتیبان از این میز برداشته می‌شود (داده‌های کنونی کنار آن نگه داشته می‌شود) و برنامه به صفحه ورود بازمی‌گردد. پشتیبانی که بررسی را نگذراند بازگردانده نمی‌شود. میزی که با سرور همگام می‌شود پس از بازگرداندن یک بار همگام شود تا کارهایش بازگردد. بیرون از برنامه، همین کار با فرمان زیر است.</source>
            <translation>A restore replaces this desk's data: the work done after that backup leaves this desk (the current data is kept beside it) and the app goes back to the log-in window. A backup that fails the check is not restored. A desk that syncs with a server should sync once after the restore to get its work back. Outside the app, the command below does the same.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="118" />
            <source>بازگرداندن پشتیبان برگزیده…</source>
            <translation>Restore the chosen backup…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="121" />
            <source>بازگرداندن از پرونده…</source>
            <translation>Restore from a file…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="202" />
            <source>بازگرداندن از پرونده</source>
            <translation>Restore from a file</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="212" />
            <source>بازگرداندن پشتیبان</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="213" />
            <source>داده‌های این میز با پشتیبان «{name}» جایگزین شود؟ کار پس از آن پشتیبان از این میز برداشته می‌شود؛ داده‌های کنونی کنار آن نگه داشته می‌شود. برنامه به صفحه ورود بازمی‌گردد.</source>
            <translation>Replace this desk's data with the backup “{name}”? The work done after that backup leaves this desk; the current data is kept beside it. The app goes back to the log-in window.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/backups.py" line="239" />
            <source>%Ln ایراد پیدا شد:</source>
            <translation>
                <numerusform>%Ln problem found:</numerusform>
                <numerusform>%Ln problems found:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="256" />
            <source>در حال پشتیبان‌گیری…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="265" />
            <source>پشتیبان در {path} نوشته شد، اما بررسی آن را نپذیرفت:</source>
            <translation>The backup was written to {path}, but the check refused it:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="268" />
            <source>پشتیبان در {path} نوشته و بررسی شد؛ سالم است.</source>
            <translation>The backup was written to {path} and checked; it is healthy.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="151" />
            <source>؛ </source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/backups.py" line="272" />
            <source>پشتیبان نوشته نشد: {e}</source>
            <translation>The backup was not written: {e}</translation>
        </message>
    </context>
    <context>
        <name>BatchForward</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="95" />
            <source>چاپ نامه‌ها</source>
            <translation>Print the letters</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="96" />
            <source>نامه‌ها PDF</source>
            <translation>Letters as PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="101" />
            <source>ارسال گروهی به دستگاه…</source>
            <extracomment>the cases of the last go, whose letters the line prints</extracomment>
            <translation>Forward together to an agency…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="103" />
            <source>پرونده‌های برگزیده (با Ctrl یا Shift) یک‌جا به یک دستگاه اجرایی فرستاده می‌شوند؛ هر یک با نامه خودش</source>
            <translation>The cases selected (with Ctrl or Shift) are forwarded to one executive agency at once, each with its own letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="126" />
            <source>ارسال گروهی به دستگاه اجرایی</source>
            <translation>Forward together to an executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="127" />
            <source>پرونده‌ها ({n})</source>
            <translation>Cases ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="128" />
            <source>{code} — {subject}</source>
            <translation>{code} — {subject}</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="137" />
            <source>%Ln مورد برگزیده کنار گذاشته شد: رونوشت (برای آگاهی) یا پرونده‌ای که دیگر فرستادنی نیست ({codes}).</source>
            <translation>
                <numerusform>%Ln selected item left out: a copy (for information) or a case that can no longer be forwarded ({codes}).</numerusform>
                <numerusform>%Ln selected items left out: copies (for information) or cases that can no longer be forwarded ({codes}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="160" />
            <source>%Ln پرونده به دستگاه فرستاده شد؛ نامه‌ها را چاپ کنید.</source>
            <translation>
                <numerusform>%Ln case forwarded to the agency; print its letter.</numerusform>
                <numerusform>%Ln cases forwarded to the agency; print the letters.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="143" />
            <source>دستور یا توضیح (در هر نامه)</source>
            <translation>Instruction or note (in each letter)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="144" />
            <source>برای هر پرونده نامه‌ای با شماره خودش ثبت می‌شود؛ پس از ارسال، نامه‌ها با هم چاپ می‌شوند، هر یک در یک برگ.</source>
            <translation>Each case gets a letter with its own number; after forwarding, the letters print together, one a page.</translation>
        </message>
    </context>
    <context>
        <name>CartablePage</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="197" />
            <source>کارتابل</source>
            <extracomment>The service's order (`CARTABLE_SORTS`) of each column, and whether a click's ascending order is the service's descending one (the dwell: least first is the newest sent first).</extracomment>
            <translation>Cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="198" />
            <source>رسیده به من</source>
            <translation>Sent to me</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="199" />
            <source>فرستاده‌های من (هنوز باز)</source>
            <translation>Sent by me (still open)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="203" />
            <source>جستجو در موضوع، کد رهگیری یا شماره ثبت</source>
            <translation>Search the subject, tracking code or registration number</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="209" />
            <source>ترتیب</source>
            <translation>Order</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="210" />
            <source>قدیمی‌ترین (بیشترین رسوب)</source>
            <translation>Oldest first (longest dwell)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="211" />
            <source>تازه‌ترین</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="211" />
            <source>موضوع</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="213" />
            <source>به ترتیب ستون برگزیده</source>
            <translation>By the column chosen</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="215" />
            <source>فقط خوانده‌نشده</source>
            <translation>Unread only</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="312" />
            <source>%Ln مورد</source>
            <translation>
                <numerusform>%Ln item</numerusform>
                <numerusform>%Ln items</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="340" />
            <source>این رونوشت خوانده شد و از کارتابل باز بیرون رفت؛ پرونده در جستجو همیشه پیدا می‌شود.</source>
            <translation>This copy has been read and has left the open cartable; the case can always be found by search.</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/dialogs.py" line="97" />
            <source>آنچه پیش‌تر در این فرم نوشته بودید و ثبت نشد بازگردانده شد.</source>
            <extracomment>the fields typed into (lines and texts): kept as a draft while the dialog is open</extracomment>
            <translation>What you typed in this form earlier and did not save is back.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/dialogs.py" line="180" />
            <source>بدون پیوست</source>
            <translation>No attachment</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/dialogs.py" line="181" />
            <source>انتخاب فایل…</source>
            <translation>Choose a file…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/dialogs.py" line="185" />
            <source>اسکن‌ها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="142" />
            <source>پرونده‌ای برگزیده نشده است؛ برای دیدن گردش کار، یکی را در فهرست برگزینید.</source>
            <extracomment>the folders of this session's copies of the scans opened for the system's viewer (`scan_copies`), each with the lock that says a running program owns it today, read as each action runs (the page's, when it shares its own); when the day turns, the case shown is read again (its clocks and lateness count to the new day)</extracomment>
            <translation>No case selected; pick one in the list to see its timeline.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="150" />
            <source>پرونده</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="155" />
            <source>کد رهگیری</source>
            <translation>Tracking code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="155" />
            <source>شماره ثبت</source>
            <translation>Registration no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="155" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="156" />
            <source>متقاضی</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="345" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="156" />
            <source>موضوع</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="156" />
            <source>در دست</source>
            <translation>Held by</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="54" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="157" />
            <source>مهلت پاسخ</source>
            <translation>Response deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="508" />
            <source>مراجعه حضوری</source>
            <translation>Record a visit</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="254" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="383" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="158" />
            <source>شماره همراه</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="157" />
            <source>مراجعه‌های حضوری</source>
            <translation>In-person visits</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="158" />
            <source>زمان رسیدگی</source>
            <translation>Time taken</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="230" />
            <source>دو بار کلیک: باز کردن پیوست؛ پرونده‌ای که اینجا رها شود به پیوست‌ها افزوده می‌شود</source>
            <translation>Double-click: open the attachment; a file dropped here is added to the attachments</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="239" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="694" />
            <source>پیوست‌ها</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="246" />
            <source>برداشتن پیوست…</source>
            <translation>Remove attachment…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="248" />
            <source>پیوستی را که به اشتباه افزوده شده است، با نوشتن دلیل، از پرونده بردارید</source>
            <translation>Take an attachment added by mistake off the case, writing the reason</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="328" />
            <source>(مهلت نامه ارسال: {day})</source>
            <translation>(the forwarding letter's deadline: {day})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="331" />
            <source>دیرکرد</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="336" />
            <source>ثبت نشده</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="357" />
            <source>افزوده به دست {name}، {at}</source>
            <translation>Added by {name}, {at}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="360" />
            <source>پیوست‌ها ({n})</source>
            <translation>Attachments ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="386" />
            <source>ناسازگاری همگام‌سازی: «{title}». تا مدیر در «ناسازگاری‌ها» تصمیم بگیرد، وضعیت این پرونده قطعی نیست.</source>
            <translation>Sync conflict: «{title}». Until a manager decides in «Conflicts», this case's state is not settled.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="406" />
            <source>، </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="403" />
            <source>همین متقاضی درخواستی با موضوع بسیار مشابه هم دارد: {cases}. اگر همان درخواست است، تنها یکی را پیش ببرید و دیگری را با دلیل «تکراری» رد کنید و کد رهگیری این یکی را در یادداشت بنویسید.</source>
            <translation>The same applicant has another request with a very similar subject: {cases}. If it is the same request, take only one forward and reject the other with the reason «Duplicate», writing this one's tracking code in the note.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="400" />
            <source>این درخواست با دلیل «تکراری» رد شد؛ همان درخواست: {cases}.</source>
            <translation>This request was rejected as a duplicate of: {cases}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="428" />
            <source>{kind}، {day}</source>
            <translation>{kind}, {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="434" />
            <source>{n} کیلوبایت</source>
            <translation>{n} KB</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="437" />
            <source>{n} مگابایت</source>
            <translation>{n} MB</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="445" />
            <source>هیچ‌کس (پرونده بسته است)</source>
            <translation>Nobody (the case is closed)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="450" />
            <source>کارشناس بررسی اولیه (در نوبت بررسی)</source>
            <translation>Reviewing expert (waiting for review)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="451" />
            <source>دبیرخانه (در انتظار شماره ثبت)</source>
            <translation>Secretariat (waiting for its registration number)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="452" />
            <source>دبیرخانه (در انتظار ارجاع)</source>
            <translation>Secretariat (waiting to be referred)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="453" />
            <source>دفتر (کارشناس: اعلام پاسخ به متقاضی)</source>
            <translation>The office (expert: tell the applicant the answer)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="461" />
            <source>دفتر {office} روز کاری، دستگاه {agency} روز کاری (همه {total})</source>
            <translation>Office {office} working days, agency {agency} working days (total {total})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="464" />
            <source>ساعت دستگاه می‌گذرد، ساعت دفتر ایستاده است</source>
            <translation>the agency's clock runs, the office's is paused</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="466" />
            <source>ساعت دفتر می‌گذرد</source>
            <translation>the office's clock runs</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="485" />
            <source>پذیرش</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="486" />
            <source>رد</source>
            <translation>Reject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="517" />
            <source>بازگرداندن به صف بررسی…</source>
            <translation>Back to review…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="487" />
            <source>ثبت در دبیرخانه</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="499" />
            <source>پس‌گرفتن ارسال…</source>
            <translation>Take back the forward…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="509" />
            <source>حذف مراجعه…</source>
            <translation>Remove a visit…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="512" />
            <source>اصلاح…</source>
            <translation>Correct…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="513" />
            <source>تغییر متقاضی…</source>
            <translation>Change applicant…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="514" />
            <source>جابه‌جایی پاسخ…</source>
            <translation>Move answer…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="581" />
            <source>نامه ارسال {no}، {day}، {agency}</source>
            <translation>Forwarding letter {no}, {day}, {agency}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="586" />
            <source>نامه پیگیری {no}، {day}</source>
            <translation>Follow-up letter {no}, {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="595" />
            <source>نامه‌های پیشین</source>
            <extracomment>each earlier letter's title and its two actions (to the printer, to a PDF)</extracomment>
            <translation>Earlier letters</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="598" />
            <source>چاپ</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="600" />
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="643" />
            <source>پرونده این پیوست روی این میز خوانده نشد؛ به پشتیبان سامانه خبر دهید.</source>
            <translation>This attachment's file could not be read on this desk; tell your system support.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="655" />
            <source>رونوشت پیوست برای باز کردن نوشته نشد؛ شاید جای خالی دیسک تمام شده است.</source>
            <translation>A copy of the attachment to open could not be written; the disk may be full.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="677" />
            <source>مشخصه</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="677" />
            <source>مقدار</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="688" />
            <source>ردیف</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="688" />
            <source>اندازه</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="688" />
            <source>افزوده در</source>
            <translation>Added on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="689" />
            <source>افزوده به دست</source>
            <translation>Added by</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="693" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="740" />
            <source>پرونده {code}</source>
            <translation>Case {code}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="212" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="694" />
            <source>گردش کار</source>
            <extracomment>each value's caption, in order (the printed case file lists them) why a one-click action (accept, register, recall, visit) was refused, under the bar: the status line keeps the status; gone at the next action done or another case shown a sync met this case worked on two desks at once (forwarded twice, acted on after it was closed): said here, where it is worked on, until a manager decides the same paper as another case (the same applicant, a very similar subject: two desks took it while apart, or it was brought twice), while this one is open: its code opens it</extracomment>
            <translation>Timeline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="695" />
            <source>چاپ: {day}</source>
            <translation>Printed: {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="132" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="488" />
            <source>ارجاع</source>
            <translation>Refer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="490" />
            <source>پس‌گرفتن ارجاع</source>
            <translation>Recall referral</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="146" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="492" />
            <source>بازگرداندن به ارجاع‌دهنده</source>
            <translation>Send back to the referrer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="494" />
            <source>ارسال به دستگاه</source>
            <translation>Forward to agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="168" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="498" />
            <source>پیگیری</source>
            <translation>Follow up</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="501" />
            <source>ثبت پاسخ</source>
            <translation>Record response</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="244" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="502" />
            <source>اعلام به متقاضی</source>
            <translation>Notify applicant</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="504" />
            <source>مختومه</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="309" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="507" />
            <source>بازگشایی</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="201" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="511" />
            <source>افزودن پیوست</source>
            <translation>Add an attachment</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="539" />
            <source>چاپ رسید</source>
            <translation>Print receipt</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="539" />
            <source>رسید PDF</source>
            <translation>Receipt PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="540" />
            <source>نامه ارسال PDF</source>
            <translation>Forwarding letter PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="540" />
            <source>چاپ نامه ارسال</source>
            <translation>Print forwarding letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="542" />
            <source>نامه پیگیری PDF</source>
            <translation>Follow-up letter PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="542" />
            <source>چاپ نامه پیگیری</source>
            <translation>Print follow-up letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="544" />
            <source>چاپ گردش کار</source>
            <translation>Print the case file</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="544" />
            <source>گردش کار PDF</source>
            <translation>Case file PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="546" />
            <source>اعلام رد PDF</source>
            <translation>Rejection notice PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="546" />
            <source>چاپ اعلام رد</source>
            <translation>Print rejection notice</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="548" />
            <source>چاپ نامه اعلام نتیجه</source>
            <translation>Print result letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="548" />
            <source>نامه اعلام نتیجه PDF</source>
            <translation>Result letter PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="552" />
            <source>چاپ و PDF</source>
            <translation>Print and PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="81" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="96" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="496" />
            <source>رد درخواست</source>
            <translation>Reject request</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="86" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="99" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="312" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="328" />
            <source>دلیل</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="89" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="305" />
            <source>توضیح</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="87" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="100" />
            <source>— دلیل را برگزینید —</source>
            <translation>— choose the reason —</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="102" />
            <source>توضیح برای متقاضی</source>
            <translation>Note for the applicant</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="103" />
            <source>دلیل و توضیح در اعلام رد به متقاضی نوشته می‌شود؛ اعلام رد پس از ثبت از «چاپ و PDF» چاپ می‌شود.</source>
            <translation>The reason and the note are written in the rejection notice to the applicant; once saved, print the notice from “Print and PDF”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="126" />
            <source>{name} ({role})</source>
            <translation>{name} ({role})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="135" />
            <source>گیرنده</source>
            <translation>To</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="136" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="149" />
            <source>دستور (پاراف)</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="140" />
            <source>رونوشت (برای آگاهی)</source>
            <translation>CC (for information)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="638" />
            <source>این پیوست هنوز به این میز نرسیده است؛ پس از همگام‌سازی باز می‌شود.</source>
            <translation>This attachment has not reached this desk yet; it opens after the next sync.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="665" />
            <source>برنامه‌ای برای باز کردن این فایل پیدا نشد: {p}</source>
            <translation>No program was found to open this file: {p}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="159" />
            <source>ارسال به دستگاه اجرایی</source>
            <translation>Forward to executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="45" />
            <source>دستگاه</source>
            <extracomment>The most cases one go forwards.</extracomment>
            <translation>Agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="48" />
            <source>شماره نامه (خالی: خودکار)</source>
            <translation>Letter no. (empty: automatic)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="49" />
            <source>تاریخ نامه</source>
            <translation>Letter date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="50" />
            <source>مهلت</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="51" />
            <source>پیش‌فرض دستگاه (روز کاری)</source>
            <translation>Agency default (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="52" />
            <source>تاریخ دلخواه</source>
            <translation>Chosen date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="53" />
            <source>تاریخ مهلت</source>
            <translation>Deadline date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="61" />
            <source>تا {day}</source>
            <translation>by {day}</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="67" />
            <source>تا {day}: %Ln روز کاری از تاریخ نامه</source>
            <translation>
                <numerusform>by {day}: %Ln working day from the letter's date</numerusform>
                <numerusform>by {day}: %Ln working days from the letter's date</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/batch_forward.py" line="77" />
            <source>هنوز دستگاهی در فهرست دستگاه‌های اجرایی نیست؛ مدیر سامانه آن را در «دستگاه‌های اجرایی» می‌افزاید.</source>
            <translation>The agency directory is still empty; the system administrator adds agencies in «Executive agencies».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="164" />
            <source>دستور یا توضیح (در نامه)</source>
            <translation>Instruction or note (in the letter)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="171" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="247" />
            <source>شیوه</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="172" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="248" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="358" />
            <source>تلفنی</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="173" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="207" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="249" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="323" />
            <source>نامه</source>
            <translation>Letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="174" />
            <source>یادداشت</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="177" />
            <source>مهلت تازه</source>
            <translation>New deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="178" />
            <source>مهلت تازه بده</source>
            <translation>Give a new deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="183" />
            <source>ثبت پاسخ دستگاه</source>
            <translation>Record agency response</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="186" />
            <source>متن پاسخ</source>
            <translation>Response text</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="187" />
            <source>نامه پاسخ (اسکن)</source>
            <translation>Answer letter (scan)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="202" />
            <source>فایل</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="205" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="688" />
            <source>گونه</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="206" />
            <source>مدرک متقاضی</source>
            <translation>Applicant's document</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="208" />
            <source>دیگر</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="226" />
            <source>برداشتن پیوست</source>
            <translation>Remove attachment</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="228" />
            <location filename="../kanoon_desk/ui/secretariat/case_view.py" line="688" />
            <source>پیوست</source>
            <translation>Attachment</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="229" />
            <source>دلیل برداشتن</source>
            <translation>Reason for removal</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="230" />
            <source>این پیوست از فهرست پیوست‌ها و پرونده چاپی برداشته می‌شود؛ برداشتن آن، با نام شما و این دلیل، در گردش کار پرونده می‌ماند.</source>
            <translation>The attachment leaves the list of attachments and the printed case file; its removal, with your name and this reason, stays on the case's timeline.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="250" />
            <source>پیامک</source>
            <translation>SMS</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="251" />
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="356" />
            <source>حضوری</source>
            <translation>In person</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="252" />
            <source>متن</source>
            <translation>Text</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="256" />
            <source>برای این متقاضی شماره همراهی ثبت نشده است؛ پیامک فرستادنی نیست.</source>
            <translation>No mobile number is recorded for this applicant; an SMS cannot be sent.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="259" />
            <source>نامه اعلام نتیجه، با پاسخ دستگاه و این متن، پس از ثبت از «چاپ و PDF» چاپ می‌شود.</source>
            <translation>Once recorded, the result letter, with the agency's answer and this text, prints from “Print and PDF”.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="282" />
            <source>%Ln نویسه، {parts}</source>
            <translation>
                <numerusform>%Ln character, {parts}</numerusform>
                <numerusform>%Ln characters, {parts}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="283" />
            <source>%Ln پیامک</source>
            <translation>
                <numerusform>%Ln SMS part</numerusform>
                <numerusform>%Ln SMS parts</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="285" />
            <source>بیش از {max} نویسه فرستاده نمی‌شود</source>
            <translation>no more than {max} characters are sent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="297" />
            <source>مختومه کردن</source>
            <translation>Close case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="301" />
            <source>نتیجه</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="304" />
            <source>دستگاه مسئول (اگر وظیفه این دستگاه نیست)</source>
            <translation>Responsible agency (if not this agency's duty)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="320" />
            <source>پس‌گرفتن ارسال</source>
            <translation>Take back the forward</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="323" />
            <source>{no} مورخ {day} به {agency}</source>
            <translation>{no} of {day} to {agency}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="329" />
            <source>پرونده به کارتابل شما برمی‌گردد تا به دستگاه درست فرستاده شود؛ نامه با شماره‌اش در گردش کار می‌ماند و در گزارش دستگاه‌ها شمرده نمی‌شود. به دستگاه خبر دهید که نامه را نادیده بگیرد.</source>
            <translation>The case comes back to your cartable to be sent to the right agency; the letter stays in the history with its number and is not counted in the agency reports. Tell the agency to disregard the letter.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="341" />
            <source>اصلاح درخواست</source>
            <translation>Correct the request</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="346" />
            <source>شرح درخواست</source>
            <translation>Request text</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="347" />
            <source>دسته</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="355" />
            <source>شیوه دریافت</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="357" />
            <source>پستی</source>
            <translation>By post</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="360" />
            <source>تاریخ دریافت</source>
            <translation>Received on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="361" />
            <source>چه نادرست ثبت شده بود</source>
            <translation>What was recorded wrong</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="362" />
            <source>مقدار پیشین هر خانه با نام شما و دلیل در گردش کار می‌ماند؛ اگر رسید به متقاضی داده شده است، آن را از «چاپ و PDF» دوباره چاپ کنید.</source>
            <translation>Each field's previous value stays in the history with your name and the reason; if the applicant was given a receipt, print it again from «Print and PDF».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="373" />
            <source>تغییر متقاضی</source>
            <translation>Change applicant</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="377" />
            <source>متقاضی کنونی</source>
            <translation>Applicant now</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="377" />
            <source>{name} (کد ملی {nid})</source>
            <translation>{name} (national ID {nid})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="380" />
            <source>کد ملی متقاضی درست</source>
            <translation>National ID of the right applicant</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="381" />
            <source>نام</source>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="382" />
            <source>نام خانوادگی</source>
            <translation>Last name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="384" />
            <source>چرا متقاضی نادرست بود</source>
            <translation>Why the applicant was wrong</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="385" />
            <source>پرونده به نام متقاضی این کد ملی می‌شود (اگر پیش‌تر آمده است همان، وگرنه تازه ثبت می‌شود) و اعلام‌ها به شماره همراه او می‌رود. اگر ثبت این درخواست نام یا شماره همراه متقاضی کنونی را عوض کرده بود، به حال پیشین برمی‌گردد. متقاضی پیشین و دلیل در گردش کار می‌ماند؛ رسید را از «چاپ و PDF» دوباره چاپ کنید.</source>
            <translation>The case is put on the applicant of this national ID (the one already known, or a new one) and notices go to their mobile. If registering this request changed the current applicant's name or mobile, they get their earlier values back. The previous applicant and the reason stay on the case history; print the receipt again from “Print and PDF”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="399" />
            <source>جابه‌جایی پاسخ</source>
            <translation>Move answer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="403" />
            <source>پاسخ</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="403" />
            <source>«{text}» ({day})</source>
            <translation>“{text}” ({day})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="407" />
            <source>کد رهگیری یا شماره ثبت پرونده درست</source>
            <translation>Tracking code or registration number of the right case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="408" />
            <source>چرا پاسخ روی این پرونده نادرست بود</source>
            <translation>Why the answer was on the wrong case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="409" />
            <source>پاسخ با همان متن، روز و نامه اسکن‌شده به پرونده درست می‌رود، که باید چشم‌به‌راه پاسخ دستگاه باشد. این پرونده دوباره چشم‌به‌راه پاسخ خود است و زمان دستگاه از همان‌جا ادامه می‌یابد. جابه‌جایی و دلیل در گردش کار هر دو پرونده می‌ماند.</source>
            <translation>The answer goes with the same text, day and scanned letter to the right case, which must be waiting for the agency's answer. This case waits for its own answer again and the agency's time runs on from where it stopped. The move and the reason stay on both cases' history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="422" />
            <source>بازگرداندن به صف بررسی</source>
            <translation>Back to review</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="424" />
            <source>لغو می‌شود</source>
            <translation>To be undone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="424" />
            <source>پذیرش درخواست «{subject}» ({code})</source>
            <translation>Acceptance of the request “{subject}” ({code})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="427" />
            <source>چرا پذیرش اشتباه بود</source>
            <translation>Why the acceptance was a mistake</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="428" />
            <source>درخواست به صف بررسی اولیه برمی‌گردد تا دوباره پذیرفته یا رد شود؛ اگر در کارتابل کسی است، از آن برداشته می‌شود. لغو با نام شما و دلیل در گردش کار می‌ماند.</source>
            <translation>The request goes back to the initial review queue to be accepted or rejected again; if it is in someone's cartable, it is taken out of it. The undo stays on the case history with your name and the reason.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="432" />
            <source>شماره ثبت {no} برای همین پرونده می‌ماند و به پرونده دیگری داده نمی‌شود؛ اگر دوباره پذیرفته شود با همین شماره ثبت است.</source>
            <translation>Registration number {no} stays with this case and is never given to another; accepted again, it is registered under the same number.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="446" />
            <source>حذف مراجعه</source>
            <translation>Remove a visit</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="449" />
            <source>مراجعه</source>
            <translation>Visit</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="450" />
            <source>{day} — ثبت {name}</source>
            <translation>{day} — recorded by {name}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="453" />
            <source>چرا نادرست ثبت شده بود</source>
            <translation>Why it was recorded wrongly</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <location filename="../kanoon_desk/models/secretariat.py" line="35" />
            <source>خدمات شهری</source>
            <extracomment>Case statuses, in process order. The categories the intake offers (a clerk may type another). A case keeps the text, and reports group by it, so they are the office's words in either interface language: the English interface shows each in English (context "Categories") and records the Persian word.</extracomment>
            <translation>Urban services</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/models/secretariat.py" line="35" />
            <source>آب و برق و گاز</source>
            <translation>Water, power and gas</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/models/secretariat.py" line="36" />
            <source>راه و ساختمان</source>
            <translation>Roads and buildings</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/models/secretariat.py" line="36" />
            <source>بیمه و رفاه</source>
            <translation>Insurance and welfare</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/models/secretariat.py" line="37" />
            <source>آموزش</source>
            <translation>Education</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/models/secretariat.py" line="37" />
            <source>سایر</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>CentresPage</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="37" />
            <source>کد</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="38" />
            <location filename="../kanoon_desk/ui/admin/centres.py" line="202" />
            <source>نام مرکز</source>
            <translation>Centre name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="39" />
            <location filename="../kanoon_desk/ui/admin/centres.py" line="203" />
            <source>استان</source>
            <translation>Province</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="40" />
            <location filename="../kanoon_desk/ui/admin/centres.py" line="204" />
            <source>شهر</source>
            <translation>City</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="41" />
            <location filename="../kanoon_desk/ui/admin/centres.py" line="205" />
            <source>تلفن</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="42" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="48" />
            <source>باز</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="49" />
            <source>بسته در %1؛ اعضا و نسخه‌ها در %2</source>
            <translation>Closed on %1; members and copies at %2</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="169" />
            <source>مراکز فرهنگی هنری این دفتر: کتاب‌ها، اعضا و امانت‌ها در آن‌ها ثبت می‌شود. کد هر مرکز کد دفتر ({o}) و دو رقم پس از آن است، مانند {e}.</source>
            <translation>This office's cultural centres: books, members and loans are recorded at them. A centre's code is the office's code ({o}) and two more digits, such as {e}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="197" />
            <source>۰۲۱-۸۸۷۷۶۶۵۵ — بر برگه‌های دیرکرد چاپ می‌شود</source>
            <translation>021-88776655 — printed on the overdue notices</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="201" />
            <source>کد مرکز</source>
            <translation>Centre code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="206" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="207" />
            <source>افزودن مرکز</source>
            <translation>Add centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="210" />
            <source>ذخیره اصلاح مرکز برگزیده</source>
            <translation>Save the selected centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="213" />
            <source>تاریخچه تغییرات</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="215" />
            <source>همه نام‌ها، تلفن‌ها و نشانی‌هایی که مرکز برگزیده داشته، از هر میز؛ مقداری که تغییر میز دیگری جایگزینش کرد هم دیده می‌شود.</source>
            <translation>Every name, phone and address the chosen centre has had, from every desk; a value another desk's change replaced is listed too.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="218" />
            <source>بستن مرکز…</source>
            <translation>Close centre…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="220" />
            <source>مرکزی که دیگر کار نمی‌کند: اعضا و نسخه‌هایش به مرکز دیگری می‌رود؛ تا امانت، رزرو یا نسخه در راهی در آن باز است بسته نمی‌شود.</source>
            <translation>A centre that no longer works: its members and copies go to another centre; it is not closed while a loan, a hold or a copy on its way is open there.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="223" />
            <source>مرکز تازه</source>
            <translation>New centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="309" />
            <source>مرکز «%1» بسته شد.</source>
            <translation>Centre “%1” was closed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="326" />
            <source>مرکز «{n}» افزوده شد.</source>
            <translation>Centre “{n}” added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="340" />
            <source>مشخصات مرکز «{n}» ذخیره شد.</source>
            <translation>Details of centre “{n}” saved.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="28" />
            <location filename="../kanoon_desk/ui/password.py" line="41" />
            <source>تغییر گذرواژه</source>
            <translation>Change password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="37" />
            <source>گذرواژه کنونی</source>
            <translation>Current password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="38" />
            <source>گذرواژه تازه</source>
            <translation>New password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="39" />
            <source>تکرار گذرواژه تازه</source>
            <translation>New password again</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="43" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="43" />
            <source>خروج از حساب</source>
            <translation>Log out</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="46" />
            <source>گذرواژه شما گذرواژه‌ای موقت است که مدیر سامانه گذاشته است. پیش از آغاز کار، گذرواژه‌ای از خودتان برگزینید.</source>
            <translation>Your password is a temporary one the system administrator set. Choose a password of your own before you start work.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/password.py" line="60" />
            <source>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</source>
            <translation>The two passwords differ; type them again.</translation>
        </message>
    </context>
    <context>
        <name>CloseCentreDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="65" />
            <source>بستن مرکز «%1»</source>
            <translation>Close centre “%1”</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="70" />
            <source>— مرکزی که اعضا و نسخه‌ها به آن می‌رود —</source>
            <translation>— the centre its members and copies go to —</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="74" />
            <source>نسخه‌ها وجین شوند، نه جابه‌جا</source>
            <translation>Withdraw the copies instead of moving them</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="82" />
            <source>دلیل وجین، مانند «فرسوده؛ مرکز بسته شد»</source>
            <extracomment>shown when the centre has lost copies: written off, not moved as the other centre's lost copies</extracomment>
            <translation>Reason for the withdrawal, e.g. “worn; centre closed”</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="83" />
            <source>مرکز</source>
            <translation>Centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="84" />
            <source>اعضا و نسخه‌ها به</source>
            <translation>Members and copies to</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="87" />
            <source>دلیل وجین</source>
            <translation>Reason for withdrawal</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="93" />
            <source>بستن مرکز</source>
            <translation>Close centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="94" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="117" />
            <source>این مرکز هنوز کار باز دارد و بسته نمی‌شود: امانت باز %1، رزرو %2، نسخه در راه %3. نخست کتاب‌های امانتی بازگردانده شود، رزروها تحویل یا لغو شود و نسخه‌های در راه برسند.</source>
            <extracomment>the centre as closed, once the dialog is accepted</extracomment>
            <translation>This centre still has open work and cannot be closed: open loans %1, holds %2, copies on their way %3. First the lent books must come back, the holds be collected or cancelled and the copies on their way arrive.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="124" />
            <source>با بستن مرکز، %1 عضو و %2 نسخه آن به مرکزی که برمی‌گزینید می‌رود (یا نسخه‌ها وجین می‌شود)؛ نسخه‌ها تا میز آن مرکز یکایک آن‌ها را بخواند «در راه» است. مرکز در فهرست‌ها و گزارش‌های گذشته می‌ماند، ولی برای عضو، نسخه، رزرو یا امانت تازه برگزیده نمی‌شود. بستن برگشت ندارد.</source>
            <translation>Closing the centre moves its members (%1) and copies (%2) to the centre you choose (or withdraws the copies); the copies are on their way until that centre's desk reads each one in. The centre stays in past lists and reports, but cannot be chosen for a new member, copy, hold or loan. Closing cannot be undone.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="129" />
            <source>%1 نسخه گم‌شده وجین شود، نه جابه‌جا</source>
            <translation>Write off the %1 lost copies, do not move them</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/centres.py" line="132" />
            <source>از این نسخه‌ها %1 نسخه گم‌شده است: جابه‌جا شود، در مرکز دیگر هم گم‌شده است؛ وجین شود، با دلیل «گم‌شده؛ مرکز بسته شد» از گردش بیرون می‌رود.</source>
            <translation>%1 of these copies are lost: moved, they are lost at the other centre too; written off, they leave circulation with the reason «lost; centre closed».</translation>
        </message>
    </context>
    <context>
        <name>ConflictInbox</name>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="384" />
            <source>رویداد نخست</source>
            <translation>First event</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="384" />
            <source>رویداد دوم</source>
            <translation>Second event</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="198" />
            <source>توضیح تصمیم (اختیاری)</source>
            <translation>Note on the decision (optional)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="302" />
            <source>ناسازگاری بازی نیست.</source>
            <translation>There are no open conflicts.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="312" />
            <source>رویداد</source>
            <translation>Event</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="312" />
            <location filename="../kanoon_desk/ui/conflict_words.py" line="35" />
            <source>دفتر</source>
            <translation>Office</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="29" />
            <source>نام کاربری</source>
            <extracomment>Payload fields a person has no use for in a conflict (a password's hash, a bare timestamp, what a desk ending a hold or writing off a copy saw of it, the status a case's step found it in). Payload field → its name on screen (translated on show, context "ConflictInbox").</extracomment>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="30" />
            <source>نام و نام خانوادگی</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="31" />
            <source>نقش‌ها</source>
            <translation>Roles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="32" />
            <source>نقش‌های گرفته‌شده</source>
            <translation>Roles taken</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="33" />
            <source>نقش‌های داده‌شده</source>
            <translation>Roles given</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="34" />
            <source>فعال</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="36" />
            <source>تغییر گذرواژه در ورود بعدی</source>
            <translation>Change password at next log-in</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="37" />
            <source>نسخه</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="38" />
            <source>عضو</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="39" />
            <source>عنوان</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="40" />
            <location filename="../kanoon_desk/ui/conflict_words.py" line="97" />
            <source>دستگاه اجرایی</source>
            <translation>Executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="41" />
            <source>پرونده</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="42" />
            <location filename="../kanoon_desk/ui/conflict_words.py" line="86" />
            <source>امانت</source>
            <translation>Loan</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="43" />
            <source>بارکد</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="45" />
            <source>مقدار پیشین</source>
            <translation>Previous value</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="46" />
            <source>قفسه</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="47" />
            <source>مرکز</source>
            <translation>Centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="48" />
            <source>شماره عضویت</source>
            <translation>Member no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="49" />
            <source>تاریخ امانت</source>
            <translation>Checked out on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="50" />
            <source>موعد بازگشت</source>
            <translation>Due on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="51" />
            <source>تاریخ بازگشت</source>
            <translation>Returned on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="52" />
            <source>شماره ثبت</source>
            <translation>Registration no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="53" />
            <source>شماره نامه</source>
            <translation>Letter no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="54" />
            <source>تاریخ نامه</source>
            <translation>Letter date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="55" />
            <source>مهلت</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="56" />
            <source>روز</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="57" />
            <source>از تعطیلات برداشته شد</source>
            <translation>Removed from the holidays</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="58" />
            <source>نتیجه</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="59" />
            <source>یادداشت</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="60" />
            <source>دلیل</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="61" />
            <source>پاراف</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="62" />
            <source>گیرنده</source>
            <translation>Receiver</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="63" />
            <source>رونوشت</source>
            <translation>CC</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="64" />
            <source>فرستنده</source>
            <translation>Sender</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="65" />
            <source>سپرده از کارتابل</source>
            <translation>Handed over from</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="66" />
            <source>دستگاه مسئول</source>
            <translation>Responsible agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="67" />
            <source>تصمیم</source>
            <translation>Decision</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="68" />
            <source>مهلت گرفتن رزرو</source>
            <translation>Collect by</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="70" />
            <source>از مرکز</source>
            <translation>From centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="71" />
            <source>کد ملی ولی</source>
            <translation>Guardian national ID</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="72" />
            <source>امانت استثنا با وجود</source>
            <translation>Lent by exception despite</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="73" />
            <source>مرکز گرفتن رزرو</source>
            <translation>Hold pick-up centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="74" />
            <source>تاریخ حذف مشخصات</source>
            <translation>Details removed on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="76" />
            <source>اعضا و نسخه‌ها به مرکز</source>
            <translation>Members and copies to centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="77" />
            <source>شمار اعضای منتقل‌شده</source>
            <translation>Members moved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="78" />
            <source>شمار نسخه‌های منتقل‌شده</source>
            <translation>Copies moved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="79" />
            <source>نسخه‌ها از گردش خارج شدند</source>
            <translation>Copies withdrawn</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="81" />
            <source>اصلاح</source>
            <translation>Correction</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="85" />
            <source>ساخت کاربر</source>
            <extracomment>Event types of the facts conflicts are made of → what happened (context "ConflictInbox").</extracomment>
            <translation>User created</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="87" />
            <source>بازگشت امانت</source>
            <translation>Loan returned</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="88" />
            <source>تمدید امانت</source>
            <translation>Loan renewed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="89" />
            <source>افزودن نسخه</source>
            <translation>Copy added</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="90" />
            <source>ثبت عضو</source>
            <translation>Member registered</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="91" />
            <source>حل ناسازگاری</source>
            <translation>Conflict resolved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="93" />
            <source>ویرایش کاربر</source>
            <translation>User changed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="94" />
            <source>نام کاربری تازه</source>
            <translation>New user name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="95" />
            <source>مشخصات دفتر یا مرکز</source>
            <translation>Office or centre details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="96" />
            <source>تعطیل رسمی</source>
            <translation>Official holiday</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="98" />
            <source>ادغام دستگاه اجرایی در دستگاه دیگر</source>
            <translation>Agency merged into another</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="99" />
            <source>برگرداندن ادغام دستگاه اجرایی</source>
            <translation>Agency merge undone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="100" />
            <source>بستن مرکز فرهنگی هنری</source>
            <translation>Cultural centre closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="101" />
            <source>مشخصات متقاضی</source>
            <translation>Applicant details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="102" />
            <source>افزودن عنوان</source>
            <translation>Title added</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="103" />
            <source>اصلاح عنوان</source>
            <translation>Title corrected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="104" />
            <source>اصلاح نسخه</source>
            <translation>Copy corrected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="105" />
            <source>بارکد تازه نسخه</source>
            <translation>New copy barcode</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="107" />
            <source>گم‌شدن نسخه</source>
            <translation>Copy lost</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="108" />
            <source>فرستادن نسخه به مرکز دیگر</source>
            <translation>Copy sent to another centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="109" />
            <source>رسیدن نسخه</source>
            <translation>Copy received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="110" />
            <source>اصلاح مشخصات عضو</source>
            <translation>Member details corrected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="111" />
            <source>یکی‌شدن دو عضو</source>
            <translation>Two members merged</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="112" />
            <source>شماره عضویت تازه</source>
            <translation>New member number</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="113" />
            <source>پایان عضویت و حذف مشخصات</source>
            <translation>Membership ended, details removed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="114" />
            <source>باطل‌شدن امانت</source>
            <translation>Loan voided</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="115" />
            <source>انتقال امانت به عضو دیگر</source>
            <translation>Loan moved to another member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="116" />
            <source>رزرو</source>
            <translation>Hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="117" />
            <source>لغو رزرو</source>
            <translation>Hold cancelled</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="118" />
            <source>آماده‌شدن رزرو</source>
            <translation>Hold ready</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="119" />
            <source>فرستادن نسخه برای رزرو</source>
            <translation>Copy sent for a hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="120" />
            <source>تحویل رزرو</source>
            <translation>Hold collected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="121" />
            <source>گذشتن مهلت رزرو</source>
            <translation>Hold expired</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="190" />
            <source>امانت اشتباه</source>
            <translation>mistaken checkout</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="69" />
            <location filename="../kanoon_desk/ui/conflict_words.py" line="122" />
            <source>پیامک به عضو</source>
            <translation>SMS to a member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="106" />
            <source>خارج کردن نسخه از گردش</source>
            <translation>Copy withdrawn</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="123" />
            <source>فرستاده‌شدن پیامک</source>
            <translation>SMS sent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="124" />
            <source>آغاز انبارگردانی</source>
            <translation>Stock-take opened</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="125" />
            <source>خواندن نسخه در انبارگردانی</source>
            <translation>Copy scanned in a stock-take</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="126" />
            <source>پایان انبارگردانی</source>
            <translation>Stock-take closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="127" />
            <source>امانت استثنا</source>
            <translation>Loan override</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="133" />
            <source>سپردن نسخه به مرکز دیگر (بسته‌بندی در همان مرکز)</source>
            <extracomment>A copy packed where it stood, given to another centre for good (`copy.received` with `moved`, `library_common.pack_to_move`): no arrival, though recorded as one.</extracomment>
            <translation>Copy given to another centre (packed where it stood)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="177" />
            <source>بله</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_words.py" line="177" />
            <source>خیر</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="436" />
            <location filename="../kanoon_desk/ui/conflict_words.py" line="188" />
            <location filename="../kanoon_desk/ui/conflict_words.py" line="201" />
            <source>، </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="106" />
            <source>نوع ناسازگاری</source>
            <extracomment>A letter of any script: a value with one is text (a name, a title, a barcode «B0001», a user name). Fields that hold a barcode (or name a copy by it): its digits are those on its label, as the lending pages show them (typed or scanned back as they are). Fields that hold a number of the office's own, shown as its page shows it (`code_text`). (marks a value shown as it is, in `ConflictInbox._fact_html`; never shown) the lines of a fact in view at least, however small the window (the page scrolls) every open conflict (the list's lines, without their facts), and those the filters let through office and centre code → name (the filters and the decision for several) the conflict shown, with its facts (read when it is selected) What each choice of the conflict shown does, as its label says (the confirmation repeats it).</extracomment>
            <translation>Kind of conflict</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="109" />
            <source>دفتر یا مرکز</source>
            <translation>Office or centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="118" />
            <source>جست‌وجو: بارکد، نام عضو، شماره یا نام کاربری (Ctrl+F)</source>
            <translation>Search: barcode, member name, number or user name (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="147" />
            <source>دفتر یا مرکزی که رویدادش درست است</source>
            <translation>Office or centre whose event is right</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="151" />
            <source>ثبت برای همه گزیده‌ها</source>
            <translation>Record for all selected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="162" />
            <source>چاپ فهرست</source>
            <translation>Print list</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="165" />
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="468" />
            <source>خروجی اکسل</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="249" />
            <source>همه انواع</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="250" />
            <source>همه دفترها و مرکزها</source>
            <translation>All offices and centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="292" />
            <source>%1 از %2 ناسازگاری باز</source>
            <translation>%1 of %2 open conflicts</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="303" />
            <source>ناسازگاری بازی با این گزینش نیست.</source>
            <translation>No open conflict matches this choice.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="313" />
            <source>کاربر</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="314" />
            <source>زمان ثبت</source>
            <translation>Recorded at</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="316" />
            <source>حساب کاربری</source>
            <translation>Account</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="338" />
            <source>یعنی</source>
            <translation>Meaning</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="340" />
            <source>دستگاه</source>
            <translation>Device</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="351" />
            <source>کاربر دفتر {office}</source>
            <translation>a user of office {office}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="358" />
            <source>همین دستگاه</source>
            <translation>This desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="359" />
            <source>دستگاهی دیگر (%1)</source>
            <translation>Another desk (%1)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="382" />
            <source>تغییر حساب کاربر</source>
            <translation>Change to the account</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="383" />
            <source>ثبت‌شده پس از آن در میزی که خبر نداشت (%1)</source>
            <translation>Recorded after it at a desk that did not know (%1)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="417" />
            <source>ناسازگاری دوبار حل‌شده: %1</source>
            <translation>Conflict decided twice: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="419" />
            <source>رویداد نخست آن</source>
            <translation>Its first event</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="419" />
            <source>رویداد دوم آن</source>
            <translation>Its second event</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="428" />
            <source>ناسازگاری</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="428" />
            <source>درباره</source>
            <translation>About</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="428" />
            <source>دفترها و مرکزها</source>
            <translation>Offices and centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="428" />
            <source>زمان</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="459" />
            <source>ناسازگاری‌ها</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="494" />
            <source>رویداد %1 درست است</source>
            <translation>The event of %1 is right</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="496" />
            <source>%1 ناسازگاری گزیده شده است. در هر یک رویدادی درست است که در این دفتر یا مرکز ثبت شد؛ رویداد دیگر همان‌گونه کنار می‌رود که با دکمه خود آن ناسازگاری.</source>
            <translation>%1 conflicts selected. In each, the event recorded at this office or centre is the right one; the other is set aside as that conflict's own button would.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="503" />
            <source>برای %1 ناسازگاری گزیده «%2» ثبت شود؟</source>
            <translation>Record “%2” for the %1 selected conflicts?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="504" />
            <source>هر یک جداگانه بررسی می‌شود و آن‌که پذیرفته نشود باز می‌ماند. تصمیم ثبت‌شده به همه میزها می‌رسد و پس گرفته نمی‌شود.</source>
            <translation>Each is checked on its own, and one that is refused stays open. A recorded decision reaches every desk and is not taken back.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="590" />
            <source>تصمیم «%1» برای این ناسازگاری ثبت شود؟</source>
            <translation>Record the decision "%1" for this conflict?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="591" />
            <source>تصمیم ثبت‌شده به همه میزها می‌رسد و پس گرفته نمی‌شود.</source>
            <translation>A recorded decision reaches every desk and cannot be taken back.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="507" />
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="593" />
            <source>ثبت تصمیم</source>
            <translation>Record the decision</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="530" />
            <source>%Ln ناسازگاری حل شد و با همگام‌سازی بعدی به دیگر میزها می‌رسد.</source>
            <translation>
                <numerusform>%Ln conflict resolved; the next sync takes it to the other desks.</numerusform>
                <numerusform>%Ln conflicts resolved; the next sync takes them to the other desks.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="532" />
            <source>%Ln ناسازگاری باز ماند:</source>
            <translation>
                <numerusform>%Ln conflict stayed open:</numerusform>
                <numerusform>%Ln conflicts stayed open:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="609" />
            <source>تصمیم ثبت شد و با همگام‌سازی بعدی به دیگر میزها می‌رسد.</source>
            <translation>Decision recorded; it reaches the other desks with the next sync.</translation>
        </message>
    </context>
    <context>
        <name>Cover</name>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="54" />
            <source>کانون دسک قفل است.</source>
            <extracomment>The events that say a person is at the desk (anything else, a repaint or a timer, does not). How often the idle time is looked at (ms): the lock comes at most this late (or this early: the input watched for is the first after each look, `IdleLock.eventFilter`).</extracomment>
            <translation>Kanoon Desk is locked.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="33" />
            <source>نام کاربری یا گذرواژه درست نیست.</source>
            <translation>Wrong user name or password.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="34" />
            <source>این کاربر غیرفعال است؛ با مدیر دفتر تماس بگیرید.</source>
            <translation>This user is disabled; contact the office administrator.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="35" />
            <source>این کار فقط از مدیر سامانه دفتر برمی‌آید.</source>
            <translation>Only the office's system administrator can do this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="36" />
            <location filename="../kanoon_desk/services/library_common.py" line="20" />
            <location filename="../kanoon_desk/services/library_import.py" line="330" />
            <location filename="../kanoon_desk/services/secretariat_common.py" line="17" />
            <source>این خانه را پر کنید.</source>
            <extracomment>How a "loanable" cell says yes or no (empty: yes, the usual case). Accepted column headings (Persian as centres write them, or English) → field name. A member category as centres write it (Persian or English, as the members list names it) → its code; "" (کودک و نوجوان: a child or a teen) is decided by the birth date, a child without one. The heading a field is named by in an error when the file has no such column. A service's field name → the import's (a member's home centre is the file's "centre" column). Stand-ins for required cells found wrong, so the rest of a row is still checked (never written). what the row does besides the plain case (Persian, "Errors" context, `{t}`: note_title) every error of the row: (field, Persian message, "Errors" context) the values an error's message names (its `params`: who has this national ID), by field the fields whose cell is a formula the file keeps no value for (`sheets.UNCOMPUTED`): each an error of the row, however often it is checked again One event an import row writes: (type, aggregate id, payload). the titles the store has by name and author, asked once for the file (thousands of rows name the same few; nothing is written while the rows are checked) the office's centres, held so the session finds each in its identity map: every row asks whether its centre exists, and each asking loaded the centre anew (a third of a member row) each field's heading as the file writes it the headings of the columns the import does not know (not read: said in the preview) A Jalali date written day first, as Persian forms (and sheets typed from them) write it: 5/1/1402.</extracomment>
            <translation>Fill in this field.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="37" />
            <source>گذرواژه دست‌کم ۸ نویسه باشد.</source>
            <translation>The password must be at least 8 characters.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="38" />
            <source>دو گذرواژه یکسان نیستند؛ دوباره بنویسید.</source>
            <translation>The two passwords differ; type them again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="39" />
            <source>این نام کاربری پیش‌تر گرفته شده است.</source>
            <translation>This user name is already taken.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="40" />
            <source>نام کاربری فقط حروف لاتین، رقم، نقطه و خط زیر باشد.</source>
            <translation>A user name may contain only Latin letters, digits, dots and underscores.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="41" />
            <source>کد دفتر ۱ تا ۸ رقم یا حرف لاتین باشد.</source>
            <translation>The office code must be 1 to 8 digits or Latin letters.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="42" />
            <source>نقش ناشناخته است.</source>
            <translation>Unknown role.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="43" />
            <source>دست‌کم یک نقش برگزینید.</source>
            <translation>Choose at least one role.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="44" />
            <source>آخرین مدیر سامانه را نمی‌توان غیرفعال یا بی‌نقش کرد.</source>
            <translation>The last system administrator cannot be disabled or lose the role.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="45" />
            <source>این دفتر کاربر دارد؛ با یکی از کاربران دفتر وارد شوید.</source>
            <translation>This office has users already; log in as one of them.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="46" />
            <source>حساب شما دیگر فعال نیست یا نقش مدیر سامانه ندارد؛ از سامانه خارج شوید و دوباره وارد شوید.</source>
            <translation>Your account is no longer enabled or no longer a system administrator; log out and log in again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="48" />
            <source>این کاربر هیچ نقشی ندارد (نقش‌هایش در دو میز جداگانه گرفته شد) و با آن کاری برنمی‌آید؛ از مدیر سامانه دفتر بخواهید در صفحه کاربران نقشی به او بدهد.</source>
            <translation>This user has no role (their roles were taken at two desks apart) and can do nothing with it; ask the office's system admin to give them a role on the users page.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="51" />
            <source>نمی‌توانید خودتان را غیرفعال کنید؛ مدیر سامانه دیگری باید این کار را بکند.</source>
            <translation>You cannot disable yourself; another system administrator must do it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="53" />
            <source>نمی‌توانید نقش مدیر سامانه را از خودتان بگیرید؛ مدیر سامانه دیگری باید این کار را بکند.</source>
            <translation>You cannot take the system administrator role from yourself; another system administrator must do it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="156" />
            <source>شما اجازه این کار را ندارید.</source>
            <extracomment>Kept an active admin though a change made at another desk took that away: it left the office with no active admin after a sync (`stand_in_admin`). Another account has this user name (made at two desks apart: a `username.duplicate` conflict until an admin resolves it); `login` takes the oldest of them, so the others cannot log in. ... and this is one of the others (`name_shared`, not the oldest) Steps recorded by this inactive user after their deactivation, at a desk that did not know of it yet (`work_after_deactivation`): they stand, and are theirs by name. How long after a user's deactivation the users page looks for work they recorded at a desk that did not know of it yet (desks work apart for days, not for months): the events of that span are read.</extracomment>
            <translation>You are not allowed to do this.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/services/accounts.py" line="289" />
            <source>چند بار پشت سر هم گذرواژه نادرست نوشته شد؛ ورود با این نام کاربری تا %Ln دقیقه دیگر بسته است. اگر گذرواژه را فراموش کرده‌اید، مدیر سامانه دفتر می‌تواند گذرواژه تازه‌ای بدهد.</source>
            <extracomment>Wrong passwords in a row a user name may have before log-in with it waits (`login_wait`). The wait after the first attempt beyond the free ones; it doubles with each further one ... ... up to this. The audit actions the log-in throttle reads (the partial index `ix_audit_login` holds them). Not "login.refused": the right password of an inactive account or one with no role, neither a wrong guess nor a log-in.</extracomment>
            <translation>
                <numerusform>A wrong password was given several times in a row; log-in with this user name is closed for %Ln more minute. If the password is forgotten, the office's system admin can give a new one.</numerusform>
                <numerusform>A wrong password was given several times in a row; log-in with this user name is closed for %Ln more minutes. If the password is forgotten, the office's system admin can give a new one.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="337" />
            <source>این گذرواژه پیش‌تر درست بود، اما همان هنگام در میز دیگری گذرواژه این کاربر عوض شد و پس از همگام‌سازی گذرواژه‌ای که دیرتر گذاشته شد به کار می‌رود. با آن وارد شوید؛ اگر آن را نمی‌دانید، از مدیر سامانه دفتر بخواهید گذرواژه تازه‌ای به شما بدهد.</source>
            <translation>This password was right before, but meanwhile this user's password was changed at another desk, and since the sync the one set later is in use. Log in with that one; if you do not know it, ask the office's system admin for a new password.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="413" />
            <source>حساب شما در میز دیگری غیرفعال شد و همگام‌سازی آن را به این میز آورد؛ جلسه کاری شما بسته شد. آنچه پیش از این ثبت کرده بودید می‌ماند.</source>
            <translation>Your account was disabled at another desk and the sync brought that to this desk; your session was closed. What you recorded before stays.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="416" />
            <source>نقش‌های شما در میز دیگری تغییر کرد و همگام‌سازی آن را به این میز آورد؛ برای کار با نقش‌های تازه دوباره وارد شوید.</source>
            <translation>Your roles were changed at another desk and the sync brought that to this desk; log in again to work with your new roles.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="453" />
            <source>کاربر در همین دفتر یا یکی از مراکز فرهنگی هنری آن کار می‌کند.</source>
            <translation>A user works at this office or at one of its cultural centres.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="513" />
            <location filename="../kanoon_desk/services/accounts.py" line="545" />
            <location filename="../kanoon_desk/services/accounts.py" line="566" />
            <source>کاربر پیدا نشد.</source>
            <translation>User not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="553" />
            <source>گذرواژه تازه همان گذرواژه کنونی است؛ گذرواژه دیگری برگزینید.</source>
            <translation>The new password is the current one; choose another.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="577" />
            <source>گذرواژه کنونی درست نیست.</source>
            <translation>The current password is wrong.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="657" />
            <source>مرکز فرهنگی هنری دوباره دفتر نمی‌شود: کتاب‌ها، اعضا و امانت‌ها به آن بسته‌اند.</source>
            <translation>A cultural centre does not go back to being an office: its books, members and loans belong to it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="698" />
            <source>{day} جمعه است و خودبه‌خود تعطیل است؛ چیزی افزوده نشد.</source>
            <translation>{day} is a Friday, a day off anyway; nothing was added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="699" />
            <source>{day} از تعطیلات رسمی ثابت هر سال است و خودبه‌خود به حساب می‌آید؛ چیزی افزوده نشد.</source>
            <translation>{day} is one of the fixed official holidays of every year and already counts as a day off; nothing was added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="849" />
            <source>زمان قفل خودکار عددی از ۰ (خاموش) تا {most} دقیقه باشد.</source>
            <extracomment>The Jalali years the working calendar knows the fixed holidays of (far past every due date). The desk's state key of the idle lock's minutes (a setting of this computer, not an event). Minutes of no keyboard or mouse use after which an open session is covered by the lock screen, until the office's admin chooses otherwise; 0 turns the lock off.</extracomment>
            <translation>The automatic lock is a number of minutes from 0 (off) to {most}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="22" />
            <source>عضویت این عضو به پایان رسیده است.</source>
            <extracomment>Refusal code → Persian message (shown translated by the UI).</extracomment>
            <translation>This member's membership has expired.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="23" />
            <source>عضویت این عضو پایان یافته و مشخصاتش به درخواست ولی حذف شده است؛ این کارت دیگر امانت نمی‌گیرد.</source>
            <translation>This member's membership has ended and their details were removed at the guardian's request; this card lends nothing any more.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="25" />
            <source>این عضو کتاب دیرکرد دارد.</source>
            <translation>This member has overdue books.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="26" />
            <source>سقف امانت این عضو پر است.</source>
            <translation>This member has reached the loan limit.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="27" />
            <source>این نسخه امانت‌دادنی نیست.</source>
            <translation>This copy is not for loan.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="28" />
            <source>این نسخه گم‌شده ثبت شده است.</source>
            <translation>This copy is recorded as lost.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="29" />
            <source>این نسخه از گردش خارج شده است.</source>
            <translation>This copy has been withdrawn from circulation.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="30" />
            <source>این نسخه برای عضو دیگری کنار گذاشته شده است.</source>
            <translation>This copy is set aside for another member's hold.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="31" />
            <source>سقف تمدید این امانت پر است.</source>
            <translation>This loan has reached the renewal limit.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="32" />
            <source>عضو دیگری این عنوان را رزرو کرده است.</source>
            <translation>Another member has a hold on this title.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="33" />
            <source>تمدید امروز مهلت بازگشت را جلو نمی‌برد؛ نزدیک‌تر به مهلت تمدید کنید (تمدیدی هدر نرفت).</source>
            <translation>Renewing today would not move the due date; renew closer to it (no renewal was used).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="36" />
            <source>این نسخه هم‌اکنون در امانت است؛ نخست آن را بازگردانید.</source>
            <translation>This copy is on loan right now; check it in first.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="38" />
            <source>این نسخه هم‌اکنون به نام {member} از {centre} تا {due} در امانت است؛ نخست آن را بازگردانید.</source>
            <extracomment>the same, naming who has it, where it was lent and until when (`{member}`, `{centre}`, `{due}`)</extracomment>
            <translation>This copy is on loan to {member} from {centre} until {due}; return it first.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="40" />
            <source>امانت پیدا نشد.</source>
            <translation>Loan not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="41" />
            <source>این امانت پیش‌تر بازگردانده شده است.</source>
            <translation>This loan has already been returned.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="42" />
            <source>این نسخه در امانت نیست.</source>
            <translation>This copy is not on loan.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="43" />
            <source>شما اجازه نادیده گرفتن این مانع را ندارید.</source>
            <translation>You are not allowed to override this block.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="44" />
            <source>دلیل نادیده گرفتن مانع را کوتاه بنویسید.</source>
            <translation>Write a short reason for the override.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="45" />
            <source>این عضو پیش‌تر این عنوان را رزرو کرده است.</source>
            <translation>This member already has a hold on this title.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="46" />
            <source>نسخه‌ای از این عنوان در قفسه همین مرکز هست؛ رزرو لازم نیست.</source>
            <translation>A copy of this title is on the shelf at this centre; no hold is needed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="47" />
            <source>این کتاب نسخه امانت‌دادنی ندارد؛ رزرو آن هرگز آماده نمی‌شود.</source>
            <translation>This book has no copy that can be lent; a hold on it would never be ready.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="49" />
            <source>رزرو پیدا نشد.</source>
            <translation>Hold not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="50" />
            <source>این رزرو دیگر باز نیست.</source>
            <translation>This hold is no longer open.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="58" />
            <source>تنها امانتی که امروز داده شده است به‌عنوان اشتباه لغو می‌شود؛ این کتاب را با «بازگشت» پس بگیرید.</source>
            <translation>Only a loan made today can be voided as a mistake; take this book back with «Return».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="60" />
            <source>این امانت تمدید شده است و دیگر اشتباه خواندن نیست؛ کتاب را با «بازگشت» پس بگیرید.</source>
            <translation>This loan has been renewed, so it is no mis-scan; take the book back with «Return».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="62" />
            <source>این امانت رزرو همین عضو را تحویل داده است؛ کتاب را با «بازگشت» پس بگیرید تا رزرو دوباره بررسی شود.</source>
            <translation>This loan collected the member's own hold; take the book back with «Return» so the hold is looked at again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_common.py" line="22" />
            <location filename="../kanoon_desk/services/library_rules.py" line="102" />
            <source>مرکز فرهنگی هنری پیدا نشد.</source>
            <translation>Cultural centre not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="51" />
            <source>این رزرو دیگر در صف نیست؛ نسخه‌ای برایش فرستاده یا کنار گذاشته شده است.</source>
            <translation>This hold is no longer waiting; a copy has been sent or set aside for it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="52" />
            <source>این رزرو در همین مرکز تحویل می‌شود؛ فرستادن لازم نیست.</source>
            <translation>This hold is picked up at this centre; there is nothing to send.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="53" />
            <source>این نسخه از کتاب دیگری است.</source>
            <translation>This copy belongs to another title.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="54" />
            <source>این نسخه در قفسه همین مرکز نیست.</source>
            <translation>This copy is not on this centre's shelf.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="55" />
            <source>این نسخه گم‌شده ثبت شده بود. اگر پیدا شده است، «پیدا شد» را بزنید تا به گردش برگردد.</source>
            <translation>This copy was recorded lost. If it has been found, press “Found” to put it back into circulation.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_views.py" line="57" />
            <source>این نسخه گم‌شده ثبت نشده است.</source>
            <translation>This copy is not recorded lost.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="45" />
            <source>کد ملی درست نیست.</source>
            <translation>The national ID is not valid.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="47" />
            <source>این کد ملی پیش‌تر برای {name} (شماره عضویت {no}) ثبت شده است.</source>
            <extracomment>`{name}`, `{no}`: the member who has it (DuplicateNationalId.params)</extracomment>
            <translation>This national ID is already registered for {name} (member number {no}).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="49" />
            <source>{name} با همین نام و کد ملی ولی پیش‌تر عضو شده است (شماره عضویت {no}).</source>
            <extracomment>`{name}`, `{no}`: the member already registered (DuplicateChild.params)</extracomment>
            <translation>{name} is already a member under this name and guardian's national ID (member number {no}).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="51" />
            <source>کد ملی عضو را بنویسید؛ تنها کودکی که کد ملی ندارد با کد ملی ولی‌اش ثبت می‌شود.</source>
            <translation>Enter the member's national ID; only a child without one is registered with the guardian's national ID.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="53" />
            <source>شماره همراه درست نیست (۰۹xxxxxxxxx).</source>
            <translation>The mobile number is not valid (09xxxxxxxxx).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="54" />
            <source>برای عضو کودک و نوجوان نام و تلفن ولی را بنویسید.</source>
            <translation>For a child or teen member, enter the guardian's name and phone.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="59" />
            <source>مشخصات این عضو به درخواست ولی حذف شده است؛ برای بازگشت، او را دوباره عضو کنید.</source>
            <translation>This member's details were removed at the guardian's request; to come back, register them again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_common.py" line="21" />
            <source>گروه عضویت ناشناخته است.</source>
            <translation>Unknown membership category.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_common.py" line="23" />
            <source>عضوی با این شماره پیدا نشد.</source>
            <translation>No member has this number.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_common.py" line="69" />
            <source>این بارکدِ کهنه یک نسخه است: بارکد آن به {b} اصلاح شده است. برچسب تازه را چاپ کنید و روی کتاب بچسبانید، سپس بارکد تازه را بخوانید.</source>
            <extracomment>`{b}`: the copy's barcode now (OldBarcode.codes)</extracomment>
            <translation>This is a copy's old barcode: it was corrected to {b}. Print the new label, stick it on the book, then scan the new barcode.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="38" />
            <source>شابک درست نیست.</source>
            <translation>The ISBN is not valid.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="39" />
            <source>گروه سنی باید یکی از الف، ب، ج، د، ه باشد.</source>
            <translation>The age group must be one of الف, ب, ج, د, ه (A to E).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_common.py" line="24" />
            <source>عنوان پیدا نشد.</source>
            <translation>Title not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_common.py" line="25" />
            <source>نسخه‌ای با این بارکد پیدا نشد.</source>
            <translation>No copy has this barcode.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="40" />
            <source>این بارکد پیش‌تر به نسخه دیگری داده شده است.</source>
            <translation>This barcode is already assigned to another copy.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="41" />
            <source>بارکد فقط رقم و حروف لاتین باشد (حداکثر ۳۲ نویسه).</source>
            <translation>A barcode may contain only digits and Latin letters (at most 32 characters).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="21" />
            <source>مقدار قاعده امانت باید عددی مثبت باشد.</source>
            <translation>A lending rule value must be a positive number.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="55" />
            <source>تاریخ پایان عضویت پیش از امروز است.</source>
            <translation>The membership end date is before today.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="56" />
            <source>عکس عضو باید پرونده JPEG یا PNG باشد.</source>
            <translation>A member's photo must be a JPEG or PNG file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="57" />
            <source>اندازه عکس حداکثر ۲ مگابایت است.</source>
            <translation>A photo is at most 2 MB.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_members.py" line="58" />
            <source>پرونده عکس خوانده نشد.</source>
            <translation>The photo file could not be read.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="44" />
            <source>این بارکدِ خودِ کتاب (شابک پشت جلد) است و در همه نسخه‌های آن یکی است؛ برچسب بارکد کتابخانه را بخوانید، یا جا را خالی بگذارید تا بارکد داده شود.</source>
            <extracomment>a copy's barcode box given the barcode printed on the book itself (its ISBN as an EAN-13, 978/979…): it is the same on every copy of the book, so it cannot tell one copy from another</extracomment>
            <translation>This is the book's own barcode (the ISBN on its back cover), the same on every copy of it; scan the library's barcode label, or leave the box empty to have a barcode issued.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="47" />
            <source>نشانی قفسه حداکثر ۳۲ نویسه باشد.</source>
            <translation>A shelf mark is at most 32 characters.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="49" />
            <source>کتابی با این شابک در فهرست هست: «{t}». نسخه‌ها را به همان عنوان بیفزایید.</source>
            <extracomment>`{t}`: the title already in the catalogue (DuplicateIsbn.existing)</extracomment>
            <translation>A book with this ISBN is already in the catalogue: “{t}”. Add copies to that title.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="77" />
            <source>«{t}» از «{a}» در فهرست هست. نسخه‌ها را به همان عنوان بیفزایید.</source>
            <extracomment>`{t}`, `{a}`: the title already in the catalogue and its author (SameTitle.existing)</extracomment>
            <translation>“{t}” by {a} is already in the catalogue. Add the copies to that title.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="80" />
            <source>«{t}» بی نام نویسنده در فهرست هست. نسخه‌ها را به همان عنوان بیفزایید.</source>
            <extracomment>as MSG_TITLE_KNOWN, for a title with no author</extracomment>
            <translation>“{t}”, with no author, is already in the catalogue. Add the copies to that title.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="335" />
            <source>بارکد نسخه دیگری ({b}) با این آغاز می‌شود؛ شاید اسکن ناتمام خوانده شده است. برچسب را دوباره بخوانید.</source>
            <extracomment>Above this many matches a query is too broad to rank them all by bm25 within the time a person waits; the first matches are ordered by how the title reads against the query instead. `{b}`: the barcode of another copy the one given begins (BarcodeCutShort.codes)</extracomment>
            <translation>Another copy's barcode ({b}) begins with this; the scan may have been cut short. Scan the label again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="386" />
            <source>تعداد نسخه‌ها از ۱ تا ۲۰۰ باشد.</source>
            <extracomment>above every character a barcode holds (digits, Latin capitals, «-», «.»): `code` &lt; x &lt; `code`+this is the barcodes that begin with `code`, a range of the barcode index The most copies added in one go (a delivery's copies of one title; more is a typing slip).</extracomment>
            <translation>The number of copies must be from 1 to 200.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="387" />
            <source>برای چند نسخه، بارکد نخست باید به رقم پایان یابد تا بارکدهای پسین از آن شمرده شوند (مانند K000120).</source>
            <translation>For several copies the first barcode must end in a digit, so that the next ones are counted on from it (like K000120).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="390" />
            <source>بارکد {b} از این رشته پیش‌تر به نسخه دیگری داده شده است؛ هیچ نسخه‌ای افزوده نشد.</source>
            <extracomment>`{b}`: the barcode of the run that another copy has</extracomment>
            <translation>Barcode {b} of this run is already given to another copy; no copy was added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="456" />
            <source>این همان بارکد کنونی نسخه است؛ بارکد درست را بنویسید یا بخوانید.</source>
            <translation>This is the copy's barcode already; type or scan the right one.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="570" />
            <source>این نسخه در امانت است؛ نخست آن را بازگردانید (اگر نزد عضو گم شده است، در میز امانت «گم‌شده نزد عضو» را بزنید).</source>
            <extracomment>Copies that are on no shelf any more: no label is printed for them.</extracomment>
            <translation>This copy is on loan; return it first (if the member lost it, press “Lost by member” at the circulation desk).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_catalogue.py" line="575" />
            <source>چرا وجین می‌شود؟ دلیل را بنویسید (فرسوده، آسیب‌دیده، تکراری…)؛ نسخه وجین نشد.</source>
            <translation>Why is it withdrawn? Write the reason (worn, damaged, a duplicate…); the copy was not withdrawn.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="96" />
            <source>کد مرکز باید کد دفتر همین میز و دو رقم پس از آن باشد (مانند ۱۳۰۱ برای دفتر ۱۳)؛ مرکزهای دفترهای دیگر را میز همان دفتر ثبت می‌کند.</source>
            <extracomment>Loan rules a new desk starts with (working days, loans at once, renewals).</extracomment>
            <translation>A centre's code must be this desk's office code followed by two digits (such as 1301 for office 13); other offices' centres are recorded by their own office's desk.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="101" />
            <source>مرکزی با این کد پیش‌تر ثبت شده است؛ آن را در فهرست برگزینید و اصلاح کنید.</source>
            <translation>A centre with this code already exists; select it in the list to correct it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="103" />
            <source>کد مرکز ۱ تا ۸ رقم یا حرف لاتین باشد.</source>
            <translation>The centre code must be 1 to 8 digits or Latin letters.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="104" />
            <source>کد {code} کد خود این دفتر است، نه مرکزی از آن؛ کد مرکز کد دفتر و دو رقم پس از آن است، مانند {example}. اگر این دفتر خود مرکز فرهنگی هنری است، آن را در «مشخصات دفتر» مرکز کنید.</source>
            <translation>{code} is this office's own code, not one of its centres: a centre's code is the office code and two digits, such as {example}. If this office is itself a cultural centre, make it one in «Office details».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="107" />
            <source>کد {code} کد یک دفتر است، نه مرکز فرهنگی هنری؛ کد دیگری برگزینید.</source>
            <translation>{code} is an office's code, not a cultural centre's; choose another code.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="114" />
            <source>شماره تلفن مرکز را با رقم بنویسید (خط تیره، فاصله و پرانتز هم رواست؛ بیش از ۴۰ نویسه نه).</source>
            <extracomment>A centre's phone and address as the agency directory bounds them (the overdue notices print both).</extracomment>
            <translation>Write the centre's phone in digits (dashes, spaces and brackets are fine; at most 40 characters).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="116" />
            <source>نشانی بیش از ۴۰۰ نویسه است.</source>
            <translation>The address is longer than 400 characters.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="237" />
            <source>مرکز «{name}» بسته شده است؛ مرکز دیگری برگزینید.</source>
            <extracomment>printed on the centre's overdue notices, for a guardian to call closed (`close_centre`): the day, and the centre its members and copies went to</extracomment>
            <translation>Centre “{name}” is closed; choose another centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="239" />
            <source>این مرکز پیش‌تر بسته شده است.</source>
            <translation>This centre was already closed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="240" />
            <source>مرکز هنوز کار باز دارد و بسته نشد: امانت باز {loans}، رزرو {holds}، نسخه در راه {transit}. نخست کتاب‌های امانتی بازگردانده شود، رزروها تحویل یا لغو شود و نسخه‌های در راه برسند.</source>
            <translation>The centre still has open work and was not closed: open loans {loans}, holds {holds}, copies on their way {transit}. First the lent books must come back, the holds be collected or cancelled and the copies on their way arrive.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="243" />
            <source>مرکزی را برگزینید که اعضا و نسخه‌های این مرکز به آن می‌رود.</source>
            <translation>Choose the centre this centre's members and copies go to.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="245" />
            <source>مرکز را نمی‌توان به خودش سپرد؛ مرکز دیگری برگزینید.</source>
            <translation>A centre cannot be handed to itself; choose another centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_rules.py" line="246" />
            <source>چرا نسخه‌ها وجین می‌شوند؟ دلیل را بنویسید؛ مرکز بسته نشد.</source>
            <translation>Why are the copies withdrawn? Write the reason; the centre was not closed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="32" />
            <source>شیوه دریافت را برگزینید.</source>
            <translation>Choose how the request was received.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="33" />
            <source>تاریخ دریافت نمی‌تواند پس از امروز باشد.</source>
            <translation>The received date cannot be after today.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="34" />
            <source>این پیوست پیش‌تر به این پرونده افزوده شده است.</source>
            <translation>This attachment is already on this case.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="35" />
            <source>«{name}» همان پیوست «{first}» است؛ یکی از آن دو را از فهرست بردارید.</source>
            <translation>«{name}» is the same scan as «{first}»; take one of the two off the list.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="37" />
            <source>این پیوست در این پرونده نیست؛ شاید پیش‌تر برداشته شده است.</source>
            <translation>This attachment is not on this case; perhaps it was removed already.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="38" />
            <source>بنویسید چرا این پیوست برداشته می‌شود.</source>
            <translation>Write why this attachment is being removed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="39" />
            <source>پیوست پرونده بسته برداشته نمی‌شود؛ اگر لازم است، نخست پرونده را بازگشایی کنید.</source>
            <translation>An attachment of a closed case cannot be removed; if it must be, reopen the case first.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="41" />
            <source>پیوستی را که کاربر دیگری افزوده است تنها کارشناس، مدیر یا مدیر سامانه برمی‌دارد.</source>
            <translation>Only an expert, a manager or an admin may remove an attachment another user added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="215" />
            <source>چیزی تغییر نکرده است؛ خانه نادرست را درست کنید.</source>
            <translation>Nothing has changed; correct the wrong field.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="216" />
            <source>بنویسید چه چیزی نادرست ثبت شده بود.</source>
            <translation>Write what was recorded wrong.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_intake.py" line="217" />
            <source>تاریخ دریافت نمی‌تواند پس از {day} باشد، که کار دیگری روی این درخواست انجام شده است.</source>
            <translation>The received date cannot be after {day}, when another step was taken on this request.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_common.py" line="18" />
            <source>درخواست پیدا نشد.</source>
            <translation>Request not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_common.py" line="19" />
            <source>این کار در وضعیت کنونی درخواست شدنی نیست.</source>
            <translation>This cannot be done in the request's current status.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_common.py" line="20" />
            <source>این درخواست در کارتابل شما نیست.</source>
            <translation>This request is not in your cartable.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="20" />
            <source>گیرنده ارجاع پیدا نشد یا فعال نیست.</source>
            <translation>The referral's recipient was not found or is not active.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="21" />
            <source>ارجاع فقط به کارشناس یا مدیر دبیرخانه می‌رود؛ این کاربر چنین نقشی ندارد.</source>
            <translation>A referral goes only to an expert or a manager of the secretariat; this user has neither role.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="23" />
            <source>رونوشت فقط به کاربران دبیرخانه (کارمند دبیرخانه، کارشناس، مدیر) می‌رود؛ یکی از برگزیده‌ها چنین نقشی ندارد.</source>
            <translation>A CC goes only to secretariat users (clerk, expert, manager); one of those chosen has none of these roles.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="25" />
            <source>این ارجاع پیدا نشد.</source>
            <translation>This referral was not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="26" />
            <source>این ارجاع پیش‌تر رسیدگی شده و پس‌گرفتنی نیست.</source>
            <translation>This referral has already been acted on and cannot be recalled.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="27" />
            <source>فقط فرستنده ارجاع می‌تواند آن را پس بگیرد.</source>
            <translation>Only the sender of a referral can recall it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="29" />
            <source>کارتابل را به همان کاربر نمی‌توان سپرد؛ کاربر دیگری برگزینید.</source>
            <translation>A cartable cannot be handed to the same user; choose another user.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="30" />
            <source>در کارتابل این کاربر درخواست بازی نیست که سپرده شود.</source>
            <translation>No open case waits in this user's cartable to hand over.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="138" />
            <source>دلیل رد را برگزینید.</source>
            <translation>Choose the reason for rejection.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="139" />
            <source>نتیجه بستن پرونده را برگزینید.</source>
            <translation>Choose the outcome of closing the case.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="140" />
            <source>بنویسید رسیدگی به این درخواست وظیفه کدام دستگاه است.</source>
            <translation>Write which agency is responsible for this request.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_common.py" line="21" />
            <source>شیوه را برگزینید.</source>
            <translation>Choose the method.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_followups.py" line="32" />
            <source>مهلت پاسخ باید پس از تاریخ نامه باشد.</source>
            <translation>The response deadline must be after the letter date.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_followups.py" line="34" />
            <source>{day} تعطیل است (جمعه یا تعطیل رسمی)؛ مهلت پاسخ باید روز کاری باشد، مانند {next}.</source>
            <translation>{day} is a day off (a Friday or an official holiday); the response deadline must be a working day, such as {next}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_followups.py" line="36" />
            <source>دست‌کم یک پرونده را برگزینید.</source>
            <translation>Choose at least one case.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_followups.py" line="37" />
            <source>پرونده {case} نزد این دستگاه نیست.</source>
            <translation>Case {case} is not with this agency.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_followups.py" line="38" />
            <source>پرونده {case} دیگر در انتظار پاسخ دستگاه نیست؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.</source>
            <translation>Case {case} is no longer waiting for the agency's answer; read the list again. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_referrals.py" line="28" />
            <source>نمی‌توانید درخواست را به خودتان ارجاع دهید.</source>
            <translation>You cannot refer a request to yourself.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="23" />
            <source>هدف مراجعه را برگزینید.</source>
            <translation>Choose the purpose of the visit.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="141" />
            <source>تاریخ نامه نمی‌تواند پس از امروز باشد.</source>
            <translation>The letter date cannot be after today.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="142" />
            <source>تاریخ نامه نمی‌تواند پیش از تاریخ دریافت درخواست باشد.</source>
            <translation>The letter date cannot be before the request was received.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="143" />
            <source>دستگاه اجرایی را برگزینید.</source>
            <translation>Choose the executive agency.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="24" />
            <source>هنوز درباره این درخواست تصمیمی گرفته نشده است؛ چیزی برای اعلام به متقاضی نیست.</source>
            <translation>Nothing has been decided about this request yet; there is nothing to tell the applicant.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="154" />
            <source>این دستگاه از فهرست دستگاه‌های اجرایی بیرون گذاشته شده است؛ دستگاه دیگری برگزینید.</source>
            <translation>This agency has been taken out of the agency directory; choose another one.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="26" />
            <source>مراجعه حضوری امروز این متقاضی برای این درخواست پیش‌تر ثبت شده است؛ هر روز یک بار شمرده می‌شود.</source>
            <translation>Today's in-person visit about this request is already recorded; a visit counts once a day.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="28" />
            <source>برای این متقاضی شماره همراهی ثبت نشده است؛ پیامک فرستادنی نیست. شیوه دیگری برگزینید.</source>
            <translation>No mobile number is recorded for this applicant, so no SMS can be sent. Choose another way.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="30" />
            <source>به متقاضی پرونده {case} پیش‌تر اعلام شده است؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.</source>
            <translation>The applicant of case {case} has been told already; read the list again. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="32" />
            <source>متقاضی پرونده {case} شماره همراه ندارد؛ نشان آن را بردارید یا نامه را برگزینید. چیزی ثبت نشد.</source>
            <translation>The applicant of case {case} has no mobile number; untick it or choose a letter. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="34" />
            <source>متن پیامک {n} نویسه است و بیش از {max} نویسه فرستاده نمی‌شود؛ آن را کوتاه کنید.</source>
            <translation>The SMS is {n} characters long; no more than {max} are sent. Please shorten it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="206" />
            <source>این مراجعه در این پرونده نیست؛ شاید پیش‌تر حذف شده است.</source>
            <extracomment>How several applicants are told at once (a phone call or a visit is one person at a time). An SMS longer than this is cut (with "…"): the server's gateway sends it as a few parts. The characters of the GSM 7-bit alphabet an ASCII SMS is sent in, those that take two of its septets (the extension table): any other character (every Persian letter) makes it UCS-2.</extracomment>
            <translation>This visit is not on this case; it may have been removed already.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="207" />
            <source>بنویسید چرا این مراجعه نادرست ثبت شده بود.</source>
            <translation>Write why this visit was recorded wrongly.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_notices.py" line="208" />
            <source>مراجعه هنگام دریافت یا اعلام حضوری با همان کار ثبت شده است؛ شیوه دریافت را با «اصلاح…» درست کنید.</source>
            <translation>A visit at intake or at a notice in person was recorded with that step; correct the channel with «Correct…».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="144" />
            <source>پرونده {case} دیگر فرستادنی به دستگاه نیست (فرستاده یا بسته شده است)؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.</source>
            <translation>Case {case} can no longer be forwarded (it was forwarded or closed); read the list again. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="146" />
            <source>پرونده {case} دیگر در کارتابل شما نیست؛ فهرست را دوباره بخوانید. چیزی ثبت نشد.</source>
            <translation>Case {case} is no longer in your cartable; read the list again. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="148" />
            <source>تاریخ نامه پیش از تاریخ دریافت پرونده {case} است؛ تاریخ نامه را دیرتر بگذارید. چیزی ثبت نشد.</source>
            <translation>The letter date is before case {case} was received; set a later letter date. Nothing was recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="152" />
            <source>«{name}» در «{into}» ادغام شده است؛ پرونده را به «{into}» بفرستید.</source>
            <extracomment>The states a case is forwarded to an agency from.</extracomment>
            <translation>“{name}” was merged into “{into}”; send the case to “{into}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="159" />
            <source>خارج از حیطه وظایف</source>
            <extracomment>The reasons an expert picks from when rejecting (free text goes in the note).</extracomment>
            <translation>Outside the scope of duties</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="160" />
            <source>مدارک ناقص</source>
            <translation>Incomplete documents</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="161" />
            <source>تکراری</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="162" />
            <source>فاقد موضوع قابل رسیدگی</source>
            <translation>No actionable subject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="300" />
            <source>این پرونده نزد دستگاهی نیست که ارسالش پس گرفته شود (پاسخ رسیده یا پرونده بسته شده است).</source>
            <translation>This case is not with an agency whose forward could be taken back (the answer came, or the case was closed).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat.py" line="302" />
            <source>بنویسید چرا ارسال پس گرفته می‌شود.</source>
            <translation>Write why the forward is taken back.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="29" />
            <source>نام دستگاه را بنویسید.</source>
            <translation>Write the agency's name.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="30" />
            <source>نام دستگاه بیش از ۲۰۰ نویسه است؛ کوتاه‌ترش کنید.</source>
            <translation>The agency name is longer than 200 characters; shorten it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="31" />
            <source>دستگاهی با همین نام در فهرست هست.</source>
            <translation>An agency of this name is already in the directory.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="32" />
            <source>مهلت پاسخ باید بین ۱ تا ۹۰ روز کاری باشد.</source>
            <translation>The response deadline must be between 1 and 90 working days.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="33" />
            <source>نشانی بیش از ۴۰۰ نویسه است؛ کوتاه‌ترش کنید.</source>
            <translation>The address is longer than 400 characters; shorten it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="34" />
            <source>شماره تلفن بیش از ۴۰ نویسه است.</source>
            <translation>The phone number is longer than 40 characters.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="35" />
            <source>دستگاه اجرایی پیدا نشد.</source>
            <translation>Executive agency not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="36" />
            <source>دستگاهی را که کارها به آن می‌رود برگزینید.</source>
            <translation>Choose the agency its work goes to.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="37" />
            <source>دستگاه را نمی‌توان در خودش ادغام کرد؛ دستگاه دیگری برگزینید.</source>
            <translation>An agency cannot be merged into itself; choose another agency.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="38" />
            <source>«{name}» پیش‌تر در «{into}» ادغام شده است.</source>
            <translation>“{name}” was already merged into “{into}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="39" />
            <source>«{name}» خود در «{into}» ادغام شده است؛ «{into}» را برگزینید.</source>
            <translation>“{name}” was itself merged into “{into}”; choose “{into}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="41" />
            <source>«{name}» از فهرست ارجاع بیرون است؛ نخست آن را فعال کنید یا دستگاه دیگری برگزینید.</source>
            <translation>“{name}” is out of the list cases are sent from; make it active first or choose another agency.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="43" />
            <source>«{name}» در دستگاه دیگری ادغام نشده است؛ ادغامی برای برگرداندن نیست.</source>
            <translation>“{name}” is not merged into another agency; there is no merge to undo.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="44" />
            <source>«{name}» و «{into}» در دو میز جدا در یکدیگر ادغام شده‌اند؛ نخست ادغام «{into}» را برگردانید.</source>
            <translation>“{name}” and “{into}” were merged into each other at two desks apart; undo the merge of “{into}” first.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="46" />
            <source>«{name}» در «{into}» ادغام شده است و دوباره فعال نمی‌شود؛ کارهایش با «{into}» است.</source>
            <translation>“{name}” was merged into “{into}” and cannot be made active again; its work is with “{into}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="330" />
            <source>پرونده ستون «نام» دستگاه‌ها را ندارد.</source>
            <extracomment>False for one taken out of the forward dialog, and for one merged into another the agency that holds its work since it was merged (`merge_agency`), and its name and the day Accepted column headings of an agency list (Persian as offices write them, or English).</extracomment>
            <translation>The file has no “name” («نام») column of agencies.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="331" />
            <source>این نام در ردیف دیگری از همین پرونده هم آمده است.</source>
            <translation>This name is also in another row of the same file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_agencies.py" line="332" />
            <source>پرونده ردیف نادرست دارد؛ هیچ دستگاهی افزوده نشد.</source>
            <translation>The file has wrong rows; no agency was added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_files.py" line="15" />
            <source>فقط پرونده‌های PDF، JPEG، PNG و TIFF پذیرفته می‌شود.</source>
            <translation>Only PDF, JPEG, PNG and TIFF files are accepted.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_files.py" line="16" />
            <source>اندازه هر پیوست حداکثر ۲۰ مگابایت است.</source>
            <translation>Each attachment may be at most 20 MB.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_files.py" line="17" />
            <source>پرونده پیوست خالی است.</source>
            <translation>The attachment file is empty.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_files.py" line="18" />
            <source>پرونده پیوست خوانده نشد.</source>
            <translation>The attachment file could not be read.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_files.py" line="19" />
            <source>پرونده این پیوست در پوشه پیوست‌ها نیست.</source>
            <translation>This attachment's file is not in the attachments folder.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="7" />
            <source>کارگزار مرکزی در دسترس نیست؛ کار بی‌درنگ ادامه می‌یابد و بعداً همگام می‌شود.</source>
            <translation>The central server cannot be reached; work goes on uninterrupted and will be synced later.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="8" />
            <source>نسخه این برنامه برای همگام‌سازی کهنه است؛ لطفاً برنامه را به‌روز کنید.</source>
            <translation>This version of the program is too old to sync; please update it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="9" />
            <source>کارگزار مرکزی از این برنامه کهنه‌تر است و کارهای مرکزهای فرهنگی دفتر را نمی‌پذیرد؛ مدیر کارگزار نخست باید کارگزار را به‌روز کند. چیزی فرستاده نشد: کارهای این میز در آن می‌ماند و پس از به‌روزرسانی کارگزار فرستاده می‌شود.</source>
            <translation>The central server is older than this program and refuses the work of the office's cultural centres; the server's administrator must update it first. Nothing was sent: this desk's work stays here and is sent once the server is updated.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="10" />
            <source>کارگزار این دستگاه را نپذیرفت (رمز نادرست یا دسترسی لغو شده). از مدیر کارگزار کد ثبت تازه بگیرید و این میز را با kanoon-desk enroll --db … --server … --code … --replace-device دستگاه تازه‌ای کنید؛ کارهای فرستاده‌نشده‌اش می‌ماند و با دستگاه تازه فرستاده می‌شود.</source>
            <translation>The server refused this device (wrong secret or access revoked). Get a new enrolment code from the server's administrator and make this desk a new device with kanoon-desk enroll --db … --server … --code … --replace-device; its unsent work is kept and sent under the new device.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="11" />
            <source>کارگزار درخواست همگام‌سازی را نپذیرفت.</source>
            <translation>The server refused the sync request.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="12" />
            <source>این میز هنوز در کارگزار مرکزی ثبت نشده است.</source>
            <translation>This desk is not enrolled with the central server yet.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="13" />
            <source>در این مسیر پیش‌تر پایگاه داده‌ای هست؛ ثبت دستگاه فقط روی مسیر خالی انجام می‌شود.</source>
            <translation>A database already exists at this path; a device can only be enrolled into an empty path.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="14" />
            <source>پس از همگام‌سازی، داده‌های این میز با کارگزار برابر نیست.</source>
            <translation>After the sync, this desk's data does not match the server's.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="15" />
            <source>پاسخ کارگزار خوانده نشد.</source>
            <translation>The server's reply could not be read.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="16" />
            <source>اتصال با کارگزار در میانه قطع شد؛ آنچه رسیده بود سالم است و باقی در همگام‌سازی بعدی می‌رود و می‌آید.</source>
            <translation>The connection to the server was cut in the middle; what arrived is safe, and the rest goes and comes in the next sync.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="17" />
            <source>همگام‌سازی متوقف شد.</source>
            <translation>Sync stopped.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="18" />
            <source>اتصال با کارگزار هنگام جابه‌جایی پیوست‌ها قطع شد؛ رویدادها سالم‌اند و پیوست‌ها در همگام‌سازی بعدی جابه‌جا می‌شوند.</source>
            <translation>The connection to the server was cut while attachments were being transferred; the events are safe, and the attachments will be transferred in the next sync.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="20" />
            <source>کارگزار در این نشانی پاسخ نداد؛ نشانی و اتصال شبکه را بررسی کنید.</source>
            <translation>No server answered at this address; check the address and the network connection.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="21" />
            <source>این نشانی کارگزار کانون نیست (پاسخ آن از کارگزار کانون نبود)؛ نشانی و درگاه کارگزار را بررسی کنید.</source>
            <translation>This address is not a Kanoon server (its answer was not a Kanoon server's); check the server's address and port.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="22" />
            <source>این کد ثبت دستگاه شناخته نشد؛ آن را دوباره و با دقت بنویسید.</source>
            <translation>This enrolment code is not known; type it again carefully.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="23" />
            <source>این کد ثبت دستگاه پیش‌تر به کار رفته است؛ از مدیر کارگزار کد تازه بگیرید.</source>
            <translation>This enrolment code has been used already; ask the server's operator for a new one.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="24" />
            <source>مهلت این کد ثبت دستگاه گذشته است؛ از مدیر کارگزار کد تازه بگیرید.</source>
            <translation>This enrolment code has expired; ask the server's operator for a new one.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="25" />
            <source>نشانی کارگزار را کامل بنویسید، مانند https://kanoon.example.ir یا http://192.168.1.10:8750</source>
            <translation>Type the server's full address, such as https://kanoon.example.ir or http://192.168.1.10:8750</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="26" />
            <source>کد ثبت دستگاه را که مدیر کارگزار داده است بنویسید.</source>
            <translation>Type the enrolment code the server's operator gave you.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="27" />
            <source>کارگزار دستگاهی را که این میز بود نمی‌شناسد؛ شاید نشانی کارگزار دیگری است.</source>
            <translation>The server does not know the device this desk was; perhaps this is another server's address.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="28" />
            <source>این کد برای دفتر دیگری صادر شده است؛ کدی برای دفتر همین میز بگیرید.</source>
            <translation>This code was issued for another office; get one for this desk's office.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="29" />
            <source>این میز پیش‌تر در کارگزار ثبت شده است (پشتیبانی از پیش از پیوستنش برگردانده شده است). این کد به کار نرفت: با همین کد، این میز را با kanoon-desk enroll --db … --server … --code … --replace-device دستگاه تازه‌ای از دفترش کنید؛ داده‌هایش می‌ماند و کارهایی که کارگزار ندارد فرستاده می‌شود.</source>
            <translation>The server knows this desk already (a backup from before it joined was restored). The code was not spent: with the same code, make this desk a new device of its office with kanoon-desk enroll --db … --server … --code … --replace-device; its data stays and what the server lacks is sent.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="30" />
            <source>این میز پیش‌تر به کارگزار مرکزی پیوسته است. اگر دسترسی‌اش لغو شده یا رمزش گم شده است، با کد ثبت تازه و kanoon-desk enroll --replace-device آن را دستگاه تازه‌ای کنید.</source>
            <translation>This desk has already joined the central server. If its access was revoked or its secret lost, make it a new device with a new code and kanoon-desk enroll --replace-device.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/errors.py" line="31" />
            <source>داده‌های این میز در رایانه دیگری هم به کار رفته است (پایگاه داده‌اش رونوشت شده، یا پشتیبانی کهنه دوباره برگردانده شده) و کارگزار اکنون آن دیگری را دنبال می‌کند؛ این رایانه دیگر همگام نمی‌شود. از مدیر کارگزار کد ثبت تازه بگیرید و این میز را با kanoon-desk enroll --replace-device دستگاه تازه‌ای کنید؛ کارهای فرستاده‌نشده‌اش با آن فرستاده می‌شود.</source>
            <translation>This desk's data is in use on another computer too (its database was copied, or an old backup restored a second time) and the server now follows the other one; this computer no longer syncs. Get a new enrolment code from the server's administrator and make this desk a new device with kanoon-desk enroll --replace-device; its unsent work is sent with it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/errors.py" line="44" />
            <source>کار انجام نشد؛ خطای پیش‌بینی‌نشده‌ای رخ داد. گزارش آن در پرونده رخدادها ثبت شد.</source>
            <translation>It was not done: an unexpected error happened. It was written to the log file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/errors.py" line="51" />
            <source>ثبت نشد: دیسکی که پرونده داده این میز روی آن است پر شده است. آنچه پیش‌تر ثبت شده بود محفوظ است؛ روی همان دیسک جا باز کنید (پرونده‌های بزرگ یا کهنه را پاک یا جابه‌جا کنید) و دوباره ثبت کنید.</source>
            <translation>Not recorded: the disk holding this desk's data file is full. What was recorded before is safe; make room on that disk (delete or move large or old files) and record it again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/errors.py" line="55" />
            <source>ثبت نشد: پرونده داده این میز یا پوشه آن دیگر نوشتنی نیست. آنچه پیش‌تر ثبت شده بود محفوظ است؛ از مسئول فنی دفتر بخواهید اجازه نوشتن را برگرداند و دوباره ثبت کنید.</source>
            <translation>Not recorded: this desk's data file or its folder can no longer be written. What was recorded before is safe; ask the office's technician to give back write permission, then record it again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/errors.py" line="59" />
            <source>ثبت نشد: برنامه دیگری پرونده داده این میز را در دست داشت. چند لحظه بعد دوباره ثبت کنید.</source>
            <translation>Not recorded: another program was holding this desk's data file. Record it again in a moment.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/errors.py" line="61" />
            <source>ثبت نشد: دیسک در نوشتن پرونده داده این میز خطا داد. آنچه پیش‌تر ثبت شده بود محفوظ است؛ با مسئول فنی دفتر دیسک را بررسی کنید و پیش از ادامه کار پشتیبان بگیرید.</source>
            <translation>Not recorded: the disk failed writing this desk's data file. What was recorded before is safe; have the office's technician check the disk, and take a backup before going on.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/stocktake.py" line="27" />
            <source>انبارگردانی پیدا نشد.</source>
            <translation>Stock-take not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/stocktake.py" line="28" />
            <source>این انبارگردانی بسته شده است.</source>
            <translation>This stock-take is closed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/stocktake.py" line="29" />
            <source>نخست انبارگردانی را ببندید.</source>
            <translation>Close the stock-take first.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/stocktake.py" line="30" />
            <source>انبارگردانی دیگری برای این مرکز باز است.</source>
            <translation>Another stock-take is open for this centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/stocktake.py" line="31" />
            <source>بارکد خالی است.</source>
            <translation>The barcode is empty.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/stocktake.py" line="32" />
            <source>بازه قفسه وارونه است: «از قفسه» پس از «تا قفسه» می‌آید؛ آن دو را جابه‌جا بنویسید.</source>
            <translation>The shelf range is reversed: “From shelf” comes after “To shelf”; swap them.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sheets.py" line="28" />
            <source>فقط پرونده CSV یا XLSX را می‌توان درون‌ریزی کرد.</source>
            <translation>Only CSV or XLSX files can be imported.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sheets.py" line="29" />
            <source>پرونده ردیفی ندارد.</source>
            <translation>The file has no rows.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sheets.py" line="34" />
            <source>ستون «{c}» شناخته نشد و نادیده گرفته می‌شود.</source>
            <extracomment>A column whose heading names no field: said in the preview, never dropped silently ({c}: the heading).</extracomment>
            <translation>The column «{c}» is not recognised and is ignored.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sheets.py" line="36" />
            <source>فرمول بدون مقدار ذخیره‌شده؛ فایل را در اکسل باز و ذخیره کنید.</source>
            <extracomment>A formula cell the file keeps no value for (`Table.uncomputed`): said at its row and column.</extracomment>
            <translation>A formula with no saved value: open the file in Excel and save it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="65" />
            <source>پرونده ردیف نادرست دارد؛ هیچ ردیفی درون‌ریزی نشد.</source>
            <translation>The file has invalid rows; no row was imported.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="66" />
            <source>ستون لازم در پرونده نیست.</source>
            <translation>A required column is missing from the file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="67" />
            <source>این مقدار در ردیف دیگری از همین پرونده هم آمده است.</source>
            <translation>This value also appears in another row of the same file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="68" />
            <source>همین کودک (همین نام با همین کد ملی ولی) در ردیف دیگری از همین پرونده هم آمده است.</source>
            <translation>The same child (the same name under the same guardian's national ID) is on another row of this file too.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="70" />
            <source>عنوانی با این شابک یا نام در فهرست نیست.</source>
            <translation>No title with this ISBN or name is in the catalogue.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="71" />
            <source>ستون امانت‌دادنی «بله» یا «خیر» باشد.</source>
            <translation>The loanable column must be “yes” or “no”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="73" />
            <source>این کتاب با همین شابک در فهرست هست: «{t}»؛ عنوان دوباره ساخته نمی‌شود.</source>
            <extracomment>notes of a row that joins a title already there (`{t}`: its name, ImportRow.note_title)</extracomment>
            <translation>This book is already in the catalogue with this ISBN: “{t}”; no second title is made.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="74" />
            <source>این کتاب با همین نام و نویسنده در فهرست هست: «{t}»؛ عنوان دوباره ساخته نمی‌شود.</source>
            <translation>A book of this name and author is already in the catalogue: “{t}”; the title is not added again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="77" />
            <source>نسخه‌ای با همین بارکد از همین کتاب در فهرست هست؛ دوباره افزوده نمی‌شود.</source>
            <extracomment>a row already in the store (the same file imported again): a note, and the row writes nothing</extracomment>
            <translation>A copy of this book with this barcode is already in the catalogue; it is not added again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="78" />
            <source>این عضو پیش‌تر ثبت شده است (شماره عضویت {t})؛ دوباره ثبت نمی‌شود.</source>
            <translation>This member is already registered (member number {t}); not registered again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="80" />
            <source>نسخه به عنوان «{t}» افزوده می‌شود که در فهرست هست.</source>
            <translation>The copy is added to “{t}”, already in the catalogue.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="81" />
            <source>نسخه به عنوان «{t}» از ردیف بالاتر همین پرونده افزوده می‌شود.</source>
            <translation>The copy is added to “{t}” from a row above in this file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="83" />
            <source>عضویت {t} به پایان رسیده است؛ عضو با عضویت پایان‌یافته درون‌ریزی می‌شود.</source>
            <extracomment>a member whose membership ended before the import (`{t}`: the Jalali date it ended)</extracomment>
            <translation>The membership ended on {t}; the member is imported with an ended membership.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sheets.py" line="40" />
            <source>درون‌ریزی لغو شد؛ هیچ ردیفی درون‌ریزی نشد.</source>
            <extracomment>The person stopped an import (its progress window's «انصراف», the preview's «توقف»): nothing was written.</extracomment>
            <translation>The import was cancelled; no row was imported.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sheets.py" line="30" />
            <source>پرونده خوانده نشد؛ شاید آسیب دیده یا در برنامه دیگری باز است. آن را دوباره از Excel ذخیره کنید.</source>
            <translation>The file could not be read; it may be damaged or open in another program. Save it again from Excel.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_import.py" line="84" />
            <source>گروه عضویت «کودک»، «نوجوان» یا «بزرگسال» باشد.</source>
            <translation>The member category must be “child”, “teen” or “adult”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="31" />
            <source>از دو رویداد این ناسازگاری یکی و تنها یکی در این دفتر یا مرکز ثبت نشده است؛ آن را جداگانه حل کنید.</source>
            <translation>Not exactly one of this conflict's two events was recorded at this office or centre; resolve it on its own.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="33" />
            <source>این نوع ناسازگاری با درست دانستن رویداد یک دفتر یا مرکز حل نمی‌شود.</source>
            <translation>This kind of conflict is not resolved by taking one office's or centre's event as right.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="34" />
            <source>این ناسازگاری درباره یک عضو کتابخانه است و آن را کسی حل می‌کند که نام و مشخصات کودک را می‌بیند: کتابدار یا مدیر سامانه.</source>
            <translation>This conflict is about a library member; it is decided by someone who sees the child's name and details: a librarian or a system administrator.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="37" />
            <source>مرکز بسته اعضایش را به مرکز دیگری نسپرده است؛ مرکز این عضو را در صفحه اعضا به مرکزی باز تغییر دهید تا این ناسازگاری برداشته شود.</source>
            <translation>The closed centre did not hand its members to another centre; change this member's centre to an open one on the members page, and this conflict goes.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="40" />
            <source>کتابدار تنها ناسازگاری‌های اعضای کتابخانه را می‌بیند و حل می‌کند؛ این یکی با مدیر یا مدیر سامانه است.</source>
            <translation>A librarian sees and decides only the conflicts about library members; this one is for a manager or a system administrator.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="54" />
            <source>یک نام کاربری در دو میز ساخته شده است</source>
            <extracomment>Conflicts about a member — one child registered twice, one membership number given to two, a loan or a hold left open for a member erased at another centre —: decided by who sees the child's name and details (`conflicts.may_resolve`), not by a manager who reads numbers only. A user's steps recorded at a desk that did not know yet that their role was taken (`late_work`). Persian names of the conflict kinds the desks raise.</extracomment>
            <translation>The same user name was created at two desks</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="55" />
            <source>یک نسخه در دو مرکز امانت داده شده است</source>
            <translation>The same copy was checked out at two centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="56" />
            <source>بازگشت امانتی که مرکز دیگری بسته است</source>
            <translation>Return of a loan that another centre has closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="57" />
            <source>امانتی به‌عنوان اشتباه لغو شد که در میز دیگری پیش‌تر بازگشت خورده بود</source>
            <translation>A loan was voided as a mistake that another desk had already checked in</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="59" />
            <source>یک پرونده دو بار ارسال شده است</source>
            <translation>The same case was forwarded twice</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="60" />
            <source>کار روی پرونده‌ای که در میز دیگری بسته شده است</source>
            <translation>Work on a case closed on another desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="61" />
            <source>یک شماره ثبت دبیرخانه به دو پرونده داده شده است</source>
            <translation>One secretariat registration number was given to two cases</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="62" />
            <source>یک شماره نامه صادره به دو نامه داده شده است</source>
            <translation>One outgoing letter number given to two letters</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="63" />
            <source>پاسخ دستگاه برای ارسالی ثبت شد که در میز دیگری پس گرفته شده بود</source>
            <translation>An agency's answer was recorded for a forward taken back at another desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="65" />
            <source>پذیرش درخواستی در یک میز لغو شد و در میز دیگری مدیر روی آن کار کرده بود</source>
            <translation>A request's acceptance was undone at one desk while at another desk the manager had acted on it</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="67" />
            <source>یک خانه درخواست در دو میز جداگانه به دو مقدار گوناگون اصلاح شده است</source>
            <translation>One field of a request was corrected to two different values at two desks apart</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="69" />
            <source>یک روز تعطیل در دو میز جداگانه به دو گونه ثبت یا برداشته شده است</source>
            <translation>One day off was entered or removed differently at two desks apart</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="71" />
            <source>یک بارکد روی دو نسخه است</source>
            <translation>One barcode is on two copies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="72" />
            <source>یک شماره عضویت به دو عضو داده شده است</source>
            <translation>One membership number was given to two members</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="73" />
            <source>یک کد ملی در دو مرکز عضو شده است</source>
            <translation>One national ID was registered as a member at two centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="74" />
            <source>یک ناسازگاری در دو میز جداگانه حل شده است</source>
            <translation>One conflict was resolved separately on two desks</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="75" />
            <source>نسخه‌ای که در مرکزی از گردش خارج یا گم‌شده ثبت شد، در مرکز دیگری امانت داده شده است</source>
            <translation>A copy withdrawn or recorded lost at one centre was lent at another</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="77" />
            <source>نسخه‌ای که در مرکزی از گردش خارج یا گم‌شده ثبت شد، در میز دیگری به مرکز دیگری سپرده شد</source>
            <translation>A copy withdrawn or recorded lost at one centre was given to another centre at another desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="79" />
            <source>رزروی که در یک مرکز پایان یافت، در مرکز دیگری کتابش کنار گذاشته یا فرستاده شد</source>
            <translation>A hold ended at one centre had its copy set aside or sent at another</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="81" />
            <source>برای یک رزرو دو نسخه کنار گذاشته یا فرستاده شد</source>
            <translation>Two copies were set aside or sent for one hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="82" />
            <source>نسخه‌ای که در مرکزی از گردش خارج شد، همان هنگام در مرکز دیگری رسید و تحویل گرفته شد</source>
            <translation>A copy withdrawn at one centre was received at another at the same time</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="84" />
            <source>نام و نام خانوادگی یک کاربر در دو میز جداگانه تغییر کرد</source>
            <translation>A user's full name was changed at two desks apart</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="85" />
            <source>گذرواژه یک کاربر در دو میز جداگانه تغییر کرد</source>
            <translation>A user's password was changed at two desks apart</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="86" />
            <source>دو میز جداگانه دو مدیر سامانه آخر دفتر را برداشتند؛ یکی مدیر سامانه ماند</source>
            <translation>Two desks apart took away the office's last two system admins; one stays an admin</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="88" />
            <source>کاری که کاربر پس از گرفته شدن نقش یا غیرفعال شدنش، در میزی که هنوز خبر نداشت، ثبت کرد</source>
            <translation>Work a user recorded after their role was taken or they were deactivated, at a desk that did not know yet</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="90" />
            <source>در مرکزی که در میز دیگری بسته شده بود، کتابی امانت داده شده است</source>
            <translation>A book was lent at a centre another desk had closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="92" />
            <source>عضوی در مرکزی ثبت شده است که در میز دیگری بسته شده بود</source>
            <translation>A member was registered at a centre that had been closed at another desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="94" />
            <source>رزروی برای گرفتن در مرکزی که در میز دیگری بسته شده بود ثبت شده است</source>
            <translation>A hold was placed for pick-up at a centre that had been closed at another desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="96" />
            <source>کتابی نزد عضوی امانت است که مشخصاتش در مرکز دیگری حذف شد</source>
            <translation>A book is on loan to a member whose details were removed at another centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="98" />
            <source>رزرو باز برای عضوی که مشخصاتش در مرکز دیگری حذف شد</source>
            <translation>An open hold for a member whose details were removed at another centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="105" />
            <source>رویداد نخست درست است</source>
            <extracomment>Resolution code → Persian label. "First" and "second" are the two facts as the inbox shows them side by side (the conflict's involved ids in order).</extracomment>
            <translation>The first event is right</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="106" />
            <source>رویداد دوم درست است</source>
            <translation>The second event is right</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="107" />
            <source>هر دو درست است</source>
            <translation>Both are right</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="108" />
            <source>دستی اصلاح شد</source>
            <translation>Fixed by hand</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="109" />
            <source>بازگشت نخست درست است</source>
            <translation>The first return is right</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="110" />
            <source>نسخه در مرکز بازگشت دوم است</source>
            <translation>The copy is at the second return's centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="111" />
            <source>پرونده بسته بماند</source>
            <translation>Keep the case closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="112" />
            <source>پرونده دوباره باز شود</source>
            <translation>Reopen the case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="113" />
            <source>خارج از گردش (یا گم‌شده) بماند</source>
            <translation>Keep it withdrawn (or lost)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="114" />
            <source>خارج کردن (یا گم‌شدن) پس گرفته شود</source>
            <translation>Take the withdrawal (or loss) back</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="115" />
            <source>امانت باز بماند تا کتاب برگردد</source>
            <translation>Keep the loan open until the book comes back</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="116" />
            <source>کتاب گم‌شده نزد عضو ثبت شود</source>
            <translation>Record the book as lost with the member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="117" />
            <source>رزرو لغو شود</source>
            <translation>Cancel the hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="118" />
            <source>عضو به مرکز جانشین منتقل شود</source>
            <translation>Move the member to the successor centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="146" />
            <source>حساب رویداد نخست نامش را نگه می‌دارد؛ حساب رویداد دوم نام کاربری تازه {username} را می‌گیرد و با همان گذرواژه وارد می‌شود.</source>
            <extracomment>The resolutions each kind offers, in the order of its buttons. What each resolution does, in the words the inbox shows beside its button.</extracomment>
            <translation>The first account keeps its name; the second account gets the new user name {username} and logs in with the same password.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="149" />
            <source>حساب رویداد دوم نامش را نگه می‌دارد؛ حساب رویداد نخست نام کاربری تازه {username} را می‌گیرد و با همان گذرواژه وارد می‌شود.</source>
            <translation>The second account keeps its name; the first account gets the new user name {username} and logs in with the same password.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="152" />
            <source>کتاب نزد عضو امانت نخست است: امانت دوم باطل می‌شود و وضعیت نسخه از امانت نخست گرفته می‌شود.</source>
            <translation>The book is with the member of the first loan: the second loan is voided and the copy's status follows the first loan.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="154" />
            <source>کتاب نزد عضو امانت دوم است: امانت نخست باطل می‌شود و وضعیت نسخه از امانت دوم گرفته می‌شود.</source>
            <translation>The book is with the member of the second loan: the first loan is voided and the copy's status follows the second loan.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="156" />
            <source>یکی از دو امانت پیش‌تر با بازگشت کتاب بسته شده است؛ چیزی تغییر نمی‌کند. تا هر دو امانت باز است این راه پذیرفته نیست.</source>
            <translation>One of the two loans was already closed by the book's return; nothing changes. Not accepted while both loans are open.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="159" />
            <source>کتاب همان‌جاست که بازگشت نخست ثبت کرد؛ بازگشت دوم نادیده می‌ماند و چیزی تغییر نمی‌کند.</source>
            <translation>The book is where the first return recorded it; the second return is ignored and nothing changes.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="161" />
            <source>کتاب در مرکزی است که بازگشت دوم را ثبت کرد: جای نسخه به آن مرکز تغییر می‌کند (اگر مرکز خودش نباشد، «در راه» دیده می‌شود تا به مرکز خود فرستاده شود).</source>
            <translation>The book is at the centre that recorded the second return: the copy's location becomes that centre (if it is not its own centre, it shows as "in transit" until it is sent home).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="164" />
            <source>ارسال نخست درست است: ارسال دوم پس گرفته می‌شود و پرونده چشم‌به‌راه پاسخ دستگاه ارسال نخست می‌ماند. نامه دوم را در صورت نیاز با تماس از دستگاه پس بگیرید.</source>
            <translation>The first forward is right: the second forward is withdrawn and the case waits for the answer of the first forward's agency. If needed, call the agency to withdraw the second letter.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="167" />
            <source>ارسال دوم درست است: ارسال نخست پس گرفته می‌شود و پرونده چشم‌به‌راه پاسخ دستگاه ارسال دوم می‌ماند. نامه نخست را در صورت نیاز با تماس از دستگاه پس بگیرید.</source>
            <translation>The second forward is right: the first forward is withdrawn and the case waits for the answer of the second forward's agency. If needed, call the agency to withdraw the first letter.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="170" />
            <source>پرونده به هر دو دستگاه فرستاده شده است و هر دو ارسال می‌ماند؛ چیزی تغییر نمی‌کند.</source>
            <translation>The case was sent to both agencies and both forwards stay; nothing changes.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="172" />
            <source>بستن پرونده درست است: پرونده بسته می‌ماند و کار انجام‌شده پس از بستن تنها در سابقه دیده می‌شود.</source>
            <translation>Closing the case was right: the case stays closed and the work done after closing shows only in its history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="175" />
            <source>کار انجام‌شده لازم بود: پرونده دوباره باز می‌شود و به مرحله پیش از بستن برمی‌گردد؛ آن کار را از روی سابقه دوباره انجام دهید.</source>
            <translation>The work done was needed: the case is reopened and returns to its step before closing; do that work again from the history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="178" />
            <source>پرونده رویداد نخست شماره ثبتش را نگه می‌دارد؛ این میز به پرونده رویداد دوم شماره ثبت تازه‌ای می‌دهد (کد رهگیری متقاضی تغییر نمی‌کند).</source>
            <translation>The first case keeps its registration number; this desk gives the second case a new registration number (the applicant's tracking code does not change).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="181" />
            <source>پرونده رویداد دوم شماره ثبتش را نگه می‌دارد؛ این میز به پرونده رویداد نخست شماره ثبت تازه‌ای می‌دهد (کد رهگیری متقاضی تغییر نمی‌کند).</source>
            <translation>The second case keeps its registration number; this desk gives the first case a new registration number (the applicant's tracking code does not change).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="184" />
            <source>نامه رویداد نخست شماره‌اش را نگه می‌دارد؛ این میز به نامه رویداد دوم (و اگر نامه پیگیری گروهی است، به همه پرونده‌های آن) شماره نامه تازه‌ای می‌دهد: شماره تازه را روی رونوشت نامه در دبیرخانه بنویسید و در صورت نیاز به دستگاه گیرنده خبر دهید.</source>
            <translation>The first event's letter keeps its number; this desk gives the second event's letter (and, for a batch follow-up letter, every case of it) a new letter number: write the new number on the secretariat's copy of the letter and, if needed, tell the receiving agency.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="188" />
            <source>نامه رویداد دوم شماره‌اش را نگه می‌دارد؛ این میز به نامه رویداد نخست (و اگر نامه پیگیری گروهی است، به همه پرونده‌های آن) شماره نامه تازه‌ای می‌دهد: شماره تازه را روی رونوشت نامه در دبیرخانه بنویسید و در صورت نیاز به دستگاه گیرنده خبر دهید.</source>
            <translation>The second event's letter keeps its number; this desk gives the first event's letter (and, for a batch follow-up letter, every case of it) a new letter number: write the new number on the secretariat's copy of the letter and, if needed, tell the receiving agency.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="192" />
            <source>نسخه رویداد نخست بارکدش را نگه می‌دارد؛ این میز به نسخه رویداد دوم بارکد تازه‌ای می‌دهد: برچسب تازه را چاپ کنید و روی آن نسخه بچسبانید.</source>
            <translation>The first copy keeps its barcode; this desk gives the second copy a new barcode: print the new label and stick it on that copy.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="195" />
            <source>نسخه رویداد دوم بارکدش را نگه می‌دارد؛ این میز به نسخه رویداد نخست بارکد تازه‌ای می‌دهد: برچسب تازه را چاپ کنید و روی آن نسخه بچسبانید.</source>
            <translation>The second copy keeps its barcode; this desk gives the first copy a new barcode: print the new label and stick it on that copy.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="198" />
            <source>عضو رویداد نخست شماره عضویتش را نگه می‌دارد؛ این میز به عضو رویداد دوم شماره تازه‌ای می‌دهد: کارت عضویت تازه او را چاپ کنید.</source>
            <translation>The first member keeps their member number; this desk gives the second member a new number: print their new membership card.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="201" />
            <source>عضو رویداد دوم شماره عضویتش را نگه می‌دارد؛ این میز به عضو رویداد نخست شماره تازه‌ای می‌دهد: کارت عضویت تازه او را چاپ کنید.</source>
            <translation>The second member keeps their member number; this desk gives the first member a new number: print their new membership card.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="204" />
            <source>عضویت رویداد نخست می‌ماند و عضویت رویداد دوم در آن ادغام می‌شود: دیگر در جست‌وجو پیدا نمی‌شود و کارت او به عضو نخست می‌رسد. امانت‌های باز او به نام عضو نخست می‌شود؛ امانت‌های بسته‌اش در سابقه همان عضویت ادغام‌شده می‌ماند.</source>
            <translation>The first membership stays and the second is merged into it: it is no longer found in searches and its card leads to the first member. Its open loans pass to the first member; its closed loans stay in the merged membership's history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="208" />
            <source>عضویت رویداد دوم می‌ماند و عضویت رویداد نخست در آن ادغام می‌شود: دیگر در جست‌وجو پیدا نمی‌شود و کارت او به عضو دوم می‌رسد. امانت‌های باز او به نام عضو دوم می‌شود؛ امانت‌های بسته‌اش در سابقه همان عضویت ادغام‌شده می‌ماند.</source>
            <translation>The second membership stays and the first is merged into it: it is no longer found in searches and its card leads to the second member. Its open loans pass to the second member; its closed loans stay in the merged membership's history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="212" />
            <source>دو عضو دو کودک جدا هستند و کد ملی یکی نادرست بود و در صفحه اعضا اصلاح شده است؛ تا هر دو یک کد ملی دارند این راه پذیرفته نیست.</source>
            <translation>The two members are two different children; one national ID was wrong and has been corrected on the members page. Not accepted while both have the same national ID.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="216" />
            <source>نسخه از گردش خارج می‌ماند: امانت تا بازگشت کتاب باز است و کتاب پس از بازگشت به قفسه برنمی‌گردد. اگر گم‌شده ثبت شده بود، امانت همین حالا «گم‌شده نزد عضو» بسته می‌شود و عضو دیگر برای آن دیرکرد ندارد.</source>
            <translation>The copy stays out of circulation: the loan stays open until the book is back, and then it does not go back on the shelf. If it was recorded lost, the loan is closed now as “lost by member” and the member is no longer overdue for it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="219" />
            <source>کتاب نزد عضو است و در گردش می‌ماند: خارج کردن از گردش (یا ثبت گم‌شدن) پس گرفته می‌شود، نسخه در امانت همان عضو دیده می‌شود و پس از بازگشت به قفسه برمی‌گردد.</source>
            <translation>The member has the book and it stays in circulation: the withdrawal (or loss) is taken back, the copy shows as on loan to that member and goes back on the shelf when returned.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="222" />
            <source>کتاب در مرکزی که آن را تحویل گرفت است و در گردش می‌ماند (اگر برای رزروی کنار گذاشته شده، همان‌جا می‌ماند): خارج کردن از گردش در مرکز دیگر، که کتاب را در دست نداشت، پس گرفته می‌شود.</source>
            <translation>The book is at the centre that received it and stays in circulation (if it was set aside for a hold, it stays there): the withdrawal at the other centre, which did not have the book in hand, is taken back.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="225" />
            <source>نسخه از گردش خارج می‌شود، همان‌جا که رسیده است؛ رزروی که کتاب برایش کنار گذاشته یا فرستاده شده بود به نوبت خود در صف برمی‌گردد و با نسخهٔ بعدی پاسخ داده می‌شود.</source>
            <translation>The copy is withdrawn where it arrived; a hold it was set aside or sent for goes back to its place in the queue and is served by the next copy.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="228" />
            <source>گم‌شدن (یا خارج کردن از گردش) به جای خود می‌ماند: میزی که نسخه را به مرکز دیگر سپرد از آن خبر نداشت و نسخه‌ای بسته‌بندی و فرستاده نشده است. مرکز تازه آن را در فهرست «در راه» نمی‌بیند و چشم‌به‌راهش نمی‌ماند؛ نسخه گم‌شده (یا خارج از گردش) با مرکز تازه‌اش در کاتالوگ می‌ماند.</source>
            <translation>The loss (or withdrawal) stands: the desk that gave the copy to another centre did not know of it, and no copy was packed or sent. The new centre does not see it among the copies on their way and does not wait for it; the copy stays lost (or withdrawn) in the catalogue, with its new centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="232" />
            <source>نسخه پیدا شد یا خارج کردنش نادرست بود: گم‌شدن (یا خارج کردن از گردش) پس گرفته می‌شود و نسخه از مرکزی که در آن بود در راه مرکز تازه‌اش است. آن را بسته‌بندی کنید و بفرستید تا مرکز تازه در میز امانت بخواندش.</source>
            <translation>The copy was found, or withdrawing it was wrong: the loss (or withdrawal) is taken back and the copy is on its way from the centre where it was to its new centre. Pack it and send it, so that the new centre reads it in at its lending desk.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="236" />
            <source>دو میز پیش از همگام‌سازی این ناسازگاری را هر یک جداگانه حل کرده‌اند و کار هر دو تصمیم انجام شده است (برای نمونه هر دو امانت باطل یا دو شماره تازه داده شده است). نتیجه را در صفحه‌های میز بررسی و درست کنید، سپس این را ثبت کنید.</source>
            <translation>Two desks each resolved this conflict separately before syncing, and the work of both decisions was done (for example both loans voided, or two new numbers given). Check the result on the desk's pages and correct it, then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="240" />
            <source>رزرو پایان‌یافته می‌ماند (لغو، تحویل یا گذشتن مهلت در یک مرکز) و نسخه‌ای که مرکز دیگر بی‌خبر از آن برایش کنار گذاشت یا فرستاد، دیگر به این رزرو تعلق ندارد: آن را از قفسه رزرو بردارید (اگر در راه است، هنگام رسیدن) و به قفسه برگردانید، یا اگر از مرکز دیگری است به مرکز خودش بفرستید. اگر پیامک «آماده است» به عضو رسیده، با او تماس بگیرید و اگر هنوز کتاب را می‌خواهد رزرو تازه‌ای برایش ثبت کنید؛ سپس این را ثبت کنید.</source>
            <translation>The hold stays ended (cancelled, collected or expired at one centre), and the copy the other centre set aside or sent for it without knowing no longer belongs to it: take it off the hold shelf (if it is on its way, when it arrives) and put it back on the shelf, or send it to its own centre if it belongs to another. If the member got the «ready» text message, call them, and if they still want the book place a new hold for them; then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="246" />
            <source>رزرو با نسخه {barcode} پیش می‌رود که دیرتر کنار گذاشته یا فرستاده شد. نسخه دیگر، {other}، آزاد است: اگر در قفسه رزرو است، آن را به قفسه برگردانید یا اگر از مرکز دیگری است به مرکز خودش بفرستید؛ اگر برای این رزرو فرستاده شده بود، در راه است: هنگام رسیدن آن را در میز امانت بخوانید تا به رزرو بعدی یا مرکز خودش برود. سپس این را ثبت کنید.</source>
            <translation>The hold goes on with copy {barcode}, the one set aside or sent later. The other copy, {other}, is free: if it is on the hold shelf, put it back on the shelf, or send it to its own centre if it belongs to another; if it was sent for this hold, it is on its way: scan it at the circulation desk when it arrives, and it goes to the next hold or to its own centre. Then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="251" />
            <source>کارهای فهرست‌شده ثبت شده‌اند و می‌مانند (به نام همان کاربر)؛ هیچ‌کدام خودبه‌خود پس گرفته نمی‌شود. هر یک را در صفحه پرونده یا امانت بررسی کنید و اگر نادرست بود با کار تازه‌ای درستش کنید (برای نمونه پرونده را دوباره باز کنید)؛ سپس این را ثبت کنید.</source>
            <translation>The steps listed are recorded and stay (in that user's name); none is taken back by itself. Check each on the case or loan page and, if one was wrong, put it right with a new step (for example reopen the case); then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="255" />
            <source>نامی که رویداد نخست نوشت نام کاربر می‌شود (در همه میزها)؛ نام رویداد دوم تنها در سابقه می‌ماند.</source>
            <translation>The name the first event wrote becomes the user's name (on every desk); the second event's name stays only in the history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="257" />
            <source>نامی که رویداد دوم نوشت نام کاربر می‌شود (در همه میزها)؛ نام رویداد نخست تنها در سابقه می‌ماند.</source>
            <translation>The name the second event wrote becomes the user's name (on every desk); the first event's name stays only in the history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="259" />
            <source>گذرواژه‌ای که دیرتر گذاشته شد در همه میزها به کار می‌رود و گذرواژه دیگر دیگر وارد نمی‌کند (اگر کاربر با آن بکوشد، در پنجره ورود می‌خواند چرا). اگر کاربر گذرواژه ماندگار را نمی‌داند، در صفحه کاربران «گذرواژه تازه» به او بدهید؛ سپس این را ثبت کنید.</source>
            <translation>The password set later is in use on every desk and the other no longer logs in (a user who tries it reads why at the log-in window). If the user does not know the one in use, give them one with «New password» on the users page; then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="264" />
            <source>هر میز مدیر سامانه دیگری را غیرفعال یا بی‌نقش کرد و پس از همگام‌سازی دفتر هیچ مدیر سامانه فعالی نداشت؛ پس تغییری که دیرتر ثبت شد نگه داشته شد و {name} مدیر سامانه فعال می‌ماند تا مدیر سامانه دیگری فعال شود. در صفحه کاربران یا او را «فعال نگه داشتن» بزنید یا کاربر دیگری را مدیر سامانه کنید؛ سپس این را ثبت کنید.</source>
            <translation>Each desk deactivated (or took the role from) the other system admin, and after the sync the office had no active system admin; so the change recorded later is held back and {name} stays an active system admin until another one is active. On the users page either click «Keep active» for them or make another user a system admin; then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="268" />
            <source>حذف مشخصات به جای خود می‌ماند و امانت به نام «عضو حذف‌شده» با شماره عضویتش باز است تا کتاب برگردد؛ مشخصات تماس دیگر در میز نیست: مرکزی که امانت داد کتاب را از خانواده پس بگیرد و هنگام بازگشت آن را در میز امانت بخواند تا امانت بسته شود.</source>
            <translation>The removal of the details stands, and the loan stays open under «Removed member» with the membership number until the book comes back; the contact details are no longer on the desk: the centre that lent it gets the book back from the family, and scans it at the lending desk when it returns, which closes the loan.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="272" />
            <source>کتاب برنمی‌گردد: امانت همین حالا «گم‌شده نزد عضو» بسته می‌شود و نسخه گم‌شده شمرده می‌شود تا هر جا پیدا و خوانده شود.</source>
            <translation>The book will not come back: the loan is closed now as "lost with the member", and the copy counts as lost until it is found and scanned anywhere.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="275" />
            <source>رزرو لغو می‌شود (تا آن هنگام نیز نسخهٔ تازه‌ای برایش کنار گذاشته یا فرستاده نمی‌شود). اگر نسخه‌ای برایش در قفسه رزرو است، آن را بردارید و به قفسه برگردانید یا اگر از مرکز دیگری است به مرکز خودش بفرستید؛ اگر در راه است، هنگام رسیدن آن را در میز امانت بخوانید.</source>
            <translation>The hold is cancelled (until then no new copy is set aside or sent for it either). If a copy waits for it on the hold shelf, take it off and put it back on the shelf, or send it to its own centre if it is from another; if one is on its way, scan it at the lending desk when it arrives.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="279" />
            <source>امانت به جای خود می‌ماند و کتاب نزد عضو است؛ بستن مرکز هم می‌ماند. کتاب را در مرکزی که اعضا و نسخه‌های مرکز بسته به آن رفتند (یا هر مرکز باز دیگر) بازپس بگیرید و در میز امانت بخوانید؛ اگر نسخه از آن مرکز بسته است، آن را هم به مرکز تازه‌اش بسپارید. سپس این را ثبت کنید.</source>
            <translation>The loan stands and the book is with the member; the closing stands too. Take the book back at the centre the closed centre's members and copies went to (or any other open centre) and scan it at the lending desk; if the copy belongs to the closed centre, hand it to its new centre as well. Then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="283" />
            <source>مرکزی که رزرو باید در آن گرفته شود بسته شده است و کسی آنجا کتاب را برای عضو کنار نمی‌گذارد: رزرو لغو می‌شود. به خانواده خبر دهید و اگر هنوز کتاب را می‌خواهند، رزرو تازه‌ای با مرکزی باز (مرکزی که اعضای مرکز بسته به آن رفتند) ثبت کنید. اگر نسخه‌ای برایش کنار گذاشته شده یا در راه است، آن را در میز امانت بخوانید تا به رزرو بعدی یا مرکز خودش برود.</source>
            <translation>The centre where the hold was to be picked up is closed, and nobody there will set a book aside for the member: the hold is cancelled. Tell the family and, if they still want the book, place a new hold at an open centre (the one the closed centre's members went to). If a copy was set aside for it or is on its way, read it at the lending desk so that it goes to the next hold or to its own centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="289" />
            <source>بستن مرکز اعضای آن را به {centre} برد، اما این عضو را که میز دیگری بی‌خبر ثبت کرد نمی‌شناخت. عضو نیز به همان مرکز منتقل می‌شود (شماره و کارت عضویتش تغییر نمی‌کند)؛ به خانواده بگویید کتاب‌ها را از آن پس از کجا بگیرند. اگر مرکز باز دیگری برایش نزدیک‌تر است، مرکزش را در صفحه اعضا تغییر دهید: این ناسازگاری خودبه‌خود برداشته می‌شود.</source>
            <translation>Closing the centre moved its members to {centre}, but did not know this member, registered at another desk that had not heard. The member is moved there too (their membership number and card stay the same); tell the family where to borrow from now on. If another open centre is nearer for them, change their centre on the members page: this conflict then goes by itself.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="294" />
            <source>پاسخ ثبت‌شده می‌ماند و پرونده «پاسخ رسیده» است. اگر پاسخ از دستگاهی است که ارسال به آن به اشتباه رفته بود، پرونده را ارجاع دهید تا به دستگاه درست فرستاده شود؛ اگر پاسخ درست است، پس‌گرفتن ارسال نادیده می‌ماند. سپس این را ثبت کنید.</source>
            <translation>The answer recorded stands and the case is «answered». If the answer is from the agency the case was sent to by mistake, refer the case so that it is sent to the right agency; if the answer is right, the taking back is disregarded. Then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="298" />
            <source>اصلاحی که دیرتر ثبت شد در پرونده نشسته است و اصلاح دیگر در گردش کار می‌ماند. پرونده را باز کنید و اگر مقدار درست آن دیگری است، با «اصلاح…» آن را بنویسید؛ سپس این را ثبت کنید.</source>
            <translation>The correction recorded later is on the case and the other stays in its history. Open the case and, if the other value is the right one, write it with «Correct…»; then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="301" />
            <source>آنچه دیرتر ثبت شد در جدول تعطیلات همه میزها نشسته است و مهلت‌ها و روزهای دیرکرد با آن شمرده می‌شود. اگر درست آن دیگری است، در صفحه تعطیلات آن روز را دوباره بنویسید یا بردارید؛ سپس این را ثبت کنید.</source>
            <translation>The later entry stands in every desk's holiday table, and deadlines and days late are counted with it. If the other one is right, enter or remove that day again on the holidays page; then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="304" />
            <source>قاعده: بازگشت می‌ماند. کتاب در مرکزی است که بازگشت را ثبت کرد و این امانت در گزارش‌ها شمرده می‌شود؛ لغو در میزی که از بازگشت خبر نداشت اثری ندارد. کتاب را در آن مرکز بجویید؛ سپس این را ثبت کنید.</source>
            <translation>Rule: the return stands. The book is at the centre that recorded the return and this loan counts in the reports; the void made at a desk that had not heard of the return has no effect. Look for the book at that centre; then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="307" />
            <source>کار مدیر (ارجاع یا ارسال) می‌ماند و پرونده نزد اوست؛ لغو پذیرش نادیده ماند. اگر درخواست پذیرفتنی نبود، مدیر آن را از کارتابل خود رد کند (یا ارسال را پس بگیرد)؛ سپس این را ثبت کنید.</source>
            <translation>The manager's step (referral or forward) stands and the case is with them; the undone acceptance was set aside. If the request should not have been accepted, the manager rejects it from their cartable (or takes the forward back); then record this.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="310" />
            <source>کار لازم با صفحه‌های میز انجام شده است؛ تنها تصمیم ثبت می‌شود.</source>
            <translation>The needed work was done with the desk's pages; only the decision is recorded.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="14" />
            <source>این ناسازگاری پیدا نشد.</source>
            <translation>Conflict not found.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="15" />
            <source>این راه‌حل برای این ناسازگاری پذیرفته نیست.</source>
            <translation>This resolution is not allowed for this conflict.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="16" />
            <source>این ناسازگاری پیش‌تر حل شده است.</source>
            <translation>This conflict has already been resolved.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="17" />
            <source>این میز هنوز همه داده‌های این ناسازگاری را ندارد؛ پس از همگام‌سازی دوباره بکوشید.</source>
            <translation>This desk does not yet hold all the data of this conflict; try again after syncing.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="19" />
            <source>هر دو امانت هنوز باز است؛ یکی از دو امانت را درست بدانید، یا نخست کتاب را بازگردانید.</source>
            <translation>Both loans are still open; choose which loan is right, or first check the book in.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="21" />
            <source>امانتی که باید باطل شود پیش‌تر بسته شده است؛ «دستی اصلاح شد» را برگزینید.</source>
            <translation>The loan to void is already closed; choose "Fixed by hand".</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="23" />
            <source>ارسالی که باید پس گرفته شود دیگر باز نیست (پاسخ گرفته یا پرونده بسته شده است)؛ «هر دو درست است» را برگزینید.</source>
            <translation>The forward to withdraw is no longer open (it was answered or the case was closed); choose "Both are right".</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="26" />
            <source>این پرونده اکنون بسته نیست؛ بازگشایی لازم نیست.</source>
            <translation>This case is not closed now; there is nothing to reopen.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="27" />
            <source>هر دو عضو هنوز یک کد ملی دارند؛ نخست کد ملی نادرست را در صفحه اعضا اصلاح کنید، یا یکی از دو عضویت را نگه دارید.</source>
            <translation>Both members still have the same national ID; first correct the wrong national ID on the members page, or keep one of the two memberships.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/conflict_kinds.py" line="30" />
            <source>یکی از این دو عضو پیش‌تر در عضو دیگری ادغام شده است.</source>
            <translation>One of these two members has already been merged into another member.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/report.py" line="13" />
            <source>ساعت این رایانه حدود {minutes} دقیقه با کارگزار اختلاف دارد؛ ساعت را درست کنید</source>
            <translation>This computer's clock is about {minutes} minutes off the server's; please set the clock</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/report.py" line="14" />
            <source>پیوست {sha} هنوز به کارگزار نرسیده است؛ در همگام‌سازی بعدی دوباره خواسته می‌شود</source>
            <translation>Attachment {sha} has not reached the server yet; it is asked for again at the next sync</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/report.py" line="15" />
            <source>از پیوست {sha} ({size} مگابایت) {percent}٪ به کارگزار رسید؛ باقی‌اش در همگام‌سازی بعدی از همان‌جا فرستاده می‌شود</source>
            <translation>{percent}% of attachment {sha} ({size} MB) reached the server; the rest is sent from there at the next sync</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/report.py" line="16" />
            <source>پرونده پیوست {sha} که در این میز ثبت شده در این رایانه نیست و به کارگزار فرستاده نشد (شاید پوشه پیوست‌ها با پایگاه داده برگردانده نشده است)؛ اگر آن را برگردانید، در همگام‌سازی بعدی فرستاده می‌شود</source>
            <translation>The file of attachment {sha}, recorded at this desk, is not on this computer and was not sent to the server (perhaps the attachments folder was not restored with the database); put it back and it is sent at the next sync</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/report.py" line="17" />
            <source>کارگزار از پشتیبانی کهنه‌تر برگردانده شده بود و رویدادهایی را که این میز پیش‌تر از آن گرفته بود نداشت؛ رویدادهای پس از آن دوباره از کارگزار خوانده می‌شود و رویدادهای این میز که کارگزار ندارد دوباره فرستاده می‌شود، بی‌آنکه چیزی گم یا دوبار شود</source>
            <translation>The server was restored from an older backup and lacked events this desk had already exchanged with it; the events after that point are read from the server again and this desk's events the server lacks are sent again, with nothing lost or doubled</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/sync/report.py" line="18" />
            <source>این میز از پشتیبانی کهنه‌تر از کارگزار برگردانده شده بود: {lost} رویداد خودش را که نداشت از کارگزار گرفت و {renumbered} رویداد فرستاده‌نشده را پس از آن‌ها شماره زد؛ چیزی گم یا دوبار نشد</source>
            <translation>This desk had been restored from a backup older than the server's copy: it took back {lost} of its own events it lacked from the server and numbered {renumbered} unsent events after them; nothing was lost or sent twice</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_actions.py" line="33" />
            <source>نخست فایل اسکن را برگزینید.</source>
            <translation>First choose the scanned file.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_search.py" line="143" />
            <source>کد رهگیری نادرست است؛ رقم‌هایش را دوباره بخوانید.</source>
            <extracomment>the roles of the user holding it ("expert manager"), None when no user does the kinds of the open sync conflicts about the case, space-separated (`open_conflicts`) one of `QUEUES`: what waits on the office A number this office issued, whole: a case's registration number or a letter's (`…-L000031`; letters issued before the mark look like registration numbers: both are looked for) A letter number typed as the paper register has it ("1234/ص/1404"): the office's own letters' A letter number with a dash between digits ("123-45"; a registration number's part is read first) A registration number typed in part: its counter ("157"), year and counter ("1405-000157", "1405-157"), device, year and counter ("D01-1405-157"), or whole with a short counter.</extracomment>
            <translation>The tracking code is wrong; read its digits again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_search.py" line="153" />
            <source>این کد رهگیری را دفتر دیگری (دفتر {office}) داده است؛ پرونده‌اش در همان دفتر است و این دفتر آن را ندارد.</source>
            <translation>This tracking code was issued by another office (office {office}); its case is kept there, and this office does not have it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_search.py" line="156" />
            <source>کد رهگیری {length} رقم دارد و این {typed} رقم است؛ رقم‌هایش را دوباره بخوانید.</source>
            <translation>A tracking code has {length} digits and this one has {typed}; read its digits again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="55" />
            <source>لطفاً تاریخ را وارد کنید.</source>
            <translation>Please enter the date.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="56" />
            <source>تاریخ معتبر نیست؛ لطفاً تاریخ شمسی را به شکل سال/ماه/روز وارد کنید، مانند ۱۴۰۳/۰۵/۱۲.</source>
            <translation>The date is not valid; please enter a Jalali date as year/month/day, such as 1403/05/12.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="57" />
            <source>به نظر می‌رسد این تاریخ میلادی است؛ لطفاً تاریخ شمسی (هجری خورشیدی) وارد کنید، مانند ۱۴۰۳/۰۵/۱۲.</source>
            <translation>This looks like a Gregorian date; please enter a Jalali (Solar Hijri) date, such as 1403/05/12.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="61" />
            <source>سال باید بین ۱۳۰۰ و ۱۵۰۰ باشد؛ لطفاً سال شمسی را درست وارد کنید.</source>
            <translation>The year must be between 1300 and 1500; please enter the Jalali year correctly.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="62" />
            <source>ماه باید عددی از ۱ تا ۱۲ باشد؛ لطفاً ماه را درست وارد کنید.</source>
            <translation>The month must be a number from 1 to 12; please enter the month correctly.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="64" />
            <source>ماه {month} {days} روز دارد؛ روز {day} در این ماه وجود ندارد.</source>
            <translation>{month} has {days} days; there is no day {day} in it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/jalali.py" line="66" />
            <source>سال {year} کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست.</source>
            <translation>{year} is not a leap year and its Esfand has 29 days; 30 Esfand exists only in leap years.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/persian.py" line="124" />
            <source>کد ملی معتبر نیست؛ لطفاً کد ملی ۱۰ رقمی را دوباره بررسی و وارد کنید.</source>
            <translation>The national ID is not valid; please check the 10-digit national ID and enter it again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/persian.py" line="125" />
            <source>شماره همراه معتبر نیست؛ لطفاً آن را مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.</source>
            <translation>The mobile number is not valid; please enter it like 09121234567.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/persian.py" line="126" />
            <source>شابک معتبر نیست؛ لطفاً شابک ۱۰ یا ۱۳ رقمی کتاب را دوباره بررسی کنید.</source>
            <translation>The ISBN is not valid; please check the book's 10- or 13-digit ISBN.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/audit_chain.py" line="21" />
            <source>زنجیره ممیزی در ردیف {row} گسسته است (پیوند به ردیف پیشین نمی‌خورد).</source>
            <extracomment>The `prev_hash` of the chain's first entry.</extracomment>
            <translation>The audit chain is broken at row {row} (its link to the row before does not match).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/audit_chain.py" line="22" />
            <source>ردیف {row} زنجیره ممیزی دست‌کاری شده است (چکیده نمی‌خورد).</source>
            <translation>Row {row} of the audit chain has been tampered with (its hash does not match).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="46" />
            <source>پرونده پیدا نشد: {path}</source>
            <extracomment>Tables every store has from the first revision on.</extracomment>
            <translation>File not found: {path}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="47" />
            <source>این پرونده پایگاه داده SQLite نیست: {path}</source>
            <translation>This file is not an SQLite database: {path}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="48" />
            <source>این پرونده پایگاه داده کانون دسک نیست (جدول‌های {tables} را ندارد): {path}</source>
            <translation>This file is not a Kanoon Desk database (it lacks the tables {tables}): {path}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="49" />
            <source>پایگاه داده خوانده نشد ({error}): {path}</source>
            <translation>The database could not be read ({error}): {path}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="50" />
            <source>نسخه طرح پایگاه داده در پرونده ثبت نشده است: {path}</source>
            <translation>The file does not record its database schema version: {path}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="51" />
            <source>این پرونده از نسخه‌ای تازه‌تر از این برنامه است (بازنگری {revisions}).</source>
            <translation>This file comes from a newer version of the program (revision {revisions}).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="52" />
            <source>میز این پرونده هنوز راه‌اندازی نشده است (شناسه دستگاه ندارد): {path}</source>
            <translation>The desk of this file has not been set up yet (it has no device id): {path}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="53" />
            <source>بررسی درستی SQLite (integrity_check) خطا یافت: {found}</source>
            <translation>SQLite's integrity check (integrity_check) found errors: {found}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="55" />
            <source>جدول {table} در پایگاه داده نیست (مهاجرت‌ها با مدل‌ها نمی‌خوانند).</source>
            <translation>Table {table} is missing from the database (the migrations do not match the models).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="56" />
            <source>بازسازی جدول‌ها از رویدادها شکست خورد: {error}</source>
            <translation>Rebuilding the tables from the events failed: {error}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="57" />
            <source>جدول {table} با بازسازی از رویدادها برابر نیست (ردیف‌هایش دست‌کاری یا ناقص شده است).</source>
            <translation>The table {table} does not match its rebuild from the events (its rows were tampered with or are incomplete).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="59" />
            <source>پایگاه داده خوانده نشد: {error}</source>
            <translation>The database could not be read: {error}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="60" />
            <source>پایگاه داده باز نشد: {error}</source>
            <translation>The database could not be opened: {error}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="61" />
            <source>پرونده پشتیبان نمی‌تواند خود پایگاه داده باشد.</source>
            <translation>The backup file cannot be the database itself.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="62" />
            <source>مسیر پشتیبان پرونده نیست (شاید پوشه است)</source>
            <translation>The backup path is not a file (perhaps a folder)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="63" />
            <source>پرونده پشتیبان هست و جایگزین نشد؛ برای جایگزینی آن --force بدهید</source>
            <translation>The backup file exists and was not replaced; give --force to replace it</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="73" />
            <source>این پایگاه داده اکنون در برنامه باز است؛ نخست برنامه را ببندید</source>
            <translation>This database is open in the app now; close the app first</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="74" />
            <source>دیسک مقصد پر است و پشتیبان در آن جا نشد؛ نیمه‌کاره آن پاک شد و داده‌های این میز دست نخورد. روی آن دیسک جا باز کنید (پشتیبان دست‌کم به اندازه پرونده داده، {size}، جا می‌خواهد) یا جای دیگری را برگزینید</source>
            <translation>The destination disk is full and the backup did not fit; its partial copy was removed and this desk's data is untouched. Make room on that disk (a backup needs at least the data file's size, {size}) or choose another place</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="77" />
            <source>دیسک پایگاه داده پر است و بازگردانی در آن جا نشد؛ نیمه‌کاره آن پاک شد و پایگاه داده کنونی دست نخورد. بازگردانی کنار پایگاه داده یک رونوشت از پشتیبان و یکی از پایگاه داده کنونی می‌سازد: دست‌کم {size} جا باز کنید و دوباره بازگردانید</source>
            <translation>The disk of the data file is full and the restore did not fit; its partial copies were removed and the current data file is untouched. A restore makes a copy of the backup and one of the current data file next to it: make at least {size} of room and restore again</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="64" />
            <source>این پرونده پایگاه داده میز دیگری است (دستگاه {device})، نه پشتیبان این میز؛ جایگزین نمی‌شود، حتی با --force</source>
            <translation>This file is the store of another desk (device {device}), not a backup of this desk: it is not overwritten, even with --force</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/services/ops.py" line="54" />
            <source>کلید خارجی شکسته در جدول {table}: %Ln ردیف (foreign_key_check).</source>
            <translation>
                <numerusform>Broken foreign key in table {table}: %Ln row (foreign_key_check).</numerusform>
                <numerusform>Broken foreign key in table {table}: %Ln rows (foreign_key_check).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="67" />
            <source>این پرونده اکنون در برنامه‌ای باز است؛ جایگزین نمی‌شود</source>
            <translation>This file is open in a program now; it is not replaced</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="69" />
            <source>این پشتیبان از میز دیگری است (دستگاه {theirs}، این میز دستگاه {ours})؛ با بازگردانی آن این میز شناسه و رمز آن میز را می‌گیرد و کارگزار یکی از دو میز را نمی‌پذیرد. اگر همین را می‌خواهید --other-device بدهید</source>
            <translation>This backup is of another desk (device {theirs}; this desk is device {ours}): restored, this desk would take that desk's identity and credential and the server would refuse one of the two. If that is meant, give --other-device</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="68" />
            <source>پرونده پشتیبان همان پایگاه داده کنونی است.</source>
            <translation>The backup file is the current database itself.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/ops.py" line="72" />
            <source>پرونده پشتیبان خوانده نشد: {error}</source>
            <translation>The backup file could not be read: {error}</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/services/library_privacy.py" line="39" />
            <source>این عضو %Ln کتاب امانت‌گرفته دارد ({titles})؛ نخست کتاب‌ها بازگردانده یا گم‌شده ثبت شوند، سپس مشخصاتش حذف شود.</source>
            <extracomment>Who may end a membership and remove the details: an irreversible act, the office admin's.</extracomment>
            <translation>
                <numerusform>This member has %Ln book out ({titles}); have it returned or recorded lost first, then remove the details.</numerusform>
                <numerusform>This member has %Ln books out ({titles}); have them returned or recorded lost first, then remove the details.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/services/library_privacy.py" line="42" />
            <source>این عضو %Ln رزرو باز دارد ({titles})؛ نخست رزروها لغو شوند، سپس مشخصاتش حذف شود.</source>
            <translation>
                <numerusform>This member has %Ln open hold ({titles}); cancel it first, then remove the details.</numerusform>
                <numerusform>This member has %Ln open holds ({titles}); cancel them first, then remove the details.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_privacy.py" line="44" />
            <source>این پرونده در پرونده دیگری از همین عضو ادغام شده است؛ حذف را روی پرونده نگه‌داشته انجام دهید.</source>
            <translation>This record was merged into another record of the same member; remove the details on the record kept.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_privacy.py" line="46" />
            <source>مشخصات این عضو پیش‌تر حذف شده است.</source>
            <translation>This member's details were already removed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/library_privacy.py" line="47" />
            <source>برای این عضو ناسازگاری بازی هست (مثلاً همین کودک در مرکز دیگری هم ثبت شده است)؛ نخست آن را در صفحه «ناسازگاری‌ها» حل کنید، سپس مشخصاتش حذف شود.</source>
            <translation>A conflict about this member is still open (the same child registered at another centre, say); decide it on the «Conflicts» page first, then remove the details.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="23" />
            <source>بنویسید چرا این کار اشتباه بود؛ با نام شما ثبت می‌ماند.</source>
            <translation>Write why this was a mistake; it stays on the record under your name.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="24" />
            <source>این امانت با «بازگشت» بسته نشده است؛ لغو بازگشت برای آن نیست.</source>
            <translation>This loan was not closed by a return; there is no return to undo.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="25" />
            <source>تنها بازگشتی که امروز ثبت شده است لغو می‌شود؛ اگر کتاب هنوز نزد عضو است، دوباره امانت دهید.</source>
            <translation>Only a return recorded today can be undone; if the book is still with the member, lend it again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="27" />
            <source>این نسخه پس از این بازگشت دوباره امانت داده شده است؛ بازگشت لغو نمی‌شود.</source>
            <translation>This copy was lent again after this return; the return cannot be undone.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="29" />
            <source>این نسخه پس از این بازگشت برای رزرو کنار گذاشته یا به مرکز دیگری فرستاده شده است؛ بازگشت دیگر لغو نمی‌شود.</source>
            <translation>After this return the copy was set aside for a hold or sent to another centre; the return can no longer be undone.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="32" />
            <source>این امانت تمدید نشده است.</source>
            <translation>This loan has not been renewed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/circulation_undo.py" line="33" />
            <source>تنها تمدیدی که امروز ثبت شده است لغو می‌شود؛ آخرین تمدید این امانت پیش‌تر بوده است.</source>
            <translation>Only a renewal recorded today can be undone; this loan's last renewal was earlier.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_undo.py" line="19" />
            <source>تنها درخواستی که پذیرفته شده و هنوز به دستگاه فرستاده نشده است به صف بررسی برمی‌گردد.</source>
            <translation>Only a request that was accepted and not yet sent to an agency goes back to review.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_undo.py" line="21" />
            <source>مدیر یا کارشناس دیگری روی این پرونده کار کرده است (ارجاع یا ارسال)؛ پذیرش دیگر لغو نمی‌شود. اگر درخواست پذیرفتنی نیست، آن را رد یا مختومه کنید.</source>
            <translation>The manager or another expert has acted on this case (a referral or a forward); the acceptance can no longer be undone. If the request is not acceptable, reject or close it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_undo.py" line="24" />
            <source>بنویسید چرا پذیرش اشتباه بود؛ در گردش کار می‌ماند.</source>
            <translation>Write why the acceptance was a mistake; it stays on the case history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_applicant.py" line="23" />
            <source>این کد ملی همان متقاضی کنونی پرونده است؛ کد ملی متقاضی درست را بنویسید.</source>
            <translation>This national ID is the case's current applicant's; type the right applicant's national ID.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_applicant.py" line="25" />
            <source>بنویسید چرا متقاضی نادرست بود؛ در گردش کار می‌ماند.</source>
            <translation>Write why the applicant was wrong; it stays on the case history.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_answer_move.py" line="21" />
            <source>این پرونده پاسخی ندارد که جابه‌جا شود، یا پس از پاسخ کار دیگری (اعلام، بستن) روی آن انجام شده است.</source>
            <translation>This case has no answer to move, or something was done on it after the answer (the applicant told, the case closed).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_answer_move.py" line="23" />
            <source>پرونده‌ای با این کد رهگیری یا شماره ثبت پیدا نشد.</source>
            <translation>No case has this tracking code or registration number.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_answer_move.py" line="24" />
            <source>پاسخ تنها به پرونده‌ای می‌رود که به دستگاه فرستاده شده و چشم‌به‌راه پاسخ است.</source>
            <translation>An answer only moves to a case that was sent to an agency and is waiting for its answer.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_answer_move.py" line="26" />
            <source>این همان پرونده است؛ کد رهگیری پرونده درست را بنویسید.</source>
            <translation>This is the same case; type the right case's tracking code.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_answer_move.py" line="27" />
            <source>بنویسید چرا پاسخ روی این پرونده نادرست بود؛ در گردش کار می‌ماند.</source>
            <translation>Write why the answer was on this case by mistake; it stays on the case history.</translation>
        </message>
    </context>
    <context>
        <name>Fitting</name>
        <message>
            <location filename="../kanoon_desk/ui/fitting.py" line="270" />
            <source>Ctrl+Tab: بخش دیگر این صفحه</source>
            <extracomment>the width it was last laid out at (0: not yet) the page's width, in lines of text, from which the form stands beside the list</extracomment>
            <translation>Ctrl+Tab: the other part of this page</translation>
        </message>
    </context>
    <context>
        <name>HandOverDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="275" />
            <source>سپردن کارتابل {name}</source>
            <translation>Hand over {name}'s cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="278" />
            <source>سپردن</source>
            <translation>Hand over</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="285" />
            <source>{name} ({roles})</source>
            <translation>{name} ({roles})</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/users.py" line="287" />
            <source>%Ln درخواست در کارتابل «{name}» منتظر اقدام است. هر کدام با همان دستور (پاراف) و فرستنده به کارتابل کاربری که برمی‌گزینید می‌رود و در روند درخواست دیده می‌شود.</source>
            <translation>
                <numerusform>%Ln case waits in «{name}»'s cartable. It goes to the cartable of the user you choose, with the same instruction and sender, and shows in the case's timeline.</numerusform>
                <numerusform>%Ln cases wait in «{name}»'s cartable. Each goes to the cartable of the user you choose, with the same instruction and sender, and shows in the case's timeline.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="294" />
            <source>گیرنده</source>
            <translation>Receiver</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="34" />
            <location filename="../kanoon_desk/ui/help.py" line="35" />
            <source>جعبه‌های جست‌وجو</source>
            <extracomment>Keys of the pages, beside the menus' own: (where, key, what it does), in the «Help» context.</extracomment>
            <translation>Search boxes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="34" />
            <source>جست‌وجو</source>
            <translation>Search</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="35" />
            <source>رفتن به فهرست؛ پیکان‌ها ردیف را عوض می‌کنند و پرونده یا عضو آن را نشان می‌دهند</source>
            <translation>Into the list; the arrows move the row and show its case or member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="37" />
            <location filename="../kanoon_desk/ui/help.py" line="39" />
            <source>ثبت درخواست</source>
            <translation>New request</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="37" />
            <source>ذخیره (در کد ملی: پر کردن مشخصات متقاضی شناخته‌شده)</source>
            <translation>Save (in the national ID: fill in a known applicant)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="39" />
            <source>چاپ رسید درخواستی که همین الان ثبت شد</source>
            <translation>Print the receipt of the request just saved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="41" />
            <location filename="../kanoon_desk/ui/help.py" line="43" />
            <source>پنجره‌های کار پرونده</source>
            <translation>Case action dialogs</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="41" />
            <source>ثبت، از درون متن چندخطی هم (Enter در آن سطر تازه است)</source>
            <translation>Save, from a multi-line note too (where Enter starts a new line)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="43" />
            <source>بستن بدون ثبت (نوشته‌های کار پرونده برای بار بعد می‌ماند)</source>
            <translation>Close without saving (what was typed for the case is kept for next time)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="45" />
            <source>کارتابل</source>
            <translation>Cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="45" />
            <source>باز کردن پرونده ردیف برگزیده</source>
            <translation>Open the selected row's case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="46" />
            <location filename="../kanoon_desk/ui/help.py" line="48" />
            <location filename="../kanoon_desk/ui/help.py" line="49" />
            <location filename="../kanoon_desk/ui/help.py" line="50" />
            <location filename="../kanoon_desk/ui/help.py" line="51" />
            <source>میز امانت</source>
            <translation>Circulation desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="46" />
            <source>خواندن کارت عضو یا بارکد کتاب (بارکدخوان خودش Enter می‌زند)</source>
            <translation>Read a member card or a book barcode (the scanner presses Enter itself)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="48" />
            <source>کار: امانت</source>
            <translation>Mode: lend</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="49" />
            <source>کار: بازگشت</source>
            <translation>Mode: return</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="50" />
            <source>رزرو کتاب برای عضو</source>
            <translation>Place a hold for the member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="51" />
            <source>پایان کار عضو</source>
            <translation>Done with the member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="52" />
            <source>انبارگردانی</source>
            <translation>Stock-take</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="52" />
            <source>ثبت بارکد خوانده‌شده از قفسه</source>
            <translation>Record a barcode scanned from the shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="108" />
            <source>نگارش</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="109" />
            <source>پایگاه داده</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="110" />
            <source>دفتر</source>
            <translation>Office</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="110" />
            <source>{name} (کد {code})</source>
            <translation>{name} (code {code})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="112" />
            <source>میز</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="112" />
            <source>دستگاه شماره {n}، شناسه {id}</source>
            <translation>device {n}, id {id}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="114" />
            <source>کاربر</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="114" />
            <source>{name} (نام کاربری {user})</source>
            <translation>{name} (user name {user})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="116" />
            <source>ساخته با</source>
            <translation>Built with</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="117" />
            <source>سامانه</source>
            <translation>System</translation>
        </message>
    </context>
    <context>
        <name>Holidays</name>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="761" />
            <location filename="../kanoon_desk/services/accounts.py" line="762" />
            <location filename="../kanoon_desk/services/accounts.py" line="763" />
            <location filename="../kanoon_desk/services/accounts.py" line="764" />
            <source>عید نوروز</source>
            <extracomment>Official holidays on fixed Jalali days, every year by law: (month, day, title). The working calendar counts them without anyone entering them; the admin enters the lunar (moving) ones. Their titles are the program's words (context "Holidays"), shown in the interface's language.</extracomment>
            <translation>Nowruz</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="765" />
            <source>روز جمهوری اسلامی</source>
            <translation>Islamic Republic Day</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="766" />
            <source>روز طبیعت</source>
            <translation>Nature Day (Sizdah Bedar)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="767" />
            <source>رحلت امام خمینی</source>
            <translation>Death of Imam Khomeini</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="768" />
            <source>قیام ۱۵ خرداد</source>
            <translation>15 Khordad Uprising</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="769" />
            <source>پیروزی انقلاب اسلامی</source>
            <translation>Victory of the Islamic Revolution</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/accounts.py" line="770" />
            <source>روز ملی شدن صنعت نفت</source>
            <translation>Oil Nationalization Day</translation>
        </message>
    </context>
    <context>
        <name>HolidaysModel</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="44" />
            <source>تاریخ</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="44" />
            <source>روز هفته</source>
            <translation>Weekday</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="45" />
            <source>مناسبت</source>
            <translation>Occasion</translation>
        </message>
    </context>
    <context>
        <name>HolidaysPage</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="77" />
            <source>مثلاً عید نوروز</source>
            <translation>e.g. Nowruz</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="78" />
            <source>تاریخ</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="79" />
            <source>مناسبت</source>
            <translation>Occasion</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="80" />
            <source>افزودن تعطیلی</source>
            <translation>Add holiday</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="83" />
            <source>حذف تعطیلی برگزیده</source>
            <translation>Remove selected holiday</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="89" />
            <source>تعطیلات ثابت هر سال (۱ تا ۴ و ۱۲ و ۱۳ فروردین، ۱۴ و ۱۵ خرداد، ۲۲ بهمن و ۲۹ اسفند) خودبه‌خود به حساب می‌آیند؛ تعطیلات قمری هر سال را از تقویم رسمی اینجا وارد کنید.</source>
            <translation>The fixed holidays of every year (1–4 and 12–13 Farvardin, 14–15 Khordad, 22 Bahman and 29 Esfand) are counted automatically; enter each year's lunar holidays here from the official calendar.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="122" />
            <source>تعطیلات قمری سال {y} هنوز وارد نشده است؛ تا وارد نشود، مهلت‌ها ممکن است روز تعطیل بیفتد.</source>
            <translation>The lunar holidays of {y} have not been entered yet; until they are, due dates and deadlines may fall on a holiday.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="123" />
            <source>، </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="131" />
            <source>جایگزینی مناسبت</source>
            <translation>Replace the occasion</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="132" />
            <source>روز {d} پیش‌تر با مناسبت «{old}» در جدول تعطیلات است. مناسبت آن «{new}» شود؟</source>
            <translation>{d} is already in the holiday table as «{old}». Make its occasion «{new}»?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="146" />
            <source>مناسبت تعطیلی را بنویسید.</source>
            <translation>Write the holiday's occasion.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="153" />
            <source>روز {d} با همین مناسبت در جدول هست؛ چیزی تغییر نکرد.</source>
            <translation>{d} is already in the table with this occasion; nothing changed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="157" />
            <source>مناسبت روز {d} همان «{old}» ماند.</source>
            <translation>{d} keeps its occasion «{old}».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="165" />
            <source>مناسبت روز {d} از «{old}» به «{new}» تغییر کرد.</source>
            <translation>The occasion of {d} changed from «{old}» to «{new}».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="167" />
            <source>تعطیلی %1 افزوده شد.</source>
            <translation>Holiday %1 added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="169" />
            <source>این روز گذشته است: شمار روزهای کاری در گزارش‌های دوره‌هایی که آن را در بر دارند تغییر می‌کند.</source>
            <translation>This day is past: the working-day figures in reports on the periods that include it change.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="172" />
            <source>مهلت پاسخ {cases} پرونده نزد دستگاه‌ها و موعد بازگشت {loans} امانت همین روز است و جابه‌جا نمی‌شود: همان است که در نامه‌ها و رسیدهای امانت آمده؛ پاسخ دستگاهی که نخستین روز کاری پس از آن برسد و کتابی که آن روز برگردد دیرکرد ندارد. مهلت‌هایی که از این پس داده شود این روز را کاری نمی‌شمارد.</source>
            <translation>Due on this day, and staying so: agencies' answers on cases: {cases}; returns of loans: {loans}. It is the date their letters and loan slips gave; an agency's answer arriving on the first working day after it, and a book brought back that day, are not late. Deadlines given from now on do not count this day as a working day.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="188" />
            <source>نخست یک تعطیلی را در جدول برگزینید.</source>
            <translation>First select a holiday in the table.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/holidays.py" line="199" />
            <source>تعطیلی حذف شد.</source>
            <translation>Holiday removed.</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="87" />
            <source>نمایش</source>
            <extracomment>Where a fact leads: the page that gave it, and what to do there once shown (list one queue). the office's day; a page left on screen past midnight reads its facts again (it said yesterday was «امروز» and counted to it until another page was opened) the facts were just read: the first show (right after the page is built) does not read them a second time (each read counts the office's queues: ~2 s on a busy province's store)</extracomment>
            <translation>Show</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="116" />
            <source>سلام، %1</source>
            <translation>Hello, %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="120" />
            <source>امروز</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="121" />
            <source>دفتر</source>
            <translation>Office</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="122" />
            <source>نقش‌های شما</source>
            <translation>Your roles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="125" />
            <source>امروز روز کاری است؟</source>
            <translation>Is today a working day?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="126" />
            <source>بله</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="126" />
            <source>خیر، تعطیل است</source>
            <translation>No, it is a holiday</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="129" />
            <source>تعطیلی‌های پیش رو</source>
            <translation>Coming holidays</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="130" />
            <source>در جدول تعطیلات روزی ثبت نشده است.</source>
            <translation>No day is in the holiday table.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="135" />
            <source>کاربران فعال</source>
            <translation>Active users</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="140" />
            <source>تعطیلات قمری</source>
            <translation>Lunar holidays</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="141" />
            <source>سال {y} هنوز وارد نشده است</source>
            <translation>{y} not entered yet</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="142" />
            <source>، </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/home.py" line="180" />
            <source>پیشخوان</source>
            <translation>Home</translation>
        </message>
    </context>
    <context>
        <name>IntakePage</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="82" />
            <source>کد ملی</source>
            <extracomment>today, read when the request is saved; when the day turns (a page left open overnight) the received date moves with it, unless the clerk chose another one</extracomment>
            <translation>National ID</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="93" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="275" />
            <source>نام</source>
            <extracomment>the scans' list: never lower than it stood (70 px, three rows), at most this many rows tall</extracomment>
            <translation>First name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="95" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="276" />
            <source>نام خانوادگی</source>
            <translation>Last name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="98" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="277" />
            <source>شماره همراه</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="100" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="278" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="102" />
            <source>موضوع</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="106" />
            <source>شرح درخواست</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="111" />
            <source>دسته</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="113" />
            <source>حضوری</source>
            <translation>In person</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="113" />
            <source>پستی</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="113" />
            <source>تلفنی</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="115" />
            <source>شیوه دریافت</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="118" />
            <source>تاریخ دریافت</source>
            <translation>Received on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="131" />
            <source>پرونده‌های اسکن را اینجا رها کنید یا «افزودن پیوست…» را بزنید.</source>
            <translation>Drop the scanned files here, or press “Add attachment…”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="133" />
            <source>افزودن پیوست…</source>
            <translation>Add attachment…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="135" />
            <source>حذف پیوست</source>
            <translation>Remove attachment</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="199" />
            <source>چاپ رسید (Ctrl+P)</source>
            <translation>Print receipt (Ctrl+P)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="124" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="143" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="358" />
            <source>پیوست‌ها</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="145" />
            <source>ثبت درخواست (Enter)</source>
            <translation>Save request (Enter)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="150" />
            <source>فرم تازه</source>
            <translation>New form</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="151" />
            <source>همه خانه‌های فرم و پیش‌نویس آن را پاک می‌کند</source>
            <translation>Empties every field of the form and drops its draft</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="156" />
            <source>فرم نیمه‌کاره‌ای که پیش‌تر نوشته بودید بازگردانده شد؛ آن را کامل و ثبت کنید، یا «فرم تازه» را بزنید.</source>
            <translation>The half-filled form you were typing earlier is back; complete and save it, or press "New form".</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="172" />
            <source>درخواست‌های مشابه در ۹۰ روز گذشته</source>
            <translation>Similar requests in the last 90 days</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="174" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="325" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="474" />
            <source>موردی نیست.</source>
            <translation>None.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="187" />
            <source>پیش از ثبت این درخواست‌های مشابه را ببینید؛ اگر تکراری نیست، دوباره Enter بزنید.</source>
            <extracomment>the windows of earlier cases opened from the hint (kept while open)</extracomment>
            <translation>Look at these similar requests before saving; if it is not a repeat, press Enter again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="192" />
            <source>رسید</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="194" />
            <source>پس از ثبت، کد رهگیری اینجا نشان داده می‌شود.</source>
            <translation>After saving, the tracking code is shown here.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="203" />
            <source>رسید PDF</source>
            <translation>Receipt PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="287" />
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="328" />
            <source>، </source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="288" />
            <source>متقاضی شناخته‌شده: {name}. {fields} از پرونده پیشین او پر شد؛ اگر چیزی تغییر کرده، اصلاحش کنید.</source>
            <translation>Known applicant: {name}. {fields} filled in from their earlier case; correct whatever has changed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="291" />
            <source>متقاضی شناخته‌شده: {name}. آنچه نوشته‌اید جای اطلاعات پیشین او را می‌گیرد.</source>
            <translation>Known applicant: {name}. What you typed replaces their earlier details.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="339" />
            <source>کد ملی نوشته‌شده درست نیست؛ شاید {nid} باشد:</source>
            <translation>The national ID typed is not valid; perhaps it is {nid}:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="341" />
            <source>برای دیدن هر پرونده، کد رهگیری‌اش را بزنید.</source>
            <translation>Click a tracking code to see its case.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="359" />
            <source>اسکن‌ها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="426" />
            <source>«{name}»: {reason}</source>
            <translation>“{name}”: {reason}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/intake.py" line="443" />
            <source>درخواست {name} ثبت شد.
کد رهگیری: {code}</source>
            <translation>Request of {name} saved.
Tracking code: {code}</translation>
        </message>
    </context>
    <context>
        <name>JalaliDateEdit</name>
        <message>
            <location filename="../kanoon_desk/ui/widgets.py" line="366" />
            <source>تاریخ‌های پس از سال {last} را این برنامه نمی‌پذیرد: کبیسه‌های سال‌های پس از آن در تقویم‌ها یکی نیست.</source>
            <extracomment>The Arabic-Indic digits (٠١٢٣…, what an Arabic or an old Persian Windows keyboard types) → the Persian ones (۰۱۲۳…): the same numbers, as Persian text writes them. what a clerk types between year, month and day The last Jalali year the field takes. Qt's Jalali calendar and the program's (jdatetime: every stored, printed and listed date) put the leap years 1436/1437 and 1469/1470 the other way round: a day of those years read one day off in the field (1437/01/01 showed as 1437/01/02, and a day typed there was saved as the day before); a later year is refused at the field.</extracomment>
            <translation>Dates after the year {last} are not accepted: the calendars do not agree on the leap years after it.</translation>
        </message>
    </context>
    <context>
        <name>JoinForm</name>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="85" />
            <source>نشانی کارگزار</source>
            <translation>Server address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="86" />
            <source>کد ثبت دستگاه</source>
            <translation>Enrolment code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="87" />
            <source>نام این دستگاه (برای کارگزار)</source>
            <translation>This device's name (for the server)</translation>
        </message>
    </context>
    <context>
        <name>Library</name>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="21" />
            <source>عنوان‌ها</source>
            <translation>Titles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="230" />
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="21" />
            <source>نسخه‌ها</source>
            <translation>Copies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="21" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="398" />
            <source>اعضا</source>
            <translation>Members</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="38" />
            <source>«{c}»: {e}</source>
            <translation>“{c}”: {e}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/import_progress.py" line="27" />
            <source>{what}
ردیف {n} از {all}</source>
            <translation>{what}
Row {n} of {all}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="61" />
            <source>پیش‌نمایش درون‌ریزی</source>
            <extracomment>the widest the error and note columns open (px): the file's own cells stay in view beside them</extracomment>
            <translation>Import preview</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="65" />
            <source>ردیف</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="65" />
            <source>خطا</source>
            <translation>Error</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="66" />
            <source>یادداشت</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="77" />
            <source>{n} ردیف، {bad} ردیف نادرست.</source>
            <translation>Rows: {n}, invalid: {bad}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="86" />
            <source>درون‌ریزی همه ردیف‌ها</source>
            <translation>Import all rows</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/import_progress.py" line="156" />
            <source>درون‌ریزی متوقف می‌شود…</source>
            <translation>Stopping the import…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/import_progress.py" line="179" />
            <source>ردیف‌ها هنوز درون‌ریزی می‌شوند. درون‌ریزی متوقف شود؟ هیچ ردیفی درون‌ریزی نمی‌شود.</source>
            <translation>The rows are still being imported. Stop the import? No row will be imported.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/import_progress.py" line="38" />
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="89" />
            <location filename="../kanoon_desk/ui/library/copies.py" line="64" />
            <location filename="../kanoon_desk/ui/library/holds.py" line="80" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="106" />
            <source>درون‌ریزی ردیف‌ها…</source>
            <translation>Importing the rows…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/import_progress.py" line="101" />
            <source>توقف</source>
            <extracomment>the job writing (None when none is): its progress, and its «توقف» the person asked to close the window while it wrote: closed once stopped</extracomment>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_import.py" line="109" />
            <source>{n} ردیف درون‌ریزی شد.</source>
            <translation>Rows imported: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="52" />
            <source>نسخه‌های برگزیده در فهرست ({n})</source>
            <translation>Copies selected in the list ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="54" />
            <source>نسخه‌هایی که امروز در این مرکز افزوده شد ({n})</source>
            <translation>Copies this centre added today ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="72" />
            <source>برگه برچسب:</source>
            <translation>Label sheet:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="89" />
            <source>ذخیره PNG</source>
            <translation>Save PNG</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="121" />
            <source>نسخه‌ای برای برچسب نیست.</source>
            <translation>No copy to label.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="74" />
            <source>اگر کتاب دیگری است (چاپ یا ترجمه دیگر)، دوباره «افزودن عنوان» را بزنید.</source>
            <translation>If it is another book (another edition or translation), press “Add title” again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="105" />
            <source>عنوان، نویسنده، ناشر، موضوع یا شابک</source>
            <extracomment>the file being read and checked (its progress and «انصراف»); None when none is what the title list shows: the search run last (its text), or None for the titles added last</extracomment>
            <translation>Title, author, publisher, subject or ISBN</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="110" />
            <source>نوع درون‌ریزی</source>
            <translation>Import kind</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="113" />
            <source>درون‌ریزی از CSV/XLSX</source>
            <translation>Import from CSV/XLSX</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="124" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="315" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="129" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="136" />
            <location filename="../kanoon_desk/ui/library/history.py" line="33" />
            <location filename="../kanoon_desk/ui/library/history.py" line="40" />
            <location filename="../kanoon_desk/ui/library/holds.py" line="128" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="388" />
            <location filename="../kanoon_desk/ui/library/returns.py" line="96" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="400" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="416" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="84" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="164" />
            <source>عنوان</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="125" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="315" />
            <location filename="../kanoon_desk/ui/library/history.py" line="34" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="388" />
            <source>نویسنده</source>
            <translation>Author</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="127" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="315" />
            <location filename="../kanoon_desk/ui/library/history.py" line="36" />
            <source>شابک</source>
            <translation>ISBN</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="132" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="315" />
            <location filename="../kanoon_desk/ui/library/history.py" line="37" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="390" />
            <source>گروه سنی</source>
            <translation>Age group</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="133" />
            <location filename="../kanoon_desk/ui/library/history.py" line="38" />
            <source>موضوع</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="134" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="485" />
            <source>افزودن عنوان</source>
            <translation>Add title</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="145" />
            <source>ویرایش عنوان برگزیده</source>
            <extracomment>the new title the librarian was told is in the catalogue already (`lib.SameTitle`): added as it is if it is saved again unchanged</extracomment>
            <translation>Edit the selected title</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="154" />
            <source>وجین نسخه برگزیده</source>
            <extracomment>the title the form holds for editing (None: the form adds a new one)</extracomment>
            <translation>Withdraw the selected copy</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="156" />
            <source>نسخه‌ای که فرسوده یا کنار گذاشته شده است دیگر امانت داده نمی‌شود.</source>
            <translation>A worn or discarded copy is not lent again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="159" />
            <source>اصلاح نسخه</source>
            <translation>Correct copy</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="161" />
            <source>قفسه، مرکز و امانت‌دادنی بودن نسخه برگزیده</source>
            <translation>The selected copy's shelf, centre and whether it may be lent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="167" />
            <source>تاریخچه تغییرات عنوان</source>
            <translation>Title change history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="172" />
            <source>تاریخچه تغییرات نسخه برگزیده</source>
            <translation>Change history of the selected copy</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="175" />
            <source>بارکد (خالی: خودکار)</source>
            <translation>Barcode (leave empty for automatic)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="177" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="324" />
            <location filename="../kanoon_desk/ui/library/copies.py" line="43" />
            <location filename="../kanoon_desk/ui/library/history.py" line="39" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="140" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="400" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="417" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="86" />
            <source>قفسه</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="183" />
            <source>تعداد نسخه</source>
            <translation>Number of copies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="184" />
            <source>چند نسخه با هم: بارکدهای پیاپی از بارکدی که نوشته شد (K000120، K000121…)، یا خودکار</source>
            <translation>Several copies at once: consecutive barcodes from the one typed (K000120, K000121…), or issued automatically</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="187" />
            <source>تعداد:</source>
            <translation>Count:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="189" />
            <source>افزودن نسخه به عنوان برگزیده</source>
            <translation>Add a copy to the selected title</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="248" />
            <source>عنوان‌ها و نسخه‌ها</source>
            <translation>Titles and copies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="249" />
            <source>افزودن و ویرایش عنوان</source>
            <translation>Add or edit a title</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="265" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="489" />
            <source>عنوان تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید.</source>
            <translation>A new title left half typed earlier is in the form; complete it and add it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="293" />
            <source>آخرین عنوان‌های افزوده</source>
            <extracomment>what other desks (or this desk's other pages) changed, read again (`ReadWhenShown`)</extracomment>
            <translation>Titles added last</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="296" />
            <source>نتیجه جست‌وجو</source>
            <translation>Search results</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="307" />
            <source>عنوانی که هم‌اکنون ثبت شد</source>
            <translation>The title just saved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="373" />
            <source>«{t}» به فهرست افزوده شد؛ نسخه‌هایش را با بارکد بیفزایید.</source>
            <translation>“{t}” was added to the catalogue; add its copies with their barcodes.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="388" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="426" />
            <source>عنوانی که در فهرست هست</source>
            <translation>The title already in the catalogue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="420" />
            <source>شابک {i} در فهرست نیست؛ عنوان و نویسنده را بنویسید و Enter بزنید.</source>
            <translation>ISBN {i} is not in the catalogue; type the title and the author and press Enter.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="427" />
            <source>«{t}» با این شابک در فهرست هست؛ نسخه‌هایش را با بارکد بیفزایید.</source>
            <translation>“{t}” has this ISBN in the catalogue; add its copies by their barcodes.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="447" />
            <source>تغییرات ثبت‌نشده</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="448" />
            <source>تغییرات «{t}» هنوز ثبت نشده است. آن‌ها کنار گذاشته شوند و عنوان برگزیده ویرایش شود؟</source>
            <translation>The changes to “{t}” are not saved yet. Discard them and correct the selected title?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="537" />
            <source>بارکد {old} به {new} اصلاح شد؛ برچسب تازه را با «برچسب بارکد…» چاپ کنید و روی کتاب بچسبانید.</source>
            <translation>Barcode {old} corrected to {new}; print the new label with “Barcode labels…” and stick it on the book.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="541" />
            <source>نسخه به {c} سپرده شد و تا رسیدن و خواندن بارکدش در آنجا «در راه» است.</source>
            <translation>The copy now belongs to {c} and is “in transit” until its barcode is scanned there on arrival.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="594" />
            <source>{n} نسخه افزوده شد، {a} تا {z}؛ برگزیده‌اند تا برچسب‌هایشان را با «برچسب بارکد…» یکجا چاپ کنید.</source>
            <translation>{n} copies added, {a} to {z}; they are selected, to print their labels together with “Barcode labels…”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="646" />
            <source>خواندن و بررسی «{f}»…</source>
            <translation>Reading and checking “{f}”…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="671" />
            <source>«{f}» درون‌ریزی نشد: {e}</source>
            <translation>“{f}” was not imported: {e}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="44" />
            <source>برچسب بارکد نسخه‌ها</source>
            <extracomment>The QSettings key of the label sheet this desk prints on (the dialog remembers the last chosen).</extracomment>
            <translation>Barcode labels for the copies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="53" />
            <source>همه نسخه‌های این عنوان در این مرکز ({n})</source>
            <translation>Every copy of this title at this centre ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="126" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="315" />
            <location filename="../kanoon_desk/ui/library/history.py" line="35" />
            <source>ناشر</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="196" />
            <source>برچسب بارکد…</source>
            <translation>Barcode labels…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="198" />
            <source>چاپ یا ذخیره برچسب نسخه‌های برگزیده، همه نسخه‌های عنوان، یا نسخه‌های امروز این مرکز</source>
            <translation>Print or save labels for the selected copies, every copy of the title, or the copies this centre added today</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="321" />
            <location filename="../kanoon_desk/ui/library/history.py" line="65" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="419" />
            <source>بله</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="321" />
            <location filename="../kanoon_desk/ui/library/history.py" line="65" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="419" />
            <source>خیر</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="323" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="129" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="136" />
            <location filename="../kanoon_desk/ui/library/copies.py" line="39" />
            <location filename="../kanoon_desk/ui/library/history.py" line="42" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="23" />
            <location filename="../kanoon_desk/ui/library/returns.py" line="96" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="400" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="416" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="86" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="164" />
            <source>بارکد</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="323" />
            <location filename="../kanoon_desk/ui/library/copies.py" line="53" />
            <location filename="../kanoon_desk/ui/library/history.py" line="29" />
            <location filename="../kanoon_desk/ui/library/members.py" line="191" />
            <location filename="../kanoon_desk/ui/library/members.py" line="324" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="20" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="398" />
            <source>مرکز</source>
            <translation>Centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="324" />
            <location filename="../kanoon_desk/ui/library/history.py" line="110" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="325" />
            <source>اکنون در</source>
            <translation>Now at</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="325" />
            <location filename="../kanoon_desk/ui/library/history.py" line="41" />
            <source>امانت‌دادنی</source>
            <translation>Loanable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="369" />
            <source>تغییرات «{t}» ثبت شد.</source>
            <translation>The changes to “{t}” were saved.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="502" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="517" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="555" />
            <source>نخست نسخه را در فهرست نسخه‌ها برگزینید.</source>
            <translation>First pick the copy in the list of copies.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="535" />
            <source>نسخه {b} اصلاح شد.</source>
            <translation>Copy {b} corrected.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="557" />
            <source>چرا وجین می‌شود؟ (فرسوده، آسیب‌دیده، تکراری…)</source>
            <translation>Why is it withdrawn? (worn, damaged, duplicate…)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="558" />
            <source>یادداشت (کجا و کی دیده نشد):</source>
            <translation>Note (where and when it was missed):</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="568" />
            <source>نسخه {b} وجین شد.</source>
            <translation>Copy {b} was withdrawn.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="571" />
            <source>نسخه {b} گم‌شده ثبت شد.</source>
            <translation>Copy {b} was recorded as lost.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="591" />
            <source>نسخه {b} افزوده شد.</source>
            <translation>Copy {b} added.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="127" />
            <source>برچسب‌ها</source>
            <translation>Labels</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/import_progress.py" line="40" />
            <location filename="../kanoon_desk/ui/import_progress.py" line="178" />
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="634" />
            <source>درون‌ریزی</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="28" />
            <source>هشدار: این نسخه هنوز به نام «{m}» از «{c}» امانت ثبت شده است (یک نسخه در دو مرکز امانت داده شده)؛ مدیر در «ناسازگاری‌ها» تصمیم می‌گیرد.</source>
            <translation>Warning: this copy is still recorded as lent to «{m}» by «{c}» (one copy lent at two centres); a manager decides in «Conflicts».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="36" />
            <source>برای رزرو «{m}» کنار بگذارید: {t}</source>
            <translation>Set aside for {m}'s hold: {t}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="40" />
            <source>برای رزرو «{m}» به مرکز «{c}» بفرستید.</source>
            <translation>Send to centre “{c}” for {m}'s hold.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="42" />
            <source>برای رزرو به مرکز «{c}» بفرستید.</source>
            <translation>Send to the “{c}” centre for a hold.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="44" />
            <source>به مرکز خودش «{c}» بفرستید.</source>
            <translation>Send back to its home centre, “{c}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="46" />
            <source>خارج از گردش است؛ به قفسه برنگردانید.</source>
            <translation>Withdrawn: do not put it back on the shelf.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="47" />
            <source>به قفسه برگردانید.</source>
            <translation>Put it back on the shelf.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="58" />
            <source>بازگشت‌های این نوبت (تازه‌ترین بالا)</source>
            <translation>Returns this session (newest first)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="62" />
            <source>لغو بازگشت اشتباه (Ctrl+Z)</source>
            <extracomment>«لغو بازگشت اشتباه»: the page connects it (`DeskUndo.undo_return_chosen`)</extracomment>
            <translation>Undo mistaken return (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="64" />
            <source>کتابی که امروز اشتباه بازگشت خورد و هنوز نزد عضو است: بازگشت برگزیده، یا آخرین بازگشت این نوبت، لغو و امانت با همان مهلت دوباره باز می‌شود</source>
            <translation>A book checked in by mistake today that is still with the member: the selected return, or the last one of this session, is undone and the loan opens again with the same due date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="97" />
            <source>کار بعدی</source>
            <translation>Next action</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="105" />
            <source>(گم‌شده، پیدا شد)</source>
            <translation>(lost, found)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/returns.py" line="106" />
            <source>(دریافت از مرکز دیگر)</source>
            <translation>(received from another centre)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="70" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="24" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="111" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="145" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="369" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="372" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="378" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="388" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="390" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="392" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="394" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="398" />
            <source>امانت</source>
            <extracomment>the session's context; `ctx` is the same at the centre the desk lends at (its actor's office) a loan of the member on the desk was renewed in this visit: the slip lists every open loan a refusal a permitted librarian may override: ("checkout", barcode) or ("renew", loan id) the day the desk lends on: the clock's, read at each scan (a desk left open overnight lends on the new day); a test may fix it by assigning `today`</extracomment>
            <translation>Loans</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="72" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="136" />
            <source>بازگشت</source>
            <translation>Return</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="395" />
            <source>بارکد کتاب‌های بازگشتی را بخوانید و Enter بزنید</source>
            <translation>Scan the barcodes of the returned books and press Enter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="397" />
            <source>کارت عضو یا بارکد کتاب را بخوانید و Enter بزنید</source>
            <translation>Scan a member card or a book barcode and press Enter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="100" />
            <source>کار:</source>
            <translation>Mode:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="108" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="97" />
            <source>عضوی انتخاب نشده است؛ کارت عضو را بخوانید.</source>
            <translation>No member selected; scan a member card.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="71" />
            <source>نادیده گرفتن مانع و امانت (ثبت می‌شود)</source>
            <translation>Override the block and check out (this is logged)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="149" />
            <source>امانت‌های باز</source>
            <extracomment>the barcode of a copy recorded lost that was just scanned back (for «پیدا شد») another member's card number read while a member is at the desk that is also a book's label read short (`lib.copy_read_short`): read again, the desk goes to that member</extracomment>
            <translation>Open loans</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="94" />
            <source>مرکز فرهنگی هنری که این میز در آن امانت می‌دهد</source>
            <translation>The cultural centre this desk lends at</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="135" />
            <source>پیدا شد، به گردش برگردد</source>
            <translation>Found: back into circulation</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="151" />
            <source>تمدید برگزیده</source>
            <translation>Renew selected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="154" />
            <source>تمدید همه</source>
            <translation>Renew all</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="157" />
            <location filename="../kanoon_desk/ui/library/printouts.py" line="106" />
            <source>برگه امانت</source>
            <extracomment>A notice's height without its books, a book's row (or the line of the centre's phone), and a page's room (A4 as `printing` prints it).</extracomment>
            <translation>Checkout slip</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="160" />
            <source>رزرو کتاب (F6)</source>
            <translation>Reserve a book (F6)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="163" />
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="71" />
            <source>لغو رزرو</source>
            <translation>Cancel a hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="166" />
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="55" />
            <location filename="../kanoon_desk/ui/library/holds.py" line="124" />
            <source>قفسه رزرو</source>
            <translation>Hold shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="169" />
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="56" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="35" />
            <source>ارسال برای رزرو</source>
            <translation>Send for holds</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="171" />
            <source>نسخه‌های قفسه این مرکز که رزرو مرکز دیگری منتظرشان است</source>
            <translation>Copies on this centre's shelf that holds at other centres are waiting for</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="174" />
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="24" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="419" />
            <source>گم‌شده نزد عضو</source>
            <translation>Lost by member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="176" />
            <source>عضو کتاب برگزیده را گم کرده است: امانت بسته و نسخه گم‌شده ثبت می‌شود</source>
            <translation>The member lost the selected book: the loan is closed and the copy recorded lost</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="179" />
            <source>لغو امانت اشتباه (Ctrl+Z)</source>
            <translation>Void mistaken loan (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="181" />
            <source>امانتی که امروز اشتباه داده شد (کارت عضو دیگر، کتاب دیگر): امانت برگزیده، یا آخرین کتابی که در این مراجعه امانت داده شد، لغو می‌شود</source>
            <translation>A loan made by mistake today (another member's card, another book): the selected loan, or the last book lent in this visit, is voided</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="185" />
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="107" />
            <source>لغو تمدید اشتباه</source>
            <translation>Undo mistaken renewal</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="187" />
            <source>تمدیدی که امروز اشتباه ثبت شد: مهلت بازگشت امانت برگزیده به پیش از آخرین تمدیدش برمی‌گردد</source>
            <translation>A renewal made by mistake today: the selected loan's due date goes back to what it was before its last renewal</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="190" />
            <source>پایان (Esc)</source>
            <translation>Done (Esc)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="202" />
            <source>پیشینه امانت</source>
            <translation>Loan history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="274" />
            <source>هیچ مرکز فرهنگی هنری ثبت نشده است؛ مدیر سامانه مرکزها را در «مراکز فرهنگی هنری» می‌افزاید.</source>
            <translation>No cultural centre is recorded; the administrator adds centres under “Cultural centres”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="285" />
            <source>میز امانت در «{c}».</source>
            <translation>Circulation desk at “{c}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="458" />
            <source>«{c}» شماره کارت {n} است و نیز بارکد کتاب {b} بی نویسه پایانی‌اش. اگر کتاب خواندید، برچسبش ناتمام خوانده شد: دوباره بخوانید. اگر کارت است، آن را دوباره بخوانید تا میز به این عضو برود.</source>
            <translation>“{c}” is the card of {n}, and also the book label {b} without its last character. If you scanned a book, its label was read short: scan it again. If it is the card, scan it again to move the desk to this member.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="507" />
            <source>(دیرکرد: {books})</source>
            <translation>(late: {books})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="508" />
            <source>؛ </source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="527" />
            <source>«{t}» هم‌اکنون به همین عضو امانت داده شده است؛ مهلت بازگشت {d}.</source>
            <translation>“{t}” is already lent to this member; due back {d}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="591" />
            <source>این کارت عضو ({n}) است، نه بارکد کتاب؛ برای امانت F2 را بزنید و کارت را دوباره بخوانید.</source>
            <translation>This is a member card ({n}), not a book barcode; to lend, press F2 and scan the card again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="605" />
            <source>«{code}» — {why}</source>
            <translation>“{code}” — {why}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="70" />
            <source>نادیده گرفتن مانع و تمدید (ثبت می‌شود)</source>
            <translation>Override and renew (logged)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="346" />
            <source>دلیل نادیده گرفتن مانع</source>
            <translation>Reason for the override</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="347" />
            <source>دلیل کوتاه (در فهرست امانت‌های استثنا می‌ماند):</source>
            <translation>A short reason (kept in the list of overrides):</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="363" />
            <source>حالت بازگشت: کتاب‌ها را بخوانید.</source>
            <translation>Return mode: scan the books.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="364" />
            <source>حالت امانت: کارت عضو را بخوانید.</source>
            <translation>Checkout mode: scan a member card.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="105" />
            <source>شماره عضویت: {n}</source>
            <translation>Member no.: {n}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="106" />
            <source>مرکز: {c}</source>
            <translation>Centre: {c}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="107" />
            <source>اعتبار تا: {d}</source>
            <translation>Valid until: {d}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="108" />
            <source>امانت‌ها: {n} از {max}</source>
            <translation>Loans: {n} of {max}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="110" />
            <source>ولی: {g} ({p})</source>
            <translation>Guardian: {g} ({p})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="112" />
            <source>تلفن: {p}</source>
            <translation>Phone: {p}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="115" />
            <source>رزرو آماده: {t}</source>
            <translation>Holds ready for pickup: {t}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="118" />
            <source>رزرو در راه: {t}</source>
            <translation>Hold on its way: {t}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="119" />
            <source>{t} (به «{c}»)</source>
            <translation>{t} (to “{c}”)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="123" />
            <source>در صف رزرو: {t}</source>
            <translation>waiting for: {t}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="124" />
            <source>{t} (نوبت {n})</source>
            <translation>{t} (place {n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="129" />
            <source>تاریخ امانت</source>
            <translation>Checked out on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="129" />
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="136" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <source>مهلت بازگشت</source>
            <translation>Due date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="129" />
            <source>دیرکرد (روز)</source>
            <translation>Overdue (days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="129" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="24" />
            <source>تمدید</source>
            <translation>Renewals</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="133" />
            <source>گم شد</source>
            <translation>Lost</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="134" />
            <source>باطل شد (ناسازگاری)</source>
            <translation>Voided (conflict)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="135" />
            <source>لغو شد (امانت اشتباه)</source>
            <translation>Voided (lent by mistake)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_base.py" line="149" />
            <source>عضویت این عضو تا {d} اعتبار داشت؛ برای امانت، نخست آن را در صفحه «اعضا» با «تمدید عضویت برای یک سال» تمدید کنید.</source>
            <translation>This member's membership ran until {d}; before lending, renew it on the «Members» page with «Renew membership for one year».</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="61" />
            <source>رزرو ثبت شد: «{t}» — نوبت {n}، تحویل در «{c}».</source>
            <translation>Hold placed: “{t}” — place {n}, to collect at “{c}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="72" />
            <source>کدام رزرو لغو شود؟</source>
            <translation>Which hold should be cancelled?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="83" />
            <source>رزرو «{t}» لغو شد.</source>
            <translation>The hold on “{t}” was cancelled.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="94" />
            <source>نسخه‌اش ({b}) در راه مرکز «{c}» است؛ وقتی رسید، در حالت بازگشت بخوانیدش:</source>
            <translation>Its copy ({b}) is on its way to «{c}»; when it arrives, scan it in return mode:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="98" />
            <source>اکنون برای رزرو «{m}» است (تحویل در «{c}»).</source>
            <translation>it now goes to the hold of «{m}» (picked up at «{c}»).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="104" />
            <source>نسخه کنار گذاشته ({b}):</source>
            <translation>The copy set aside ({b}):</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="106" />
            <source>نسخه کنار گذاشته ({b}) در مرکز «{c}»:</source>
            <translation>The copy set aside ({b}) at «{c}»:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_holds.py" line="115" />
            <source>رزروهای تحویل‌نشده‌ای که مهلتشان گذشت لغو شد:</source>
            <translation>Holds not collected in time were let go:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="438" />
            <source>عضو: {n}. کتاب‌ها را بخوانید.</source>
            <translation>Member: {n}. Scan the books.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="442" />
            <source>نخست کارت عضو را بخوانید.</source>
            <translation>Scan the member card first.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="444" />
            <source>عضوی با شماره عضویت یا کد ملی {c} پیدا نشد.</source>
            <translation>No member has the card number or national ID {c}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="495" />
            <source>«{t}» امانت داده نشد: {why}</source>
            <translation>“{t}” was not lent: {why}</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/library/circulation.py" line="513" />
            <source>«{t}» از {c}، %Ln روز</source>
            <translation>
                <numerusform>“{t}” from {c}, %Ln day</numerusform>
                <numerusform>“{t}” from {c}, %Ln days</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="537" />
            <source>امانت داده شد: «{t}» — مهلت بازگشت {d}</source>
            <translation>Checked out: “{t}” — due {d}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="569" />
            <source>بازگشت ثبت شد: «{t}».</source>
            <translation>Returned: “{t}”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="571" />
            <source>«{t}» پیدا شد و به گردش برگشت.</source>
            <translation>“{t}” was found and is back in circulation.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="573" />
            <source>نسخه در این مرکز دریافت شد.</source>
            <translation>Copy received at this centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="575" />
            <source>{n} روز دیرکرد.</source>
            <translation>Days overdue: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="25" />
            <source>«{t}» نزد عضو گم شده است؟ امانت بسته و نسخه گم‌شده ثبت می‌شود. یادداشت (اختیاری):</source>
            <translation>Did the member lose “{t}”? The loan is closed and the copy recorded lost. Note (optional):</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="41" />
            <source>«{t}» گم‌شده نزد عضو ثبت شد: امانت بسته شد و نسخه در فهرست گم‌شده‌هاست.</source>
            <translation>“{t}” recorded as lost by the member: the loan is closed and the copy is listed as lost.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="56" />
            <source>لغو امانت اشتباه</source>
            <translation>Void mistaken loan</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="57" />
            <source>امانت «{t}» به {m} اشتباه بود و لغو شود؟ در گزارش‌ها امانت شمرده نمی‌شود و نسخه به جای پیشینش برمی‌گردد؛ لغو با نام شما ثبت می‌ماند.</source>
            <translation>Was lending «{t}» to {m} a mistake, and void it? It is counted as no loan in the reports and the copy goes back where it was; the voiding stays on record under your name.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="73" />
            <source>در این مراجعه کتابی امانت داده نشده است؛ امانت نادرست را در فهرست برگزینید.</source>
            <translation>No book was lent in this visit; select the wrong loan in the list.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="89" />
            <source>امانت «{t}» به {m} لغو شد؛ کتاب را پس بگیرید. اگر برای عضو دیگری بود، کارت او را بخوانید و کتاب را دوباره بخوانید.</source>
            <translation>The loan of «{t}» to {m} was voided; take the book back. If it was for another member, read their card and read the book again.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="120" />
            <source>«{t}» تمدید نشد: {why}</source>
            <translation>“{t}” was not renewed: {why}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="132" />
            <source>تمدید شد: «{t}» تا {d}</source>
            <translation>Renewed: “{t}” until {d}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="147" />
            <source>«{t}»: {why}</source>
            <translation>“{t}”: {why}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="150" />
            <source>{n} امانت تمدید شد.</source>
            <translation>Loans renewed: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="152" />
            <source>تمدیدنشده: {r}.</source>
            <translation>Not renewed: {r}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_loans.py" line="153" />
            <source>؛ </source>
            <comment>between the refused titles</comment>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="28" />
            <source>در قفسه</source>
            <translation>On the shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="28" />
            <source>در امانت</source>
            <translation>On loan</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="29" />
            <source>در راه</source>
            <translation>In transit</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="30" />
            <source>کنار گذاشته برای رزرو</source>
            <translation>Set aside for a hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="163" />
            <location filename="../kanoon_desk/ui/library/common.py" line="31" />
            <source>گم‌شده</source>
            <translation>Lost</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="31" />
            <source>خارج از گردش</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="40" />
            <source>کودک</source>
            <extracomment>The member categories in Persian, as the papers (a card, a slip) always write them.</extracomment>
            <translation>Child</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="40" />
            <source>نوجوان</source>
            <translation>Teen</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/common.py" line="41" />
            <source>بزرگسال</source>
            <translation>Adult</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="127" />
            <source>ذخیره کارت عضویت (PNG)</source>
            <translation>Save membership card (PNG)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="130" />
            <source>چاپ کارت عضویت</source>
            <translation>Print membership card</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="134" />
            <source>تمدید عضویت برای یک سال</source>
            <translation>Renew membership for one year</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="21" />
            <location filename="../kanoon_desk/ui/library/history.py" line="21" />
            <location filename="../kanoon_desk/ui/library/members.py" line="169" />
            <location filename="../kanoon_desk/ui/library/members.py" line="323" />
            <source>نام</source>
            <extracomment>The fields of an agency and of an office or centre, as the admin's pages name them (the dialog translates them in the "Library" context, as its own).
----------
the member whose details the form holds for editing (None: the form registers a new one) a save is running in the background: another click waits for it</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="22" />
            <source>مهلت پاسخ (روز کاری)</source>
            <translation>Deadline (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="23" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="25" />
            <source>در فهرست ارسال</source>
            <translation>In the forward list</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="26" />
            <source>ادغام</source>
            <translation>Merge</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="27" />
            <source>استان</source>
            <translation>Province</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="28" />
            <source>شهر</source>
            <translation>City</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="29" />
            <source>سربرگ نامه‌ها</source>
            <translation>Letter heading</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="30" />
            <source>گونه</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="22" />
            <location filename="../kanoon_desk/ui/library/members.py" line="170" />
            <source>نام خانوادگی</source>
            <translation>Last name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="20" />
            <location filename="../kanoon_desk/ui/library/members.py" line="171" />
            <source>کد ملی</source>
            <extracomment>Field names as a librarian reads them (translated on show).</extracomment>
            <translation>National ID</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="23" />
            <location filename="../kanoon_desk/ui/library/members.py" line="175" />
            <location filename="../kanoon_desk/ui/library/rules.py" line="51" />
            <source>گروه عضویت</source>
            <translation>Membership category</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="176" />
            <source>تاریخ تولد را می‌دانم</source>
            <translation>Date of birth is known</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="24" />
            <location filename="../kanoon_desk/ui/library/members.py" line="178" />
            <source>تاریخ تولد</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="25" />
            <location filename="../kanoon_desk/ui/library/members.py" line="179" />
            <source>شماره همراه</source>
            <translation>Mobile number</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="26" />
            <location filename="../kanoon_desk/ui/library/members.py" line="180" />
            <source>نام ولی</source>
            <translation>Guardian's name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="27" />
            <location filename="../kanoon_desk/ui/library/members.py" line="181" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <source>تلفن ولی</source>
            <translation>Guardian's phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="28" />
            <source>کد ملی ولی</source>
            <translation>Guardian's national ID</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="31" />
            <source>عکس</source>
            <translation>Photo</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="43" />
            <source>وضعیت نسخه</source>
            <translation>Copy's state</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="57" />
            <source>به گردش برگشت</source>
            <translation>Back in circulation</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="62" />
            <source>ادغام در «{name}» برگردانده شد</source>
            <translation>Merge into “{name}” undone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="63" />
            <source>در «{name}» ادغام شد</source>
            <translation>Merged into “{name}”</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="67" />
            <source>فعال</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="67" />
            <source>غیرفعال</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="69" />
            <source>مرکز فرهنگی هنری</source>
            <translation>Cultural centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="70" />
            <source>دفتر</source>
            <translation>Office</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="76" />
            <source>عکس ({id})</source>
            <translation>Photo ({id})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="89" />
            <source>کاربر دفتر {office}</source>
            <translation>A user of office {office}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="102" />
            <source>تاریخچه تغییرات {name}</source>
            <translation>Change history of {name}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="104" />
            <source>در اجرا</source>
            <translation>In force</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="105" />
            <source>جایگزین شد</source>
            <translation>Replaced</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="106" />
            <source>(حذف شد)</source>
            <translation>(removed)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="109" />
            <source>فیلد</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="109" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="452" />
            <source>مقدار</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="110" />
            <source>کاربر</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="111" />
            <source>مرکز یا دفتر</source>
            <translation>Centre or office</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="111" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="19" />
            <source>زمان</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="118" />
            <source>وقتی دو مرکز یک فیلد را بی‌اتصال تغییر دهند، تغییر تازه‌تر همه‌جا می‌ماند و مقدار دیگر این‌جا «جایگزین شد» دیده می‌شود.</source>
            <translation>When two centres change a field while offline, the newer change stands everywhere and the other value shows here as "Replaced".</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="124" />
            <source>مشخصات شخصی این عضو به درخواست ولی حذف شده است؛ مقدارهای پیشین آن‌ها این‌جا نشان داده نمی‌شود، تنها این‌که کی، کجا و به دست چه کسی داده شده بودند.</source>
            <translation>This member's personal details were removed at the guardian's request; their earlier values are not shown here, only when, where and by whom they were given.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="170" />
            <location filename="../kanoon_desk/ui/library/members.py" line="138" />
            <source>تاریخچه تغییرات</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="109" />
            <source>شماره عضویت، کد ملی، نام یا شماره همراه</source>
            <extracomment>A camera's photo too large to keep is kept at most this size (the card prints it 3 × 4 cm at about 180 dpi: 216 × 288 pixels; the rest is room for a sharper print).</extracomment>
            <translation>Member no., national ID, name or mobile</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="140" />
            <source>همه مقدارهایی که هر فیلد گرفته، از هر مرکز؛ مقدار جایگزین‌شده هم دیده می‌شود.</source>
            <translation>Every value each field has had, from every centre, replaced values included.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="144" />
            <source>ویرایش مشخصات عضو</source>
            <translation>Edit the member's details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="148" />
            <source>اطلاعات نگه‌داشته (برای ولی)</source>
            <translation>Data held (for the guardian)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="150" />
            <source>همه آنچه از این عضو نگه داشته می‌شود — مشخصات، امانت‌ها و رزروها — برای چاپ یا PDF.</source>
            <translation>Everything held about this member — details, loans and holds — to print or save as PDF.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="154" />
            <source>پایان عضویت و حذف مشخصات…</source>
            <translation>End membership and remove details…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="156" />
            <source>به درخواست ولی: نام، کد ملی، تاریخ تولد، تلفن‌ها، نام ولی و عکس در همه مراکز حذف می‌شود؛ امانت‌ها بی‌نام در آمار می‌مانند. برگشت‌پذیر نیست.</source>
            <translation>At the guardian's request: the name, national ID, birth date, phones, guardian's name and photo are removed at every centre; the loans stay in the figures without a name. Cannot be undone.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="183" />
            <source>کد ملی ولی (کودک بی‌کد ملی)</source>
            <translation>Guardian's national ID (child without one)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="202" />
            <source>عکس را اینجا رها کنید یا «انتخاب عکس…» را بزنید.</source>
            <translation>Drop the photo here, or press “Choose photo…”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="207" />
            <source>انتخاب عکس…</source>
            <translation>Choose photo…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="210" />
            <source>بدون عکس</source>
            <translation>No photo</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="223" />
            <source>عکس (اختیاری)</source>
            <translation>Photo (optional)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="226" />
            <location filename="../kanoon_desk/ui/library/members.py" line="418" />
            <source>ثبت عضو</source>
            <extracomment>the photo the form will save: None keeps the member's (or none for a new member), "" removes it</extracomment>
            <translation>Register member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="266" />
            <source>جست‌وجو و کارت عضو</source>
            <translation>Search and card</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="267" />
            <source>ثبت و ویرایش عضو</source>
            <translation>Register or edit a member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="283" />
            <location filename="../kanoon_desk/ui/library/members.py" line="421" />
            <source>عضو تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید.</source>
            <translation>The new member you left half-typed earlier is back in the form; complete and register it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="314" />
            <source>آخرین اعضای ثبت‌شده</source>
            <extracomment>what other desks (or this desk's other pages) changed, read again (`ReadWhenShown`)</extracomment>
            <translation>Members registered last</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="330" />
            <source>عضویت به پایان رسیده است؛ پیش از امانت، آن را تمدید کنید.</source>
            <translation>The membership has ended; renew it before lending.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="339" />
            <source>بیش از {n} عضو پیدا شد؛ {n} عضو نخست در فهرست است. جست‌وجو را دقیق‌تر بنویسید.</source>
            <translation>More than {n} members found; the list holds the first {n}. Narrow the search.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="450" />
            <source>بی‌عکس</source>
            <translation>No photo</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="474" />
            <source>عکس عضو</source>
            <translation>Member's photo</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="475" />
            <source>عکس (*.jpg *.jpeg *.png)</source>
            <translation>Photos (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="148" />
            <location filename="../kanoon_desk/ui/library/members.py" line="232" />
            <source>انصراف از ویرایش</source>
            <translation>Stop editing</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="236" />
            <location filename="../kanoon_desk/ui/library/members.py" line="417" />
            <source>عضو تازه</source>
            <translation>New member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="323" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="22" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="369" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="392" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="394" />
            <source>شماره عضویت</source>
            <translation>Member no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="324" />
            <source>گروه</source>
            <translation>Category</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/library/members.py" line="344" />
            <source>%Ln عضو پیدا شد</source>
            <translation>
                <numerusform>%Ln member found</numerusform>
                <numerusform>%Ln members found</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="400" />
            <source>ویرایش: {m} ({n})</source>
            <translation>Editing: {m} ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="472" />
            <location filename="../kanoon_desk/ui/library/copies.py" line="62" />
            <location filename="../kanoon_desk/ui/library/members.py" line="402" />
            <source>ذخیره تغییرات</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/history.py" line="30" />
            <location filename="../kanoon_desk/ui/library/members.py" line="198" />
            <location filename="../kanoon_desk/ui/library/members.py" line="325" />
            <source>اعتبار تا</source>
            <extracomment>the office's day: a form left open past midnight moves its untouched default (a year from today) to the new day's, or the first member registered the next morning ended a day early</extracomment>
            <translation>Valid until</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="490" />
            <source>عضویت تا {d} تمدید شد.</source>
            <translation>Membership renewed until {d}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="526" />
            <source>عضو ثبت شد؛ شماره عضویت {n}</source>
            <translation>Member registered; member no. {n}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue.py" line="370" />
            <location filename="../kanoon_desk/ui/library/members.py" line="530" />
            <source>چیزی تغییر نکرده بود.</source>
            <translation>Nothing had changed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="531" />
            <source>تغییرات {m} ثبت شد.</source>
            <translation>The changes to {m} were saved.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="561" />
            <source>پایان عضویت و حذف مشخصات</source>
            <translation>End membership and remove details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="562" />
            <source>عضویت {m} (شماره {n}) پایان یابد و نام، کد ملی، تاریخ تولد، تلفن‌ها، نام ولی و عکس او در این میز و با همگام‌سازی در همه مراکز حذف شود؟ امانت‌های گذشته بی‌نام در آمار می‌مانند. این کار برگشت‌پذیر نیست.</source>
            <translation>End the membership of {m} (number {n}) and remove their name, national ID, birth date, phones, guardian's name and photo on this desk and, by sync, at every centre? Past loans stay in the figures without a name. This cannot be undone.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="579" />
            <source>عضویت شماره {n} پایان یافت و مشخصات شخصی عضو حذف شد.</source>
            <translation>Membership {n} ended and the member's personal details were removed.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/members.py" line="599" />
            <source>کارت عضویت</source>
            <translation>Membership card</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <source>روز دیرکرد</source>
            <translation>Days overdue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="128" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="21" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="392" />
            <location filename="../kanoon_desk/ui/library/returns.py" line="97" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="84" />
            <source>عضو</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/history.py" line="24" />
            <location filename="../kanoon_desk/ui/library/holds.py" line="129" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <source>تلفن</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <source>ولی</source>
            <translation>Guardian</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="23" />
            <source>آخرین یادآوری</source>
            <translation>Last reminder</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="25" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="26" />
            <source>در صف پیامک</source>
            <extracomment>What became of a reminder's SMS, as the server last said (after a sync round).</extracomment>
            <translation>SMS queued</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="26" />
            <source>پیامک فرستاده شد</source>
            <translation>SMS sent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="27" />
            <source>پیامک نرسید؛ تلفن بزنید</source>
            <translation>SMS did not get through; phone them</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="28" />
            <source>پیامک فرستاده نشد</source>
            <translation>SMS not sent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="30" />
            <source>پیامک فرستاده نشد؛ مشخصات عضو حذف شده است</source>
            <translation>SMS not sent: the member's details were removed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="75" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="60" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="215" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="294" />
            <source>همه مراکز</source>
            <extracomment>the day the days late count to, the notices are dated and queued on: the page sets it each time it reads the list (`OverduePage.reload`)
----------
the controls' choice the report on screen was built for (`chosen`) the centre the figures are of (None: all); the active centres are always all of them
----------
the choice whose report is being counted in the background (None: none is)</extracomment>
            <translation>All centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="81" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="153" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="221" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="152" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="408" />
            <source>خروجی اکسل</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="83" />
            <source>صف پیامک یادآوری</source>
            <translation>Queue SMS reminders</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="85" />
            <source>برای هر عضو دیرکرددار، هفته‌ای یک پیامک که کتاب‌های دیرکردش را نام می‌برد به تلفن ولی یا عضو در صف می‌رود؛ سرور هنگام همگام‌سازی آن را می‌فرستد.</source>
            <translation>For each member with overdue books, one SMS a week naming them is queued to the guardian's or the member's phone; the server sends it during sync.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="88" />
            <source>چاپ برگه‌های یادآوری</source>
            <translation>Print reminder notices</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation.py" line="91" />
            <location filename="../kanoon_desk/ui/library/overdue.py" line="94" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="67" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="229" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="133" />
            <source>مرکز:</source>
            <translation>Centre:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="116" />
            <source>{n} امانت دیرکرد دارد.</source>
            <extracomment>the office's day, read as the list is read; a page left open past midnight reads the list again on the new day (it counted days late to the day it was built)</extracomment>
            <translation>Overdue loans: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="138" />
            <source>{n} پیامک یادآوری در صف ارسال گذاشته شد.</source>
            <translation>SMS reminders queued for sending: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overdue.py" line="148" />
            <source>دیرکرد</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="86" />
            <location filename="../kanoon_desk/ui/library/member_record.py" line="88" />
            <location filename="../kanoon_desk/ui/library/printouts.py" line="112" />
            <source>چاپ</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/catalogue_labels.py" line="91" />
            <location filename="../kanoon_desk/ui/library/holds.py" line="136" />
            <location filename="../kanoon_desk/ui/library/member_record.py" line="93" />
            <location filename="../kanoon_desk/ui/library/printouts.py" line="114" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="56" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="175" />
            <source>بستن</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="58" />
            <source>ماه</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="58" />
            <source>فصل</source>
            <translation>Season</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="58" />
            <source>سال</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="108" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="388" />
            <source>پرامانت‌ترین عنوان‌ها</source>
            <extracomment>Python wrappers of chart parts, kept while their chart lives: a wrapper collected early deletes the C++ axis or series the chart still uses (seen as heap corruption at exit).</extracomment>
            <translation>Most borrowed titles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="141" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="390" />
            <source>امانت به تفکیک گروه سنی</source>
            <translation>Loans by age group</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="218" />
            <source>نمایش</source>
            <translation>Show</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="223" />
            <source>خروجی PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="226" />
            <source>دوره:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="227" />
            <source>سال:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="228" />
            <source>شماره:</source>
            <translation>Number:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="232" />
            <source>در حال ساختن گزارش…</source>
            <extracomment>said while the figures are counted in the background</extracomment>
            <translation>Building the report…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="296" />
            <source>مرکز: {c} ({code})</source>
            <translation>Centre: {c} ({code})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="359" />
            <source>دوره: {p} ({a} تا {b})</source>
            <translation>Period: {p} ({a} to {b})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="361" />
            <source>امانت‌های دوره: {n} — با دیرکرد: {late} — گم‌شده نزد عضو: {lost} — نرخ دیرکرد: {r}٪</source>
            <translation>Loans in the period: {n} — overdue: {late} — lost by the member: {lost} — overdue rate: {r}%</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="369" />
            <source>عضو فعال</source>
            <translation>Active member</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="372" />
            <source>شماره عضویت عضو فعال</source>
            <translation>Active member's membership no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="376" />
            <source>مرکز فعال (همه مراکز)</source>
            <translation>Active centre (all centres)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="377" />
            <source>مرکز فعال</source>
            <translation>Active centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="378" />
            <source>اعضای امانت‌گیرنده</source>
            <translation>Borrowing members</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="390" />
            <source>بی‌گروه سنی</source>
            <translation>No age group</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="406" />
            <source>نرخ دیرکرد: از امانت‌های این دوره، آن‌ها که پس از سررسید (با تمدیدها) بازگشتند یا امروز از سررسید گذشته و هنوز نزد عضوند؛ کتاب گم‌شده نزد عضو جدا شمرده می‌شود. گروه سنی، گروه سنی کتاب است؛ هر امانت به نام مرکزی است که کتاب را امانت داد، هر جا بازگردانده شود. امانت باطل‌شده (یک نسخه که دو مرکز جدا از هم امانت داده بودند و امانت نادرست باطل شد) در هیچ‌یک از این رقم‌ها شمرده نمی‌شود.</source>
            <translation>Overdue rate: of the loans made in this period, those returned after their due date (renewals included) or still out past it today; books lost with the member are counted apart. The age group is the book's; a loan counts at the centre that lent it, wherever it was returned. A voided loan (one copy lent at two centres while they were apart, the wrong loan voided) is counted in none of these figures.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="254" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="392" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="394" />
            <source>اعضای فعال</source>
            <extracomment>what the disputable figures count (the rate of what, whose age group, which centre)</extracomment>
            <translation>Active members</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="396" />
            <source>مراکز فعال (همه مراکز)</source>
            <translation>Active centres (all centres)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="255" />
            <location filename="../kanoon_desk/ui/library/reports.py" line="397" />
            <source>مراکز فعال</source>
            <translation>Active centres</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="417" />
            <source>امانت‌های دوره</source>
            <translation>Loans in the period</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="418" />
            <source>با دیرکرد</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="420" />
            <source>نرخ دیرکرد (درصد)</source>
            <translation>Overdue rate (per cent)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="433" />
            <source>گزارش امانت کتابخانه‌ها</source>
            <translation>Library lending report</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="434" />
            <source>تهیه‌شده در {day}</source>
            <translation>made on {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="451" />
            <source>شاخص‌ها</source>
            <translation>Figures</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="452" />
            <source>شاخص</source>
            <translation>Figure</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="462" />
            <source>گزارش</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/reports.py" line="466" />
            <source>خروجی</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="49" />
            <source>قاعده‌های امانت</source>
            <translation>Lending rules</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="51" />
            <source>مهلت (روز کاری)</source>
            <translation>Loan period (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="51" />
            <source>حداکثر امانت</source>
            <translation>Max. loans</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="52" />
            <source>حداکثر تمدید</source>
            <translation>Max. renewals</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="52" />
            <source>نگه‌داری رزرو (روز کاری)</source>
            <translation>Hold kept for (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="70" />
            <source>ذخیره قاعده‌ها</source>
            <translation>Save rules</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="77" />
            <source>کتابدارانی که می‌توانند مانع امانت را نادیده بگیرند (ثبت می‌شود)</source>
            <translation>Librarians who may override checkout blocks (this is logged)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="90" />
            <source>کاربری با نقش کتابدار نیست.</source>
            <translation>No user has the librarian role.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/rules.py" line="113" />
            <source>قاعده‌ها ذخیره شد.</source>
            <translation>Rules saved.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="44" />
            <source>پیدا شد</source>
            <translation>Found</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="44" />
            <source>ناپیدا</source>
            <translation>Missing</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="44" />
            <source>جابه‌جا</source>
            <translation>Misplaced</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="44" />
            <source>ناشناخته</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="45" />
            <source>در امانت (بازگردانده نشد)</source>
            <translation>On loan (not returned)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="46" />
            <source>پیدا شد، گم‌شده ثبت شده بود</source>
            <translation>Found, had been recorded lost</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="47" />
            <source>پیدا شد، خارج از گردش ثبت شده بود</source>
            <translation>Found, had been recorded withdrawn</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="116" />
            <source>آغاز انبارگردانی</source>
            <translation>Start stock-take</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="121" />
            <source>انبارگردانی‌های این مرکز، تازه‌ترین نخست</source>
            <translation>This centre's stock-takes, newest first</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="123" />
            <source>در راه به این مرکز</source>
            <translation>On the way here</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="125" />
            <source>نسخه‌هایی که به این مرکز فرستاده شده‌اند و هنوز دریافت نشده‌اند</source>
            <translation>Copies sent to this centre and not received yet</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="129" />
            <source>انبارگردانی:</source>
            <translation>Stock-take:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="133" />
            <source>از قفسه:</source>
            <translation>From shelf:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="134" />
            <source>تا قفسه:</source>
            <translation>To shelf:</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="144" />
            <source>بارکد نسخه‌های قفسه را بخوانید</source>
            <translation>Scan the barcodes of the copies on the shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="146" />
            <source>بستن انبارگردانی</source>
            <translation>Close stock-take</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="149" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="306" />
            <source>ثبت ناپیداها به‌عنوان گم‌شده</source>
            <translation>Mark missing copies as lost</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="168" />
            <source>همه</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="204" />
            <source>{d} — {state}</source>
            <translation>{d} — {state}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="207" />
            <source>قفسه {a} تا {b}</source>
            <translation>shelves {a} to {b}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="239" />
            <source>انبارگردانی آغاز شد؛ {n} نسخه در فهرست است.</source>
            <translation>Stock-take started; copies expected: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="286" />
            <source>نسخه‌های پیداشده</source>
            <translation>Copies found</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="297" />
            <source>{m} نسخه در این انبارگردانی پیدا نشد؛ {k} نسخه از آن‌ها پس از آغاز انبارگردانی به امانت رفته، برای رزرو کنار گذاشته شده یا در راه است و گم‌شده ثبت نمی‌شود. {n} نسخه دیگر گم‌شده ثبت شوند؟</source>
            <translation>{m} copies were not found in this stock-take; {k} of them have since been lent, set aside for a hold or sent on their way, and are not marked lost. Mark the other {n} copies lost?</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="320" />
            <source>نسخه ناپیدایی برای ثبت به‌عنوان گم‌شده نمانده است.</source>
            <translation>No copies not found are left to record as lost.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="326" />
            <source>{n} نسخه گم‌شده ثبت شد.</source>
            <translation>Copies marked as lost: {n}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="340" />
            <source>این نسخه در امانت ثبت شده است؛ آن را در میز امانت بازگردانید.</source>
            <translation>This copy is recorded on loan: check it in at the lending desk.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="343" />
            <source>برچسب کهنه: بارکد این نسخه اکنون {b} است؛ برچسب تازه را چاپ کنید و بچسبانید.</source>
            <translation>Old label: this copy's barcode is now {b}; print the new label and stick it on.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="347" />
            <source>این نسخه پیش‌تر هم خوانده شده بود.</source>
            <translation>This copy had already been scanned.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="418" />
            <source>در فهرست</source>
            <translation>On the list</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="202" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="376" />
            <source>باز</source>
            <translation>open</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="203" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="377" />
            <source>بسته</source>
            <translation>closed</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="275" />
            <source>%Ln نسخه پیداشده به گردش برگشت.</source>
            <translation>
                <numerusform>%Ln found copy is back in circulation.</numerusform>
                <numerusform>%Ln found copies are back in circulation.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="287" />
            <source>%Ln نسخه که گم‌شده یا خارج از گردش ثبت شده بود در قفسه پیدا شد. به گردش برگردند؟</source>
            <translation>
                <numerusform>%Ln copy recorded lost or withdrawn was found on the shelves. Put it back into circulation?</numerusform>
                <numerusform>%Ln copies recorded lost or withdrawn were found on the shelves. Put them back into circulation?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="302" />
            <source>%Ln نسخه در این انبارگردانی پیدا نشد. همه گم‌شده ثبت شوند؟ (نسخه‌های کنار گذاشته برای رزرو و نسخه‌های در راه گم‌شده ثبت نمی‌شوند.)</source>
            <translation>
                <numerusform>%Ln copy was not found in this stock-take. Record it as lost? (Copies set aside for holds and copies on their way are not recorded lost.)</numerusform>
                <numerusform>%Ln copies were not found in this stock-take. Record them all as lost? (Copies set aside for holds and copies on their way are not recorded lost.)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="391" />
            <source>این مرکز هنوز انبارگردانی ندارد. برای آغاز، اگر بخواهید بازه قفسه‌ها را بنویسید و «آغاز انبارگردانی» را بزنید؛ سپس قفسه را بنویسید و بارکد نسخه‌های آن را یکی‌یکی بخوانید.</source>
            <translation>This centre has no stock-take yet. To begin, optionally enter a shelf range and press “Start stock-take”; then enter the shelf and scan its copies one by one.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="378" />
            <source>انبارگردانی {state} — در فهرست: {n} — {counts}</source>
            <translation>Stock-take ({state}) — expected: {n} — {counts}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="400" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="417" />
            <source>قفسه اسکن</source>
            <translation>Scanned on shelf</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="400" />
            <location filename="../kanoon_desk/ui/library/stocktake.py" line="418" />
            <source>نتیجه</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="43" />
            <source>رزرو کتاب برای {m}</source>
            <translation>Reserve a book for {m}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="49" />
            <source>چند واژه از نام کتاب یا نویسنده</source>
            <translation>A few words of the title or the author</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="53" />
            <source>کتاب‌های پیدا شده</source>
            <translation>Books found</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="71" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="22" />
            <source>کتاب</source>
            <translation>Book</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="72" />
            <location filename="../kanoon_desk/ui/library/transit.py" line="85" />
            <source>مرکز تحویل</source>
            <translation>Pick-up centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="73" />
            <source>رزروها به ترتیب ثبت پاسخ داده می‌شوند؛ وقتی نسخه‌ای برگردد، در میز بازگشت برای این عضو کنار گذاشته می‌شود.</source>
            <translation>Holds are served in the order they were placed; when a copy comes back, the return desk sets it aside for this member.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="78" />
            <source>ثبت رزرو</source>
            <translation>Place the hold</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="105" />
            <source>کتاب را بجویید و از فهرست برگزینید.</source>
            <translation>Search for the book and pick it from the list.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="129" />
            <source>مهلت گرفتن</source>
            <translation>Collect by</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/holds.py" line="133" />
            <source>قفسه رزرو این مرکز خالی است.</source>
            <translation>This centre's hold shelf is empty.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="38" />
            <source>نسخه‌های قفسه این مرکز که رزروی در مرکز دیگر منتظرشان است؛ قدیمی‌ترین رزرو نخست. نسخه را از قفسه بردارید و بارکدش را بخوانید (یا ردیف را برگزینید و Enter بزنید).</source>
            <translation>Copies on this centre's shelf that a hold at another centre is waiting for, oldest hold first. Take the copy from the shelf and scan its barcode (or select the row and press Enter).</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="44" />
            <source>بارکد نسخه‌ای که می‌فرستید</source>
            <translation>Barcode of the copy you are sending</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="50" />
            <source>نسخه‌ای برای فرستادن نیست.</source>
            <translation>There is no copy to send.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="52" />
            <source>ارسال برگزیده (Enter)</source>
            <translation>Send selected (Enter)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="85" />
            <source>تاریخ رزرو</source>
            <translation>Hold placed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="122" />
            <source>رزروی در مرکز دیگر منتظر این کتاب نیست.</source>
            <translation>No hold at another centre is waiting for this book.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="134" />
            <source>«{t}» ({b}) برای {m} به مرکز «{c}» فرستاده شد؛ در راه ثبت شد.</source>
            <translation>“{t}” ({b}) sent to “{c}” for {m}; recorded as in transit.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="149" />
            <source>نسخه‌های در راه به این مرکز</source>
            <translation>Copies on their way to this centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="157" />
            <source>رزرو {m}</source>
            <translation>Hold of {m}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="159" />
            <source>سپرده به این مرکز</source>
            <translation>Given to this centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="160" />
            <source>بازگشت به مرکز خودش</source>
            <translation>Going back to its home centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="165" />
            <source>از مرکز</source>
            <translation>From centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="165" />
            <source>از کی</source>
            <translation>Since</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="166" />
            <source>برای</source>
            <translation>For</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="169" />
            <source>وقتی نسخه رسید، بارکدش را در میز امانت در حالت بازگشت بخوانید تا دریافت ثبت شود.</source>
            <translation>When a copy arrives, scan its barcode at the circulation desk in return mode to record its receipt.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/transit.py" line="172" />
            <source>نسخه‌ای در راه این مرکز نیست.</source>
            <translation>No copy is on its way to this centre.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overrides.py" line="19" />
            <source>کتابدار</source>
            <translation>Librarian</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overrides.py" line="20" />
            <source>کار</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/overrides.py" line="21" />
            <source>مانع</source>
            <translation>Refusal</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="31" />
            <source>لغو می‌شود</source>
            <translation>To be undone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="32" />
            <location filename="../kanoon_desk/ui/library/overrides.py" line="23" />
            <source>دلیل</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="50" />
            <source>در این نوبت بازگشتی ثبت نشده است که لغو شود.</source>
            <translation>No return was recorded in this session to undo.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="56" />
            <source>بازگشت «{t}» ({b}) از {m}</source>
            <translation>Return of “{t}” ({b}) from {m}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="58" />
            <source>کتاب هنوز نزد عضو است: امانت با همان مهلت بازگشت ({d}) دوباره باز می‌شود و دیرکرد این بازگشت از میان می‌رود. لغو با نام شما و دلیلش ثبت می‌ماند.</source>
            <translation>The book is still with the member: the loan opens again with the same due date ({d}) and this return's days late go with it. The undo stays on the record with your name and the reason.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="68" />
            <source>لغو بازگشت اشتباه</source>
            <translation>Undo mistaken return</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="70" />
            <source>بازگشت «{t}» لغو شد؛ کتاب تا {d} به نام {m} در امانت است.</source>
            <translation>Return of “{t}” undone; the book is on loan to {m} until {d}.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="93" />
            <source>تمدید «{t}» ({b}) تا {d}</source>
            <translation>Renewal of “{t}” ({b}) until {d}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="96" />
            <source>مهلت بازگشت به {d} برمی‌گردد و این تمدید در سقف تمدید شمرده نمی‌شود (تمدید {n} از این امانت). لغو با نام شما و دلیلش ثبت می‌ماند.</source>
            <translation>The due date goes back to {d} and this renewal no longer counts toward the renewal limit (renewal {n} of this loan). The undo stays on the record with your name and the reason.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/circulation_undo.py" line="108" />
            <source>تمدید «{t}» لغو شد؛ مهلت بازگشت: {d}</source>
            <translation>Renewal of “{t}” undone; due date: {d}</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/library/overrides.py" line="83" />
            <source>%Ln مانع نادیده گرفته شده است.</source>
            <translation>
                <numerusform>%Ln refusal overridden.</numerusform>
                <numerusform>%Ln refusals overridden.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/copies.py" line="30" />
            <source>اصلاح نسخه {b}</source>
            <translation>Correct copy {b}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/copies.py" line="36" />
            <source>برچسب نادرست چسبیده یا بارکد نادرست نوشته شده؟ بارکد درست را بخوانید؛ بارکد پیشین در تاریخچه نسخه می‌ماند و خواندن آن در میز امانت بارکد تازه را می‌گوید.</source>
            <translation>Wrong label stuck or barcode typed wrong? Scan the right barcode; the old one stays in the copy's history, and scanning it at the circulation desk names the new one.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/copies.py" line="51" />
            <source>نسخه‌ای که برای همیشه به مرکز دیگری داده می‌شود تا رسیدن و خواندن بارکدش در آنجا «در راه» است.</source>
            <translation>A copy given to another centre for good is “in transit” until its barcode is scanned there on arrival.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/copies.py" line="54" />
            <source>امانت داده می‌شود</source>
            <translation>May be lent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/copies.py" line="56" />
            <source>نسخه مرجع یا نمایشی را امانت‌ندادنی کنید؛ در قفسه می‌ماند و در میز امانت رد می‌شود.</source>
            <translation>Make a reference or display copy not loanable: it stays on the shelf and the circulation desk refuses it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/labels.py" line="70" />
            <source>کاغذ A4 ساده، ۳ × ۸ برچسب ۵۸ × ۳۲ میلی‌متری (برش با قیچی)</source>
            <extracomment>A4, the paper every sheet below is on (mm). The sheets the labels dialog offers: plain A4 cut by hand (the desk's first layout), and the common A4 sheet of 24 self-adhesive labels 70 × 37 mm, edge to edge (Avery 3474 and its likes).</extracomment>
            <translation>Plain A4 paper, 3 × 8 labels of 58 × 32 mm (cut by hand)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/labels.py" line="72" />
            <source>برگه برچسب A4، ۳ × ۸ برچسب ۷۰ × ۳۷ میلی‌متری (۲۴تایی)</source>
            <translation>A4 label sheet, 3 × 8 labels of 70 × 37 mm (24 a sheet)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/member_record.py" line="80" />
            <source>اطلاعات نگه‌داشته از {name}</source>
            <translation>Data held about {name}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/member_record.py" line="90" />
            <location filename="../kanoon_desk/ui/library/member_record.py" line="101" />
            <source>ذخیره PDF</source>
            <translation>Save PDF</translation>
        </message>
    </context>
    <context>
        <name>LibraryPages</name>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="19" />
            <source>امانت‌های دیرکرد</source>
            <translation>Overdue loans</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="36" />
            <source>رزروهای آماده تحویل</source>
            <translation>Holds ready to collect</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="38" />
            <source>نسخه‌هایی که باید برای رزرو فرستاده شوند</source>
            <translation>Copies to send for holds</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="52" />
            <source>نسخه‌های در راه این مرکز</source>
            <translation>Copies on their way here</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="69" />
            <source>میز امانت</source>
            <translation>Circulation desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="71" />
            <source>اعضای کتابخانه</source>
            <translation>Library members</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="72" />
            <source>فهرست کتاب‌ها</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="73" />
            <source>دیرکردها</source>
            <translation>Overdue loans</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="75" />
            <source>انبارگردانی</source>
            <translation>Stock-take</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="77" />
            <source>گزارش‌های کتابخانه</source>
            <translation>Library reports</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="79" />
            <source>قاعده‌های امانت</source>
            <translation>Lending rules</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/library/__init__.py" line="81" />
            <source>امانت‌های استثنا</source>
            <translation>Overrides</translation>
        </message>
    </context>
    <context>
        <name>LockWindow</name>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="86" />
            <source>کانون دسک — قفل</source>
            <translation>Kanoon Desk — locked</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="90" />
            <source>این میز قفل شد، چون مدتی با آن کار نشد.</source>
            <translation>This desk was locked because it was not used for a while.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="97" />
            <source>{name} وارد شده است؛ برای ادامه کار گذرواژه خود را بنویسید.</source>
            <translation>{name} is logged in; type your password to go on.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="108" />
            <source>نام کاربری</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="109" />
            <source>گذرواژه</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="111" />
            <source>کاربر دیگری می‌تواند با نام کاربری و گذرواژه خودش وارد شود؛ آنگاه {name} از حساب خارج می‌شود و آنچه نوشته بود و ذخیره نشده بود برای ورود بعدی او نگه داشته می‌شود.</source>
            <translation>Another user may log in with their own user name and password; {name} is then logged out, and what they had typed and not saved is kept for their next log-in.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="116" />
            <source>باز کردن</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/idle_lock.py" line="139" />
            <source>نام کاربری را بنویسید.</source>
            <translation>Type the user name.</translation>
        </message>
    </context>
    <context>
        <name>LoginWindow</name>
        <message>
            <location filename="../kanoon_desk/ui/login.py" line="28" />
            <source>کانون دسک — ورود</source>
            <translation>Kanoon Desk — log in</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/login.py" line="32" />
            <source>دفتر</source>
            <translation>Office</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/login.py" line="54" />
            <source>نام کاربری</source>
            <extracomment>the office's day: a log-in window left open overnight shows the new day</extracomment>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/login.py" line="55" />
            <source>گذرواژه</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/login.py" line="57" />
            <source>ورود</source>
            <translation>Log in</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/login.py" line="89" />
            <source>نام کاربری را بنویسید.</source>
            <translation>Write your user name.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="80" />
            <source>دبیرخانه</source>
            <extracomment>a side-bar entry's count shown after its title (`MainWindow.refresh_badges`) the bus's areas after which the side bar's counts are read again</extracomment>
            <translation>Secretariat</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="81" />
            <source>کتابخانه</source>
            <translation>Library</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="82" />
            <source>مدیریت سامانه</source>
            <translation>Administration</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="158" />
            <source>کانون دسک</source>
            <extracomment>a sync brought in a change made elsewhere that ends this session (why, in Persian)</extracomment>
            <translation>Kanoon Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="170" />
            <source>صفحه‌ها</source>
            <extracomment>closing was asked while an import wrote: the window closes once it stopped the text size chosen on this desk (Ctrl++ / Ctrl+-), kept in its settings</extracomment>
            <translation>Pages</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="277" />
            <source>در حال انجام…</source>
            <extracomment>the side bar's entries that show a count after their title («کارتابل (۳)»: `refresh_badges`) covers the session after the office's idle minutes; asks the password (`ui/idle_lock.py`)</extracomment>
            <translation>Working…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="307" />
            <source>خروج از حساب</source>
            <translation>Log out</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="311" />
            <source>بستن برنامه</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="315" />
            <source>تغییر گذرواژه…</source>
            <translation>Change password…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="318" />
            <source>قفل کردن میز</source>
            <translation>Lock the desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="322" />
            <source>میز کار</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="328" />
            <source>رفتن به</source>
            <translation>Go to</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="336" />
            <source>جست‌وجو در این صفحه</source>
            <translation>Search on this page</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="342" />
            <source>نما</source>
            <translation>View</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="343" />
            <source>نوشته بزرگ‌تر</source>
            <translation>Larger text</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="347" />
            <source>نوشته کوچک‌تر</source>
            <translation>Smaller text</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="351" />
            <source>اندازه عادی نوشته</source>
            <translation>Normal text size</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="357" />
            <source>راهنما</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="358" />
            <source>میان‌برهای صفحه‌کلید</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="362" />
            <source>درباره کانون دسک</source>
            <translation>About Kanoon Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="367" />
            <source>ابزار</source>
            <translation>Tools</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="476" />
            <source>{title} ({n})</source>
            <translation>{title} ({n})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="552" />
            <source>بستن کانون دسک</source>
            <translation>Close Kanoon Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/main_window.py" line="553" />
            <source>ردیف‌ها هنوز درون‌ریزی می‌شوند. درون‌ریزی متوقف و برنامه بسته شود؟ هیچ ردیفی درون‌ریزی نمی‌شود؛ پرونده را بعداً دوباره درون‌ریزی کنید.</source>
            <translation>The rows are still being imported. Stop the import and close the program? No row will be imported; import the file again later.</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="183" />
            <source>ادغام «%1» در دستگاه دیگر</source>
            <extracomment>the agency as saved, once the dialog is accepted</extracomment>
            <translation>Merge “%1” into another agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="188" />
            <source>— دستگاهی که کارها به آن می‌رود —</source>
            <translation>— the agency its work goes to —</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="192" />
            <source>ادغام در</source>
            <translation>Merge into</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="199" />
            <source>ادغام</source>
            <translation>Merge</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="200" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="222" />
            <source>دستگاهی را برگزینید که «%1» در آن ادغام می‌شود؛ پیش از ادغام گفته می‌شود چه جابه‌جا می‌شود.</source>
            <extracomment>the survivor, once the merge is recorded what the merge into the chosen agency moves (None until one is chosen)</extracomment>
            <translation>Choose the agency “%1” is merged into; what will move is shown before the merge.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="235" />
            <source>پرونده‌هایی که در انتظار پاسخ «%1» است: %2، که %3 از آن‌ها از مهلت گذشته است. همه با همان مهلت‌ها به «%4» می‌رود و پیگیری‌شان با «%4» است.</source>
            <translation>Cases waiting for an answer from “%1”: %2, of which %3 past their deadline. All go to “%4” with the same deadlines, and are followed up with “%4”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="239" />
            <source>نامه‌هایی که به «%1» فرستاده شده: %2. نامه‌ها و سوابق پرونده‌ها نام «%1» را نگه می‌دارند و پرونده‌های پاسخ‌گرفته یا مختومه با «%1» می‌مانند؛ گزارش دوره‌هایی که ادغام در آن‌هاست آن‌ها را زیر «%3» می‌شمارد.</source>
            <translation>Letters sent to “%1”: %2. The letters and the cases' records keep the name “%1”, and cases answered or closed stay with “%1”; the reports of periods the merge falls in count them under “%3”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="243" />
            <source>«%1» دیگر در فهرست ارسال نمی‌آید. ادغام نادرست با «برگرداندن ادغام…» برمی‌گردد.</source>
            <translation>“%1” is no longer offered for forwarding. A merge made by mistake is undone with “Undo merge…”.</translation>
        </message>
    </context>
    <context>
        <name>OfficePage</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="49" />
            <source>این دفتر خودش یک مرکز فرهنگی هنری است (کتابخانه دارد و امانت می‌دهد)</source>
            <translation>This office is itself a cultural centre (it has a library and lends)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="55" />
            <source>کد دفتر</source>
            <translation>Office code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="56" />
            <source>نام دفتر</source>
            <translation>Office name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="57" />
            <source>استان</source>
            <translation>Province</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="58" />
            <source>شهر</source>
            <translation>City</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="59" />
            <source>نشانی</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="60" />
            <source>تلفن</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="61" />
            <source>سربرگ نامه‌ها</source>
            <translation>Letter heading</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="63" />
            <source>ذخیره</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="71" />
            <source>تاریخچه تغییرات</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="73" />
            <source>همه مقدارهایی که مشخصات دفتر گرفته، از هر میز؛ مقداری که تغییر میز دیگری جایگزینش کرد هم دیده می‌شود.</source>
            <translation>Every value the office's details have had, from every desk; a value another desk's change replaced is listed too.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="81" />
            <source>تغییرهایی که پیش‌تر در مشخصات دفتر دادید و ذخیره نشد بازگردانده شد؛ آن‌ها را ذخیره کنید، یا «کنار گذاشتن تغییرها» را بزنید.</source>
            <translation>Changes to the office's details that were not saved have been brought back; save them, or press “Discard changes”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="83" />
            <source>کنار گذاشتن تغییرها</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="106" />
            <source>قفل خودکار این میز</source>
            <translation>This desk's automatic lock</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="112" />
            <source>خاموش</source>
            <translation>Off</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="113" />
            <source> دقیقه</source>
            <translation> minutes</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="116" />
            <source>قفل پس از بی‌کاری</source>
            <translation>Lock after idle</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="118" />
            <source>اگر این مدت با صفحه‌کلید و موشواره کاری نشود، پنجره‌ها پوشانده می‌شود و برای ادامه، گذرواژه همان کاربر (یا ورود کاربر دیگر) خواسته می‌شود؛ آنچه نوشته شده از دست نمی‌رود و همگام‌سازی ادامه می‌یابد. صفر: قفل خودکار خاموش.</source>
            <translation>When the keyboard and mouse are not used for this long, the windows are covered and the same user's password (or another user's log-in) is asked to go on; nothing typed is lost and sync goes on. Zero: no automatic lock.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="123" />
            <source>ذخیره زمان قفل</source>
            <translation>Save the lock time</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="143" />
            <source>قفل خودکار خاموش شد.</source>
            <translation>The automatic lock is off.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="144" />
            <source>این میز پس از {minutes} دقیقه بی‌کاری قفل می‌شود.</source>
            <translation>This desk locks after {minutes} idle minutes.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="198" />
            <source>دفتر، مرکز فرهنگی هنری</source>
            <translation>The office as a cultural centre</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="199" />
            <source>این دفتر مرکز فرهنگی هنری شود؟ این کار برگشت ندارد: کتاب‌ها، اعضا و امانت‌هایی که در آن ثبت شود به آن بسته می‌ماند.</source>
            <translation>Make this office a cultural centre? There is no way back: the books, members and loans recorded at it stay tied to it.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="216" />
            <source>چیزی ذخیره نشد؛ برای ذخیره بی‌آنکه دفتر مرکز شود، تیک «مرکز فرهنگی هنری» را بردارید.</source>
            <translation>Nothing was saved; to save without making the office a centre, untick "cultural centre".</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/office.py" line="225" />
            <source>مشخصات دفتر ذخیره شد.</source>
            <translation>Office details saved.</translation>
        </message>
    </context>
    <context>
        <name>OpeningWindow</name>
        <message>
            <location filename="../kanoon_desk/ui/opening.py" line="34" />
            <source>کانون دسک</source>
            <extracomment>How long opening the store may take before the window says so (an ordinary start takes less).</extracomment>
            <translation>Kanoon Desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/opening.py" line="37" />
            <source>پایگاه داده این میز باز می‌شود…</source>
            <translation>Opening this desk's database…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/opening.py" line="41" />
            <source>نخستین بار پس از به‌روزرسانی برنامه، پایگاه داده برای نسخه تازه آماده می‌شود؛ روی پایگاه داده‌ای بزرگ این کار چند دقیقه طول می‌کشد. برنامه را نبندید.</source>
            <translation>The first time after the program is updated, the database is made ready for the new version; on a large database this takes a few minutes. Do not close the program.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/opening.py" line="61" />
            <source>{n} ثانیه گذشته است</source>
            <translation>{n} seconds so far</translation>
        </message>
    </context>
    <context>
        <name>OverduePage</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="37" />
            <source>پیگیری گروهی…</source>
            <extracomment>The most cases one batch letter lists (a longer list is several letters, by the filters). the last batch followed up here, whose letter the bar below the filters prints</extracomment>
            <translation>Follow up together…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="42" />
            <source>چاپ نامه پیگیری</source>
            <translation>Print follow-up letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="42" />
            <source>نامه پیگیری PDF</source>
            <translation>Follow-up letter PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="59" />
            <source>پیگیری همه پرونده‌های دیرکرد این دستگاه در این فهرست، با یک تماس یا یک نامه</source>
            <translation>Follow up all of this agency's overdue cases in this list with one call or one letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="60" />
            <source>برای پیگیری گروهی، نخست دستگاه را در پالایه بالا برگزینید.</source>
            <translation>To follow up together, first choose the agency in the filter above.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="85" />
            <source>پیگیری گروهی — {agency}</source>
            <translation>Follow up together — {agency}</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="87" />
            <source>%Ln پرونده دیرکرد نزد این دستگاه در فهرست است؛ آنچه را پیگیری می‌کنید نشان‌دار نگه دارید.</source>
            <translation>
                <numerusform>%Ln overdue case with this agency is in the list; keep it ticked to follow it up.</numerusform>
                <numerusform>%Ln overdue cases with this agency are in the list; keep ticked the ones you follow up.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="127" />
            <source>پیگیری %Ln پرونده با نامه شماره {no} به {agency} ثبت شد.</source>
            <translation>
                <numerusform>Follow-up of %Ln case recorded: letter {no} to {agency}.</numerusform>
                <numerusform>Follow-up of %Ln cases recorded: letter {no} to {agency}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="130" />
            <source>پیگیری تلفنی %Ln پرونده نزد {agency} ثبت شد.</source>
            <translation>
                <numerusform>Phone follow-up of %Ln case with {agency} recorded.</numerusform>
                <numerusform>Phone follow-up of %Ln cases with {agency} recorded.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="97" />
            <source>پرونده‌ها</source>
            <translation>Cases</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="93" />
            <source>{no} — {name} — {subject} (%Ln روز کاری دیرکرد)</source>
            <translation>
                <numerusform>{no} — {name} — {subject} (%Ln working day late)</numerusform>
                <numerusform>{no} — {name} — {subject} (%Ln working days late)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="102" />
            <source>شیوه</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="102" />
            <source>نامه</source>
            <translation>Letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="102" />
            <source>تلفنی</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="103" />
            <source>یادداشت</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="106" />
            <source>مهلت تازه</source>
            <translation>New deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/overdue.py" line="106" />
            <source>مهلت تازه بده</source>
            <translation>Give a new deadline</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="251" />
            <source>گذرواژه تازه برای %1</source>
            <translation>New password for %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="260" />
            <source>گذرواژه موقت</source>
            <translation>Temporary password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="261" />
            <source>تکرار گذرواژه</source>
            <translation>Password again</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <location filename="../kanoon_desk/ui/printing.py" line="162" />
            <source>صفحه {page} از {pages}</source>
            <extracomment>The longest run of letters a printed line keeps whole: a longer one may break every this many. The line under each page of a paper that runs onto more than one: «صفحه ۱ از ۳».</extracomment>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/printing.py" line="440" />
            <source>چاپ نشد</source>
            <extracomment>The room the page number takes under the text (mm).</extracomment>
            <translation>Not printed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/printing.py" line="441" />
            <source>چاپگر «{printer}» کاغذ را نپذیرفت: روشن نیست، به این رایانه وصل نیست یا نصب نشده است. آن را بررسی کنید و دوباره چاپ کنید، یا کاغذ را به PDF ذخیره کنید.</source>
            <translation>The printer “{printer}” took nothing: it is off, not connected to this computer, or not installed. Check it and print again, or save the paper as a PDF.</translation>
        </message>
    </context>
    <context>
        <name>QueueBar</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="625" />
            <source>کار در انتظار دفتر:</source>
            <extracomment>The status filter's data for a work queue ("queue:untold").</extracomment>
            <translation>Waiting on the office:</translation>
        </message>
    </context>
    <context>
        <name>QueueNotices</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="52" />
            <source>اعلام گروهی…</source>
            <extracomment>the cases told by letter in the last go, whose letters the line prints</extracomment>
            <translation>Tell them all…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="54" />
            <source>اعلام به همه متقاضیان این فهرست با نامه یا پیامک، یک‌جا</source>
            <translation>Tell every applicant of this list at once, by letter or SMS</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="44" />
            <source>چاپ نامه‌ها</source>
            <extracomment>The work queues whose cases wait for a notice to the applicant. The most applicants one go tells (a longer queue is told in turns).</extracomment>
            <translation>Print the letters</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="45" />
            <source>نامه‌ها PDF</source>
            <translation>Letters PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="76" />
            <source>اعلام گروهی به متقاضیان</source>
            <translation>Tell the applicants</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="78" />
            <source>%Ln پرونده در این فهرست است؛ آنچه را اعلام می‌کنید نشان‌دار نگه دارید.</source>
            <translation>
                <numerusform>%Ln case is in this list; keep it ticked to tell its applicant.</numerusform>
                <numerusform>%Ln cases are in this list; keep ticked the ones you tell.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="80" />
            <source>پرونده‌ها</source>
            <translation>Cases</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="81" />
            <source>{code} — {name} — {subject}</source>
            <translation>{code} — {name} — {subject}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="88" />
            <source>شیوه</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="88" />
            <source>نامه</source>
            <translation>Letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="88" />
            <source>پیامک</source>
            <translation>SMS</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="89" />
            <source>یادداشت نامه‌های اعلام نتیجه</source>
            <translation>Note in the result letters</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="91" />
            <source>هر متقاضی پیامک نتیجه درخواست خودش را با کد رهگیری‌اش می‌گیرد؛ سرور آن را می‌فرستد.</source>
            <translation>Each applicant gets an SMS with the result of their own request and its tracking code; the server sends it.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="115" />
            <source>اعلام به %Ln متقاضی با نامه ثبت شد؛ نامه‌ها را چاپ کنید.</source>
            <translation>
                <numerusform>%Ln applicant recorded as told by letter; print the letter.</numerusform>
                <numerusform>%Ln applicants recorded as told by letter; print the letters.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/queue_notices.py" line="116" />
            <source>%Ln پیامک اعلام در صف ارسال سرور گذاشته شد.</source>
            <translation>
                <numerusform>%Ln SMS notice queued for the server to send.</numerusform>
                <numerusform>%Ln SMS notices queued for the server to send.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Reports</name>
        <message>
            <location filename="../kanoon_desk/ui/widgets.py" line="154" />
            <source>سال {y}</source>
            <extracomment>A message that says it went well (lent, received, found). A word to heed, not an error: a draft brought back, cases to look at before saving. The Jalali months and the weekdays (Saturday first) as the English interface writes them.</extracomment>
            <translation>Year {y}</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="126" />
            <source>فصل</source>
            <extracomment>today, read as the report is built (the figures count up to it); a new day builds it again the period whose report is being built in the background (None: none is)</extracomment>
            <translation>Season</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="126" />
            <source>ماه</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="126" />
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="130" />
            <source>سال</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="133" />
            <source>دوره</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="139" />
            <source>نمایش</source>
            <translation>Show</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="141" />
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="238" />
            <source>خروجی اکسل</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="143" />
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="247" />
            <source>خروجی PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="147" />
            <source>در حال ساختن گزارش…</source>
            <extracomment>said while the report is being built in the background (a year of a busy province's cases takes many seconds: the window stays usable meanwhile)</extracomment>
            <translation>Building the report…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="151" />
            <source>دوره:</source>
            <translation>Period:</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <location filename="../kanoon_desk/ui/roles.py" line="14" />
            <source>کارمند دبیرخانه</source>
            <translation>Secretariat clerk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/roles.py" line="15" />
            <source>کارشناس بررسی</source>
            <translation>Reviewing expert</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/roles.py" line="16" />
            <source>مدیر</source>
            <translation>Manager</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/roles.py" line="17" />
            <source>کتابدار</source>
            <translation>Librarian</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/roles.py" line="18" />
            <source>مدیر سامانه</source>
            <translation>System administrator</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/roles.py" line="26" />
            <source>، </source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>Saving</name>
        <message>
            <location filename="../kanoon_desk/ui/saving.py" line="31" />
            <source>پرونده نوشته نشد</source>
            <translation>The file was not written</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/saving.py" line="32" />
            <source>نوشتن در {path} انجام نشد: پرونده باز است یا اجازه نوشتن در آن‌جا نیست؛ آن را ببندید یا جای دیگری برگزینید.</source>
            <translation>Could not write to {path}: the file is open, or there is no permission to write there; close it or choose another place.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/saving.py" line="36" />
            <source>ذخیره شد</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/saving.py" line="37" />
            <source>پرونده در {path} ذخیره شد.</source>
            <translation>The file was saved to {path}.</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="366" />
            <source>کد رهگیری، شماره ثبت، کد ملی، نام یا واژه‌های موضوع — Enter</source>
            <extracomment>today, read as the list is searched; when the day turns, the date range's ends that were left at their defaults move with it, and the list (its lateness) is read again</extracomment>
            <translation>Tracking code, registration no., national ID, name or subject words — Enter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="371" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="372" />
            <source>همه وضعیت‌ها</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="379" />
            <source>دستگاه</source>
            <translation>Agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="388" />
            <source>دریافت از</source>
            <translation>Received from</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="389" />
            <source>تا</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="412" />
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="490" />
            <source>خروجی اکسل</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="414" />
            <source>همه پرونده‌های این فهرست با همین پالایه‌ها، نه فقط ردیف‌های دیده‌شده</source>
            <translation>Every case of this list with these filters, not only the rows on screen</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="486" />
            <source>پرونده‌ها</source>
            <extracomment>cases changed while the page was put away (another page of the side bar shown): read again when it is shown, not on every change it cannot show</extracomment>
            <translation>Cases</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="586" />
            <source>%Ln پرونده</source>
            <translation>
                <numerusform>%Ln case</numerusform>
                <numerusform>%Ln cases</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="501" />
            <source>همه دستگاه‌ها</source>
            <translation>All agencies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="381" />
            <source>فقط دیرکرد</source>
            <translation>Overdue only</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="492" />
            <source>%Ln پرونده در پرونده اکسل نوشته شد.</source>
            <translation>
                <numerusform>%Ln case written to the Excel file.</numerusform>
                <numerusform>%Ln cases written to the Excel file.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="505" />
            <source>{name} (غیرفعال)</source>
            <translation>{name} (inactive)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="568" />
            <source>بازه تاریخ وارونه است: «دریافت از» پس از «تا» است.</source>
            <translation>The date range is reversed: «Received from» is after «to».</translation>
        </message>
    </context>
    <context>
        <name>Secretariat</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="25" />
            <source>دریافت درخواست</source>
            <translation>Request received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="26" />
            <source>بررسی اولیه کارشناس</source>
            <translation>Expert's initial review</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="27" />
            <source>ثبت در دبیرخانه</source>
            <translation>Registered in the secretariat</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="28" />
            <source>ارجاع</source>
            <translation>Referral</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="29" />
            <source>پس‌گرفتن ارجاع</source>
            <translation>Referral recalled</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="30" />
            <source>دیده شد</source>
            <translation>Seen</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="31" />
            <source>ارسال به دستگاه اجرایی</source>
            <translation>Forwarded to executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="32" />
            <source>پیگیری</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="33" />
            <source>دریافت پاسخ</source>
            <translation>Response received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="34" />
            <source>اعلام به متقاضی</source>
            <translation>Applicant notified</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="35" />
            <source>مختومه</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="36" />
            <source>بازگشایی</source>
            <translation>Reopened</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="37" />
            <source>مراجعه حضوری</source>
            <translation>In-person visit</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="38" />
            <source>پیوست</source>
            <translation>Attachment</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="39" />
            <source>برداشتن پیوست</source>
            <translation>Attachment removed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="41" />
            <source>شماره ثبت تازه (حل ناسازگاری)</source>
            <translation>New registration number (conflict resolved)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="42" />
            <source>شماره نامه تازه (حل ناسازگاری)</source>
            <translation>New letter number (conflict resolved)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="44" />
            <source>ادغام دستگاه اجرایی</source>
            <translation>Agency merged</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="45" />
            <source>برگرداندن ادغام دستگاه</source>
            <translation>Agency merge undone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="46" />
            <source>اصلاح درخواست</source>
            <translation>Request corrected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="47" />
            <source>حذف مراجعه نادرست</source>
            <translation>Wrong visit removed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="48" />
            <source>لغو پذیرش، بازگشت به صف بررسی</source>
            <translation>Acceptance undone, back to review</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="49" />
            <source>تغییر متقاضی</source>
            <translation>Applicant changed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="50" />
            <source>جابه‌جایی پاسخ به پرونده درست</source>
            <translation>Answer moved to the right case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="57" />
            <source>دسته</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="58" />
            <source>شیوه دریافت</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="62" />
            <source>پستی</source>
            <translation>By post</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="84" />
            <source>{field}: {old} ← {new}</source>
            <translation>{field}: {old} → {new}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="89" />
            <source>؛ </source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="94" />
            <source>همراه درخواست</source>
            <extracomment>what a scan is, as it was attached: with the request at intake, the agency's answer, or what the clerk chose in «افزودن پیوست» («گونه»)</extracomment>
            <translation>With the request</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="95" />
            <source>پاسخ دستگاه</source>
            <translation>Agency's answer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="96" />
            <source>مدرک متقاضی</source>
            <translation>Applicant's document</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="98" />
            <source>دیگر</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="112" />
            <source>پیامک به {mobile}، فرستاده شد {at}</source>
            <translation>SMS to {mobile}, sent {at}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="116" />
            <source>پیامک به {mobile} نرسید ({error})؛ از راه دیگری اعلام کنید</source>
            <translation>SMS to {mobile} did not get through ({error}); tell the applicant another way</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="394" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="148" />
            <source>پذیرفته شد</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="396" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="150" />
            <source>رد شد: </source>
            <translation>Rejected: </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="154" />
            <source> — سپرده از کارتابل {name}</source>
            <translation> — handed over from {name}'s cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="156" />
            <source>به </source>
            <translation>To </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="159" />
            <source> — نامه {no} مورخ {day}</source>
            <translation> — letter {no} of {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="162" />
            <source> — مهلت </source>
            <translation> — deadline </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="166" />
            <source> — مهلت تازه </source>
            <translation> — new deadline </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="63" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="168" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="181" />
            <source>تلفنی</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="168" />
            <source>کتبی</source>
            <translation>Letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="118" />
            <source>پیامک به {mobile}، در صف ارسال سرور</source>
            <translation>SMS to {mobile}, queued for the server to send</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="97" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="181" />
            <source>نامه</source>
            <translation>Letter</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="139" />
            <source> (اکنون «{name}»)</source>
            <translation> (now “{name}”)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="61" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="182" />
            <source>حضوری</source>
            <translation>In person</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="40" />
            <source>پس‌گرفتن ارسال</source>
            <translation>Forward taken back</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="170" />
            <source> — جابه‌جاشده از پرونده {code}</source>
            <translation> — moved from case {code}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="175" />
            <source>پاسخ به پرونده {code} رفت</source>
            <translation>answer moved to case {code}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="195" />
            <source>«{name}» در «{into}» ادغام شد؛ پرونده با «{into}» است</source>
            <translation>“{name}” was merged into “{into}”; the case is with “{into}”</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="198" />
            <source>ادغام در «{into}» برگردانده شد؛ پرونده دوباره با «{name}» است</source>
            <translation>The merge into “{into}” was undone; the case is with “{name}” again</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="202" />
            <source>نامه {no}</source>
            <translation>Letter {no}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="207" />
            <source>حل ناسازگاری</source>
            <translation>conflict resolved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="211" />
            <source>{name} ({nid})</source>
            <translation>{name} ({nid})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="214" />
            <source>از {old} به {new}</source>
            <translation>from {old} to {new}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="217" />
            <source>شماره ثبت {no} برای همین پرونده می‌ماند</source>
            <translation>registration number {no} stays with this case</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="222" />
            <source>مراجعه {day}</source>
            <translation>Visit of {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="227" />
            <source>نامه {previous} اکنون {no}</source>
            <translation>Letter {previous} is now {no}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="236" />
            <source>تاریخ</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="237" />
            <source>زمان ثبت</source>
            <translation>Recorded at</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="238" />
            <source>کار</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="239" />
            <source>کاربر</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="56" />
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="240" />
            <source>شرح</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="54" />
            <source>ناسازگاری همگام‌سازی</source>
            <extracomment>A case in an open sync conflict: the row in the alert colour (as a late one)</extracomment>
            <translation>sync conflict</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="60" />
            <source>ناسازگاری همگام‌سازی: «{title}». تا مدیر در «ناسازگاری‌ها» تصمیم بگیرد، وضعیت این پرونده قطعی نیست.</source>
            <translation>Sync conflict: «{title}». Until a manager decides in «Conflicts», this case's state is not settled.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="82" />
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <source>کد رهگیری</source>
            <extracomment>the status column: a list of overdue cases hides it (every row would say "forwarded — overdue")</extracomment>
            <translation>Tracking code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="82" />
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <source>شماره ثبت</source>
            <translation>Registration no.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="82" />
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <source>متقاضی</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="85" />
            <source>روز کاری دیرکرد</source>
            <translation>Working days late</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="55" />
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="82" />
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <source>موضوع</source>
            <extracomment>the fields a correction (`case.corrected`) names, in the form's order</extracomment>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="82" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/case_timeline.py" line="59" />
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="83" />
            <source>تاریخ دریافت</source>
            <translation>Received on</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="83" />
            <source>دستگاه</source>
            <translation>Agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="83" />
            <source>مهلت پاسخ</source>
            <translation>Response deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="111" />
            <source>دیرکرد</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="148" />
            <source>ذخیره PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="78" />
            <source> روز</source>
            <extracomment>Cases read per query when a list is written to Excel. The direction marks the list puts around codes on screen (a sheet cell needs none).</extracomment>
            <translation> days</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="79" />
            <source> ساعت</source>
            <translation> hours</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="276" />
            <source>از</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <source>دستور</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="89" />
            <source>رسیده</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="90" />
            <source>رسوب</source>
            <translation>Dwell</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="115" />
            <source>(رونوشت)</source>
            <extracomment>How many of my open referrals the "sent" view lists (the newest first).</extracomment>
            <translation>(CC)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/lists.py" line="275" />
            <source>به</source>
            <translation>To</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sms_outcomes.py" line="38" />
            <source>شماره همراهی در پیامک نبود</source>
            <extracomment>The server's answer will not change any more («withdrawn»: a hold's «ready» notice whose hold ended before it was sent). The most notices one round asks about (the newest first; older ones at the next round). Why the server gave up on a notice, in the office's words. The server keeps the gateway's own text — English, or an HTTP error naming the provider's address over two lines — which is for the server's log, not for a clerk deciding how else to tell the applicant (`failure_reason`).</extracomment>
            <translation>the notice had no mobile number</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sms_outcomes.py" line="39" />
            <source>متن پیامک خالی بود</source>
            <translation>the notice had no text</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sms_outcomes.py" line="40" />
            <source>سامانه پیامک در دسترس نبود</source>
            <translation>the SMS service could not be reached</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/sms_outcomes.py" line="41" />
            <source>سامانه پیامک آن را نپذیرفت</source>
            <translation>the SMS service refused it</translation>
        </message>
    </context>
    <context>
        <name>SecretariatPages</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="20" />
            <source>{n} مورد باز، {u} مورد خوانده‌نشده</source>
            <translation>{n} open, {u} unread</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="22" />
            <source>کارتابل من</source>
            <translation>My cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="36" />
            <source>پرونده‌های گذشته از مهلت دستگاه</source>
            <translation>Cases past their agency's deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="68" />
            <source>ثبت درخواست</source>
            <translation>New request</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="70" />
            <source>کارتابل</source>
            <translation>Cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="72" />
            <source>جستجو و پیگیری</source>
            <translation>Search and tracking</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="74" />
            <source>دیرکرد دستگاه‌ها</source>
            <translation>Overdue agencies</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/__init__.py" line="76" />
            <source>گزارش دبیرخانه</source>
            <translation>Secretariat report</translation>
        </message>
    </context>
    <context>
        <name>SecretariatReports</name>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="56" />
            <source>دریافت و مختومه به تفکیک ماه — </source>
            <translation>Received and closed by month — </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="83" />
            <source>گزارش رسیدگی به درخواست‌ها و شکایات — {period}</source>
            <translation>Report on requests and complaints — {period}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="84" />
            <source>گزارش {period}</source>
            <translation>Report {period}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="85" />
            <source>سال {year}</source>
            <translation>Year {year}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="86" />
            <source>از {start} تا {end}</source>
            <translation>from {start} to {end}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="87" />
            <source>تهیه‌شده در {day}</source>
            <translation>made on {day}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="88" />
            <source>شاخص</source>
            <translation>Figure</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="89" />
            <source>مقدار</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="90" />
            <source>دریافت‌شده</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="91" />
            <source>پذیرفته‌شده</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="92" />
            <source>ردشده</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="93" />
            <source>مختومه: {outcome}</source>
            <translation>Closed: {outcome}</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="94" />
            <source>میانگین زمان ارائه خدمت (روز کاری)</source>
            <translation>Average service time (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="95" />
            <source>صدک ۹۰ زمان ارائه خدمت (روز کاری)</source>
            <translation>90th percentile of service time (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="96" />
            <source>میانگین زمان دفتر (روز کاری)</source>
            <translation>Average time at the office (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="97" />
            <source>میانگین زمان دستگاه‌ها (روز کاری)</source>
            <translation>Average time at the agencies (working days)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="98" />
            <source>مراجعه حضوری</source>
            <translation>In-person visits</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="99" />
            <source>متقاضیان در هر فصل</source>
            <translation>Applicants per season</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="100" />
            <source>مراجعه حضوری برای هر درخواست</source>
            <translation>In-person visits per request</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="101" />
            <source>شاخص‌ها</source>
            <translation>Figures</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="102" />
            <source>دیرکرد پاسخ به تفکیک دستگاه</source>
            <translation>Late answers by agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="103" />
            <source>دیرکرد دستگاه‌ها</source>
            <translation>Agencies late</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="104" />
            <source>دستگاه اجرایی</source>
            <translation>Agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="105" />
            <source>پرونده‌های دیرکرد</source>
            <translation>Cases answered late</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="106" />
            <source>پاسخ‌گویی دستگاه‌ها</source>
            <translation>Agencies answering</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="107" />
            <source>ارجاع‌شده</source>
            <translation>Forwarded</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="108" />
            <source>پاسخ‌داده</source>
            <translation>Answered</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="109" />
            <source>پاسخ در مهلت</source>
            <translation>Answered by the deadline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="110" />
            <source>میانگین روز کاری تا پاسخ</source>
            <translation>Average working days to the answer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="111" />
            <source>در انتظار پاسخ</source>
            <translation>Awaiting an answer</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="112" />
            <source>به تفکیک ماه</source>
            <translation>By month</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="113" />
            <source>ماهانه</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="114" />
            <source>ماه</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="115" />
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="58" />
            <source>دریافت</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="116" />
            <location filename="../kanoon_desk/ui/secretariat/reports.py" line="59" />
            <source>مختومه</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="117" />
            <source>معنای شاخص‌ها</source>
            <translation>What the figures count</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="119" />
            <source>زمان ارائه خدمت: روزهای کاری از روز دریافت درخواست تا روز مختومه شدن آن، برای پرونده‌های مختومه در این دوره؛ جمعه‌ها، تعطیلات رسمی و روزهایی که پرونده پیش از بازگشایی مختومه بوده شمرده نمی‌شود. زمان دستگاه‌ها از تاریخ نامه ارجاع تا پاسخ دستگاه است و باقی، زمان دفتر.</source>
            <extracomment>what a figure counts, where a manager could read it two ways (the paper's and the sheet's notes)</extracomment>
            <translation>Service time: working days from the day a request was received to the day it was closed, for the cases closed in this period; Fridays, official holidays and the days a case lay closed before it was reopened are not counted. The agencies' time runs from the forwarding letter's date to the agency's answer; the rest is the office's.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="123" />
            <source>مختومه و ردشده: پرونده بازگشایی‌شده در دوره‌ای شمرده می‌شود که آخرین بار مختومه شده است؛ پذیرفته‌شده یعنی پذیرفته در بررسی اولیه در این دوره.</source>
            <translation>Closed and rejected: a reopened case counts in the period it was last closed; accepted means accepted at the initial review in this period.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="126" />
            <source>دیرکرد دستگاه‌ها: پرونده‌هایی که مهلت نامه ارجاعشان در این دوره (تا امروز) سر رسیده و دستگاه پس از مهلت یا هیچ‌گاه پاسخ نداده است؛ مهلتی که در پیگیری افزوده شد به حساب نمی‌آید.</source>
            <translation>Late agencies: cases whose forwarding letter's deadline fell in this period (up to today) and that the agency answered after it or not at all; extra time given at a follow-up does not count.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="129" />
            <source>متقاضیان در هر فصل: شمار متقاضیان (هر نفر یک بار) درخواست‌های دریافت‌شده در این دوره، به اندازه یک فصل (ماه ضرب در ۳، سال تقسیم بر ۴؛ دوره‌ای که هنوز تمام نشده به نسبت روزهای گذشته آن)؛ مراجعه حضوری برای هر درخواست: همه مراجعه‌های حضوری همان درخواست‌ها تا امروز، تقسیم بر شمار آن‌ها.</source>
            <translation>Applicants per season: the applicants (each person once) of the requests received in this period, scaled to one season (a month times 3, a year divided by 4; a period not over yet by the part of it gone by); in-person visits per request: all in-person visits of those requests to date, divided by their number.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="133" />
            <source>درخواستی که با دلیل «تکراری» رد شده است (همان درخواست که دوباره رسید یا در دو میز ثبت شد) در هیچ شاخصی شمرده نمی‌شود: درخواستی که به آن رسیدگی می‌شود یک بار شمرده می‌شود.</source>
            <translation>A request rejected as «Duplicate» (the same request brought again, or taken at two desks) is counted in no figure: a request that is dealt with is counted once.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="137" />
            <source>{name} (با «{merged}» که در آن ادغام شد)</source>
            <extracomment>an agency's row that counts the cases of agencies merged into it (`merge_agency`)</extracomment>
            <translation>{name} (with “{merged}”, merged into it)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="139" />
            <source>{name} (تلفن {phone})</source>
            <extracomment>one of two agencies of one name (made at two desks apart): what tells it apart</extracomment>
            <translation>{name} (phone {phone})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="140" />
            <source>{name} ({address})</source>
            <translation>{name} ({address})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="141" />
            <source>{name} (شناسه {id})</source>
            <translation>{name} (id {id})</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_reports.py" line="143" />
            <source>»، «</source>
            <extracomment>names joined in a note («الف»، «ب»)</extracomment>
            <translation>”, “</translation>
        </message>
    </context>
    <context>
        <name>SetupDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="134" />
            <source>راه‌اندازی میز کار</source>
            <translation>Set up this desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="138" />
            <source>میز تازه</source>
            <translation>New desk</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="139" />
            <source>پیوستن به کارگزار مرکزی</source>
            <translation>Join a central server</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="185" />
            <source>این میز کار هنوز راه‌اندازی نشده است. دفتر این میز و نخستین مدیر سامانه را معرفی کنید. اگر دفتر کارگزار مرکزی دارد، «پیوستن به کارگزار مرکزی» را برگزینید.</source>
            <translation>This desk is not set up yet. Name its office and the first system administrator. If the office has a central server, choose “Join a central server”.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="192" />
            <source>کد دفتر</source>
            <translation>Office code</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="227" />
            <source>نام دفتر</source>
            <translation>Office name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="200" />
            <source>شماره این دستگاه</source>
            <translation>Device number</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="236" />
            <source>نام کاربری مدیر</source>
            <translation>Administrator's user name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="237" />
            <source>نام و نام خانوادگی مدیر</source>
            <translation>Administrator's full name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="238" />
            <source>گذرواژه</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="239" />
            <source>تکرار گذرواژه</source>
            <translation>Password again</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="205" />
            <source>نشانی کارگزار مرکزی و کد ثبت دستگاه را که مدیر کارگزار داده است بنویسید. این میز در کارگزار ثبت می‌شود و داده‌های دفتر، با کاربرانش، به آن می‌آید؛ پس از آن هر کس با نام کاربری و گذرواژه خود وارد می‌شود.</source>
            <translation>Type the central server's address and the enrolment code its operator gave you. This desk is enrolled with the server and the office's data, its users included, come down to it; then everyone logs in with their own user name and password.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="194" />
            <source>این دفتر خودش یک مرکز فرهنگی هنری است (کتابخانه دارد و امانت می‌دهد)</source>
            <translation>This office is itself a cultural centre (it has a library and lends)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="257" />
            <source>این دستگاه در کارگزار ثبت شد (دفتر {office}، دستگاه {device})، ولی داده‌های دفتر هنوز کامل به آن نرسیده است.</source>
            <translation>This device is enrolled with the server (office {office}, device {device}), but the office's data have not all arrived yet.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="262" />
            <source>اتصال شبکه را بررسی کنید و «دریافت دوباره» را بزنید؛ دریافت از همان‌جا که مانده است ادامه می‌یابد و چیزی دو بار نمی‌آید.</source>
            <translation>Check the network connection and press “Fetch again”; it carries on from where it stopped and nothing comes twice.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="269" />
            <source>این دستگاه در کارگزار ثبت شد (دفتر {office}، دستگاه {device}). این دفتر هنوز هیچ کاربری ندارد: نخستین مدیر سامانه دفتر را بسازید. او و کاربرانی که می‌سازد به میزهای دیگر دفتر هم می‌رسند.</source>
            <translation>This device is enrolled with the server (office {office}, device {device}). The office has no user yet: make its first system administrator. They, and the users they make, reach the office's other desks too.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="285" />
            <source>راه‌اندازی</source>
            <translation>Set up</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="285" />
            <source>ثبت دستگاه و دریافت داده‌ها</source>
            <translation>Enrol and fetch the data</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="287" />
            <source>دریافت دوباره</source>
            <translation>Fetch again</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="289" />
            <source>ساختن مدیر</source>
            <translation>Make the administrator</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="312" />
            <source>در حال دریافت داده‌های دفتر از کارگزار…</source>
            <translation>Fetching the office's data from the server…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="336" />
            <source>در حال ثبت دستگاه و دریافت داده‌های دفتر از کارگزار…</source>
            <translation>Enrolling this device and fetching the office's data from the server…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/setup.py" line="167" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="74" />
            <source>میان‌برهای صفحه‌کلید</source>
            <extracomment>Keys named by what is printed on them (Qt's Persian names say «کنترل», «ورود»).</extracomment>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="81" />
            <source>کجا</source>
            <translation>Where</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="81" />
            <source>کلید</source>
            <translation>Key</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/help.py" line="81" />
            <source>کار</source>
            <translation>Does</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="21" />
            <source>دریافت‌شده، در انتظار بررسی</source>
            <translation>Received, awaiting review</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="22" />
            <source>پذیرفته‌شده، در انتظار ثبت</source>
            <translation>Accepted, awaiting registration</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="23" />
            <source>ثبت‌شده در دبیرخانه</source>
            <translation>Registered in the secretariat</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="24" />
            <source>در کارتابل مدیر</source>
            <translation>In the manager's cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="25" />
            <source>ارجاع به دستگاه اجرایی</source>
            <translation>Forwarded to executive agency</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="26" />
            <source>پاسخ دستگاه رسیده</source>
            <translation>Agency has answered</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="27" />
            <source>ردشده</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="28" />
            <source>مختومه</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="31" />
            <source>در کارتابل کارشناس</source>
            <extracomment>A referral back to an expert (the status word of "referred" says the manager's cartable).</extracomment>
            <translation>In the expert's cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="45" />
            <source>هنوز به متقاضی اعلام نشده</source>
            <extracomment>What the applicant has heard, after an answer or a rejection (`Case.notice`), said after the status: «پاسخ دستگاه رسیده، به متقاضی اعلام شد».</extracomment>
            <translation>applicant not told yet</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="46" />
            <source>به متقاضی اعلام شد</source>
            <translation>applicant told</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="50" />
            <source>در نوبت بررسی کارشناس</source>
            <extracomment>The office's work queues: what waits on the office, each one filter away (search, home page).</extracomment>
            <translation>To review</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="51" />
            <source>در انتظار ثبت در دبیرخانه</source>
            <translation>To register</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="52" />
            <source>پاسخ یا نتیجه آماده، به متقاضی اعلام نشده</source>
            <translation>Answered or closed, applicant not told</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="53" />
            <source>اعلام رد در انتظار ارسال</source>
            <translation>Rejection notice to send</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="54" />
            <source>پیامک اعلام نرسید</source>
            <translation>Notice by SMS did not get through</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="92" />
            <source>رسیدگی و حل شد</source>
            <extracomment>Queues the home page and the search page show only while they hold a case (a desk that sends no SMS, or works without a server, never has one there). Who works each queue (the home page shows a person the queues of their roles).</extracomment>
            <translation>Resolved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="93" />
            <source>رد شد</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="94" />
            <source>خارج از وظایف دستگاه</source>
            <translation>Not the agency's responsibility</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/services/secretariat_status.py" line="95" />
            <source>مختومه بدون حل</source>
            <translation>Closed unresolved</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="36" />
            <location filename="../kanoon_desk/ui/secretariat/common.py" line="37" />
            <source>، </source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="53" />
            <source>موفق</source>
            <translation>Succeeded</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="53" />
            <source>ناموفق</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="63" />
            <location filename="../kanoon_desk/ui/sync_page.py" line="64" />
            <source>کارگزار نپذیرفت: %1</source>
            <translation>Refused by the server: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="78" />
            <source>آفلاین</source>
            <extracomment>How the last round stopped (`SyncReport.failure`) → the status bar's word for it.</extracomment>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="79" />
            <source>دسترسی میز پذیرفته نشد</source>
            <translation>Desk access refused</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="80" />
            <source>برنامه باید به‌روز شود</source>
            <translation>Program must be updated</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="81" />
            <source>کارگزار باید به‌روز شود</source>
            <translation>Server must be updated</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="82" />
            <source>ناهمخوانی با کارگزار</source>
            <translation>Mismatch with the server</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="83" />
            <source>رونوشت میز؛ همگام نمی‌شود</source>
            <translation>Copied desk; not syncing</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="84" />
            <source>همگام‌سازی متوقف شد</source>
            <translation>Sync stopped</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="93" />
            <source>برخط</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="94" />
            <source>همگام‌سازی ناموفق</source>
            <translation>Sync failed</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="119" />
            <source>%1 مگابایت</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="120" />
            <source>%1 کیلوبایت</source>
            <translation>%1 kB</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="140" />
            <source>فرستادن رویدادها %1 از %2</source>
            <translation>Sending events %1 of %2</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="143" />
            <source>دریافت رویدادها: %1</source>
            <translation>Receiving events: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="149" />
            <source>فرستادن پیوست %1: %2٪ از %3</source>
            <translation>Sending attachment %1: %2% of %3</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="151" />
            <source>دریافت پیوست %1 (%2 از %3)</source>
            <translation>Receiving attachment %1 (%2 of %3)</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="195" />
            <source>همگام‌سازی اکنون</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="197" />
            <source>توقف</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="199" />
            <source>همگام‌سازی در نخستین جای امن می‌ایستد؛ آنچه رسیده است می‌ماند و باقی در همگام‌سازی بعدی می‌رود.</source>
            <translation>Sync stops at the next safe point; what got through stays, and the rest goes in the next sync.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="215" />
            <location filename="../kanoon_desk/ui/sync_page.py" line="231" />
            <source>زمان</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="215" />
            <source>نتیجه</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="215" />
            <source>فرستاده</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="215" />
            <source>دریافتی</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="216" />
            <source>رد شده</source>
            <translation>Refused</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="216" />
            <source>شرح</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="229" />
            <source>تاریخچه همگام‌سازی</source>
            <translation>Sync history</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="231" />
            <source>نوع رویداد</source>
            <translation>Event type</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="231" />
            <source>دلیل رد</source>
            <translation>Why it was refused</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="239" />
            <source>رویدادهای ردشده</source>
            <translation>Refused events</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="259" />
            <source>آخرین همگام‌سازی، %1، ناتمام ماند: %2</source>
            <translation>The last sync, %1, did not finish: %2</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="266" />
            <source>پیوستن به کارگزار مرکزی</source>
            <translation>Join a central server</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="270" />
            <source>این میز تاکنون تنها کار کرده است. با پیوستن به کارگزار مرکزی دفتر، همه کارهای ثبت‌شده در آن به کارگزار می‌رود و کارهای میزهای دیگر دفتر به این میز می‌آید. چیزی بازنویسی نمی‌شود: اگر نام کاربری یکسانی در هر دو سو ساخته شده باشد یا شماره‌ای دو بار دیده شود، در «ناسازگاری‌ها» می‌آید تا کسی درباره‌اش تصمیم بگیرد.</source>
            <translation>This desk has worked on its own so far. When it joins the office's central server, everything recorded on it goes up to the server and the work of the office's other desks comes down to it. Nothing is overwritten: a user name made on both sides, or a number seen twice, shows in “Conflicts” for a person to decide.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="278" />
            <source>پیوستن و همگام‌سازی</source>
            <translation>Join and sync</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="292" />
            <source>در حال پیوستن به کارگزار و فرستادن کارهای این میز…</source>
            <translation>Joining the server and sending this desk's work…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="315" />
            <source>این میز هنوز به کارگزار مرکزی نپیوسته است و همه کارها در همین رایانه ثبت می‌شود.</source>
            <translation>This desk has not joined a central server; all work is kept on this computer.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="317" />
            <source>این میز هنوز به کارگزار مرکزی نپیوسته است؛ مدیر سامانه می‌تواند از همین صفحه آن را بپیوندد.</source>
            <translation>This desk has not joined a central server; a system administrator can join it from this page.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="321" />
            <source>آخرین همگام‌سازی موفق: %1 — رویدادهای در انتظار: %2 — ناسازگاری‌های باز: %3</source>
            <translation>Last successful sync: %1 — pending events: %2 — open conflicts: %3</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="325" />
            <source>رویدادهای ردشده: %1</source>
            <translation>Refused events: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="328" />
            <source>پیامک‌ها: %1 فرستاده شد، %2 در صف کارگزار، %3 نرسید</source>
            <translation>SMS: %1 sent, %2 waiting on the server, %3 did not get through</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="358" />
            <source>در حال همگام‌سازی…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="382" />
            <source>همگام‌سازی انجام شد: %1 فرستاده و %2 دریافت شد.</source>
            <translation>Sync complete: %1 sent and %2 received.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="387" />
            <source>%Ln رویداد را کارگزار نپذیرفت؛ دلیلش در «رویدادهای ردشده» آمده است.</source>
            <translation>
                <numerusform>The server refused %Ln event; the reason is under "Refused events".</numerusform>
                <numerusform>The server refused %Ln events; the reasons are under "Refused events".</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="393" />
            <source>پیش از توقف، %1 فرستاده و %2 دریافت شد؛ باقی در همگام‌سازی بعدی می‌رود و می‌آید.</source>
            <translation>Before it stopped: %1 sent, %2 received; the rest goes and comes in the next sync.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="397" />
            <source>پیش از قطع، %1 فرستاده و %2 دریافت شد؛ باقی در همگام‌سازی بعدی می‌رود و می‌آید.</source>
            <translation>Before the connection was cut: %1 sent, %2 received; the rest goes and comes in the next sync.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="605" />
            <source>%Ln رویداد در انتظار فرستادن</source>
            <translation>
                <numerusform>%Ln event waiting to be sent</numerusform>
                <numerusform>%Ln events waiting to be sent</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="352" />
            <source>همگام‌سازی در جریان است؛ نتیجه‌اش همین‌جا می‌آید.</source>
            <translation>A sync round is running; its result will show here.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="52" />
            <source>انجام شد، %Ln رویداد رد شد</source>
            <extracomment>The first round after log-in waits this long, so the window is up and drawn first.</extracomment>
            <translation>
                <numerusform>Done, %Ln event refused</numerusform>
                <numerusform>Done, %Ln events refused</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="104" />
            <source>%Ln روز</source>
            <translation>
                <numerusform>%Ln day</numerusform>
                <numerusform>%Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="107" />
            <source>%Ln ساعت</source>
            <translation>
                <numerusform>%Ln hour</numerusform>
                <numerusform>%Ln hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="108" />
            <source>%Ln دقیقه</source>
            <translation>
                <numerusform>%Ln minute</numerusform>
                <numerusform>%Ln minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="113" />
            <source>%Ln رویداد</source>
            <translation>
                <numerusform>%Ln event</numerusform>
                <numerusform>%Ln events</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="129" />
            <source>%Ln پیوست فرستاده شد (%1).</source>
            <translation>
                <numerusform>%Ln attachment sent (%1).</numerusform>
                <numerusform>%Ln attachments sent (%1).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="132" />
            <source>%Ln پیوست دریافت شد (%1).</source>
            <translation>
                <numerusform>%Ln attachment received (%1).</numerusform>
                <numerusform>%Ln attachments received (%1).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="146" />
            <source>دریافت داده‌های دفتر: %Ln رویداد</source>
            <translation>
                <numerusform>Receiving the office's data: %Ln event</numerusform>
                <numerusform>Receiving the office's data: %Ln events</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="362" />
            <source>در حال همگام‌سازی: %1</source>
            <translation>Syncing: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="372" />
            <source>در حال توقف همگام‌سازی؛ کاری که در میانه است تمام می‌شود…</source>
            <translation>Stopping sync; the step under way is finished first…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/conflict_inbox.py" line="616" />
            <source>ناسازگاری‌های باز</source>
            <translation>Open conflicts</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="573" />
            <source>این میز از پشتیبان بازگردانده شده و از آن پس با کارگزار همگام نشده است. شماره‌هایی که پس از تهیه پشتیبان داده شده بود (شماره ثبت، عضویت، بارکد) تا همگام‌سازی بعدی این‌جا نیست و شماره تازه ممکن است تکراری شود: پیش از ثبت شماره تازه یک بار همگام‌سازی کنید.</source>
            <extracomment>What a desk restored from a backup must do before it issues numbers (a template for translation).</extracomment>
            <translation>This desk was restored from a backup and has not synced with the server since. Numbers given after the backup was taken (registration, membership, barcodes) are not here until the next sync, and a new number may repeat one: sync once before issuing new numbers.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="584" />
            <source>بازگردانی از پشتیبان</source>
            <translation>Restored from a backup</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="585" />
            <source>%1 — هنوز همگام‌سازی نشده؛ پیش از ثبت شماره تازه همگام‌سازی کنید</source>
            <translation>%1 — not synced since; sync before issuing new numbers</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="598" />
            <source>کارگزار در دسترس نیست؛ کارها در همین رایانه ثبت می‌شود و بعداً فرستاده می‌شود</source>
            <translation>The server is out of reach; work is recorded on this computer and sent later</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="606" />
            <source>آخرین همگام‌سازی موفق: %1</source>
            <translation>Last successful sync: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="609" />
            <source>همگام‌سازی با کارگزار</source>
            <translation>Sync with the server</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="616" />
            <source>همگام‌سازی</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="618" />
            <source>ناسازگاری‌ها</source>
            <translation>Conflicts</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="511" />
            <source>در حال همگام‌سازی…</source>
            <extracomment>The running round's (`stop`), None between rounds.</extracomment>
            <translation>Syncing…</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="515" />
            <source>در حال همگام‌سازی: %1</source>
            <translation>Syncing: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="531" />
            <source>این میز به کارگزار مرکزی نپیوسته است؛ همه کارها در همین رایانه ثبت می‌شود.</source>
            <translation>This desk has not joined a central server; all work is kept on this computer.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="552" />
            <source>رد شده: %1</source>
            <translation>Refused: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/sync_page.py" line="553" />
            <source>کارگزار %Ln رویداد این میز را نپذیرفت؛ دلیل هر یک در صفحه همگام‌سازی، «رویدادهای ردشده» آمده است.</source>
            <translation>
                <numerusform>The server refused %Ln of this desk's events; the reason is on the sync page, under "Refused events".</numerusform>
                <numerusform>The server refused %Ln of this desk's events; the reason for each is on the sync page, under "Refused events".</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="557" />
            <source>بازگردانده از پشتیبان؛ همگام‌سازی کنید</source>
            <translation>restored from a backup; sync now</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="561" />
            <source>ساعت رایانه %1 با کارگزار فرق دارد</source>
            <translation>This computer's clock is %1 off the server's</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="543" />
            <source>در انتظار فرستادن: %1</source>
            <translation>waiting to go up: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="530" />
            <source>تنها، بدون کارگزار</source>
            <translation>Standalone, no server</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="544" />
            <source>آخرین همگام‌سازی: %1</source>
            <translation>last sync: %1</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/sync_page.py" line="546" />
            <source>ناسازگاری: %1</source>
            <translation>conflicts: %1</translation>
        </message>
    </context>
    <context>
        <name>UnmergeDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="275" />
            <source>برگرداندن ادغام «%1»</source>
            <translation>Undo the merge of “%1”</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="283" />
            <source>برگرداندن ادغام</source>
            <translation>Undo merge</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="284" />
            <source>انصراف</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="302" />
            <source>«%1» دوباره دستگاهی جدا می‌شود و در فهرست ارسال می‌آید.</source>
            <extracomment>the agency, once the undoing is recorded</extracomment>
            <translation>“%1” becomes an agency of its own again and is offered for forwarding.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="303" />
            <source>پرونده‌هایی که هنوز در انتظار پاسخ نامه‌ای به «%1» است: %2، که %3 از آن‌ها از مهلت گذشته است. همه با همان مهلت‌ها از «%4» به «%1» برمی‌گردد.</source>
            <translation>Cases still waiting for an answer to a letter sent to “%1”: %2, of which %3 are past their deadline. All go back from “%4” to “%1” with the same deadlines.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/agencies.py" line="307" />
            <source>پرونده‌هایی که در این میان پاسخ گرفته یا مختومه شده همان‌گونه می‌ماند. ادغام و برگرداندنش در تاریخچه دستگاه و در سوابق پرونده‌ها می‌ماند.</source>
            <translation>Cases answered or closed meanwhile stay as they ended. The merge and its undoing stay in the agency's history and in the cases' records.</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="189" />
            <source>کاربر تازه</source>
            <translation>New user</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="190" />
            <source>ویرایش کاربر</source>
            <translation>Edit user</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="205" />
            <source>نام کاربری</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="206" />
            <source>نام و نام خانوادگی</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="208" />
            <source>گذرواژه موقت</source>
            <translation>Temporary password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="209" />
            <source>تکرار گذرواژه</source>
            <translation>Password again</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="214" />
            <source>نقش‌ها</source>
            <translation>Roles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="216" />
            <source>کاربر تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ گذرواژه را بنویسید و آن را ثبت کنید.</source>
            <translation>A new user left half done earlier is in the form; type the password and save it.</translation>
        </message>
    </context>
    <context>
        <name>UsersModel</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="54" />
            <source>نام کاربری</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="54" />
            <source>نام و نام خانوادگی</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="55" />
            <source>نقش‌ها</source>
            <translation>Roles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="55" />
            <source>وضعیت</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="65" />
            <source>هیچ نقشی</source>
            <translation>No role</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="67" />
            <source>فعال، تا مدیر سامانه دیگری فعال شود</source>
            <translation>Active, until another admin is active</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="69" />
            <source>فعال</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="69" />
            <source>غیرفعال</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="71" />
            <source> — بی‌نقش: تا نقشی به او داده نشود نمی‌تواند وارد شود</source>
            <translation> — no role: cannot log in until given one</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/users.py" line="74" />
            <source> — پس از غیرفعال شدن، %Ln مورد در میزی که هنوز خبر نداشت به نام او ثبت شد؛ آن‌ها ماندند</source>
            <translation>
                <numerusform> — after the deactivation, %Ln entry was recorded in their name at a desk that did not know yet; it stands</numerusform>
                <numerusform> — after the deactivation, %Ln entries were recorded in their name at a desk that did not know yet; they stand</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="78" />
            <source> — نام کاربری حساب دیگری است؛ تا در «ناسازگاری‌ها» حل نشود با آن وارد نمی‌شود</source>
            <translation> — another account has this user name; cannot log in with it until resolved in «Conflicts»</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="80" />
            <source> — همین نام کاربری در حساب دیگری هم هست؛ در «ناسازگاری‌ها» حل کنید</source>
            <translation> — another account has the same user name; resolve it in «Conflicts»</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="329" />
            <source>کاربر تازه</source>
            <translation>New user</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="330" />
            <source>ویرایش نام و نقش‌ها</source>
            <translation>Edit name and roles</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="331" />
            <source>گذرواژه تازه</source>
            <translation>New password</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="332" />
            <location filename="../kanoon_desk/ui/admin/users.py" line="393" />
            <source>غیرفعال کردن</source>
            <translation>Disable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="333" />
            <source>سپردن کارتابل</source>
            <translation>Hand over cartable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="371" />
            <source>پس از همگام‌سازی هیچ مدیر سامانه فعالی در دفتر نمانده بود: در دو میز جدا از هم، هر کدام مدیر دیگری را غیرفعال یا بی‌نقش کرده بود. واپسین این تغییرها اجرا نشد و «{name}» ({username}) مدیر سامانه فعال می‌ماند تا مدیر سامانه دیگری فعال شود. برای ماندن او «فعال نگه داشتن» را بزنید، یا مدیر سامانه دیگری را فعال کنید تا آن تغییر اجرا شود.</source>
            <translation>After the sync the office had no active admin left: two desks apart had each deactivated another admin or taken the role away. The latest of those changes was held back, and «{name}» ({username}) stays an active admin until another admin is active. Press «Keep active» to keep them, or make another admin active and that change takes effect.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="392" />
            <source>فعال نگه داشتن</source>
            <translation>Keep active</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="393" />
            <source>فعال کردن</source>
            <translation>Enable</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="416" />
            <source>در کارتابل «{name}» درخواستی منتظر اقدام نیست.</source>
            <translation>No case waits in «{name}»'s cartable.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="446" />
            <source>غیرفعال کردن کاربر</source>
            <translation>Disable user</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="432" />
            <source>«{name}» ({username}) غیرفعال شود؟ دیگر نمی‌تواند وارد سامانه شود؛ کارهای ثبت‌شده‌اش می‌ماند و می‌توانید او را دوباره فعال کنید.</source>
            <translation>Disable «{name}» ({username})? They will no longer be able to log in; the work they recorded stays, and you can enable them again.</translation>
        </message>
        <message numerus="yes">
            <location filename="../kanoon_desk/ui/admin/users.py" line="437" />
            <source>%Ln درخواست در کارتابل او منتظر اقدام است و تنها او (یا مدیر سامانه) روی آن‌ها کار می‌تواند؛ با «سپردن کارتابل» آن‌ها را به کسی بسپارید که کارش را برعهده می‌گیرد.</source>
            <translation>
                <numerusform>%Ln case waits in their cartable, and only they (or an admin) can act on it; hand it with «Hand over cartable» to whoever takes their work over.</numerusform>
                <numerusform>%Ln cases wait in their cartable, and only they (or an admin) can act on them; hand them with «Hand over cartable» to whoever takes their work over.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="460" />
            <source>کاربر %1 مدیر سامانه فعال ماند.</source>
            <translation>User %1 stays an active admin.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="466" />
            <source>کاربر %1 غیرفعال شد.</source>
            <translation>User %1 disabled.</translation>
        </message>
        <message>
            <location filename="../kanoon_desk/ui/admin/users.py" line="466" />
            <source>کاربر %1 فعال شد.</source>
            <translation>User %1 enabled.</translation>
        </message>
    </context>
</TS>
