/** The query families of the spec, as both sides answer them (before.ts: the spec's SQL; after.ts: generated code). */
export interface SideQueries {
  /** A workspace's base requests page by page: each call returns the next page (shorter than `pageSize` at the end). */
  snapshotPager(workspaceId: Uint8Array, pageSize: number): () => unknown[];
  /** Base requests of a workspace changed after the second `since`, oldest first, at most `batch`. */
  poll(workspaceId: Uint8Array, since: number, batch: number): unknown[];
  /** Deltas of the given bases changed after the second `since`. */
  deltas(parentIds: Uint8Array[], since: number): unknown[];
  /** A request with its deltas applied as of the second `asOf`. */
  resolve(id: Uint8Array, asOf: number): unknown;
  /** Foreign-key validation of a workspace's requests changed after the second `since`. */
  validate(workspaceId: Uint8Array, since: number): unknown[];
  /** Deletes a request with everything derived from it; returns the requests deleted. */
  cascadeDelete(id: Uint8Array, workspaceId: Uint8Array): number;
  /** Every request of a workspace at once (the spec's "current issue" of section 1.1). */
  wholeWorkspace(workspaceId: Uint8Array): unknown[];
}
