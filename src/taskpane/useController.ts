import { useSyncExternalStore } from "react";
import type { PaneController, PaneState } from "./controller";

export function usePaneState(c: PaneController): PaneState {
  return useSyncExternalStore(c.subscribe, c.getState, c.getState);
}
