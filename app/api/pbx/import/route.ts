import { getDb } from "@/db/index";
import { getCurrentUser } from "@/lib/auth/session";
import { importCallsCsv } from "@/lib/phone/csv-import";

/** 100,000 CDR lines are ~25 MB; past this the upload is refused while it streams. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

class TooLarge extends Error {}

async function* capped(body: ReadableStream<Uint8Array>) {
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_IMPORT_BYTES) throw new TooLarge();
    yield chunk;
  }
}

/**
 * POST /api/pbx/import?mode=preview|import with the CSV as the body (Administração → Telefonia): read as a
 * stream, never whole, into the company chosen in the top bar. A route rather than a server action, because
 * an action's form data is buffered in memory.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: "unauthenticated" }, { status: 401 });
  if (!user.can("settings.manage")) return Response.json({ ok: false, error: "forbidden" }, { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) return Response.json({ ok: false, error: "too_large" }, { status: 413 });
  if (!request.body) return Response.json({ ok: false, error: "invalid_input" }, { status: 400 });
  const commit = new URL(request.url).searchParams.get("mode") === "import";
  try {
    const report = await importCallsCsv(getDb(), { companyId: user.companyId, stream: capped(request.body), commit, now: new Date() });
    return Response.json({ ok: true, report });
  } catch (error) {
    if (error instanceof TooLarge) return Response.json({ ok: false, error: "too_large" }, { status: 413 });
    console.error("[pbx] CSV import failed", error);
    return Response.json({ ok: false, error: "unexpected" }, { status: 500 });
  }
}
