import type { DbHandle } from "@/db/client";
import { systemClock } from "@/lib/clock";
import { processEventHub } from "@/lib/events/hub";
import { markSeenAndOffline } from "./liveness";
import { expireDueOffers, expireOffer } from "./offers";
import { armOffers, setOfferExpirer } from "./offer-timers";

const SWEEP_MS = 5_000;
const slot = globalThis as unknown as { __atendeDeskSweeper?: boolean };

/**
 * This process's desk housekeeping (instrumentation.ts): a timer per offer it made, and every 5 s the
 * fallback sweep of overdue offers (another instance's, or a restart's) and the presence liveness.
 */
export function startDeskSweeper(handle: DbHandle) {
  if (slot.__atendeDeskSweeper) return;
  slot.__atendeDeskSweeper = true;
  const db = handle.db;
  setOfferExpirer((offer) => {
    const ms = Math.max(0, offer.expiresAt.getTime() - Date.now()) + 50;
    setTimeout(() => {
      expireOffer(db, offer.id, systemClock.now()).then(armOffers, (error: unknown) => console.error("[desk] expiração da oferta falhou", error));
    }, ms).unref?.();
  });
  const tick = async () => {
    try {
      const now = systemClock.now();
      armOffers(await expireDueOffers(db, now));
      const hub = await processEventHub(handle);
      await markSeenAndOffline(db, hub.connectedUserIds(), now);
    } catch (error) {
      console.error("[desk] varredura falhou", error);
    } finally {
      setTimeout(() => void tick(), SWEEP_MS).unref?.();
    }
  };
  setTimeout(() => void tick(), SWEEP_MS).unref?.();
}
