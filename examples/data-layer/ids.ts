/**
 * Where bytes become ids: the generated code brands workspace and request ids (sqlgen.json "types"),
 * so one cannot be passed where the other belongs; ids read from a URL, made by randomBytes() or
 * kept as keyset cursors are branded here, once, at the edge.
 */
import type { HttpId, WorkspaceId } from "../../generated/models.js";

export const asWorkspaceId = (bytes: Uint8Array): WorkspaceId => bytes as WorkspaceId;
export const asHttpId = (bytes: Uint8Array): HttpId => bytes as HttpId;
