"use client";

import { useEffect, useState } from "react";

/** mm:ss (or h:mm:ss) since `from`, ticking each second: a clock display, not a data refresh. */
export function Elapsed({ from, testId }: { from: string; testId?: string }) {
  const [now, setNow] = useState(() => Date.now());
  // The next whole second after each render: a clock display (no data is fetched; the desk's data follows
  // the event stream).
  useEffect(() => {
    const id = setTimeout(() => setNow(Date.now()), 1000 - (now % 1000));
    return () => clearTimeout(id);
  }, [now]);
  const total = Math.max(0, Math.floor((now - new Date(from).getTime()) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <span className="tabular-nums" data-testid={testId} suppressHydrationWarning>
      {h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`}
    </span>
  );
}
