import { getDb, getDbHandle } from "@/db/index";
import { getCurrentUser } from "@/lib/auth/session";
import { loadViewer } from "@/lib/events/audience";
import { processEventHub } from "@/lib/events/hub";
import { lastEventIdOf, openEventStream, STREAM_HEADERS } from "@/lib/events/stream";

// The live screens' server-sent events (lib/events/stream.ts): any signed-in user, each event only to
// those its audience names.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const db = getDb();
  const viewer = await loadViewer(db, user.id);
  if (!viewer) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const hub = await processEventHub(getDbHandle());
  const stream = openEventStream({ db, hub, viewer, lastEventId: lastEventIdOf(request), reloadViewer: () => loadViewer(db, user.id) });
  return new Response(stream, { headers: STREAM_HEADERS });
}
