"use server";

import { defineAction } from "@/lib/actions/define-action";
import { acceptOffer as acceptCommand, declineOffer as declineCommand, routeWaiting } from "@/lib/desk/offers";
import { armOffers } from "@/lib/desk/offer-timers";
import { pauseAfterFinish, setPresence } from "@/lib/desk/presence";
import { noteSchema, offerAnswerSchema, setPresenceSchema, transferSchema } from "@/lib/desk/schema";
import { addNote as addNoteCommand } from "@/lib/desk/notes";
import { transferToAgent, transferToQueue } from "@/lib/desk/transfer";
import { afterTicketReleased } from "@/lib/desk/after-finish";

export const setMyPresence = defineAction({
  name: "setMyPresence",
  schema: setPresenceSchema,
  permission: "tickets.handle",
  run: async (db, input, ctx) => {
    const now = ctx.clock.now();
    if (input.state === "pronto") {
      await setPresence(db, { userId: ctx.userId, state: "pronto", actorId: ctx.userId, now });
      armOffers(await routeWaiting(db, { agentId: ctx.userId, now }));
    } else if (input.after) {
      await pauseAfterFinish(db, { userId: ctx.userId, pauseReasonId: input.pauseReasonId, now });
    } else {
      await setPresence(db, { userId: ctx.userId, state: "nao_pronto", pauseReasonId: input.pauseReasonId, actorId: ctx.userId, now });
    }
    return { state: input.state };
  },
  revalidate: ["/conversas"],
});

export const acceptOffer = defineAction({
  name: "acceptOffer",
  schema: offerAnswerSchema,
  permission: "tickets.handle",
  run: (db, input, ctx) => acceptCommand(db, { offerId: input.offerId, userId: ctx.userId, now: ctx.clock.now() }),
  revalidate: ["/conversas"],
});

export const declineOffer = defineAction({
  name: "declineOffer",
  schema: offerAnswerSchema,
  permission: "tickets.handle",
  run: async (db, input, ctx) => {
    armOffers(await declineCommand(db, { offerId: input.offerId, userId: ctx.userId, now: ctx.clock.now() }));
    return { ok: true };
  },
  revalidate: ["/conversas"],
});

export const transferTicket = defineAction({
  name: "transferTicket",
  schema: transferSchema,
  permission: "tickets.handle",
  run: async (db, input, ctx) => {
    const scope = { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() };
    if (input.toAgentId) {
      armOffers([await transferToAgent(db, { ticketId: input.ticketId, toAgentId: input.toAgentId, reason: input.reason }, scope)]);
      return { to: "agent" as const };
    }
    armOffers([await transferToQueue(db, { ticketId: input.ticketId, queueId: input.queueId!, reason: input.reason }, scope)]);
    // The sender's seat is free again.
    armOffers(await afterTicketReleased(db, ctx.userId, scope.now));
    return { to: "queue" as const };
  },
  revalidate: ["/conversas"],
});

export const addNote = defineAction({
  name: "addNote",
  schema: noteSchema,
  permission: "tickets.handle",
  run: (db, input, ctx) => addNoteCommand(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/conversas"],
});
