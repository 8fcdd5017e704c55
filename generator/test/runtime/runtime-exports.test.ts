/** Each driver's db.ts exports public runtime names only (the clash check's list), and needs no import. */
import { expect, it } from "vitest";
import { runtimeSource } from "../../emit/runtime-source.js";
import { driverNames, drivers, runtimeExports } from "../../targets/drivers.js";

it.each(driverNames)("%s: db.ts exports only public names, and imports nothing", (name) => {
  const source = runtimeSource(drivers[name].runtime);
  const exported = [...source.matchAll(/^export (?:abstract )?(?:function|const|let|class|interface|type) (\w+)/gm)].map((m) => m[1]!);
  expect(exported.length).toBeGreaterThan(5);
  expect(exported.filter((e) => !runtimeExports.includes(e))).toEqual([]);
  expect(source).not.toMatch(/^import /m);
});
