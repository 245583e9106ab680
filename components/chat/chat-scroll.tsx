"use client";

import { useLayoutEffect, useRef, type ReactNode } from "react";

type Seen = { first?: string; last?: string; height: number; top: number; atBottom: boolean };

// Within this many pixels of the end the reader counts as "at the newest message" and follows new ones.
const NEAR_BOTTOM_PX = 48;

/**
 * The chat's scroll box: opens at the newest message, follows new ones while the reader is at the end
 * (not while they read older ones), and keeps the reader's place when older messages load above.
 * Mount it with a key per conversation so another chat opens at its newest message too.
 */
export function ChatScroll({ firstKey, lastKey, className, children }: { firstKey?: string; lastKey?: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const seen = useRef<Seen | null>(null);

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const before = seen.current;
    if (!before) box.scrollTop = box.scrollHeight;
    else if (before.first !== firstKey && before.last === lastKey) box.scrollTop = before.top + (box.scrollHeight - before.height);
    else if (before.last !== lastKey && before.atBottom) box.scrollTop = box.scrollHeight;
    seen.current = { first: firstKey, last: lastKey, ...measure(box) };
  }, [firstKey, lastKey]);

  return (
    <div
      ref={ref}
      className={className}
      data-testid="chat-scroll"
      onScroll={(event) => {
        if (seen.current) Object.assign(seen.current, measure(event.currentTarget));
      }}
    >
      {children}
    </div>
  );
}

function measure(box: HTMLDivElement) {
  return { height: box.scrollHeight, top: box.scrollTop, atBottom: box.scrollHeight - box.scrollTop - box.clientHeight <= NEAR_BOTTOM_PX };
}
