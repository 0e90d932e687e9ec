import type { playlistMessagesEn } from './playlist-messages-en';

/** Strings of the playlist editor and the wall's playlist messages, in Arabic (a restaurant group is «مجموعة»). */
export const playlistMessagesAr: typeof playlistMessagesEn = {
  title: 'قوائم عرض الشاشات الجدارية',
  intro:
    'تعرض قائمة العرض اللوحات واحدة تلو الأخرى على شاشة جدارية، ويمكن أن تجمع بين عدة مجموعات مطاعم.',
  none: 'لا توجد قوائم عرض بعد.',
  create: 'قائمة عرض جديدة',
  defaultName: (n) => `قائمة العرض ${n}`,
  name: 'الاسم',
  interval: 'الثواني لكل لوحة',
  intervalHint: (min, max) => `من ${min} إلى ${max} ثانية.`,
  steps: 'اللوحات بالترتيب',
  noSteps: 'أضف لوحة واحدة على الأقل.',
  addStep: 'إضافة',
  group: 'مجموعة المطاعم',
  board: 'اللوحة',
  moveUp: (label) => `نقل ${label} إلى الأعلى`,
  moveDown: (label) => `نقل ${label} إلى الأسفل`,
  removeStep: (label) => `إزالة ${label}`,
  stepLabel: (group, board) => `${group} · ${board}`,
  save: 'حفظ',
  saved: 'تم الحفظ.',
  delete: 'حذف',
  edit: 'تعديل',
  cancel: 'إلغاء',
  openHere: 'فتح على هذه الشاشة',
  openWindow: 'فتح في نافذة جديدة',
  openFailed: (message) => `تعذّر فتح النافذة: ${message}`,
  managed: 'يحدّدها قسم تقنية المعلومات لديك',
  summary: (steps, seconds) =>
    `${steps === 1 ? 'لوحة واحدة' : `${steps} لوحات`}، ${seconds} ث لكل لوحة`,
  nameTaken: (name) => `توجد قائمة عرض باسم «${name}» بالفعل.`,
  invalid: (reason) => `لا يمكن حفظ قائمة العرض هذه: ${reason}`,
  refused: (reason) => `رُفضت قائمة عرض هذه الشاشة، لذا لن تتبدّل اللوحات: ${reason}`,
  notFound: (name) =>
    `لا توجد على هذا الجهاز قائمة عرض باسم «${name}». أنشئها من الإعدادات، أو تحقّق من الاسم في الرابط.`,
};
