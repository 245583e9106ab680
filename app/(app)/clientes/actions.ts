"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveContact as saveContactCommand } from "@/lib/customers/contacts";
import { saveCustomer as saveCustomerCommand } from "@/lib/customers/customers";
import { contactSchema, customerSchema } from "@/lib/customers/schema";

export const saveCustomer = defineAction({
  name: "saveCustomer",
  schema: customerSchema,
  permission: "customers.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveCustomerCommand(db, input, ctx),
  revalidate: ["/clientes"],
});

// The customer's company is checked inside the command, in the same query that finds the customer.
export const saveContact = defineAction({
  name: "saveContact",
  schema: contactSchema,
  permission: "customers.manage",
  run: (db, input, ctx) => saveContactCommand(db, input, ctx),
  revalidate: ["/clientes"],
});
