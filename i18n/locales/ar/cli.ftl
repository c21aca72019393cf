# Orbit CLI — العربية.

error-prefix = خطأ
prompt-email = البريد الإلكتروني
prompt-password = كلمة المرور
login-needs-email = حدّد ‎--email‎ (تُقرأ كلمة المرور من الإدخال القياسي)
profile-added = الملف الشخصي { $name } ← { $server }
profile-using = يُستخدم الملف الشخصي { $name }
profile-removed = حُذف الملف الشخصي { $name }
profile-unknown = لا يوجد ملف شخصي باسم { $name }
keys-rotated-background = تم تدوير المفاتيح؛ يعيد ‎`orbit serve`‎ قيد التشغيل تشفير السجلات الأقدم في الخلفية (أو عند تشغيله التالي)؛ تابِعه بالأمر ‎`orbit keys status`‎
keys-rotated = تم تدوير المفاتيح؛ تجري إعادة تشفير { $pending } من السجلات وأحداث التغيير
keys-progress = أُعيد تشفير { $done } من { $pending }
keys-done = تم: كل سجل مختوم بإصدار المفتاح الحالي
audit-intact = { $entries ->
    [one] سجل التدقيق سليم: تم التحقق من إدخال واحد
   *[other] سجل التدقيق سليم: تم التحقق من { $entries } إدخالات
}
views-none = لا توجد عروض معرّفة
admin-created = أُنشئ حساب مسؤول النظام { $id } ({ $email })
demo-ready = البيانات التجريبية جاهزة: افتح { $server }/ في المتصفح وسجّل الدخول باسم { $email } بكلمة المرور { $password } (محفوظة في { $file })
