/** Checks shared by the report tests: what a self-contained, offline HTML report must not hold. */
import { expect } from 'vitest';

/** Every URL in the document except the SVG namespace declarations ECharts writes. */
export function externalUrls(doc: string): string[] {
  const withoutXmlns = doc.replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
  return withoutXmlns.match(/https?:\/\/[^\s"'<>)]*/g) ?? [];
}

/** Asserts no external URL, no script, no link element, no src attribute. */
export function expectSelfContained(doc: string): void {
  expect(externalUrls(doc)).toEqual([]);
  expect(doc).not.toMatch(/<script/i);
  expect(doc).not.toMatch(/<link/i);
  expect(doc).not.toMatch(/<[a-z][^>]*\ssrc=/i);
  // `url(#id)` is an in-document reference (ECharts clip paths); anything else would fetch.
  expect(doc).not.toMatch(/@import|url\((?!#)/i);
}

/** How many inline SVG charts the document holds. */
export function svgCount(doc: string): number {
  return doc.match(/<svg[\s>]/g)?.length ?? 0;
}
