import type { MadeOffer } from "./offers";

type Expirer = (offer: MadeOffer) => void;

// One per process (set by the desk sweeper at start); without it (tests, scripts) the sweep alone expires.
const slot = globalThis as unknown as { __atendeOfferExpirer?: Expirer };

export function setOfferExpirer(expirer: Expirer | undefined) {
  slot.__atendeOfferExpirer = expirer;
}

/** Arms each new offer's timer in this process; the sweep is the fallback when the process goes away. */
export function armOffers(offers: (MadeOffer | null)[]) {
  for (const offer of offers) if (offer) slot.__atendeOfferExpirer?.(offer);
}
