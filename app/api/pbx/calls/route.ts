import { getDb } from "@/db/index";
import { MAX_PBX_BODY_BYTES, PBX_TOO_LARGE, receiveCalls } from "@/lib/phone/receive-calls";

/** Call records pushed by a company's PBX (lib/phone/receive-calls.ts answers). */
export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PBX_BODY_BYTES) return Response.json(PBX_TOO_LARGE.body, { status: PBX_TOO_LARGE.status });
  const raw = new Uint8Array(await request.arrayBuffer());
  const answer = await receiveCalls(raw, request.headers.get("authorization"), { db: getDb(), now: new Date() });
  return Response.json(answer.body, { status: answer.status });
}
