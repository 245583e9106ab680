import { getDb } from "@/db/index";
import { processEventListener } from "@/lib/events/listener";
import { checkReadiness } from "@/lib/health/readiness";

// Readiness: 200 when this instance can serve (database reachable, migrations applied, events listened
// to), 503 otherwise. No session; the body names the checks, never the database or its error.
export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await checkReadiness(getDb(), processEventListener()?.connected ?? false);
  return Response.json({ status: ready ? "ready" : "unavailable", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
