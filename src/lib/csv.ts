/**
 * Parses RFC 4180 CSV text (quoted fields may hold commas, doubled quotes and newlines, as ESCO's
 * multi-valued fields do) into records keyed by the header row.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const names = header.map((h) => h.replace(/^\uFEFF/, ''));
  return body
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(names.map((name, i) => [name, r[i] ?? ''])));
}

/**
 * Rows read from a file with a header, as records of the columns a reader needs: every row has each
 * of them (a short row's missing cells are ''), and a file without one of them is refused, naming
 * the file and the columns, so a package of another version or layout fails clearly.
 */
export function withColumns<C extends string>(
  rows: readonly Record<string, string>[],
  columns: readonly C[],
  file: string,
): Record<C, string>[] {
  const first = rows[0];
  const missing = first ? columns.filter((c) => !(c in first)) : [];
  if (missing.length > 0) {
    throw new Error(`${file} has no column ${missing.map((c) => `"${c}"`).join(', ')}.`);
  }
  // Both readers give every row every header name, so each row has the columns checked above.
  return rows as Record<C, string>[];
}
