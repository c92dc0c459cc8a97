/**
 * The slug of a key name: lower-cased, runs of characters outside
 * [a-z0-9] turned into one "-", trimmed of "-", cut to 63 characters, trimmed of "-" again.
 * An empty result means the name is not acceptable.
 */
export function slugify(name: string): string {
  const collapsed = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return collapsed.slice(0, 63).replace(/^-+|-+$/g, '');
}

/**
 * What a person types to confirm an action that cannot be undone or hands out key material
 * (export, allowing export, scheduling deletion): `region/slug`. For a key not created yet, the
 * slug is the one its name will get (slugify). One rule for every such confirmation.
 */
export function confirmationPhrase(region: string, slug: string): string {
  return `${region}/${slug}`;
}
