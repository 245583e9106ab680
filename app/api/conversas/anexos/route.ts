import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/session";
import type { ErrorCode } from "@/lib/errors";
import { MAX_ATTACHMENT_BYTES } from "@/lib/tickets/attachment-rules";
import { sendAttachmentSchema } from "@/lib/tickets/schema";
import { sendAttachment as sendAttachmentCommand } from "@/lib/tickets/send-attachment";
import { getGateway } from "@/lib/whatsapp/provider";

/**
 * The composer's file upload. A route of its own, not a server action: the proxy (proxy.ts) buffers at
 * most 10 MB of a request it sees, and api/ is outside its matcher, while WhatsApp takes audio and video
 * up to 16 MB and documents up to 100 MB. The answer is the action's result, with a matching status.
 */

// The form's other fields and boundaries, on top of the largest file.
const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

const sendAttachment = defineAction({
  name: "sendAttachment",
  schema: sendAttachmentSchema,
  permission: "tickets.handle",
  run: async (db, input, ctx) =>
    sendAttachmentCommand(
      db,
      {
        ticketId: input.ticketId,
        clientMessageId: input.clientMessageId,
        file: { bytes: new Uint8Array(await input.file.arrayBuffer()), mimeType: input.file.type, fileName: input.file.name },
      },
      { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now(), gateway: getGateway() },
    ),
  revalidate: ["/conversas"],
});

const STATUS: Partial<Record<ErrorCode, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  attachment_too_large: 413,
  unexpected: 500,
};

function answer(result: ActionResult<unknown>) {
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.error] ?? 400) });
}

/** A cross-site page may not post files into an agent's session (server actions check the same). */
function sameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The multipart form, reading no more than MAX_UPLOAD_BODY_BYTES whatever the request declares. */
async function readForm(request: Request): Promise<FormData | "too_large" | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BODY_BYTES) return "too_large";
  if (!request.body) return null;
  let size = 0;
  let exceeded = false;
  const capped = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > MAX_UPLOAD_BODY_BYTES) {
          exceeded = true;
          controller.error(new Error("upload too large"));
        } else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(capped, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return exceeded ? "too_large" : null;
  }
}

export async function POST(request: Request) {
  // Strangers are answered before their body is read.
  if (!(await getCurrentUser())) return answer({ ok: false, error: "unauthenticated" });
  if (!sameOrigin(request)) return answer({ ok: false, error: "forbidden" });
  const form = await readForm(request);
  if (form === "too_large") return answer({ ok: false, error: "attachment_too_large" });
  if (!form) return answer({ ok: false, error: "invalid_input" });
  return answer(await sendAttachment(form));
}
