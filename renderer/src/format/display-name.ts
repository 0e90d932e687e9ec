/**
 * Turns a machine id into a readable name when no display name is known:
 * `beirut-downtown` → "Beirut Downtown", `mar_mikhael` → "Mar Mikhael".
 * Only ids made of lower-case words are changed. Ids that already read as names
 * (spaces, capitals, non-Latin script) and codes with digits (`store-042`,
 * `e2e-lx4-1`) are returned as they are, so a name is never mangled and a code
 * stays searchable as typed.
 */
export function humanizeId(id: string): string {
  const trimmed = id.trim();
  if (!/^[a-z]+(?:[-_.][a-z]+)*$/.test(trimmed)) return trimmed;
  return trimmed
    .split(/[-_.]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A tenant's name for headers and lists: the name the host gave, or the id made readable when the host only knows the id. */
export function tenantDisplayName(tenant: { id: string; name: string }): string {
  const name = tenant.name.trim();
  return name !== '' && name !== tenant.id ? name : humanizeId(tenant.id);
}
