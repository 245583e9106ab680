import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For the client claims", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "10.9.9.9" });
    expect(clientAddress(h, 0)).toBe("198.51.100.7");
  });

  it("behind trusted proxies is the entry the outermost one appended, not the client's own claims", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.1" });
    expect(clientAddress(h, 1)).toBe("10.0.0.1");
    expect(clientAddress(h, 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer, then to one shared bucket", () => {
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
    expect(clientAddress(headers({}), 0)).toBe("unknown");
  });
});
