import type { ActionMessages } from './action-messages-en';

/** Strings of operator actions, in Arabic (see action-messages-en.ts). */
export const actionMessagesAr: ActionMessages = {
  bump: {
    placed: 'ابدأ التحضير',
    accepted: 'ابدأ التحضير',
    preparing: 'جاهز',
    ready: 'تم التقديم',
  },
  bumpHint: (orderId, next) => `انقل ${orderId} إلى ${next}`,
  recall: 'استرجاع',
  recallHint: (orderId) => `تراجع عن آخر نقل أو إزالة للطلب ${orderId}`,
  clear: 'إزالة…',
  acknowledge: 'تأكيد الاطّلاع',
  resolve: 'تمّت المعالجة',
  sending: 'جارٍ الإرسال…',
  retry: 'أعد المحاولة',
  notLive: 'غير متصل مباشرةً — الإجراءات متوقفة حتى يعود الاتصال',
  failures: {
    offline: 'لم يُرسَل: الاتصال غير مباشر.',
    action_unconfirmed: 'لا ردّ من الخادم. إعادة المحاولة آمنة: لن يُنفَّذ الإجراء مرتين.',
    not_found: 'تمّ ذلك من مكان آخر: لم يعد على اللوحة.',
    forbidden: 'لا يملك هذا الحساب صلاحية التصرّف في هذه المجموعة.',
  },
  failed: (message) => `تعذّر التنفيذ: ${message}`,
  lastAction: {
    bumped: (by) => `نقله ${by}`,
    recalled: (by) => `استرجعه ${by}`,
  },
  clearTitle: (orderId) => `إزالة ${orderId} من اللوحة`,
  clearReasons: {
    servedLost: 'قُدِّم — فُقدت حالته',
    duplicate: 'تذكرة مكرّرة',
    test: 'طلب تجريبي',
    other: 'سبب آخر…',
  },
  clearOther: 'السبب',
  clearNeedsReason: 'اختر سبباً أو اكتبه.',
  clearConfirm: 'إزالة التذكرة',
  cancel: 'إلغاء',
  recent: {
    title: (n) => `أُغلقت مؤخراً (${n})`,
    served: (by) => `قدّمه ${by}`,
    cleared: (by, reason) => `أزاله ${by} — ${reason}`,
  },
  feed: {
    acknowledged: (by, message) => `${by} اطّلع على التنبيه: ${message}`,
    resolved: (by, message) => `${by} عالج التنبيه: ${message}`,
    bumped: (by, orderId) => `${by} نقل الطلب ${orderId}`,
    bumpedTo: (by, orderId, status) => `${by} نقل الطلب ${orderId} إلى «${status}»`,
    recalled: (by, orderId) => `${by} استرجع الطلب ${orderId}`,
    recalledTo: (by, orderId, status) => `${by} أعاد الطلب ${orderId} إلى «${status}»`,
    cleared: (by, orderId, reason) => `${by} أزال الطلب ${orderId} — ${reason}`,
    via: (producer) => `(عبر ${producer})`,
  },
};
