import { humanizeId } from './display-name';

/**
 * A payment method's label: the dictionary's word for a known method
 * (`apple_pay` → "Apple Pay"), else the id made readable, never the raw id.
 */
export function paymentMethodLabel(
  method: string,
  labels: Readonly<Record<string, string>>,
): string {
  return labels[method] ?? humanizeId(method);
}
