import { useCallback, useEffect, useRef, useState } from "react";
import type { ProgressWork } from "../batch.js";
import { useTui } from "../context.js";
import { isAbort } from "../state/errors.js";
import {
  initialProgress,
  type ProgressAction,
  type ProgressState,
  progressReducer,
} from "../state/progress.js";

export type { ProgressWork } from "../batch.js";

let runs = 0;

/**
 * Runs a batch once `start` is called, as a task the app waits for on Ctrl-C. `stop()` stops it gracefully:
 * nothing new starts, uploads already sent finish and are recorded, and the state says what was not done.
 */
export function useProgressRun(): {
  state: ProgressState | undefined;
  start: (work: ProgressWork, options?: { total?: number; check?: boolean }) => void;
  stop: () => void;
} {
  const { ctx, tasks, print } = useTui();
  const [state, setState] = useState<ProgressState>();
  // The reducer runs here, not in React: a newly finished file is printed (through the app's <Static>)
  // in the same render as the state that counts it, so no frame shows a count without its line.
  const current = useRef<ProgressState | undefined>(undefined);
  const printed = useRef({ run: 0, count: 0 });
  const dispatch = useCallback(
    (action: ProgressAction | { type: "init"; state: ProgressState }) => {
      const next =
        action.type === "init" ? action.state : current.current && progressReducer(current.current, action);
      if (next === undefined || next === current.current) return;
      current.current = next;
      setState(next);
      const done = printed.current;
      if (next.finished.length > done.count) {
        // Keys are made unique across batches: the app's <Static> holds every batch's lines.
        // Unchanged files are counted, not listed: a sync with nothing to do must not print a line for
        // each of 600 files into the scrollback (the counts line says `= 600 unchanged`).
        print(
          next.finished
            .slice(done.count)
            .filter((item) => item.outcome !== "unchanged")
            .map((item) => ({ ...item, key: `${done.run}:${item.key}` })),
        );
        done.count = next.finished.length;
      }
    },
    [print],
  );
  const abortRef = useRef<() => void>(undefined);
  const stopRef = useRef<() => void>(undefined);
  const liveRef = useRef(true);

  useEffect(() => {
    liveRef.current = true;
    return () => {
      // Leaving the screen mid-run stops the batch (the app still waits for it on exit).
      liveRef.current = false;
      abortRef.current?.();
    };
  }, []);

  const start = useCallback(
    (work: ProgressWork, options: { total?: number; check?: boolean } = {}) => {
      printed.current = { run: ++runs, count: 0 };
      dispatch({ type: "init", state: initialProgress(Date.now(), options.total, options.check) });
      const emit = (action: ProgressAction) => {
        if (liveRef.current) dispatch(action);
      };
      // The limiter's own word on how long it holds requests back, so that a wait does not look like a hang.
      const unsubscribe = ctx.onClientEvent((event) => {
        if (event.type === "rateLimited" && event.waitMs > 0) {
          emit({ type: "rate-limited", until: Date.now() + event.waitMs });
        } else if (event.type === "retry" && event.reason === "HTTP 429") {
          // Only the server's own 429 is a rate-limit wait: a connection refused is not one.
          emit({ type: "rate-limited", until: Date.now() + event.delayMs });
        }
      });
      // Graceful: a stop (Esc, the first Ctrl-C) lets uploads already sent finish and be recorded.
      const task = tasks.run((signal, stop) => work(emit, signal, stop).finally(unsubscribe), {
        graceful: true,
      });
      abortRef.current = task.abort;
      stopRef.current = task.stop;
      task.promise.then(
        (result) =>
          emit({
            type: "finish",
            at: Date.now(),
            aborted: result.aborted,
            notDone: result.notDone ?? [],
            ...(result.refusal ? { refusal: result.refusal } : {}),
          }),
        (error: unknown) =>
          emit(
            isAbort(error)
              ? { type: "finish", at: Date.now(), aborted: true }
              : { type: "crash", at: Date.now(), error },
          ),
      );
    },
    [ctx, tasks, dispatch],
  );

  // Esc stops as the first Ctrl-C does: gracefully, uploads already sent are finished and recorded.
  const stop = useCallback(() => {
    dispatch({ type: "stop-requested" });
    stopRef.current?.();
  }, [dispatch]);

  return { state, start, stop };
}
