"use server";

import { defineAction } from "@/lib/actions/define-action";
import { routeWaiting } from "@/lib/desk/offers";
import { armOffers } from "@/lib/desk/offer-timers";
import { saveCompany as saveCompanyCommand } from "@/lib/org/companies";
import { saveQueue as saveQueueCommand } from "@/lib/org/queues";
import { saveRole as saveRoleCommand } from "@/lib/org/roles";
import { saveTeam as saveTeamCommand } from "@/lib/org/teams";
import { saveUser as saveUserCommand } from "@/lib/org/users";
import { companySchema, queueSchema, roleSchema, teamSchema, userSchema } from "@/lib/org/schema";

export const saveCompany = defineAction({
  name: "saveCompany",
  schema: companySchema,
  permission: "settings.manage",
  companyOf: (input) => input.id,
  run: (db, input, ctx) => saveCompanyCommand(db, input, ctx),
  revalidate: ["/admin/companies"],
});

export const saveUser = defineAction({
  name: "saveUser",
  schema: userSchema,
  permission: "users.manage",
  companyOf: (input) => input.homeCompanyId,
  run: async (db, input, ctx) => {
    const saved = await saveUserCommand(db, input, ctx);
    // A capacity (or queue) change may free a seat for a waiting ticket.
    armOffers(await routeWaiting(db, { agentId: saved.id, now: ctx.clock.now() }));
    return saved;
  },
  revalidate: ["/admin/users"],
});

export const saveRole = defineAction({
  name: "saveRole",
  schema: roleSchema,
  permission: "users.manage",
  run: (db, input) => saveRoleCommand(db, input),
  // Permissions shape every page's menu.
  revalidate: ["/"],
});

export const saveTeam = defineAction({
  name: "saveTeam",
  schema: teamSchema,
  permission: "users.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveTeamCommand(db, input, ctx),
  revalidate: ["/admin/teams"],
});

export const saveQueue = defineAction({
  name: "saveQueue",
  schema: queueSchema,
  permission: "settings.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveQueueCommand(db, input, ctx),
  revalidate: ["/admin/queues"],
});
