import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";

type Catalog = { [key: string]: string | Catalog };

/** Every leaf of a catalog as "a.b.c" → message. Throws on anything that is not a string or an object. */
function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else throw new Error(`${path}: not a string or an object`);
  }
  return out;
}

const PLURAL_LIKE = new Set(["plural", "select", "selectordinal"]);

/**
 * The argument names of an ICU message ("{name}", "{count, plural, ...}", nested ones included).
 * Throws on unbalanced braces or a malformed argument, so a broken message fails the test too.
 */
function icuArguments(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i])) i++;
  };
  const word = (stop: RegExp) => {
    const start = i;
    while (i < message.length && !stop.test(message[i])) i++;
    return message.slice(start, i);
  };
  // Text up to the end (depth 0) or up to the "}" closing a plural/select branch (depth > 0).
  const text = (depth: number) => {
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        if (message[i + 1] === "'") i += 2;
        else if (message[i + 1] !== undefined && "{}#".includes(message[i + 1])) {
          const close = message.indexOf("'", i + 1);
          if (close < 0) fail("unterminated quote");
          i = close + 1;
        } else i++;
      } else if (c === "{") {
        i++;
        argument(depth);
      } else if (c === "}") {
        if (depth === 0) fail("unexpected }");
        return;
      } else i++;
    }
    if (depth > 0) fail("unclosed branch");
  };
  const argument = (depth: number) => {
    skipSpace();
    const name = word(/[\s,}]/);
    if (!/^[A-Za-z_]\w*$|^\d+$/.test(name)) fail(`bad argument name ${JSON.stringify(name)}`);
    names.add(name);
    skipSpace();
    if (message[i] === "}") return void i++;
    if (message[i] !== ",") fail("expected , or }");
    i++;
    skipSpace();
    const type = word(/[\s,}]/);
    skipSpace();
    if (message[i] === "}") return void i++;
    if (message[i] !== ",") fail("expected , or }");
    i++;
    if (!PLURAL_LIKE.has(type)) {
      word(/}/);
      if (message[i] !== "}") fail("unclosed argument");
      return void i++;
    }
    let branches = 0;
    for (;;) {
      skipSpace();
      if (message[i] === "}") break;
      const selector = word(/[\s{}]/);
      if (!selector) fail("expected a selector");
      if (selector.startsWith("offset:")) continue;
      skipSpace();
      if (message[i] !== "{") fail(`expected { after ${selector}`);
      i++;
      text(depth + 1);
      if (message[i] !== "}") fail("unclosed branch");
      i++;
      branches++;
    }
    if (!branches || (type !== "select" && !/\bother\s*\{/.test(message))) fail(`${type} without an "other" branch`);
    i++;
  };
  text(0);
  return names;
}

const pt = flatten(ptBR as Catalog);
const enFlat = flatten(en as Catalog);

describe("message catalogs", () => {
  it("en.json has exactly the key paths of pt-BR.json", () => {
    const missingInEn = [...pt.keys()].filter((k) => !enFlat.has(k));
    const extraInEn = [...enFlat.keys()].filter((k) => !pt.has(k));
    expect({ missingInEn, extraInEn }).toEqual({ missingInEn: [], extraInEn: [] });
  });

  it("has no empty messages", () => {
    const empty = [
      ...[...pt].filter(([, v]) => !v.trim()).map(([k]) => `pt-BR ${k}`),
      ...[...enFlat].filter(([, v]) => !v.trim()).map(([k]) => `en ${k}`),
    ];
    expect(empty).toEqual([]);
  });

  it("every message is well-formed ICU", () => {
    const broken: string[] = [];
    for (const [locale, catalog] of [["pt-BR", pt], ["en", enFlat]] as const) {
      for (const [key, message] of catalog) {
        try {
          icuArguments(message);
        } catch (error) {
          broken.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("en uses every placeholder of the pt-BR message, and no other", () => {
    const mismatched: string[] = [];
    for (const [key, message] of pt) {
      const other = enFlat.get(key);
      if (other === undefined) continue;
      const want = [...icuArguments(message)].sort();
      const got = [...icuArguments(other)].sort();
      if (want.join() !== got.join()) mismatched.push(`${key}: pt-BR {${want.join(", ")}} en {${got.join(", ")}}`);
    }
    expect(mismatched).toEqual([]);
  });
});

describe("icuArguments (the checker itself)", () => {
  it("finds simple, typed, plural and nested arguments but not branch text", () => {
    expect([...icuArguments("Página {page} de {pages}")]).toEqual(["page", "pages"]);
    expect([...icuArguments("{count, plural, =0 {nenhum} one {# item de {owner}} other {# itens}}")]).toEqual(["count", "owner"]);
    expect([...icuArguments("{when, date, short} às {n, number}")]).toEqual(["when", "n"]);
    expect([...icuArguments("'{literal}' e {real}")]).toEqual(["real"]);
  });

  it("rejects broken messages", () => {
    expect(() => icuArguments("Olá {name")).toThrow();
    expect(() => icuArguments("Olá name}")).toThrow();
    expect(() => icuArguments("{count, plural, one {# item}}")).toThrow();
  });
});
