import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { companies } from "./org";

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    // CPF (11 digits) or CNPJ (14 digits), digits only.
    document: text("document"),
    whatsappOptOut: boolean("whatsapp_opt_out").notNull().default(false),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("customers_company_name_idx").on(t.companyId, t.name),
    uniqueIndex("customers_company_document_key").on(t.companyId, t.document),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    contactType: text("contact_type"),
    position: text("position"),
    phone: text("phone"),
    fax: text("fax"),
    mobile: text("mobile"),
    email: text("email"),
    whatsapp: text("whatsapp"),
    mobileInvalid: boolean("mobile_invalid").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contacts_customer_idx").on(t.customerId),
    index("contacts_mobile_idx").on(t.mobile),
    // Seed 003, 4.2.3: a contact needs at least one of Cargo, Fone, Fax, Celular or E-mail.
    check(
      "contacts_reachable",
      sql`coalesce(${t.position}, ${t.phone}, ${t.fax}, ${t.mobile}, ${t.email}) is not null`,
    ),
  ],
);

export const assets = pgTable(
  "assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["vehicle", "plan"] }).notNull(),
    plate: text("plate"),
    model: text("model"),
    year: integer("year"),
    km: integer("km"),
    saleDate: date("sale_date"),
    planName: text("plan_name"),
    routingPoints: text("routing_points"),
    accessLogin: text("access_login"),
    lastServiceAt: date("last_service_at"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("assets_customer_idx").on(t.customerId)],
);

export const serviceOrders = pgTable(
  "service_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id").references(() => assets.id, { onDelete: "set null" }),
    number: text("number").notNull(),
    status: text("status", { enum: ["aberta", "em_andamento", "concluida", "cancelada"] }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    description: text("description"),
  },
  (t) => [
    index("service_orders_customer_idx").on(t.customerId),
    uniqueIndex("service_orders_company_number_key").on(t.companyId, t.number),
  ],
);
