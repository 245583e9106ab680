/**
 * The production server's follow-ups (the chatbot and ticket routing of each new inbound message, about
 * ten statements where storing it is one): run in arrival order, at most `concurrency` at a time, so that
 * a burst of deliveries does not fill the connection pool with follow-ups while the webhook's own
 * statements wait behind them. The webhook keeps answering at storage speed; in a burst the replies of
 * the bot lag and the backlog drains afterwards. The backlog lives in memory: a graceful stop (SIGTERM)
 * drains it, a crash loses it (as it would lose the follow-ups in flight without a queue).
 */
export class FollowUpQueue {
  private waiting: (() => Promise<void>)[] = [];
  private head = 0;
  private running = 0;
  private warned = false;
  private idle: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    /** A backlog past this is logged once, and again when it has drained. */
    readonly warnAt = 1_000,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`Invalid follow-up concurrency: ${concurrency}`);
  }

  /** Follow-ups waiting or running. */
  get backlog() {
    return this.waiting.length - this.head + this.running;
  }

  /** `task` must not throw (receiveDelivery's follow-ups log their own errors); a rejection is logged here too. */
  push(task: () => Promise<void>) {
    this.waiting.push(task);
    if (!this.warned && this.backlog > this.warnAt) {
      this.warned = true;
      console.warn(`[whatsapp] follow-up backlog over ${this.warnAt}: the webhook is receiving faster than the chatbot answers`);
    }
    this.pump();
  }

  /** Resolves when nothing is waiting or running. */
  drain(): Promise<void> {
    if (this.backlog === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump() {
    while (this.running < this.concurrency && this.head < this.waiting.length) {
      const task = this.waiting[this.head];
      this.waiting[this.head++] = undefined as unknown as () => Promise<void>;
      this.running++;
      void Promise.resolve()
        .then(task)
        .catch((error: unknown) => console.error("[whatsapp] follow-up failed", error))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    } else if (this.head > 1_024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    if (this.backlog === 0) {
      if (this.warned) console.warn("[whatsapp] follow-up backlog drained");
      this.warned = false;
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}
