import { afterEach, describe, expect, it, vi } from "vitest";
import { FollowUpQueue } from "./follow-up-queue";

/** A task that records when it starts and ends when `release` is called. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    release: () => release(),
  };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("FollowUpQueue", () => {
  it("runs at most `concurrency` tasks at once, in arrival order", async () => {
    const log: string[] = [];
    const queue = new FollowUpQueue(2);
    const tasks = ["a", "b", "c", "d"].map((name) => gate(log, name));
    for (const t of tasks) queue.push(t.task);
    await tick();
    expect(log).toEqual(["start a", "start b"]);
    expect(queue.backlog).toBe(4);
    tasks[1].release();
    await tick();
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    for (const t of tasks) t.release();
    await queue.drain();
    expect(log.filter((l) => l.startsWith("start"))).toEqual(["start a", "start b", "start c", "start d"]);
    expect(queue.backlog).toBe(0);
  });

  it("keeps going after a task that rejects, and logs it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const queue = new FollowUpQueue(1);
    const ran: string[] = [];
    queue.push(async () => {
      throw new Error("boom");
    });
    queue.push(async () => {
      ran.push("second");
    });
    await queue.drain();
    expect(ran).toEqual(["second"]);
    expect(error).toHaveBeenCalledWith("[whatsapp] follow-up failed", expect.any(Error));
  });

  it("drain() resolves at once when idle, and warns once past the backlog limit", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const queue = new FollowUpQueue(1, 3);
    await queue.drain();
    const log: string[] = [];
    const tasks = Array.from({ length: 6 }, (_, i) => gate(log, String(i)));
    for (const t of tasks) queue.push(t.task);
    expect(warn).toHaveBeenCalledTimes(1);
    for (const t of tasks) t.release();
    await queue.drain();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenLastCalledWith("[whatsapp] follow-up backlog drained");
  });

  it("rejects a concurrency below 1", () => {
    expect(() => new FollowUpQueue(0)).toThrow();
    expect(() => new FollowUpQueue(Number("x"))).toThrow();
  });
});
