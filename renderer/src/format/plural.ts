const rules = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale` ("one", "few", "other"…), with cached Intl.PluralRules. */
export function pluralOf(count: number, locale: string): Intl.LDMLPluralRule {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(count);
}
