import { and, eq, exists, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assets, contacts, customers } from "@/db/schema/customers";

/**
 * The one search rule of the customer list and the worklist: a customer whose name contains the text,
 * whose CPF/CNPJ starts with its digits (3+), one of whose contacts' phones contains them (4+), or one of
 * whose vehicles' plates contains it (3+ letters and digits, dashes and spaces ignored: "abc-1d23").
 * A condition on `customers`, for a query that has that table in its FROM.
 */
export function customerMatches(db: Db, q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const digits = text.replace(/\D/g, "");
  const plate = text.replace(/[^0-9a-z]/gi, "").toUpperCase();
  const byName = ilike(customers.name, `%${text.replace(/[%_\\]/g, "\\$&")}%`);
  const byDocument = digits.length >= 3 ? ilike(customers.document, `${digits}%`) : undefined;
  const byPhone =
    digits.length >= 4
      ? exists(
          db
            .select({ one: sql`1` })
            .from(contacts)
            .where(and(eq(contacts.customerId, customers.id), or(ilike(contacts.mobile, `%${digits}%`), ilike(contacts.phone, `%${digits}%`)))),
        )
      : undefined;
  const byPlate =
    plate.length >= 3 && /[A-Z]/.test(plate)
      ? exists(
          db
            .select({ one: sql`1` })
            .from(assets)
            .where(and(eq(assets.customerId, customers.id), sql`upper(regexp_replace(${assets.plate}, '[^0-9A-Za-z]', '', 'g')) like ${`%${plate}%`}`)),
        )
      : undefined;
  return or(byName, byDocument, byPhone, byPlate);
}
