import { useCallback, useEffect, useReducer, useRef } from "react";
import { type AsyncState, asyncReducer, initialAsync } from "../state/async.js";

/**
 * Runs `load` on mount and on every `reload()`; the view shows a spinner, the data or the error in place.
 * (The router remounts a screen when what it shows changes, so there are no dependencies to track.)
 */
export function useAsync<T>(load: () => Promise<T>): [AsyncState<T>, () => void] {
  const [state, dispatch] = useReducer(asyncReducer<T>, undefined, initialAsync<T>);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => dispatch({ type: "reload" }), []);

  useEffect(() => {
    let live = true;
    const request = state.request;
    loadRef.current().then(
      (data) => live && dispatch({ type: "resolved", request, data }),
      (error: unknown) => live && dispatch({ type: "rejected", request, error }),
    );
    return () => {
      live = false;
    };
  }, [state.request]);

  return [state, reload];
}
