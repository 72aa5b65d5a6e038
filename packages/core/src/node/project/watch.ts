// `sync --watch`: re-syncs the inputs whose files change, in debounced batches, until stopped. Each batch
// reloads the project file (an edit to it counts too) and syncs the inputs touched, so that changed files
// upload, deleted ones leave the modules, and modules are rewritten (atomically) only when their text moves.
import { relative, sep } from "node:path";
import type { FSWatcher } from "chokidar";
import { loadOptionalDependency } from "../optional-dependency.js";
import type { ProjectInput } from "./inputs.js";
import type { Project } from "./loader.js";
import type { ProjectSyncReport } from "./sync-project.js";

export type WatchChangeKind = "added" | "changed" | "removed";

export interface WatchChange {
  file: string;
  kind: WatchChangeKind;
}

export interface WatchBatch {
  changes: WatchChange[];
  /** The inputs synced for this batch, and what the sync did. */
  inputs: string[];
  report: ProjectSyncReport;
}

export interface WatchOptions {
  /** The project as loaded before watching (its root is watched). */
  project: Project;
  /** Loads the project afresh; may throw a ProjectFileError (reported, and the watch goes on). */
  reload(): Promise<Project>;
  /** Syncs these inputs and writes their modules. */
  sync(project: Project, inputs: ProjectInput[], signal: AbortSignal): Promise<ProjectSyncReport>;
  /** Only these inputs are watched (default: all). */
  inputNames?: string[];
  onBatch(batch: WatchBatch): void;
  onError(error: unknown): void;
  /** Called once the watcher is ready (its initial scan done). */
  onReady?(): void;
  /** Quiet time after the last event before a batch runs (default 100 ms). */
  debounceMs?: number;
  signal: AbortSignal;
}

/** Watches until `signal` aborts; resolves once the watcher is closed and the batch in flight has ended. */
export async function watchProject(opts: WatchOptions): Promise<void> {
  let project = opts.project;
  const root = project.root;
  const pending = new Map<string, WatchChangeKind>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reserved = () =>
    new Set([project.lockfile, ...project.inputs.flatMap((i) => [i.output.luau, i.output.dts, i.output.ts])]);
  let skip = reserved();

  const { watch } = await loadOptionalDependency("chokidar", project.file ?? ".", () => import("chokidar"));
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // Dependencies, git's store and dot folders never hold inputs; their churn would only cost events.
    ignored: (path) => {
      const rel = relative(root, path);
      return rel !== "" && rel.split(sep).some((part) => part === "node_modules" || part.startsWith("."));
    },
    // A file is only read once its writer is done with it (an editor or exporter writes in several steps).
    awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 },
  });

  const record = (kind: WatchChangeKind) => (path: string) => {
    const file = relative(root, path).split(sep).join("/");
    if (skip.has(file)) return;
    const earlier = pending.get(file);
    // Added then changed is still added; added then removed is nothing to say.
    if (earlier === "added" && kind === "removed") pending.delete(file);
    else pending.set(file, earlier === "added" && kind === "changed" ? "added" : kind);
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(runBatch);
    }, opts.debounceMs ?? 100);
  };
  watcher.on("add", record("added")).on("change", record("changed")).on("unlink", record("removed"));
  watcher.on("error", (error) => opts.onError(error));

  const runBatch = async () => {
    if (opts.signal.aborted || pending.size === 0) return;
    const changes = [...pending].map(([file, kind]) => ({ file, kind }));
    pending.clear();
    try {
      if (changes.some((c) => c.file === project.file) || changes.some((c) => c.kind !== "changed")) {
        project = await opts.reload();
        skip = reserved();
      }
    } catch (error) {
      opts.onError(error);
      return;
    }
    const watched = project.inputs.filter((i) => !opts.inputNames || opts.inputNames.includes(i.name));
    const configChanged = changes.some((c) => c.file === project.file);
    const touched = configChanged ? watched : watched.filter((i) => changes.some((c) => i.matches(c.file)));
    const relevant = configChanged ? changes : changes.filter((c) => touched.some((i) => i.matches(c.file)));
    if (touched.length === 0) return;
    try {
      const report = await opts.sync(project, touched, opts.signal);
      opts.onBatch({ changes: relevant, inputs: touched.map((i) => i.name), report });
    } catch (error) {
      if (!opts.signal.aborted) opts.onError(error);
    }
  };

  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  opts.onReady?.();
  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) resolve();
    else opts.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
}
