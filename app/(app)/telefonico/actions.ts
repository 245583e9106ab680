"use server";

import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/define-action";
import { finishAttendance as finishCommand } from "@/lib/phone/finish-attendance";
import * as wizard from "@/lib/phone/wizard";
import {
  callStepSchema,
  contactStepSchema,
  filterStepSchema,
  finishStepSchema,
  linkCustomerSchema,
  originStepSchema,
  planStepSchema,
  scriptAnswerSchema,
  searchNumbersSchema,
  stepOf,
} from "@/lib/phone/wizard-schema";

// The wizard works in the company chosen in the top bar; every command scopes its reads to it.
const ctxOf = (ctx: ActionContext) => ({ userId: ctx.userId, companyId: ctx.companyId, now: ctx.clock.now() });
const nothing = z.object({});
const common = { permission: "tickets.handle" as const, revalidate: ["/telefonico"] };

export const chooseOrigin = defineAction({ ...common, name: "chooseOrigin", schema: originStepSchema, run: (db, _input, ctx) => wizard.chooseOrigin(db, ctxOf(ctx)) });
export const searchNumbers = defineAction({ ...common, name: "searchNumbers", schema: searchNumbersSchema, run: (db, input, ctx) => wizard.searchNumbers(db, ctxOf(ctx), input) });
export const applyFilter = defineAction({ ...common, name: "applyFilter", schema: filterStepSchema, run: (db, input, ctx) => wizard.applyFilter(db, ctxOf(ctx), input) });
export const chooseCall = defineAction({ ...common, name: "chooseCall", schema: callStepSchema, run: (db, input, ctx) => wizard.chooseCall(db, ctxOf(ctx), input) });
export const linkCustomer = defineAction({ ...common, name: "linkCustomer", schema: linkCustomerSchema, run: (db, input, ctx) => wizard.linkCustomer(db, ctxOf(ctx), input) });
export const chooseContact = defineAction({ ...common, name: "chooseContact", schema: contactStepSchema, run: (db, input, ctx) => wizard.chooseContact(db, ctxOf(ctx), input) });
export const choosePlan = defineAction({ ...common, name: "choosePlan", schema: planStepSchema, run: (db, input, ctx) => wizard.choosePlan(db, ctxOf(ctx), input) });
export const answerScript = defineAction({ ...common, name: "answerScript", schema: scriptAnswerSchema, run: (db, input, ctx) => wizard.answerScript(db, ctxOf(ctx), input) });
export const previousQuestion = defineAction({ ...common, name: "previousQuestion", schema: nothing, run: (db, _input, ctx) => wizard.previousQuestion(db, ctxOf(ctx)) });
export const closeScript = defineAction({ ...common, name: "closeScript", schema: nothing, run: (db, _input, ctx) => wizard.closeScript(db, ctxOf(ctx)) });
export const acceptReport = defineAction({ ...common, name: "acceptReport", schema: nothing, run: (db, _input, ctx) => wizard.acceptReport(db, ctxOf(ctx)) });
export const stepBack = defineAction({ ...common, name: "stepBack", schema: stepOf, run: (db, input, ctx) => wizard.stepBack(db, ctxOf(ctx), input) });
export const cancelWizard = defineAction({ ...common, name: "cancelWizard", schema: nothing, run: (db, _input, ctx) => wizard.cancelWizard(db, ctxOf(ctx)) });
export const finishAttendance = defineAction({
  ...common,
  name: "finishAttendance",
  schema: finishStepSchema,
  run: (db, input, ctx) => finishCommand(db, ctxOf(ctx), input),
  revalidate: ["/telefonico", "/historico"],
});
