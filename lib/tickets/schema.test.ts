import { describe, expect, it } from "vitest";
import { newConversationSchema } from "./schema";

const base = { senderNumberId: crypto.randomUUID(), clientMessageId: crypto.randomUUID() };

describe("newConversationSchema's customer number (R-0.2, issue 11 item 12)", () => {
  it.each(["(11) 96103-2832", "+55 11 9 6103 2832", "5511961032832"])("takes %s and stores 5511961032832", (customerPhone) => {
    expect(newConversationSchema.parse({ ...base, customerPhone }).customerPhone).toBe("5511961032832");
  });

  it("refuses a number that cannot exist with the format message", () => {
    const result = newConversationSchema.safeParse({ ...base, customerPhone: "5511061032832" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["customerPhone"], message: "customerPhoneFormat" });
  });
});
