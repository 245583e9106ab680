// Liveness: the process answers. No database, no session (a load balancer calls it every few seconds).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
