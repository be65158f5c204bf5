/**
 * The top-level <testsuite> elements of a JUnit document, as text, with any nested suites (KTAP
 * results) kept inside their parent. A lazy regex would stop at the first nested </testsuite>.
 * Attribute values and text never hold a raw `<` or `>` (junit-xml.ts escapes them).
 */
export function topLevelSuites(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of xml.matchAll(/<testsuite\b[^>]*?(\/?)>|<\/testsuite>/g)) {
    if (m[0] === '</testsuite>') {
      depth--;
      if (depth === 0) out.push(xml.slice(start, m.index + m[0].length));
    } else if (m[1] === '/') {
      if (depth === 0) out.push(m[0]);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}
