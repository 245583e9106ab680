/**
 * The TCP peer's address, written by server.ts on every request over whatever the client sent, since
 * Next keeps a client's own X-Forwarded-For.
 */
export const PEER_ADDRESS_HEADER = "x-atende-peer-address";

/**
 * The client's address, for the sign-in throttle. Behind `trustedHops` reverse proxies that each append
 * to X-Forwarded-For, the entry the outermost one wrote (those to its left are the client's own claims);
 * else the TCP peer. "unknown" without either (`next dev`, `next start`): one shared bucket.
 */
export function clientAddress(headers: Headers, trustedHops: number): string {
  if (trustedHops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const entry = chain[chain.length - trustedHops];
    if (entry) return entry;
  }
  return headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
}
