/**
 * Model names are singular as sqlc makes them: jinzhu/inflection's own test table (in its three
 * casings), and sqlc's end-to-end "inflection" cases (sqlc/internal/endtoend/testdata/inflection*).
 */
import { describe, expect, it } from "vitest";
import { singular } from "../analyze/singular.js";

/** jinzhu/inflection's inflections_test.go, singular → plural (less "criterion", which its test adds as an extra rule). */
const inflections: Record<string, string> = {
  star: "stars", bus: "buses", fish: "fish", mouse: "mice", query: "queries", ability: "abilities", agency: "agencies", movie: "movies",
  archive: "archives", index: "indices", wife: "wives", safe: "saves", half: "halves", move: "moves", salesperson: "salespeople",
  person: "people", spokesman: "spokesmen", man: "men", woman: "women", basis: "bases", diagnosis: "diagnoses", diagnosis_a: "diagnosis_as",
  datum: "data", medium: "media", stadium: "stadia", analysis: "analyses", node_child: "node_children", child: "children",
  experience: "experiences", day: "days", comment: "comments", foobar: "foobars", newsletter: "newsletters", old_news: "old_news",
  news: "news", series: "series", species: "species", quiz: "quizzes", perspective: "perspectives", ox: "oxen", photo: "photos",
  buffalo: "buffaloes", tomato: "tomatoes", dwarf: "dwarves", elf: "elves", information: "information", equipment: "equipment",
  foot: "feet", goose: "geese", moose: "moose", tooth: "teeth", milk: "milk", salt: "salt", time: "time", water: "water", paper: "paper",
  music: "music", help: "help", luck: "luck", oil: "oil", progress: "progress", rain: "rain", research: "research", shopping: "shopping",
  software: "software", traffic: "traffic", zombie: "zombies", campus: "campuses", harddrive: "harddrives", drive: "drives", leaf: "leaves",
};

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe("jinzhu/inflection's table", () => {
  it.each(Object.entries(inflections))("%s ← %s", (one, many) => {
    expect(singular(many)).toBe(one);
    expect(singular(many.toUpperCase())).toBe(one.toUpperCase());
    expect(singular(title(many))).toBe(title(one));
  });
});

describe("sqlc's inflection cases", () => {
  it("keeps campus and meta, fixes calories and waves, and otherwise follows the library (product_meta → product_metum)", () => {
    expect(["campus", "students", "product_meta", "calories", "product_metadata", "meta", "waves", "metadata"].map((t) => singular(t))).toEqual([
      "campus", "student", "product_metum", "calorie", "product_metadatum", "meta", "wave", "metadata",
    ]);
  });

  it("leaves the names listed in inflection_exclude_table_names, in any case", () => {
    expect(["bars", "my_data", "EXCLUSIONS"].map((t) => singular(t, ["my_data", "exclusions"]))).toEqual(["bar", "my_data", "EXCLUSIONS"]);
  });

  it("singularises the last word of a snake_case name", () => {
    expect(["users", "http_headers", "categories", "statuses", "user_addresses"].map((t) => singular(t))).toEqual(["user", "http_header", "category", "status", "user_address"]);
  });
});
