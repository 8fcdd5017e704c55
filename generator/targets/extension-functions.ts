/** SQL functions of SQLite extensions that several drivers compile in and the WASM analysis build lacks. */
import type { AddedFunction } from "./capabilities.js";

export const geopolyFunctions: readonly AddedFunction[] = [
  { name: "geopoly_area", arities: [1] },
  { name: "geopoly_bbox", arities: [1] },
  { name: "geopoly_blob", arities: [1] },
  { name: "geopoly_ccw", arities: [1] },
  { name: "geopoly_contains_point", arities: [3] },
  { name: "geopoly_debug", arities: [1] },
  { name: "geopoly_group_bbox", arities: [1] },
  { name: "geopoly_json", arities: [1] },
  { name: "geopoly_overlap", arities: [2] },
  { name: "geopoly_regular", arities: [4] },
  { name: "geopoly_svg", arities: [-1] },
  { name: "geopoly_within", arities: [2] },
  { name: "geopoly_xform", arities: [7] },
];

export const fts3Functions: readonly AddedFunction[] = [
  { name: "matchinfo", arities: [1, 2] },
  { name: "offsets", arities: [1] },
  { name: "optimize", arities: [1] },
  { name: "fts3_tokenizer", arities: [1, 2] },
];
