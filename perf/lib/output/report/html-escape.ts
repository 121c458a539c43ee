// Everything a worker, a log or a user writes can contain markup; it reaches
// the HTML report only through these two functions.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * JSON for a <script type="application/json"> element: "<", ">" and "&" become
 * \u escapes (so "</script>" or "<!--" in a string cannot end the element), and
 * U+2028/2029 are escaped for older parsers. JSON.parse gives back the same value.
 */
export function embedJsonInScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
