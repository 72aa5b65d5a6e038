// The state of one request a screen waits on: a spinner while loading, the data, or the error in place.

export type AsyncState<T> =
  | { status: "loading"; request: number }
  | { status: "success"; request: number; data: T }
  | { status: "error"; request: number; error: unknown };

export type AsyncAction<T> =
  | { type: "reload" }
  | { type: "resolved"; request: number; data: T }
  | { type: "rejected"; request: number; error: unknown };

export function initialAsync<T>(): AsyncState<T> {
  return { status: "loading", request: 0 };
}

export function asyncReducer<T>(state: AsyncState<T>, action: AsyncAction<T>): AsyncState<T> {
  switch (action.type) {
    case "reload":
      return { status: "loading", request: state.request + 1 };
    case "resolved":
      // An answer to an older request (the user pressed r meanwhile) is dropped.
      return action.request === state.request
        ? { status: "success", request: state.request, data: action.data }
        : state;
    case "rejected":
      return action.request === state.request
        ? { status: "error", request: state.request, error: action.error }
        : state;
  }
}
