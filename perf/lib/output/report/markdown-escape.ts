// Text into a GitHub-flavoured Markdown table cell: GitHub renders inline HTML
// (escaping "<" and "&" is enough to stop it) and treats "|" as a column break;
// newlines would end the row, so they become spaces.

export function escapeMarkdownCell(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([`*_[\]])/g, '\\$1');
}

export function renderMarkdownTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
