import { useCallback, useEffect, useReducer, useRef } from "react";
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

/**
 * Runs a batch once `start` is called, as a task the app waits for on Ctrl-C. `stop()` aborts it: what is
 * in flight finishes or is abandoned by the service, and the state says what was not done.
 */
let runs = 0;

export function useProgressRun(): {
  state: ProgressState | undefined;
  start: (work: ProgressWork, options?: { total?: number; check?: boolean }) => void;
  stop: () => void;
} {
  const { ctx, tasks, print } = useTui();
  const [state, dispatch] = useReducer(
    (current: ProgressState | undefined, action: ProgressAction | { type: "init"; state: ProgressState }) =>
      action.type === "init" ? action.state : current && progressReducer(current, action),
    undefined,
  );
  const abortRef = useRef<() => void>(undefined);
  // Finished files go to the app's <Static> once each; keys are made unique across batches.
  const printedRef = useRef({ run: 0, count: 0 });
  useEffect(() => {
    const finished = state?.finished ?? [];
    const printed = printedRef.current;
    if (finished.length <= printed.count) return;
    print(finished.slice(printed.count).map((item) => ({ ...item, key: `${printed.run}:${item.key}` })));
    printed.count = finished.length;
  }, [state?.finished, print]);
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
      printedRef.current = { run: ++runs, count: 0 };
      dispatch({ type: "init", state: initialProgress(Date.now(), options.total, options.check) });
      const emit = (action: ProgressAction) => {
        if (liveRef.current) dispatch(action);
      };
      // The limiter's own word on how long it holds requests back, so that a wait does not look like a hang.
      const unsubscribe = ctx.onClientEvent((event) => {
        if (event.type === "rateLimited" && event.waitMs > 0) {
          emit({ type: "rate-limited", until: Date.now() + event.waitMs });
        } else if (event.type === "retry" && /429|rate/i.test(event.reason)) {
          emit({ type: "rate-limited", until: Date.now() + event.delayMs });
        }
      });
      const task = tasks.run((signal) => work(emit, signal).finally(unsubscribe));
      abortRef.current = task.abort;
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
    [ctx, tasks],
  );

  const stop = useCallback(() => {
    dispatch({ type: "stop-requested" });
    abortRef.current?.();
  }, []);

  return { state, start, stop };
}
