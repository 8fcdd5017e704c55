/**
 * Every diagnostic sqlgen can report, under a stable code. Tests assert codes, never wording,
 * so messages may improve freely while codes stay fixed. Add new codes at the end of a group.
 */
export const catalogue = {
  // Input and configuration
  SG001: { name: "no-input", severity: "error" },
  SG002: { name: "unreadable-file", severity: "error" },
  SG003: { name: "invalid-utf8", severity: "error" },
  SG004: { name: "control-character", severity: "error" },
  SG005: { name: "unclosed-comment", severity: "error" },
  SG006: { name: "unterminated-quote", severity: "error" },
  SG007: { name: "unclosed-parenthesis", severity: "error" },
  SG008: { name: "unterminated-statement", severity: "error" },
  SG009: { name: "unicode-space", severity: "warning" },
  SG010: { name: "unsafe-file-name", severity: "error" },
  SG011: { name: "no-schema", severity: "warning" },
  SG012: { name: "bad-config-file", severity: "error" },
  SG013: { name: "unknown-config-key", severity: "error" },
  SG014: { name: "bad-config-value", severity: "error" },
  SG015: { name: "foreign-file-in-output", severity: "error" },
  SG016: { name: "unknown-type-target", severity: "error" },
  SG017: { name: "type-option-misfit", severity: "error" },
  SG018: { name: "override-not-applied", severity: "warning" },
  // Schema
  SG101: { name: "schema-error", severity: "error" },
  SG102: { name: "broken-view", severity: "error" },
  SG103: { name: "bad-foreign-key", severity: "error" },
  SG104: { name: "unknown-declared-type", severity: "warning" },
  // Query files and annotations
  SG201: { name: "unannotated-statement", severity: "warning" },
  SG202: { name: "malformed-annotation", severity: "error" },
  SG203: { name: "unknown-command", severity: "error" },
  SG204: { name: "unsupported-command", severity: "error" },
  SG205: { name: "duplicate-query-name", severity: "error" },
  SG206: { name: "empty-query", severity: "error" },
  SG207: { name: "identifier-clash", severity: "error" },
  SG208: { name: "reserved-identifier", severity: "error" },
  // SQLite's verdict on a query
  SG301: { name: "sqlite-error", severity: "error" },
  SG302: { name: "unknown-table", severity: "error" },
  SG303: { name: "unknown-column", severity: "error" },
  SG304: { name: "command-needs-rows", severity: "error" },
  SG305: { name: "parser-unsupported", severity: "error" },
  SG306: { name: "missing-on-target", severity: "error" },
  // Macros and parameters
  SG401: { name: "bad-macro", severity: "error" },
  SG402: { name: "untyped-parameter", severity: "warning" },
  SG403: { name: "conflicting-parameter-names", severity: "error" },
  SG404: { name: "misplaced-slice", severity: "error" },
  SG405: { name: "bad-parameter-number", severity: "error" },
  SG406: { name: "list-and-value", severity: "error" },
  SG407: { name: "too-many-variables", severity: "error" },
  SG408: { name: "driver-lacks-bigint", severity: "error" },
  // Result columns
  SG501: { name: "untyped-column", severity: "warning" },
  SG502: { name: "conflicting-column-names", severity: "error" },
  SG503: { name: "bad-embed", severity: "error" },
  SG504: { name: "unnamed-column", severity: "warning" },
  // Query plan assertions (`-- plan: …`)
  SG601: { name: "plan-assertion-failed", severity: "error" },
  SG602: { name: "bad-plan-assertion", severity: "error" },
  // sqlgen itself
  SG900: { name: "internal-error", severity: "error" },
} as const satisfies Record<string, { name: string; severity: "error" | "warning" }>;

export type DiagnosticCode = keyof typeof catalogue;
