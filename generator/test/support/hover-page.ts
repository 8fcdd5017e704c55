/**
 * A hover as an editor shows it, as one HTML page: the source lines around the hovered name, the
 * name underlined, and the server's hover markdown rendered in a popup below it. For the README's
 * picture: what the page shows is the language server's real response, styled like an editor.
 */
import { marked } from "marked";

export interface HoverView {
  /** Shown at the top, like an editor tab. */
  readonly file: string;
  readonly text: string;
  /** Zero-based line and character range of the hovered name. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
  /** How many lines to show above and below the hovered one (the popup covers those below, as in an editor). */
  readonly above: number;
  readonly below: number;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function hoverPage(v: HoverView): string {
  const lines = v.text.split("\n");
  const first = Math.max(0, v.line - v.above);
  const shown = lines.slice(first, v.line + 1 + v.below).map((text, i) => {
    const n = first + i;
    const body = n === v.line ? `${escape(text.slice(0, v.start))}<span class="hovered">${escape(text.slice(v.start, v.end))}</span>${escape(text.slice(v.end))}` : escape(text);
    return `<div class="line"><span class="no">${n + 1}</span><span class="${text.trimStart().startsWith("--") ? "comment" : ""}">${body}</span></div>`;
  });
  return `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #1e1e1e; color: #d4d4d4; font: 14px/20px "DejaVu Sans Mono", monospace; }
.tab { background: #252526; color: #ccc; padding: 6px 14px; font: 13px "DejaVu Sans", sans-serif; border-bottom: 1px solid #333; }
.code { position: relative; padding: 10px 0; white-space: pre; }
.line .no { display: inline-block; width: 44px; padding-right: 16px; text-align: right; color: #6e7681; }
.comment { color: #6a9955; }
.hovered { background: #264f78; border-bottom: 1px solid #9cdcfe; }
.popup { position: absolute; top: ${10 + (v.line - first + 1) * 20 + 2}px; left: ${60 + v.start * 8.43}px; max-width: 560px; background: #252526; border: 1px solid #454545; border-radius: 3px;
  box-shadow: 0 2px 8px rgba(0,0,0,.5); padding: 4px 10px; font: 13px/19px "DejaVu Sans", sans-serif; white-space: normal; }
.popup p { margin: 6px 0; } .popup pre { margin: 6px 0; padding: 6px 8px; background: #1e1e1e; font: 13px/18px "DejaVu Sans Mono", monospace; color: #9cdcfe; }
.popup code { font-family: "DejaVu Sans Mono", monospace; color: #ce9178; } .popup pre code { color: #9cdcfe; }
.note { position: fixed; bottom: 6px; right: 12px; color: #6e7681; font: 11px "DejaVu Sans", sans-serif; }
</style><div class="tab">${escape(v.file)}</div><div class="code">${shown.join("")}<div class="popup">${marked.parse(v.markdown, { async: false })}</div></div>
<div class="note">rendered from the hover response of <code>gen lsp</code> (sqlgen's language server)</div>`;
}
