# واجهة Orbit على الويب — العربية (تُعرض من اليمين إلى اليسار)

## Shell
skip-to-content = انتقل إلى المحتوى
nav-main = التنقل الرئيسي
nav-home = الرئيسية
nav-project-members = أعضاء المشروع
nav-org-members = الأعضاء والدعوات
nav-org-audit = سجل التدقيق
nav-you = أنت
nav-account = الحساب
nav-keys = مفاتيح API
nav-instance = الخادم
nav-admin = الإدارة
nav-audit = سجل تدقيق الخادم
switch-org = المؤسسة
switch-project = المشروع
no-org = لا توجد مؤسسة بعد
no-project = لا يوجد مشروع بعد
choose-project = اختر مشروعًا…
org-create-option = + مؤسسة جديدة…
project-create-option = + مشروع جديد…
theme = المظهر
theme-auto = تلقائي
theme-light = فاتح
theme-dark = داكن
language = اللغة
language-browser = لغة المتصفح
language-en = English
language-de = Deutsch
language-fr = Français
language-es = Español
language-ar = العربية
logout = تسجيل الخروج
banner-unreachable = تعذّر الوصول إلى الخادم. تحقّق من اتصالك؛ يواصل Orbit المحاولة ويعيد تحميل هذه الصفحة عند عودته.
not-found-title = هذه الصفحة غير موجودة، أو لا يحق لك رؤيتها.
state-loading = جارٍ التحميل…

## Actions
action-retry = أعد المحاولة
action-save = حفظ
action-cancel = إلغاء
action-create = إنشاء
action-add = إضافة
action-remove = إزالة
action-revoke = إلغاء الصلاحية
action-accept = قبول
action-decline = رفض
action-edit = تعديل
action-delete = حذف
action-close = إغلاق
action-copy = نسخ

## Errors
error-unreachable = تعذّر الوصول إلى الخادم. تحقّق من اتصالك ثم أعد المحاولة.
error-denied = لا يحق لك فعل هذا هنا. اطلب الدور اللازم من أحد مديري هذه المؤسسة.
error-not-found = هذا غير موجود (بعد الآن)، أو لست عضوًا فيه.
error-too-many = محاولات كثيرة جدًا: { $detail }. انتظر قليلًا ثم أعد المحاولة.
error-signed-out = انتهت جلستك. سجّل الدخول من جديد.
error-exists = هذا موجود مسبقًا ({ $detail }). اختر غيره.
error-conflict = غيّر شخص آخر هذا في الأثناء. أعد التحميل ثم كرّر تعديلك.
error-invalid = رفض الخادم هذا: { $detail }. صحّحه ثم أعد المحاولة.
error-other = حدث خطأ: { $detail }. أعد المحاولة؛ وإن تكرر فأبلغ المسؤول.

## Fields
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-password-confirm = أعد كتابة كلمة المرور
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
field-display-name = اسمك
field-org-name = اسم المؤسسة
field-project-name = اسم المشروع
password-hint = ‏12 حرفًا على الأقل، وليست كلمة مرور شائعة.
password-mismatch = كلمتا المرور مختلفتان.

## Log-in and sign-up
login-title = تسجيل الدخول إلى Orbit
login-submit = تسجيل الدخول
login-no-account = ليس لديك حساب بعد؟
login-link = تسجيل الدخول
signup-link = أنشئ حسابًا
signup-title = أنشئ حسابك
signup-submit = إنشاء الحساب
signup-have-account = لديك حساب بالفعل؟
signup-closed = لا يقبل هذا الخادم تسجيلات جديدة. اطلب حسابًا من مديره.
signup-invite-only = يمكن التسجيل هنا لعناوين البريد المدعوة فقط.

## First open
setup-title = إعداد Orbit
setup-steps = خطوات الإعداد
setup-step-account = المدير
setup-step-org = المؤسسة
setup-step-project = المشروع
setup-account-intro = الحساب الأول في خادم جديد هو مديره. اختره بعناية.
setup-org-intro = تضم المؤسسة مشاريع والأشخاص الذين يعملون فيها.
setup-project-intro = يضم المشروع غرف الدردشة والسجلات والاستبيانات والمكالمات.
setup-next = التالي
setup-finish = إنهاء

## Account
account-title = حسابك
profile-heading = الملف الشخصي
profile-saved = تم الحفظ.
password-heading = تغيير كلمة المرور
password-submit = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور. أُنهيت جلساتك الأخرى.
sessions-heading = الجلسات
sessions-intro = تسجيل الخروج من كل الأجهزة التي سجّلت الدخول منها، بما فيها هذا الجهاز.
sessions-logout-everywhere = تسجيل الخروج من كل مكان

## Home, orgs and projects
home-title = مرحبًا، { $name }
home-no-org = لا تنتمي إلى أي مؤسسة بعد. أنشئ واحدة أو اقبل دعوة.
home-projects = مشاريع { $org }
projects-empty-admin = لا توجد مشاريع في هذه المؤسسة بعد. أنشئ أول مشروع.
projects-empty-user = لست في أي مشروع من مشاريع هذه المؤسسة بعد. اطلب من أحد المديرين إضافتك.
created-at = أُنشئ { $when }
org-create = إنشاء مؤسسة
project-create = إنشاء مشروع
my-invitations = دعواتك
invitation-offer = يدعوك { $inviter } بدور { $role } في { $place }.
whole-org = المؤسسة كلها

## Members
org-members-title = أعضاء { $org }
project-members-title = أعضاء { $project }
members-empty = لا أعضاء في هذا المشروع بعد.
add-org-admin = إضافة مدير للمؤسسة
add-member = إضافة عضو
invited = أُرسلت دعوة إلى { $email }. يصبح عضوًا عند قبولها.
member-added = أصبح { $email } عضوًا الآن.
invitations-heading = الدعوات المفتوحة
invitations-empty = لا دعوات مفتوحة.
role-of = دور { $name }
col-name = الاسم
col-email = البريد
col-role = الدور
col-where = أين
col-expires = تنتهي
col-actions = الإجراءات
col-created = أُنشئ
col-when = متى
col-kind = ماذا
col-detail = التفاصيل
col-address = العنوان
col-updated = عُدّل
role-0 = بلا دور
role-1 = أي شخص
role-2 = مسجّل الدخول
role-3 = مستخدم المشروع
role-4 = مدير المشروع
role-5 = مدير المؤسسة
role-6 = مدير النظام

## API keys
keys-title = مفاتيح API
keys-empty = ليس لديك مفاتيح API.
keys-create = مفتاح جديد لـ { $org }
keys-scope = النطاق
keys-revoked = مُلغى
keys-secret-once = انسخ هذا السر الآن: لا يُعرض إلا مرة واحدة.
keys-need-org = انضم إلى مؤسسة أو أنشئ واحدة لإنشاء مفاتيح API.

## Audit
audit-title = سجل تدقيق الخادم
audit-org-title = سجل تدقيق { $org }
audit-empty = لا توجد مدخلات.
audit-verify = تحقّق من سلسلة التجزئة
audit-intact = { $entries ->
    [one] السجل سليم (مدخل واحد).
    [two] السجل سليم (مدخلان).
   *[other] السجل سليم ({ $entries } مدخلات).
}
audit-broken = تم تغيير السجل: { $problem }
pager = الصفحات
pager-prev = السابق
pager-next = التالي
pager-page = الصفحة { $page }

## Chat
chat-page-title = دردشة { $project }
chat-rooms = الغرف
chat-no-rooms = لا غرف بعد.
chat-create-first = أنشئ أول غرفة لبدء الحديث.
chat-new-room = غرفة جديدة
chat-room-name = اسم الغرفة
chat-private = خاصة (للأعضاء فقط)
chat-create-room = إنشاء الغرفة
chat-messages = الرسائل
chat-empty-room = لا رسائل بعد. ألقِ التحية!
chat-older = تحميل الرسائل الأقدم
chat-someone = شخص ما
chat-deleted = حُذفت هذه الرسالة.
chat-edited = (معدّلة)
chat-edit-label = نص الرسالة
chat-react = تفاعل
chat-react-with = تفاعل بـ { $emoji }
chat-reaction = { $emoji }: { $count }
chat-reply = الرد في سلسلة
chat-replies-count = { $count ->
    [one] رد واحد
    [two] ردّان
    [few] { $count } ردود
   *[other] { $count } ردًا
}
chat-replies = الردود
chat-reply-label = رد…
chat-thread = السلسلة
chat-send = إرسال
chat-message-to = رسالة إلى { $room }
chat-typing = { $count ->
    [one] { $names } يكتب…
   *[other] { $names } يكتبون…
}
chat-unread = { $count ->
    [one] رسالة واحدة غير مقروءة
    [two] رسالتان غير مقروءتين
    [few] { $count } رسائل غير مقروءة
   *[other] { $count } رسالة غير مقروءة
}
chat-mentions = { $count ->
    [one] إشارة واحدة إليك
    [two] إشارتان إليك
    [few] { $count } إشارات إليك
   *[other] { $count } إشارة إليك
}

## Records
records-page-title = سجلات { $project }
records-entity-title = السجلات: { $entity }
records-entities = أنواع الكيانات
records-entity = نوع الكيان
records-entity-rule = أحرف لاتينية صغيرة وأرقام و_، تبدأ بحرف.
records-open = فتح
records-none = لا سجلات بعد. اكتب نوع كيان لإنشاء أول سجل.
records-empty = لا سجلات من نوع { $entity } بعد.
records-new = سجل جديد
records-edit = تعديل السجل { $id }
records-id = المعرّف
records-id-hint = اتركه فارغًا لمعرّف جديد.
records-data = المحتوى (كائن JSON)
records-json-invalid = هذا ليس كائن JSON. تحقّق من الأقواس وعلامات الاقتباس والفواصل.

## Administration
admin-title = الإدارة
admin-instance = هذا الخادم
admin-instance-id = معرّف الخادم
admin-version = الإصدار
admin-store = التخزين
admin-started = يعمل منذ
admin-signup = التسجيل
admin-modules = الوحدات
admin-health = الحالة
admin-relay = مُرحِّل الاتحاد
admin-relay-off = يعمل هذا الخادم دون NATS: لا يُنشر شيء.
admin-relay-connected = متصل بـ { $url }.
admin-relay-disconnected = غير متصل بـ { $url }.
admin-module = الوحدة
admin-position = الموضع
admin-head = الأحدث
admin-lag = بالانتظار
admin-keys = مفاتيح التشفير
admin-database = قاعدة البيانات
admin-key-version = إصدار المفتاح
admin-pending = بانتظار إعادة التشفير
signup-mode-0 = غير معروف
signup-mode-1 = مفتوح للجميع
signup-mode-2 = بالدعوة
signup-mode-3 = مغلق
module-state-0 = غير معروف
module-state-1 = يعمل
module-state-2 = فشل
module-state-3 = يتوقف

## Surveys
surveys-title = الاستبيانات
surveys-new = استبيان جديد
surveys-empty = لا استبيانات في هذا المشروع بعد.
survey-field-title = العنوان
survey-description = الوصف
survey-visibility = من يرى النتائج
survey-visibility-1 = الجميع، مباشرة
survey-visibility-2 = كل شخص بعد إجابته
survey-visibility-3 = الجميع بعد إغلاق الاستبيان
survey-anonymous = مجهول الهوية
survey-question-n = السؤال { $n }
survey-question-title = السؤال
survey-question-kind = نوع الإجابة
survey-kind-single = اختيار واحد
survey-kind-multiple = عدة اختيارات
survey-kind-rating = تقييم من 1 إلى 5
survey-kind-number = رقم
survey-kind-text = نص حر
survey-kind-pledge = تعهّد
survey-choices = الخيارات، خيار في كل سطر
survey-unit = الوحدة
survey-min-people = عدد الأشخاص المطلوب (0: أي عدد)
survey-optional = اختياري
survey-optional-label = { $title } (اختياري)
survey-remove-question = أزل هذا السؤال
survey-add-question = أضف سؤالًا
survey-create-open = أنشئ وافتح
survey-create-draft = احفظ كمسودة
survey-state-0 = غير معروف
survey-state-1 = مسودة
survey-state-2 = مفتوح
survey-state-3 = مغلق
survey-closes = يُغلق { $when }
survey-open = افتح الاستبيان
survey-close = أغلق الاستبيان
survey-export = صدّر الإجابات (CSV)
survey-draft-note = هذا الاستبيان مسودة: لا يمكن لأحد الإجابة حتى يُفتح.
survey-closed-note = هذا الاستبيان مغلق.
survey-answer = إجابتك
survey-submit = أرسل إجابتي
survey-update = غيّر إجابتي
survey-withdraw = اسحب إجابتي
survey-saved = حُفظت إجابتك.
survey-pledge-label = { $title } ({ $unit } تتعهد بها)
survey-results = النتائج
survey-results-hidden-0 = النتائج غير مرئية لك بعد.
survey-results-hidden-1 = النتائج غير مرئية لك بعد.
survey-results-hidden-2 = سترى النتائج بعد أن تجيب.
survey-results-hidden-3 = تظهر النتائج عند إغلاق الاستبيان.
survey-responses = { $count ->
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
   *[other] { $count } إجابة
}
survey-mean = المتوسط: { $mean }
survey-number-stats = المجموع { $sum } { $unit }، المتوسط { $mean }، من { $min } إلى { $max }.
survey-pledged = { $people ->
    [one] تعهّد شخص واحد بـ { $units } { $unit }.
    [two] تعهّد شخصان بـ { $units } { $unit }.
   *[other] تعهّد { $people } أشخاص بـ { $units } { $unit }.
}
survey-threshold-reached = تم بلوغ الحد.
survey-threshold-not-reached = لم يُبلغ الحد بعد.
survey-text-answers = { $count ->
    [one] إجابة مكتوبة واحدة (في ملف التصدير).
    [two] إجابتان مكتوبتان (في ملف التصدير).
    [few] { $count } إجابات مكتوبة (في ملف التصدير).
   *[other] { $count } إجابة مكتوبة (في ملف التصدير).
}

## Views
nav-views = العروض
views-title = العروض
views-new = عرض جديد
views-empty = لا عروض بعد. يعدّ العرض السجلات ويجمعها حسب حقل، ويبقى محدّثًا مع تغيّرها.
views-group-by = مجمّع حسب
views-rows = الصفوف
views-stalled = متوقف: { $reason }
views-catching-up = يلحق بالتحديثات
views-current = محدّث
views-field-hint = حقل من المحتوى؛ استخدم النقاط للحقول المتداخلة (address.city).
views-column-n = العمود { $n }
views-function = الدالة
views-field = الحقل
views-fn-1 = العدد
views-fn-2 = المجموع
views-fn-3 = الأدنى
views-fn-4 = الأعلى
views-fn-5 = آخر قيمة
views-add-column = أضف عمودًا
views-view-title = العرض: { $name }
views-describe = سجلات من نوع { $entity }، مجمّعة حسب { $field }.
views-rebuild = إعادة البناء
views-drop = احذف العرض
views-no-rows = لا صفوف بعد: لا سجلات مطابقة.
views-null = (لا شيء)

## Calls
calls-title = المكالمات
calls-empty = لا مكالمات جارية. ابدأ واحدة أدناه.
calls-new = مكالمة جديدة
calls-call-title = عنوان المكالمة
calls-start = ابدأ مكالمة
calls-participants-label = الأشخاص في المكالمة
calls-in-call = { $count ->
    [0] لا أحد في هذه المكالمة بعد.
    [one] شخص واحد في هذه المكالمة.
    [two] شخصان في هذه المكالمة.
   *[other] { $count } أشخاص في هذه المكالمة.
}
calls-mic = الميكروفون مفعّل
calls-camera = الكاميرا مفعّلة
calls-join = انضم إلى المكالمة
calls-end = أنهِ المكالمة للجميع
calls-closed = انتهت هذه المكالمة.
calls-disconnected = انقطع اتصالك بالمكالمة. انضم من جديد للمتابعة.
calls-no-media = تعذّر استخدام الكاميرا أو الميكروفون: تشارك بدونهما. تحقّق من أذونات المتصفح.
calls-controls = عناصر التحكم في المكالمة
calls-mute = كتم الصوت
calls-unmute = إلغاء الكتم
calls-camera-off = أطفئ الكاميرا
calls-camera-on = شغّل الكاميرا
calls-share = شارك الشاشة
calls-stop-share = أوقف المشاركة
calls-raise-hand = ارفع يدك
calls-lower-hand = أنزل يدك
calls-leave = غادر
calls-you = أنت
calls-muted = (مكتوم)
calls-alone = أنت وحدك في هذه المكالمة. يراها الآخرون في مكالمات المشروع.
calls-all = كل المكالمات
calls-peer-new = جارٍ الاتصال…
calls-peer-connecting = جارٍ الاتصال…
calls-peer-connected = متصل
calls-peer-disconnected = انقطع الاتصال، إعادة المحاولة…
calls-peer-failed = لا اتصال (قد يلزم خادم TURN)
calls-peer-closed = غادر

## Settings, accounts, password reset, e-mail verification
nav-org-settings = إعدادات المؤسسة
nav-project-settings = إعدادات المشروع
nav-accounts = الحسابات
settings-org-title = إعدادات { $org }
settings-project-title = إعدادات { $project }
settings-archive = أرشفة
settings-restore = استعادة
settings-archive-org-intro = تصبح المؤسسة المؤرشفة ومشاريعها للقراءة فقط وتختفي من القوائم. يمكنك استعادتها.
settings-archive-project-intro = يصبح المشروع المؤرشف للقراءة فقط ويختفي من القوائم. يمكنك استعادته.
settings-federation = الاتحاد
settings-federated-on = تُنشر تغييرات هذا المشروع إلى الخوادم المتحدة.
settings-federated-off = هذا المشروع غير متحد.
settings-federate-start = ابدأ الاتحاد
settings-federate-stop = أوقف الاتحاد
accounts-title = حسابات هذا الخادم
accounts-issue-reset = أصدر رمز إعادة تعيين
accounts-reset-issued = رمز لمرة واحدة لـ { $email }، صالح حتى { $expires }:
accounts-reset-how = سلّمه شخصيًا أو عبر قناة موثوقة: يستطيع من يملكه تعيين كلمة مرور جديدة في ‎/reset. لا يُعرض إلا الآن.
login-forgot = نسيت كلمة المرور؟
reset-link = عيّن كلمة جديدة برمز إعادة التعيين
reset-title = تعيين كلمة مرور جديدة
reset-intro = يعطيك أحد المديرين رمزًا لمرة واحدة. تبدأ بياناتك الخاصة المخزنة فارغة من جديد، لأنها كانت مقفلة بكلمة المرور القديمة.
reset-submit = عيّن كلمة المرور
reset-done = تم تعيين كلمة المرور.
field-reset-token = رمز إعادة التعيين
field-verify-token = الرمز من البريد
verify-heading = أكّد بريدك الإلكتروني
verify-intro = أرسلنا رمزًا لمرة واحدة إلى عنوانك. أدخله هنا.
verify-submit = تأكيد
verify-resend = أرسل رمزًا جديدًا
verify-sent = رمز جديد في الطريق.

## Chat rooms: direct messages and settings
chat-direct = رسالة مباشرة
chat-direct-with = رسالة مباشرة إلى
chat-choose-person = اختر شخصًا…
chat-direct-open = فتح
chat-room-settings = إعدادات الغرفة
chat-topic = الموضوع
chat-room-members = أعضاء هذه الغرفة
chat-leave-room = غادر الغرفة
chat-add-to-room = أضف إلى هذه الغرفة
chat-archive-room = أرشف الغرفة
chat-archived = (مؤرشفة)
chat-archived-note = هذه الغرفة مؤرشفة: يمكن قراءتها لا الكتابة فيها.

## Page titles that modules declare (ModuleService.ListModules: ModulePage.title_id)
chat-title = الدردشة
records-title = السجلات
survey-title = الاستبيانات
video-title = المكالمات

login-new-instance = خادم جديد بلا أي حساب بعد؟

survey-condition = اسأل فقط إذا
survey-condition-none = اسأل دائمًا
survey-condition-on = كانت إجابة السؤال { $n } ({ $title })…
survey-condition-choices = …أحد هذه الخيارات

## Card pages (module manifests: ModulePage.card) and routes of modules this instance lacks
rooms-title = الغرف
rooms-intro = غرف هذا المشروع التي يحق لك رؤيتها. افتح إحداها للقراءة والكتابة فيها.
rooms-empty = لا غرف بعد. أنشئ أول غرفة في الدردشة.
rooms-public = عامة
rooms-private = خاصة (للأعضاء فقط)
rooms-unread = رسائل غير مقروءة:
calls-call-title-required = أعطِ المكالمة عنوانًا.
module-missing-title = غير متاح على هذا الخادم
module-missing = لا يحتوي هذا الخادم على وحدة لهذه الصفحة. اسأل مديره، أو عد إلى الصفحة الرئيسية.

## Federation (org-admins): sharing projects with other Orbit instances
nav-org-federation = الاتحاد
federation-title = اتحاد { $org }
federation-intro = شارك مشروعًا من هذه المؤسسة مع نسخة Orbit أخرى، أو تابع مشروعًا تشاركه معك نسخة أخرى. المشروع المتابَع يتلقى تغييراته من مالكه فقط.
federation-identity = هذه النسخة
federation-identity-intro = تعرف النسخ الأخرى هذه النسخة بمعرّفها اللامركزي (DID). أعطه لنسخة تريد دعوة هذه النسخة وحدها.
federation-copy-did = نسخ المعرّف DID
federation-copied = تم النسخ.
federation-copy-yourself = لم يسمح المتصفح بالنسخ: النص محدد، انسخه بنفسك.
federation-share = مشاركة مشروع
federation-share-intro = ينشئ رمز دعوة لمسؤول المؤسسة في النسخة الأخرى.
federation-share-none = ليس لهذه المؤسسة مشروع خاص بها لمشاركته (المشاريع المتابَعة ملك لمالكها).
federation-project = المشروع
federation-modules = ما تتم مشاركته
federation-for-did = فقط للنسخة ذات هذا المعرّف DID (اختياري)
federation-for-did-hint = اتركه فارغًا: يمكن لمن يملك الرمز قبوله مرة واحدة.
federation-share-submit = إنشاء الدعوة
federation-token = رمز دعوة لـ { $project }
federation-token-note = سلّمه عبر قناة موثوقة. يصلح مرة واحدة حتى { $expires }، ولا يُعرض إلا الآن.
federation-copy-token = نسخ الرمز
federation-accept = قبول دعوة
federation-accept-intro = الصق رمزًا من نسخة أخرى: يُتابَع مشروعها في هذه المؤسسة.
federation-accept-token = رمز الدعوة
federation-accept-submit = قبول الدعوة
federation-accepted = تتابع هذه المؤسسة الآن { $project } من { $did }.
federation-open-project = فتح { $project }
federation-off = الاتحاد متوقف في هذه النسخة. يشغّله مسؤول النسخة بضبط `nats` (خادم NATS مع JetStream؛ أو ‎--nats أو ORBIT_NATS) و`federation_domain` (نطاق JetStream الخاص به؛ أو ORBIT_FEDERATION_DOMAIN)، ثم إعادة تشغيل Orbit.
federation-accept-expired = انتهت صلاحية هذه الدعوة في { $when }. اطلب دعوة جديدة من النسخة الأخرى.
federation-accept-used = استُخدمت هذه الدعوة من قبل. اطلب دعوة جديدة من النسخة الأخرى.
federation-accept-not-for-us = هذه الدعوة موجهة إلى نسخة أخرى ({ $did })، لا إلى هذه. أعطِ الطرف الآخر معرّف DID لهذه النسخة واطلب دعوة جديدة.
federation-accept-malformed = هذا ليس رمز دعوة صالحًا ({ $detail }). انسخ الرمز كاملًا مرة أخرى.
federation-refused = رفض الخادم هذا: { $detail }
federation-links = الروابط
federation-links-empty = لا روابط بعد. شارك مشروعًا أو اقبل دعوة.
federation-col-project = المشروع
federation-col-role = الدور
federation-col-peer = النسخة الأخرى
federation-col-state = الحالة
federation-col-contact = آخر اتصال
federation-col-lag = أحداث منتظرة
federation-col-events = الأحداث
federation-events-in = { $count } مستلمة
federation-events-out = { $count } أخذتها النسخة الأخرى
federation-col-link = الرابط
federation-col-reason = السبب
federation-col-subject = الموضوع
federation-role-owner = يشارك
federation-role-member = يتابع
federation-peer-unknown = لم تُقبل بعد
federation-state-active = نشط
federation-state-suspended = معلّق
federation-state-suspended-peer = علّقته النسخة الأخرى
federation-state-removed = محذوف
federation-state-waiting = بانتظار القبول
federation-unreachable = لا يمكن الوصول إليها
federation-error = خطأ
federation-never = أبدًا
federation-suspend = تعليق
federation-resume = استئناف
federation-remove-confirm = هل تحذف رابط { $project } من الجانبين؟
federation-remove-yes = نعم، احذف
federation-dead = الأحداث المرفوضة
federation-dead-intro = أحداث أرسلتها نسخة أخرى ولم تُطبَّق، الأحدث أولًا.
federation-dead-empty = لا أحداث مرفوضة.
federation-dead-from = يُدّعى أنها من { $did }
federation-shared-from = مشارَك من { $did }
federation-followed-read-only = التغييرات تأتي من تلك النسخة؛ وتغييراتك تُجرى هناك أيضًا.

## User modules (org-admins): record types defined by an uploaded .proto schema
nav-org-modules = الوحدات الخاصة
umod-title = الوحدات الخاصة بـ { $org }
umod-intro = تضيف الوحدة الخاصة أنواع سجلات إلى مشاريع هذه المؤسسة. تعرّفها في مخطط ‎.proto؛ وبعد حفظه تصبح لكل نوع صفحاته وواجهته البرمجية فورًا، دون بناء جديد لـ Orbit.
umod-empty = لا توجد وحدات خاصة بعد.
umod-create = وحدة خاصة جديدة
umod-create-button = إنشاء الوحدة
umod-name-hint = حرف لاتيني صغير، ثم حروف صغيرة وأرقام و _ (32 على الأكثر).
umod-description = الوصف
umod-col-package = الحزمة
umod-col-version = الإصدار
umod-col-state = الحالة
umod-col-type = نوع السجل
umod-col-pages = الصفحات
umod-enabled = مفعّلة
umod-disabled = معطّلة
umod-enable = تفعيل
umod-disable = تعطيل
umod-disabled-note = هذه الوحدة معطّلة: صفحاتها وواجهتها البرمجية متوقفة، وسجلاتها محفوظة.
umod-no-schema = لا مخطط بعد
umod-back = كل الوحدات الخاصة
umod-package = يعلن مخططها الحزمة { $name }.
umod-version = الإصدار { $n }
umod-schema = المخطط
umod-file = الملف
umod-editor-label = مصدر المخطط (‎.proto)
umod-checking = جارٍ التحقق…
umod-check-ok = المخطط يُترجَم بلا أخطاء.
umod-problems = المشكلات
umod-breaking = سيكسر الإصدار الحالي
umod-changes = التغييرات
umod-save = حفظ المخطط
umod-saved = تم الحفظ: الإصدار { $n } يعمل الآن.
umod-save-failed-compile = المخطط لا يُترجَم:
umod-save-failed-breaking = المخطط سيكسر الإصدار الحالي:
umod-history = الإصدارات
umod-history-empty = لم يُرفع أي مخطط بعد.
umod-version-line = الإصدار { $n }، { $when }
umod-no-changes = لا تغييرات مذكورة.
umod-pages = الصفحات
umod-pages-intro = لكل نوع سجل قائمة ونموذج وصفحة تفاصيل، مرسومة من قوالب Adaptive Cards. صمّم قوالبك هنا، أو عُد إلى القالب المولَّد.
umod-edit-list = تصميم القائمة
umod-edit-form = تصميم النموذج
umod-edit-detail = تصميم صفحة التفاصيل
umod-page-list = القائمة
umod-page-form = النموذج
umod-page-detail = صفحة التفاصيل
umod-page-custom = خاصة بك
umod-page-save = حفظ الصفحة
umod-page-saved = تم حفظ الصفحة.
umod-page-reset = العودة إلى الصفحة المولَّدة
umod-page-reset-done = عادت الصفحة المولَّدة.
umod-delete = حذف الوحدة
umod-delete-intro = حذف { $name } يمحو كل سجلاتها في كل مشاريع هذه المؤسسة. اكتب اسمها للتأكيد.
umod-delete-confirm = اسم الوحدة

# Generated pages of user-module record types (card templates).
ucard-new = سجل جديد
ucard-empty = لا توجد سجلات بعد.
ucard-back = العودة إلى القائمة
