/**
 * The lines of a streamed text file, one at a time: the file is never held in memory whole. Strips a UTF-8
 * BOM and the "\r" of Windows line ends; invalid UTF-8 throws (TextDecoder fatal).
 */
export async function* textLines(stream: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  let first = true;
  for await (const chunk of stream) {
    rest += decoder.decode(chunk, { stream: true });
    if (first && rest.length) {
      if (rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
      first = false;
    }
    let at: number;
    while ((at = rest.indexOf("\n")) >= 0) {
      yield rest.slice(0, at).replace(/\r$/, "");
      rest = rest.slice(at + 1);
    }
  }
  rest += decoder.decode();
  if (rest.length) yield rest.replace(/\r$/, "");
}

/**
 * One CSV record of one line (Asterisk's cdr_csv quotes every field and never breaks a line inside one):
 * fields split on commas outside quotes, "" inside quotes is a quote. Null when a quote is left open.
 */
export function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
