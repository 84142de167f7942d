/**
 * Splits delimited text into rows of fields (RFC 4180: `"` quotes a field, `""` is a quote inside it, quoted fields
 * may hold delimiters and line breaks). A single linear pass: no RegExp, so no backtracking on hostile input.
 * Blank lines are skipped; `\r\n` and `\n` both end a row.
 */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endRow = (): void => {
    if (fieldStarted || row.length > 0) {
      row.push(field);
      rows.push(row);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n') {
      endRow();
    } else if (c === '\r' && text[i + 1] === '\n') {
      // the \n ends the row
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  endRow();
  return rows;
}
