import { defaultHost } from "@rbxassets/core";
import { Box, render, Static, Text, useApp, useInput, useStdin } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { FinishedLine } from "./components/progress-panel.js";
import { type Tui, TuiContext } from "./context.js";
import { useLayout } from "./hooks/use-layout.js";
import { terminalStdout } from "./no-color.js";
import { clearScreen, useClearWhenNarrowed } from "./resize-clear.js";
import { ArchiveScreen } from "./screens/archive.js";
import { AskAssetScreen } from "./screens/ask-asset.js";
import { AssetScreen } from "./screens/asset.js";
import { BrowseScreen } from "./screens/browse.js";
import { EditScreen } from "./screens/edit.js";
import { GrantScreen } from "./screens/grant.js";
import { HomeScreen } from "./screens/home.js";
import { OperationScreen } from "./screens/operation.js";
import { SyncScreen } from "./screens/sync.js";
import { UploadScreen } from "./screens/upload.js";
import { VersionsScreen } from "./screens/versions.js";
import type { ServiceContext } from "./services.js";
import { currentRoute, initialNavigation, navigationReducer, type Route } from "./state/navigation.js";
import type { FinishedItem } from "./state/progress.js";

export type { Route } from "./state/navigation.js";

import { TaskRegistry } from "./state/tasks.js";

/** Exit code after Ctrl-C, as shells report a SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** The screens of one asset, by route name: each is given the route's asset id. */
const ASSET_SCREENS = {
  asset: AssetScreen,
  versions: VersionsScreen,
  archive: ArchiveScreen,
  edit: EditScreen,
  grant: GrantScreen,
} as const;

/** Screens that need nothing but the route. */
const PLAIN_SCREENS = {
  home: HomeScreen,
  upload: UploadScreen,
  sync: SyncScreen,
  browse: BrowseScreen,
} as const;

function RouteView({ route }: { route: Route }) {
  if (route.name === "ask-asset") return <AskAssetScreen purpose={route.purpose} />;
  if (route.name === "operation")
    return <OperationScreen {...(route.operationId ? { operationId: route.operationId } : {})} />;
  if ("assetId" in route) {
    const AssetRouteScreen = ASSET_SCREENS[route.name];
    return <AssetRouteScreen assetId={route.assetId} />;
  }
  const PlainScreen = PLAIN_SCREENS[route.name];
  return <PlainScreen />;
}

/** `127.0.0.1:4010` or the spec's host: where requests go, without any credential. */
function apiHost(baseUrl: string | undefined): string {
  if (!baseUrl) return defaultHost;
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

export interface AppProps {
  ctx: ServiceContext;
  /** Called once with the exit code, just before the app unmounts. */
  onExit?: (code: number) => void;
  /** The screen to open first (tests; a command missing its argument). Home stays below it. */
  initialRoute?: Route;
  /** Clears the terminal after it was made narrower (see resize-clear.ts). */
  onNarrowed?: () => void;
}

/** The router: one screen at a time, Esc pops back to the previous one, Ctrl-C stops work and quits. */
export function App({ ctx, onExit, initialRoute, onNarrowed }: AppProps) {
  const { exit } = useApp();
  const [navigation, navigate] = useReducer(
    navigationReducer,
    initialRoute && initialRoute.name !== "home"
      ? { stack: [{ name: "home" }, initialRoute] }
      : initialNavigation,
  );
  const tasks = useMemo(() => new TaskRegistry(), []);
  const busy = useSyncExternalStore(
    (listener) => tasks.subscribe(listener),
    () => tasks.size,
  );
  const [stopping, setStopping] = useState(false);
  // The one <Static> of the app, mounted for its whole life: finished files of every batch are printed
  // through it. A <Static> that unmounts (a screen left after a batch) made Ink 6 build frames from a
  // garbage height until the heap ran out (vadimdemedes/ink#904); one that never unmounts cannot.
  const [printed, setPrinted] = useState<FinishedItem[]>([]);
  const print = useCallback((items: readonly FinishedItem[]) => {
    if (items.length > 0) setPrinted((lines) => [...lines, ...items]);
  }, []);
  const { columns } = useLayout();
  useClearWhenNarrowed(columns, onNarrowed);
  const exiting = useRef(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // How many text fields take keys now: `?` typed into one is a character, not help.
  const typingCount = useRef(0);
  // Also as state, so that footers drop `? help` while `?` would be typed.
  const [typingNow, setTypingNow] = useState(false);
  const memory = useMemo(() => new Map<string, string>(), []);
  const typing = useCallback(() => {
    typingCount.current++;
    setTypingNow(true);
    return () => {
      typingCount.current--;
      setTypingNow(typingCount.current > 0);
    };
  }, []);

  // Leaving first draws an empty live area, then exits: Ink keeps the last frame on the terminal, and a
  // "Quit?" dialog or a menu left there after the app is gone reads as if it were still running.
  const [leftWith, setLeftWith] = useState<number | undefined>(undefined);
  const leave = useCallback((code: number) => setLeftWith((was) => was ?? code), []);
  useEffect(() => {
    if (leftWith === undefined) return;
    onExit?.(leftWith);
    exit();
  }, [leftWith, exit, onExit]);

  const quit = useCallback(
    (code: number) => {
      if (exiting.current) return;
      exiting.current = true;
      setStopping(tasks.size > 0);
      // A graceful stop: nothing new starts, uploads already sent finish and are recorded, then the app goes.
      void tasks.stopAll().then(() => leave(code));
    },
    [tasks, leave],
  );

  // Ctrl-C is handled here rather than by Ink: once to stop cleanly, twice to leave at once (what was in
  // flight is then the journal's, finished by the next run).
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (key.ctrl && input === "c") {
        if (exiting.current) {
          void tasks.abortAll();
          leave(EXIT_INTERRUPTED);
        } else quit(EXIT_INTERRUPTED);
        return;
      }
      // `?` opens the screen's key list (lazygit, k9s); Esc, Enter, q or `?` again close it.
      if (helpOpen) {
        if (key.escape || key.return || input === "?" || input === "q") setHelpOpen(false);
      } else if (input === "?" && typingCount.current === 0 && !exiting.current) setHelpOpen(true);
    },
    { isActive: isRawModeSupported === true },
  );

  const tui: Tui = useMemo(
    () => ({
      ctx,
      tasks,
      navigate,
      quit,
      stopping,
      redact: ctx.redact,
      print,
      helpOpen,
      typing,
      typingNow,
      memory,
    }),
    [ctx, tasks, quit, stopping, print, helpOpen, typing, typingNow, memory],
  );
  const route = currentRoute(navigation);
  const creator = ctx.config.creator ?? "no creator";

  return (
    <TuiContext.Provider value={tui}>
      <Static items={printed}>{(item) => <FinishedLine key={item.key} item={item} width={columns} />}</Static>
      {leftWith !== undefined ? null : (
        <Box flexDirection="column" width={columns}>
          <Text dimColor wrap="truncate-end">
            <Text bold color="magenta">
              rbxassets
            </Text>{" "}
            · {apiHost(ctx.config.baseUrl)} · {creator}
            {busy > 0 ? ` · ${busy} task${busy === 1 ? "" : "s"} running` : ""}
          </Text>
          {stopping ? (
            <Text color="yellow" wrap="truncate-end">
              Stopping: uploads already sent are finishing… ctrl-c again to leave them to the next run
            </Text>
          ) : null}
          <RouteView key={navigation.stack.length + JSON.stringify(route)} route={route} />
        </Box>
      )}
    </TuiContext.Provider>
  );
}

export interface RunTuiOptions {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  initialRoute?: Route;
}

/**
 * Opens the interactive TUI and resolves with the exit code when the user quits: 0 after q/Quit, 130 after
 * Ctrl-C (once aborted work has settled).
 */
export async function runTui(ctx: ServiceContext, options: RunTuiOptions = {}): Promise<number> {
  let code = 0;
  const stdout = options.stdout ?? process.stdout;
  const clearAfterNarrowing = () => clearScreen(stdout, () => instance.clear());
  const instance = render(
    <App
      ctx={ctx}
      onExit={(c) => {
        code = c;
      }}
      {...(options.initialRoute ? { initialRoute: options.initialRoute } : {})}
      onNarrowed={clearAfterNarrowing}
    />,
    {
      // Ctrl-C is ours: it must abort running work and wait before the app goes.
      exitOnCtrlC: false,
      ...(options.stdin ? { stdin: options.stdin } : {}),
      ...(options.stdout ? { stdout: options.stdout } : terminalStdout()),
      ...(options.stderr ? { stderr: options.stderr } : {}),
    },
  );
  await instance.waitUntilExit();
  return code;
}
