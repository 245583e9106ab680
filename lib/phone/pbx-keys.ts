import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pbxApiKeys } from "@/db/schema/phone";

const PREFIX = "atk_";

function hashKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

/**
 * A new key for the company's PBX, replacing the old one (which stops working at once). The key is
 * returned here only: the database keeps its hash and the first characters to recognise it by.
 */
export async function rotatePbxKey(db: Db, input: { companyId: string; userId: string; now: Date }) {
  const key = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const values = { keyHash: hashKey(key), keyPrefix: key.slice(0, PREFIX.length + 6), createdAt: input.now, createdBy: input.userId };
  await db
    .insert(pbxApiKeys)
    .values({ companyId: input.companyId, ...values })
    .onConflictDoUpdate({ target: pbxApiKeys.companyId, set: values });
  return { key, keyPrefix: values.keyPrefix };
}

/** What the admin sees of a company's key: never the key or its hash. */
export async function pbxKeyInfo(db: Db, companyId: string) {
  const [row] = await db
    .select({ keyPrefix: pbxApiKeys.keyPrefix, createdAt: pbxApiKeys.createdAt })
    .from(pbxApiKeys)
    .where(eq(pbxApiKeys.companyId, companyId));
  return row ?? null;
}

/** The company a presented key belongs to, or null. A lookup by hash: the key itself is never compared. */
export async function companyOfPbxKey(db: Db, key: string): Promise<string | null> {
  if (!key.startsWith(PREFIX) || key.length > 100) return null;
  const [row] = await db.select({ companyId: pbxApiKeys.companyId }).from(pbxApiKeys).where(eq(pbxApiKeys.keyHash, hashKey(key)));
  return row?.companyId ?? null;
}
