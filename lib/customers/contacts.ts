import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, customers } from "@/db/schema/customers";
import { UserError } from "@/lib/errors";
import type { ContactInput } from "./schema";

/** Saves a contact of a customer the user may access; the reachability rule is also a DB check. */
export async function saveContact(db: Db, input: ContactInput, scope: { companyIds: string[] }) {
  if (!scope.companyIds.length) throw new UserError("not_found");
  const [owner] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, input.customerId), inArray(customers.companyId, scope.companyIds)));
  if (!owner) throw new UserError("not_found");
  const values = {
    customerId: input.customerId,
    name: input.name,
    contactType: input.contactType,
    position: input.position,
    phone: input.phone,
    fax: input.fax,
    mobile: input.mobile,
    email: input.email,
    whatsapp: input.whatsapp,
    mobileInvalid: input.mobileInvalid,
  };
  if (input.id) {
    const updated = await db
      .update(contacts)
      .set(values)
      .where(and(eq(contacts.id, input.id), eq(contacts.customerId, input.customerId)))
      .returning({ id: contacts.id });
    if (!updated.length) throw new UserError("not_found");
    return { id: input.id };
  }
  const [row] = await db.insert(contacts).values(values).returning({ id: contacts.id });
  return { id: row.id };
}
