export { renderTrendHtml } from './trend-html.ts';
export { renderTrendMarkdown } from './trend-markdown.ts';
