import { describe, expect, it } from "vitest";
import { parseTrustProxyHops, parseWhatsappEnv } from "./env";

describe("parseWhatsappEnv", () => {
  it("uses the sandbox and development secrets outside production", () => {
    expect(parseWhatsappEnv({ NODE_ENV: "development" })).toEqual({
      provider: "sandbox",
      appSecret: "atende-dev-app-secret",
      verifyToken: "atende-dev-verify-token",
      accessToken: undefined,
      graphBaseUrl: "https://graph.facebook.com",
      apiVersion: "v26.0",
      businessAccountId: undefined,
    });
  });

  it("defaults to the cloud provider in production and requires the secrets there", () => {
    expect(() => parseWhatsappEnv({ NODE_ENV: "production" })).toThrow(/WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN/);
    const env = parseWhatsappEnv({ NODE_ENV: "production", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v", WHATSAPP_ACCESS_TOKEN: "t" });
    expect(env).toMatchObject({ provider: "cloud", appSecret: "s", verifyToken: "v", accessToken: "t" });
    expect(parseWhatsappEnv({ NODE_ENV: "production", WHATSAPP_PROVIDER: "sandbox", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v" }).provider).toBe("sandbox");
  });

  it("reads the base URL (without a trailing slash) and the API version, and rejects bad values", () => {
    const env = parseWhatsappEnv({ WHATSAPP_GRAPH_BASE_URL: "http://127.0.0.1:9999/", WHATSAPP_API_VERSION: "v23.0", WHATSAPP_BUSINESS_ACCOUNT_ID: "123" });
    expect(env).toMatchObject({ graphBaseUrl: "http://127.0.0.1:9999", apiVersion: "v23.0", businessAccountId: "123" });
    expect(() => parseWhatsappEnv({ WHATSAPP_PROVIDER: "twilio" })).toThrow(/WHATSAPP_PROVIDER/);
    expect(() => parseWhatsappEnv({ WHATSAPP_API_VERSION: "21" })).toThrow(/WHATSAPP_API_VERSION/);
    expect(() => parseWhatsappEnv({ WHATSAPP_GRAPH_BASE_URL: "not a url" })).toThrow(/WHATSAPP_GRAPH_BASE_URL/);
  });

  it("treats blank values as unset", () => {
    expect(parseWhatsappEnv({ WHATSAPP_PROVIDER: "", WHATSAPP_APP_SECRET: "  " })).toMatchObject({ provider: "sandbox", appSecret: "atende-dev-app-secret" });
  });
});

describe("parseTrustProxyHops", () => {
  it("is 0 unless set, and refuses anything but a small whole number", () => {
    expect(parseTrustProxyHops({})).toBe(0);
    expect(parseTrustProxyHops({ TRUST_PROXY_HOPS: " 2 " })).toBe(2);
    expect(() => parseTrustProxyHops({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseTrustProxyHops({ TRUST_PROXY_HOPS: "yes" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseTrustProxyHops({ TRUST_PROXY_HOPS: "11" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
