import { useCallback, useRef, useState } from "react";

/**
 * useReducer whose latest state can be read at once. Keys of one chunk (`Down Enter` pasted, or typed faster
 * than React renders) reach the handler one after the other before any render: each must act on the state
 * the previous key left, not on the last one drawn. `live()` is that state; `dispatch` updates it at once.
 */
export function useLiveReducer<S, A>(
  reducer: (state: S, action: A) => S,
  init: () => S,
): [state: S, dispatch: (action: A) => void, live: () => S] {
  const [state, setState] = useState(init);
  const latest = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(latest.current, action);
      if (next === latest.current) return;
      latest.current = next;
      setState(next);
    },
    [reducer],
  );
  const live = useCallback(() => latest.current, []);
  return [state, dispatch, live];
}
