/**
 * A time zone as people read it on a wall display, in their language:
 * "Eastern European Time (GMT+3)", "توقيت الخليج (غرينتش+4)". Falls back to
 * the IANA id when Intl does not know the zone or the name styles.
 * @param at the instant whose offset is shown (daylight saving), epoch ms
 */
export function timeZoneLabel(timeZone: string, locale: string, at: number): string {
  try {
    const part = (style: 'longGeneric' | 'shortOffset') =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
        .formatToParts(at)
        .find((entry) => entry.type === 'timeZoneName')?.value;
    const name = part('longGeneric');
    const offset = part('shortOffset');
    if (!name) return timeZone;
    return offset && offset !== name ? `${name} (${offset})` : name;
  } catch (error) {
    console.warn('[ops-console] Unknown time zone; showing its id', timeZone, error);
    return timeZone;
  }
}
