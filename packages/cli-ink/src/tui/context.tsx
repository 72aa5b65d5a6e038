import { createContext, type Dispatch, useContext } from "react";
import type { ServiceContext } from "./services.js";
import type { NavigationAction } from "./state/navigation.js";
import type { FinishedItem } from "./state/progress.js";
import type { TaskRegistry } from "./state/tasks.js";

export interface Tui {
  ctx: ServiceContext;
  tasks: TaskRegistry;
  navigate: Dispatch<NavigationAction>;
  /** Leaves the app with this exit code (after aborted work has settled). */
  quit: (code: number) => void;
  /** True after Ctrl-C while aborted work settles: screens stop taking input. */
  stopping: boolean;
  /** Removes credentials from text shown to the user. */
  redact: (text: string) => string;
  /** Prints finished files above the live area, once (through the app's single <Static>). */
  print: (items: readonly FinishedItem[]) => void;
  /** What screens remember while the app runs (Home's last choice), by screen. */
  memory: Map<string, string>;
  /** True while the `?` overlay lists the screen's keys: screens then take no key. */
  helpOpen: boolean;
  /**
   * Called by a text field while it takes keys (returns the undo): `?` is then a character, not help.
   */
  typing: () => () => void;
  /** Whether a text field takes keys now (its footer then offers no `?`). */
  typingNow: boolean;
}

export const TuiContext = createContext<Tui | undefined>(undefined);

export function useTui(): Tui {
  const tui = useContext(TuiContext);
  if (!tui) throw new Error("useTui() outside <TuiContext.Provider>");
  return tui;
}
