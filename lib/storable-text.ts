/**
 * Characters Postgres cannot hold in text or jsonb: NUL (text refuses it, "invalid byte sequence for
 * encoding UTF8: 0x00") and UTF-16 surrogates without their pair (they have no UTF-8 form). Surrogate
 * pairs (emoji) are kept.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without what Postgres would refuse, so one bad character never fails a whole write. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, "");
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Every string inside plain objects and arrays made storable (see storableText); anything else (a File,
 * a Date) is passed through untouched. Returns the same value when there was nothing to strip.
 */
export function storableValues<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (!value || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      const next = storableValues(item);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? items : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const next = storableValues(item);
    if (next !== item) changed = true;
    return [key, next] as const;
  });
  return (changed ? Object.fromEntries(entries) : value) as T;
}
