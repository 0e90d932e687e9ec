import type {
  DirectoryLocationInput,
  KitchenThresholds,
  TenantDirectoryInput,
} from '../../../protocol/tenant-directory';

/**
 * The two documented demo tenants: a Beirut restaurant group with Arabic names and
 * LBP prices, and a Dubai group with English names and AED prices. The hub's
 * `--demo` seeds the tenant directory with them (`demoDirectoryInput`), the
 * initial admin's grant and the renderer's fixture host use this one list too.
 * Prices are today's (2026): LBP has no minor digits, AED has two (fils).
 */
export interface DemoMenuItem {
  sku: string;
  name: string;
  /** Minor units of the tenant's currency. */
  price: number;
}

/** A dining area and how many tables it has; their ids run on from the previous area's (T1…Tn). */
export interface DemoArea {
  name: string;
  tables: number;
}

export interface DemoLocation {
  id: string;
  /** The name in the tenant's first locale. */
  name: string;
  /** The name in the other UI locale (English for Beirut, Arabic for Dubai). */
  otherName: { locale: string; name: string };
  /** Tables over all areas; the simulation seats parties at T1…T{tables}. */
  tables: number;
  areas: DemoArea[];
  /** Mean orders per minute at this location. */
  ordersPerMinute: number;
  thresholds: KitchenThresholds;
}

export interface DemoTenant {
  id: string;
  displayName: string;
  /** The group's name in its other UI language (the console shows it in that language). */
  otherName: { locale: string; name: string };
  /** IANA time zone of the tenant's locations. */
  timeZone: string;
  /** ISO-4217; prices and totals are in its minor units. */
  currency: string;
  /** UI languages of the group, most preferred first. */
  locales: string[];
  locations: DemoLocation[];
  menu: DemoMenuItem[];
  stock: Array<{ sku: string; name: string; unit: string; threshold: number; start: number }>;
  paymentMethods: string[];
  alerts: string[];
}

/** Kitchen thresholds of a sit-down restaurant and of a delivery-only kitchen, minutes. */
const DINING: KitchenThresholds = { lateAfterMin: 20, overdueAfterMin: 30, staleAfterMin: 60 };
const CLOUD_KITCHEN: KitchenThresholds = {
  lateAfterMin: 15,
  overdueAfterMin: 25,
  staleAfterMin: 45,
};

function location(
  spec: Omit<DemoLocation, 'tables' | 'thresholds'> & { thresholds?: KitchenThresholds },
): DemoLocation {
  return {
    ...spec,
    tables: spec.areas.reduce((sum, area) => sum + area.tables, 0),
    thresholds: spec.thresholds ?? DINING,
  };
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    id: 'cedar-group',
    displayName: 'مجموعة الأرز',
    otherName: { locale: 'en', name: 'Cedar Group' },
    timeZone: 'Asia/Beirut',
    currency: 'LBP',
    locales: ['ar', 'en'],
    locations: [
      location({
        id: 'beirut-downtown',
        name: 'بيروت - وسط البلد',
        otherName: { locale: 'en', name: 'Beirut Downtown' },
        areas: [
          { name: 'الصالة', tables: 16 },
          { name: 'التراس', tables: 8 },
        ],
        ordersPerMinute: 1.5,
      }),
      location({
        id: 'jounieh',
        name: 'جونية - الكورنيش',
        otherName: { locale: 'en', name: 'Jounieh Corniche' },
        areas: [
          { name: 'الصالة', tables: 10 },
          { name: 'على البحر', tables: 6 },
        ],
        ordersPerMinute: 1,
      }),
      location({
        id: 'byblos',
        name: 'جبيل - السوق القديم',
        otherName: { locale: 'en', name: 'Byblos Old Souk' },
        areas: [{ name: 'الصالة', tables: 12 }],
        ordersPerMinute: 0.6,
      }),
    ],
    menu: [
      { sku: 'hummus', name: 'حمص', price: 350_000 },
      { sku: 'tabbouleh', name: 'تبولة', price: 450_000 },
      { sku: 'fattoush', name: 'فتوش', price: 400_000 },
      { sku: 'shish-taouk', name: 'شيش طاووق', price: 1_100_000 },
      { sku: 'mixed-grill', name: 'مشاوي مشكلة', price: 1_800_000 },
      { sku: 'kibbeh', name: 'كبة مقلية', price: 650_000 },
      { sku: 'manakish', name: 'منقوشة زعتر', price: 180_000 },
      { sku: 'manakish-cheese', name: 'منقوشة جبنة', price: 280_000 },
      { sku: 'knefeh', name: 'كنافة', price: 450_000 },
      { sku: 'ayran', name: 'عيران', price: 150_000 },
    ],
    stock: [
      { sku: 'chicken-breast', name: 'صدر دجاج', unit: 'kg', threshold: 10, start: 40 },
      { sku: 'chickpeas', name: 'حمص حب', unit: 'kg', threshold: 8, start: 30 },
      { sku: 'parsley', name: 'بقدونس', unit: 'bunch', threshold: 20, start: 80 },
    ],
    paymentMethods: ['card', 'cash', 'wallet'],
    alerts: [
      'جهاز الدفع في البار غير متصل',
      'تأخر في المطبخ: أكثر من ٢٠ دقيقة',
      'انقطاع الكهرباء - المولد يعمل',
    ],
  },
  {
    id: 'harbor-eats',
    displayName: 'Harbor Eats',
    otherName: { locale: 'ar', name: 'مطاعم المرفأ' },
    timeZone: 'Asia/Dubai',
    currency: 'AED',
    locales: ['en', 'ar'],
    locations: [
      location({
        id: 'dubai-marina',
        name: 'Dubai Marina',
        otherName: { locale: 'ar', name: 'دبي مارينا' },
        areas: [
          { name: 'Indoor', tables: 18 },
          { name: 'Marina terrace', tables: 12 },
        ],
        ordersPerMinute: 2,
      }),
      location({
        id: 'jbr-walk',
        name: 'JBR Walk',
        otherName: { locale: 'ar', name: 'ممشى جي بي آر' },
        areas: [
          { name: 'Indoor', tables: 12 },
          { name: 'Beach terrace', tables: 8 },
        ],
        ordersPerMinute: 1.2,
      }),
      location({
        id: 'downtown-dubai',
        name: 'Downtown Dubai',
        otherName: { locale: 'ar', name: 'وسط مدينة دبي' },
        areas: [{ name: 'Indoor', tables: 18 }],
        ordersPerMinute: 1,
      }),
      location({
        id: 'al-quoz-kitchen',
        name: 'Al Quoz Cloud Kitchen',
        otherName: { locale: 'ar', name: 'مطبخ القوز السحابي' },
        areas: [],
        ordersPerMinute: 2.5,
        thresholds: CLOUD_KITCHEN,
      }),
    ],
    menu: [
      { sku: 'fish-tacos', name: 'Fish tacos', price: 5800 },
      { sku: 'poke-bowl', name: 'Salmon poke bowl', price: 6900 },
      { sku: 'burger', name: 'Harbor burger', price: 7200 },
      { sku: 'fries', name: 'Truffle fries', price: 3200 },
      { sku: 'lemonade', name: 'Mint lemonade', price: 2400 },
      { sku: 'flat-white', name: 'Flat white', price: 2200 },
    ],
    stock: [
      { sku: 'salmon', name: 'Salmon fillet', unit: 'kg', threshold: 6, start: 25 },
      { sku: 'buns', name: 'Brioche buns', unit: 'pcs', threshold: 40, start: 160 },
      { sku: 'avocado', name: 'Avocado', unit: 'pcs', threshold: 30, start: 120 },
    ],
    paymentMethods: ['card', 'apple_pay', 'cash'],
    alerts: [
      'Card terminal offline at the bar',
      'Delivery partner API timing out',
      'Walk-in freezer above -15°C',
    ],
  },
];

/** Ids of the demo tenants, in order. */
export const DEMO_TENANT_IDS: readonly string[] = DEMO_TENANTS.map((tenant) => tenant.id);

/** The directory entry the hub seeds for a demo tenant: names in both languages, tables per area, thresholds. */
export function demoDirectoryInput(tenant: DemoTenant): TenantDirectoryInput {
  return {
    displayName: tenant.displayName,
    localizedNames: [tenant.otherName],
    timeZone: tenant.timeZone,
    currency: tenant.currency,
    locales: tenant.locales,
    locations: tenant.locations.map(directoryLocationOf),
  };
}

function directoryLocationOf(demo: DemoLocation): DirectoryLocationInput {
  let next = 1;
  const areas = demo.areas.map((area) => {
    const tables = Array.from({ length: area.tables }, (_, i) => `T${next + i}`);
    next += area.tables;
    return { name: area.name, tables };
  });
  return {
    id: demo.id,
    displayName: demo.name,
    localizedNames: [demo.otherName],
    areas,
    thresholds: demo.thresholds,
  };
}
