"use server";

import { defineAction } from "@/lib/actions/define-action";
import { acceptOffer as acceptCommand, declineOffer as declineCommand, routeWaiting } from "@/lib/desk/offers";
import { armOffers } from "@/lib/desk/offer-timers";
import { pauseAfterFinish, setPresence } from "@/lib/desk/presence";
import { offerAnswerSchema, setPresenceSchema } from "@/lib/desk/schema";

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
