/**
 * Table names to singular model names exactly as sqlc does it (`users` → `user`), so that a project
 * moving from sqlc keeps its type names: a port of github.com/jinzhu/inflection's Singular (rules
 * from Rails' ActiveSupport, tried in the same order: uncountables, irregulars, then the regular
 * rules last-first, each in upper case, as written, and case-insensitively) with sqlc's own fixes
 * before it (sqlc/internal/inflection/singular.go).
 */

const singularRules: readonly (readonly [string, string])[] = [
  ["s$", ""],
  ["(ss)$", "$1"],
  ["(n)ews$", "$1ews"],
  ["([ti])a$", "$1um"],
  ["((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$", "$1sis"],
  ["(^analy)(sis|ses)$", "$1sis"],
  ["([^f])ves$", "$1fe"],
  ["(hive)s$", "$1"],
  ["(tive)s$", "$1"],
  ["([lr])ves$", "$1f"],
  ["([^aeiouy]|qu)ies$", "$1y"],
  ["(s)eries$", "$1eries"],
  ["(m)ovies$", "$1ovie"],
  ["(c)ookies$", "$1ookie"],
  ["(x|ch|ss|sh)es$", "$1"],
  ["^(m|l)ice$", "$1ouse"],
  ["(bus|campus)(es)?$", "$1"],
  ["(o)es$", "$1"],
  ["(shoe)s$", "$1"],
  ["(cris|test)(is|es)$", "$1is"],
  ["^(a)x[ie]s$", "$1xis"],
  ["(octop|vir)(us|i)$", "$1us"],
  ["(alias|status)(es)?$", "$1"],
  ["^(ox)en", "$1"],
  ["(vert|ind)ices$", "$1ex"],
  ["(matr)ices$", "$1ix"],
  ["(quiz)zes$", "$1"],
  ["(database)s$", "$1"],
  ["(drive)s$", "$1"],
];

const irregulars: readonly (readonly [string, string])[] = [
  ["person", "people"],
  ["man", "men"],
  ["child", "children"],
  ["sex", "sexes"],
  ["move", "moves"],
  ["ombie", "ombies"],
  ["goose", "geese"],
  ["foot", "feet"],
  ["moose", "moose"],
  ["tooth", "teeth"],
  ["leaf", "leaves"],
  ["chassis", "chassis"],
];

const uncountables = ["equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police", "milk", "salt", "time", "water", "paper", "food", "art", "cash", "music", "help", "luck", "oil", "progress", "rain", "research", "shopping", "software", "traffic"];

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The library's compiled list, in its order; Go's ReplaceAllString is a global replace. */
const compiled: readonly (readonly [RegExp, string])[] = [
  ...uncountables.map((u) => [new RegExp(`^(${u})$`, "gi"), "$1"] as const),
  ...irregulars.flatMap(([singular, plural]) => [
    [new RegExp(`${plural.toUpperCase()}$`, "g"), singular.toUpperCase()] as const,
    [new RegExp(`${title(plural)}$`, "g"), title(singular)] as const,
    [new RegExp(`${plural}$`, "g"), singular] as const,
  ]),
  ...[...singularRules].reverse().flatMap(([find, replace]) => [
    [new RegExp(find.toUpperCase(), "g"), replace.toUpperCase()] as const,
    [new RegExp(find, "g"), replace] as const,
    [new RegExp(find, "gi"), replace] as const,
  ]),
];

/** jinzhu/inflection's Singular. */
function inflectionSingular(word: string): string {
  for (const [pattern, replace] of compiled) {
    pattern.lastIndex = 0;
    if (pattern.test(word)) return word.replace(pattern, replace);
  }
  return word;
}

/** sqlc's Singular: names listed in `exclusions` (any case) stay as they are; then sqlc's fixes. */
export function singular(name: string, exclusions: readonly string[] = []): string {
  const lower = name.toLowerCase();
  if (exclusions.some((e) => e.toLowerCase() === lower)) return name;
  if (lower === "campus" || lower === "meta") return name;
  if (lower === "calories") return "calorie";
  if (lower === "waves") return "wave";
  if (lower === "metadata") return "metadata";
  return inflectionSingular(name);
}
