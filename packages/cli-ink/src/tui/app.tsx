import { defaultHost } from "@rbxassets/core";
import { Box, render, Static, Text, useApp, useInput, useStdin } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { FinishedLine } from "./components/progress-panel.js";
import { type Tui, TuiContext } from "./context.js";
import { useLayout } from "./hooks/use-layout.js";
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

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case "home":
      return <HomeScreen />;
    case "upload":
      return <UploadScreen />;
    case "sync":
      return <SyncScreen />;
    case "browse":
      return <BrowseScreen />;
    case "ask-asset":
      return <AskAssetScreen purpose={route.purpose} />;
    case "asset":
      return <AssetScreen assetId={route.assetId} />;
    case "versions":
      return <VersionsScreen assetId={route.assetId} />;
    case "archive":
      return <ArchiveScreen assetId={route.assetId} />;
    case "edit":
      return <EditScreen assetId={route.assetId} />;
    case "grant":
      return <GrantScreen assetId={route.assetId} />;
    case "operation":
      return <OperationScreen {...(route.operationId ? { operationId: route.operationId } : {})} />;
  }
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
}

/** The router: one screen at a time, Esc pops back to the previous one, Ctrl-C stops work and quits. */
export function App({ ctx, onExit, initialRoute }: AppProps) {
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
  const exiting = useRef(false);

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
      // Aborted uploads settle first: each finished one is then recorded, and nothing is half-written.
      void tasks.abortAll().then(() => leave(code));
    },
    [tasks, leave],
  );

  // Ctrl-C is handled here rather than by Ink: once to stop cleanly, twice to leave at once.
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (!(key.ctrl && input === "c")) return;
      if (exiting.current) leave(EXIT_INTERRUPTED);
      else quit(EXIT_INTERRUPTED);
    },
    { isActive: isRawModeSupported === true },
  );

  const tui: Tui = useMemo(
    () => ({ ctx, tasks, navigate, quit, stopping, redact: ctx.redact, print }),
    [ctx, tasks, quit, stopping, print],
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
              Stopping: letting work in flight settle… (ctrl-c again: quit now)
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
  const instance = render(
    <App
      ctx={ctx}
      onExit={(c) => {
        code = c;
      }}
      {...(options.initialRoute ? { initialRoute: options.initialRoute } : {})}
    />,
    {
      // Ctrl-C is ours: it must abort running work and wait before the app goes.
      exitOnCtrlC: false,
      ...(options.stdin ? { stdin: options.stdin } : {}),
      ...(options.stdout ? { stdout: options.stdout } : {}),
      ...(options.stderr ? { stderr: options.stderr } : {}),
    },
  );
  await instance.waitUntilExit();
  return code;
}
