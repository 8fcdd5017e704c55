/** Calls to the server's JSON API, as its clients make them: one call, and a writer doing a seeded mix of writes. */
import type { WireRequest } from "./wire.js";

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

/** A JSON call; `body` is sent as application/json unless `headers` say otherwise. */
export async function call<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Names a change as a client sees it (`op:id:version`), so a writer's send time can be matched to its delivery. */
export const changeKey = (op: string, id: string, version: number | null): string => `${op}:${id}:${version ?? ""}`;

/**
 * A writer doing a bounded, seeded mix of creates, updates (with version checks) and deletes; each
 * must succeed. `sent(key, at)` hears when each write was sent (ms since the epoch), once its key is known.
 */
export async function runWriter(base: string, workspace: string, seed: number, ops: number, sent: (key: string, at: number) => void = () => {}): Promise<void> {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const mine: WireRequest[] = [];
  const path = `/workspaces/${workspace}/http`;
  const expect = async (status: number, reply: Promise<Reply<unknown>>, key: (body: unknown) => string) => {
    const at = performance.timeOrigin + performance.now();
    const res = await reply;
    if (res.status !== status) throw new Error(`writer ${seed}: ${res.status} ${JSON.stringify(res.body)}, expected ${status}`);
    sent(key(res.body), at);
    return res.body;
  };
  for (let i = 0; i < ops; i++) {
    const r = random();
    if (mine.length === 0 || r < 0.45) {
      const created = await expect(201, call<WireRequest>(base, "POST", path, { name: `w${seed}-${i}`, url: `https://x/${i}` }), (b) => changeKey("insert", (b as WireRequest).id, (b as WireRequest).version));
      mine.push(created as WireRequest);
    } else if (r < 0.8) {
      const target = mine[Math.floor(random() * mine.length)];
      await expect(200, call(base, "PATCH", `${path}/${target.id}`, { name: `${target.name}*`, url: target.url, method: "POST", version: target.version }), () => changeKey("update", target.id, target.version + 1));
      Object.assign(target, { name: `${target.name}*`, method: "POST", version: target.version + 1 });
    } else {
      const [target] = mine.splice(Math.floor(random() * mine.length), 1);
      await expect(204, call(base, "DELETE", `${path}/${target.id}`), () => changeKey("delete", target.id, null));
    }
  }
}
