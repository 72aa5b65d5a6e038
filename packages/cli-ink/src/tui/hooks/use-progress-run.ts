import { useCallback, useEffect, useReducer, useRef } from "react";
import { useTui } from "../context.js";
import { isAbort } from "../state/errors.js";
import {
  initialProgress,
  type ProgressAction,
  type ProgressState,
  progressReducer,
} from "../state/progress.js";

export type ProgressWork = (
  emit: (action: ProgressAction) => void,
  signal: AbortSignal,
) => Promise<{ aborted: boolean; notDone?: string[] }>;

/**
 * Runs a batch once `start` is called, as a task the app waits for on Ctrl-C. `stop()` aborts it: what is
 * in flight finishes or is abandoned by the service, and the state says what was not done.
 */
export function useProgressRun(): {
  state: ProgressState | undefined;
  start: (work: ProgressWork, total?: number) => void;
  stop: () => void;
} {
  const { tasks } = useTui();
  const [state, dispatch] = useReducer(
    (current: ProgressState | undefined, action: ProgressAction | { type: "init"; state: ProgressState }) =>
      action.type === "init" ? action.state : current && progressReducer(current, action),
    undefined,
  );
  const abortRef = useRef<() => void>(undefined);
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
    (work: ProgressWork, total?: number) => {
      dispatch({ type: "init", state: initialProgress(Date.now(), total) });
      const emit = (action: ProgressAction) => {
        if (liveRef.current) dispatch(action);
      };
      const task = tasks.run((signal) => work(emit, signal));
      abortRef.current = task.abort;
      task.promise.then(
        (result) =>
          emit({ type: "finish", at: Date.now(), aborted: result.aborted, notDone: result.notDone ?? [] }),
        (error: unknown) =>
          emit(
            isAbort(error)
              ? { type: "finish", at: Date.now(), aborted: true }
              : { type: "crash", at: Date.now(), error },
          ),
      );
    },
    [tasks],
  );

  const stop = useCallback(() => {
    dispatch({ type: "stop-requested" });
    abortRef.current?.();
  }, []);

  return { state, start, stop };
}
