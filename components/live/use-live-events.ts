"use client";

import { useEffect, useRef } from "react";
import { liveConnection, type LiveSignal } from "./live-connection";

/**
 * Calls `onEvent` for each live event that passes `filter`, and for every `resync` (events were missed:
 * the screen must reload what it shows). The callbacks may change on every render.
 */
export function useLiveEvents(filter: (signal: LiveSignal) => boolean, onEvent: (signal: LiveSignal) => void) {
  const latest = useRef({ filter, onEvent });
  useEffect(() => {
    latest.current = { filter, onEvent };
  });
  useEffect(
    () =>
      liveConnection().onSignal((signal) => {
        if (signal.type === "resync" || latest.current.filter(signal)) latest.current.onEvent(signal);
      }),
    [],
  );
}
