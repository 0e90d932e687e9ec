/**
 * Turns a machine id into a readable name when no display name is known:
 * `beirut-downtown` → "Beirut Downtown", `mar_mikhael` → "Mar Mikhael".
 * Ids that already read as names (with spaces or capitals, or non-Latin script)
 * are returned unchanged, so a display name is never mangled.
 */
export function humanizeId(id: string): string {
  const trimmed = id.trim();
  if (trimmed === '' || /\s/.test(trimmed) || /[A-Z]/.test(trimmed) || !/^[a-z0-9][a-z0-9_.-]*$/.test(trimmed)) return trimmed;
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
