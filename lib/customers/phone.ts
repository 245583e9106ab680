import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * phones are stored as E.164 digits without "+" (5511999999999). Input may be any common
 * Brazilian form; numbers without a country code are read as Brazilian.
 * Returns null when the input is not a valid phone number.
 */
export function normalizePhone(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  // A leading trunk "0" ("(011) 9…", "021 9…") is how many people still write long-distance numbers.
  const digits = raw.replace(/\D/g, "").replace(/^0(?=\d{10,11}$)/, "");
  if (digits.length < 10 || digits.length > 15) return null;
  const withPlus = raw.startsWith("+") ? `+${digits}` : digits.length <= 11 ? `+55${digits}` : `+${digits}`;
  const parsed = parsePhoneNumberFromString(withPlus);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number.slice(1);
}

export function isMobilePhone(e164: string): boolean {
  const type = parsePhoneNumberFromString(`+${e164}`)?.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}

/** "5511999999999" → "(11) 99999-9999"; foreign numbers in international form. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return "";
  const parsed = parsePhoneNumberFromString(`+${e164}`);
  if (!parsed) return e164;
  return parsed.country === "BR" ? parsed.formatNational() : parsed.formatInternational();
}
