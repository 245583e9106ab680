/**
 * The customer-service window: free-form messages may be sent for 24 hours after the customer's last
 * message; outside it only approved templates (Cloud API error 131047 otherwise).
 */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

type Instant = Date | string | null | undefined;

function toDate(value: Instant): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Open iff the customer wrote and now − lastInboundAt < 24 h (exactly 24 h later it is closed). */
export function isWindowOpen(lastInboundAt: Instant, now: Date): boolean {
  const last = toDate(lastInboundAt);
  if (!last) return false;
  return now.getTime() - last.getTime() < WINDOW_MS;
}

/** When the window closes (lastInboundAt + 24 h), or null when the customer never wrote. */
export function windowClosesAt(lastInboundAt: Instant): Date | null {
  const last = toDate(lastInboundAt);
  return last ? new Date(last.getTime() + WINDOW_MS) : null;
}

/** Milliseconds left in the window (0 when closed or never opened). */
export function windowRemainingMs(lastInboundAt: Instant, now: Date): number {
  const closes = windowClosesAt(lastInboundAt);
  return closes ? Math.max(0, closes.getTime() - now.getTime()) : 0;
}

/**
 * The conversation's window, also honouring the provider's word: a 131047 recorded after the last
 * inbound message (conversations.window_closed_marked_at) closes it even if our clock says open.
 */
export function isConversationWindowOpen(
  conversation: { lastInboundAt: Instant; windowClosedMarkedAt?: Instant },
  now: Date,
): boolean {
  if (!isWindowOpen(conversation.lastInboundAt, now)) return false;
  const marked = toDate(conversation.windowClosedMarkedAt);
  const last = toDate(conversation.lastInboundAt)!;
  return !marked || marked.getTime() < last.getTime();
}
