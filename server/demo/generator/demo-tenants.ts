import type { BoardOptions } from '../../../protocol/board/board-state';

/**
 * The two documented demo tenants: a Beirut restaurant group with Arabic names and
 * LBP prices, and a Dubai group with English names and AED prices. The hub's
 * `--demo`, the initial admin's grant and the renderer's fixture host all use
 * this one list.
 */
export interface DemoMenuItem {
  sku: string;
  name: string;
  price: number;
}

export interface DemoLocation {
  id: string;
  name: string;
  tables: number;
  /** Mean orders per minute at this location. */
  ordersPerMinute: number;
}

/** What a fresh board of a demo tenant starts with, and the name the console shows. */
export interface DemoTenantProfile extends BoardOptions {
  displayName: string;
  timeZone: string;
  currency: string;
}

export interface DemoTenant {
  id: string;
  displayName: string;
  /** IANA time zone of the tenant's locations. */
  timeZone: string;
  /** ISO-4217; prices and totals are in its minor units. */
  currency: string;
  locations: DemoLocation[];
  menu: DemoMenuItem[];
  stock: Array<{ sku: string; name: string; unit: string; threshold: number; start: number }>;
  paymentMethods: string[];
  alerts: string[];
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    id: 'cedar-group',
    displayName: 'مجموعة الأرز',
    timeZone: 'Asia/Beirut',
    currency: 'LBP',
    locations: [
      { id: 'beirut-downtown', name: 'بيروت - وسط البلد', tables: 24, ordersPerMinute: 9 },
      { id: 'jounieh', name: 'جونية', tables: 16, ordersPerMinute: 5 },
      { id: 'byblos', name: 'جبيل', tables: 12, ordersPerMinute: 3 },
    ],
    menu: [
      { sku: 'hummus', name: 'حمص', price: 45000 },
      { sku: 'tabbouleh', name: 'تبولة', price: 55000 },
      { sku: 'fattoush', name: 'فتوش', price: 50000 },
      { sku: 'shish-taouk', name: 'شيش طاووق', price: 180000 },
      { sku: 'kibbeh', name: 'كبة مقلية', price: 90000 },
      { sku: 'manakish', name: 'منقوشة زعتر', price: 40000 },
      { sku: 'knefeh', name: 'كنافة', price: 85000 },
      { sku: 'ayran', name: 'عيران', price: 30000 },
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
    timeZone: 'Asia/Dubai',
    currency: 'AED',
    locations: [
      { id: 'dubai-marina', name: 'Dubai Marina', tables: 30, ordersPerMinute: 12 },
      { id: 'jbr-walk', name: 'JBR Walk', tables: 20, ordersPerMinute: 7 },
      { id: 'downtown-dubai', name: 'Downtown Dubai', tables: 18, ordersPerMinute: 6 },
      { id: 'al-quoz-kitchen', name: 'Al Quoz Cloud Kitchen', tables: 0, ordersPerMinute: 10 },
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

/**
 * The demo tenants' profiles by tenant id, in a null-prototype record (ids are
 * never keys of plain objects), for the hub to start their boards with.
 */
export function demoTenantProfiles(
  tenants: readonly DemoTenant[] = DEMO_TENANTS,
): Readonly<Record<string, DemoTenantProfile>> {
  const profiles = Object.create(null) as Record<string, DemoTenantProfile>;
  for (const tenant of tenants)
    profiles[tenant.id] = {
      displayName: tenant.displayName,
      timeZone: tenant.timeZone,
      currency: tenant.currency,
    };
  return profiles;
}
