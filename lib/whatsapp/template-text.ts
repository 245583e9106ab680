/**
 * Template bodies carry numbered variables ({{1}}, {{2}}, …) the Cloud API fills in order from the
 * body component's parameters. Values come either as a list (values[0] fills {{1}}) or keyed by number.
 */
export type TemplateValues = readonly (string | null | undefined)[] | Readonly<Record<string, string | null | undefined>>;

const VARIABLE = /\{\{\s*(\d+)\s*\}\}/g;

/** The variable numbers of a body, ascending and without repeats: "Olá {{1}}, {{2}} e {{1}}" → [1, 2]. */
export function templateVariables(body: string): number[] {
  const found = new Set<number>();
  for (const match of body.matchAll(VARIABLE)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b);
}

function valueOf(values: TemplateValues, n: number): string | undefined {
  const raw = Array.isArray(values) ? (values as readonly (string | null | undefined)[])[n - 1] : (values as Record<string, string | null | undefined>)[String(n)];
  return raw === null || raw === undefined ? undefined : String(raw);
}

function isFilled(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** Replaces each {{n}} that has a non-blank value; unfilled variables stay as {{n}}. */
export function fillTemplate(body: string, values: TemplateValues): string {
  return body.replace(VARIABLE, (whole, n: string) => {
    const value = valueOf(values, Number(n));
    return isFilled(value) ? value.trim() : whole;
  });
}

/**
 * The Cloud API rejects parameters with new lines, tabs or more than four consecutive spaces
 * (error 132012); a blank one is not filled.
 */
export function isValidTemplateParam(value: string): boolean {
  return value.trim() !== "" && !/[\n\r\t]/.test(value) && !/ {5,}/.test(value);
}

export type TemplateCheck =
  | { ok: true; params: string[]; text: string }
  | { ok: false; missing: number[]; invalid: number[] };

/**
 * Every variable of the body filled with a valid value → the parameters in order ({{1}}…{{max}}) and the
 * rendered text; otherwise the variable numbers that are missing or invalid.
 */
export function checkTemplateValues(body: string, values: TemplateValues): TemplateCheck {
  const variables = templateVariables(body);
  const max = variables.length ? variables[variables.length - 1] : 0;
  const missing: number[] = [];
  const invalid: number[] = [];
  const params: string[] = [];
  // The Cloud API numbers parameters by position, so a gap ({{1}} and {{3}}) still needs {{2}}.
  for (let n = 1; n <= max; n++) {
    const value = valueOf(values, n);
    if (!isFilled(value)) missing.push(n);
    else if (!isValidTemplateParam(value)) invalid.push(n);
    else params.push(value.trim());
  }
  if (missing.length || invalid.length) return { ok: false, missing, invalid };
  return { ok: true, params, text: fillTemplate(body, params) };
}

/** True when every variable of the body has a non-blank, valid value. */
export function allTemplateValuesFilled(body: string, values: TemplateValues): boolean {
  return checkTemplateValues(body, values).ok;
}
