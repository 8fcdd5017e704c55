/** The clash check's list of runtime names must follow generator/runtime/db.ts. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { runtimeExports } from "../../analyze/identifier-clashes.js";

it("lists exactly what the runtime exports", () => {
  const source = readFileSync(new URL("../../runtime/db.ts", import.meta.url), "utf8");
  const exported = [...source.matchAll(/^export (?:function|const|interface|type|class) (\w+)/gm)].map((m) => m[1]);
  expect([...runtimeExports].sort()).toEqual(exported.sort());
});
