import { AlertTriangle, Check, CheckCheck, MessageSquareOff, MessageSquareReply, Phone, Send, type LucideIcon } from "lucide-react";

/** The icons the worklist's rows use, drawn once per page and referenced by id (see WorklistIcon). */
export const WORKLIST_ICONS = {
  check: Check,
  "check-check": CheckCheck,
  "message-off": MessageSquareOff,
  "message-reply": MessageSquareReply,
  alert: AlertTriangle,
  phone: Phone,
  send: Send,
} satisfies Record<string, LucideIcon>;

export type WorklistIconName = keyof typeof WORKLIST_ICONS;

/**
 * The sprite: each icon's paths once, as a <symbol>. 50 rows with two or three inline SVGs each put ~1 KB of
 * path data per row in the HTML and again in the RSC payload; a <use> is a few bytes.
 */
export function WorklistIconSprite() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden focusable="false">
      {Object.entries(WORKLIST_ICONS).map(([name, Icon]) => (
        <symbol key={name} id={`wl-${name}`} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

/** An icon of the sprite; sized and coloured by its class (currentColor). */
export function WorklistIcon({ name, className }: { name: WorklistIconName; className?: string }) {
  return (
    <svg className={className} aria-hidden focusable="false">
      <use href={`#wl-${name}`} />
    </svg>
  );
}
