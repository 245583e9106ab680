import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assets, contacts, customers, serviceOrders } from "@/db/schema/customers";
import { isUniqueViolation } from "@/lib/actions/db-errors";
import { UserError } from "@/lib/errors";
import { customerMatches } from "./customer-match";
import type { CustomerInput } from "./schema";

export const CUSTOMERS_PAGE_SIZE = 25;

// Drizzle leaves columns unqualified in single-table selects, so correlated subqueries name the outer row.
const OUTER_CUSTOMER_ID = sql.raw(`"customers"."id"`);

/** One company's customers, searched by name, CPF/CNPJ, any contact phone or a plate (customerMatches). */
export async function searchCustomers(db: Db, companyId: string, opts: { q?: string; page: number }) {
  const conditions = [eq(customers.companyId, companyId)];
  const match = opts.q ? customerMatches(db, opts.q) : undefined;
  if (match) conditions.push(match);
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        document: customers.document,
        whatsappOptOut: customers.whatsappOptOut,
        mobile: sql<string | null>`(select c.mobile from contacts c where c.customer_id = ${OUTER_CUSTOMER_ID} and c.mobile is not null order by c.created_at limit 1)`,
        contactCount: sql<number>`(select count(*)::int from contacts c where c.customer_id = ${OUTER_CUSTOMER_ID})`,
      })
      .from(customers)
      .where(where)
      .orderBy(asc(customers.name), asc(customers.id))
      .limit(CUSTOMERS_PAGE_SIZE)
      .offset((opts.page - 1) * CUSTOMERS_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(customers).where(where),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / CUSTOMERS_PAGE_SIZE)) };
}

export async function getCustomerDetail(db: Db, companyIds: string[], id: string) {
  const [customer] = await db
    .select({
      id: customers.id,
      companyId: customers.companyId,
      name: customers.name,
      document: customers.document,
      whatsappOptOut: customers.whatsappOptOut,
      notes: customers.notes,
    })
    .from(customers)
    .where(eq(customers.id, id));
  if (!customer || !companyIds.includes(customer.companyId)) return null;
  const [contactRows, assetRows, orderRows] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        contactType: contacts.contactType,
        position: contacts.position,
        phone: contacts.phone,
        fax: contacts.fax,
        mobile: contacts.mobile,
        email: contacts.email,
        whatsapp: contacts.whatsapp,
        mobileInvalid: contacts.mobileInvalid,
      })
      .from(contacts)
      .where(eq(contacts.customerId, id))
      .orderBy(asc(contacts.createdAt)),
    db
      .select({
        id: assets.id,
        kind: assets.kind,
        plate: assets.plate,
        model: assets.model,
        year: assets.year,
        km: assets.km,
        planName: assets.planName,
        routingPoints: assets.routingPoints,
        accessLogin: assets.accessLogin,
      })
      .from(assets)
      .where(eq(assets.customerId, id))
      .orderBy(asc(assets.createdAt)),
    db
      .select({
        id: serviceOrders.id,
        number: serviceOrders.number,
        status: serviceOrders.status,
        openedAt: serviceOrders.openedAt,
        closedAt: serviceOrders.closedAt,
        description: serviceOrders.description,
      })
      .from(serviceOrders)
      .where(eq(serviceOrders.customerId, id))
      .orderBy(desc(serviceOrders.openedAt)),
  ]);
  return { ...customer, contacts: contactRows, assets: assetRows, serviceOrders: orderRows };
}

export async function saveCustomer(db: Db, input: CustomerInput, scope: { companyIds: string[] }) {
  if (!scope.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const values = {
    companyId: input.companyId,
    name: input.name,
    document: input.document,
    whatsappOptOut: input.whatsappOptOut,
    notes: input.notes,
  };
  try {
    if (input.id) {
      const updated = await db
        .update(customers)
        .set(values)
        .where(and(eq(customers.id, input.id), inArray(customers.companyId, scope.companyIds)))
        .returning({ id: customers.id });
      if (!updated.length) throw new UserError("not_found");
      return { id: input.id };
    }
    const [row] = await db.insert(customers).values(values).returning({ id: customers.id });
    return { id: row.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("document_taken", { document: ["documentTaken"] });
    throw error;
  }
}
