/** A name as a double-quoted SQL identifier, so that any table or column name can be put in a probe. */
export function quoteName(name: string): string {
  return `"${name.split('"').join('""')}"`;
}
