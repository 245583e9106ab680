import type { Db } from "@/db/client";
import { storableValues } from "@/lib/storable-text";
import { pbxBatchSchema } from "./call-schema";
import { companyOfPbxKey } from "./pbx-keys";
import { storeCalls } from "./store-calls";

/** A thousand CDRs are ~400 KB of JSON. */
export const MAX_PBX_BODY_BYTES = 1024 * 1024;

export type PbxAnswer = {
  status: 200 | 400 | 401 | 413 | 500;
  body:
    | { ok: true; received: number; stored: number; duplicates: number }
    | { ok: false; error: "too_large" | "invalid_key" | "malformed" | "storage_failed"; issues?: { path: string; message: string }[] };
};

export const PBX_TOO_LARGE: PbxAnswer = { status: 413, body: { ok: false, error: "too_large" } };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** "Bearer atk_…" → the key; anything else → "". */
export function bearerKey(header: string | null | undefined) {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match?.[1] ?? "";
}

/**
 * POST /api/pbx/calls, framework-free: the key names the company (401 when it names none, before the
 * body is looked at), the whole batch is validated (400 with each bad record's path, nothing stored),
 * then stored in one statement, idempotent by the PBX id.
 */
export async function receiveCalls(raw: Uint8Array, authorization: string | null | undefined, deps: { db: Db; now: Date }): Promise<PbxAnswer> {
  if (raw.byteLength > MAX_PBX_BODY_BYTES) return PBX_TOO_LARGE;
  const companyId = await companyOfPbxKey(deps.db, bearerKey(authorization));
  if (!companyId) return { status: 401, body: { ok: false, error: "invalid_key" } };
  let body: unknown;
  try {
    body = storableValues(JSON.parse(utf8.decode(raw)));
  } catch {
    return { status: 400, body: { ok: false, error: "malformed" } };
  }
  const parsed = pbxBatchSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join("."), message: i.message }));
    return { status: 400, body: { ok: false, error: "malformed", issues } };
  }
  try {
    const result = await storeCalls(deps.db, companyId, parsed.data.calls, deps.now);
    return { status: 200, body: { ok: true, received: parsed.data.calls.length, ...result } };
  } catch (error) {
    console.error("[pbx] could not store call records; answering 500 so that the PBX sends them again", error);
    return { status: 500, body: { ok: false, error: "storage_failed" } };
  }
}
