/**
 * /metrics in Prometheus's text exposition format, parsed line by line and checked against the
 * JSON /metrics of the same server after some traffic: every family has # HELP and # TYPE before
 * its samples, names are sqlgen_… with their unit, counters end in _total, the histogram is
 * cumulative and its +Inf bucket is its count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, drivers, runWriter, startServer, type TestServer } from "./fixtures.js";
import type { MetricsView } from "./metrics-view.js";
import { StreamClient } from "./sse-client.js";

interface Family {
  help?: string;
  type?: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

/** A strict reader of the text format: throws on any line it does not understand. */
function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const family = (name: string) => families.get(name) ?? families.set(name, { samples: [] }).get(name)!;
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.slice(0, -1).split("\n")) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta !== null) {
      const f = family(meta[2]);
      expect(f.samples, `${meta[1]} of ${meta[2]} before its samples`).toEqual([]);
      if (meta[1] === "HELP") f.help = meta[3];
      else f.type = meta[3];
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (sample === null) throw new Error(`not an exposition line: ${JSON.stringify(line)}`);
    const [, name, labelText, value] = sample;
    const labels = Object.fromEntries([...(labelText ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const base = families.has(name) ? name : name.replace(/_(bucket|sum|count)$/, "");
    expect(families.get(base)?.type, `# TYPE of ${name}`).toBeDefined();
    family(base).samples.push({ name, labels, value: Number(value) });
  }
  return families;
}

describe.each(drivers)("Prometheus /metrics on %s", (driver) => {
  let t: TestServer;
  beforeAll(async () => (t = await startServer(driver)));
  afterAll(() => t.app.close());

  it("answers the text format to ?format=prometheus and Accept: text/plain, with the JSON's figures", async () => {
    const workspace = (await call<{ id: string }>(t.base, "POST", "/workspaces", { name: "prom" })).body.id;
    const client = new StreamClient(`${t.base}/workspaces/${workspace}/stream`);
    await client.connect();
    await runWriter(t.base, workspace, 7, 40);
    await client.caughtUp(40);
    // Once the feed's last read is done nothing else is measured: the readings below see the same counts.
    const operations = async () => (await call<MetricsView>(t.base, "GET", "/metrics")).body.counters.operationCount;
    for (let before = -1, now = await operations(); now !== before; before = now, now = await operations()) await new Promise((r) => setTimeout(r, 50));

    const json = (await call<MetricsView>(t.base, "GET", "/metrics")).body;
    expect(json.counters.operationCount).toBeGreaterThan(40);
    const byQuery = await fetch(`${t.base}/metrics?format=prometheus`);
    const byAccept = await fetch(`${t.base}/metrics`, { headers: { accept: "text/plain;version=0.0.4;q=0.5,*/*;q=0.1" } });
    expect(byQuery.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(byAccept.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await byQuery.text();
    const families = parseExposition(text);
    // Scraped twice: only the memory gauge may differ.
    const withoutMemory = (s: string) => s.replace(/^sqlgen_resident_memory_bytes .*$/m, "");
    expect(withoutMemory(await byAccept.text())).toBe(withoutMemory(text));

    for (const [name, f] of families) {
      expect(name).toMatch(/^sqlgen_[a-z_]+$/);
      expect(f.help, name).toMatch(/\S/);
      expect(["counter", "gauge", "histogram"]).toContain(f.type);
      if (f.type === "counter") expect(name).toMatch(/_total$/);
      if (f.type === "histogram") expect(name).toMatch(/_seconds$/);
      expect(f.samples.length, name).toBeGreaterThan(0);
      for (const s of f.samples) expect(Number.isFinite(s.value), s.name).toBe(true);
    }
    const value = (name: string) => families.get(name)!.samples[0].value;
    expect(value("sqlgen_operations_total")).toBe(json.counters.operationCount);
    expect(value("sqlgen_operation_errors_total")).toBe(json.counters.errorCount);
    expect(value("sqlgen_records_total")).toBe(json.counters.recordCount);
    expect(value("sqlgen_streams_open")).toBe(1);
    expect(value("sqlgen_streams_open")).toBe(json.streams.clients);
    expect(value("sqlgen_streams_live")).toBe(json.streams.live);
    expect(value("sqlgen_feeds")).toBe(json.streams.workspaces);
    expect(value("sqlgen_streams_dropped_total")).toBe(json.streams.dropped);
    expect(value("sqlgen_resident_memory_bytes")).toBeGreaterThan(1 << 20);

    const histogram = families.get("sqlgen_operation_duration_seconds")!.samples;
    const buckets = histogram.filter((s) => s.name.endsWith("_bucket"));
    expect(buckets.map((b) => b.labels.le)).toEqual([...json.durationBucketsMs.map((ms) => String(ms / 1000)), "+Inf"]);
    let cumulative = 0;
    buckets.forEach((b, i) => {
      cumulative += json.counters.durationCounts[i];
      expect(b.value, `bucket le=${b.labels.le}`).toBe(cumulative);
    });
    const count = histogram.find((s) => s.name.endsWith("_count"))!.value;
    expect(count).toBe(json.counters.operationCount);
    expect(buckets[buckets.length - 1].value).toBe(count);
    expect(histogram.find((s) => s.name.endsWith("_sum"))!.value).toBeCloseTo(json.counters.totalDurationMs / 1000, 6);
    client.close();
  });

  it("answers JSON by default and to ?format=json, whatever Accept says", async () => {
    for (const [path, accept] of [["/metrics", "*/*"], ["/metrics", "application/json"], ["/metrics?format=json", "text/plain"]]) {
      const res = await fetch(t.base + path, { headers: { accept } });
      expect(res.headers.get("content-type"), `${path} ${accept}`).toBe("application/json");
      expect((await res.json()) as MetricsView).toHaveProperty("counters.durationCounts");
    }
  });
});
