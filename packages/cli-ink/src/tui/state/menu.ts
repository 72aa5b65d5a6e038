// A one-choice list: which row has the focus and which rows are visible. Pure; the Menu view and its input
// hook sit on top (the same split as ink-ui's components), but unlike ink-ui's Select it can start on a
// given row and reports every Enter, also on the row chosen last time.

export interface MenuState {
  count: number;
  visible: number;
  focus: number;
  /** First visible row. */
  from: number;
}

export type MenuAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "page-down" }
  | { type: "page-up" }
  | { type: "first" }
  | { type: "last" }
  | { type: "reset"; count: number; visible: number; focus: number };

export function initialMenu(count: number, visible: number, focus = 0): MenuState {
  return scrollTo({ count, visible: Math.max(1, visible), focus: 0, from: 0 }, focus);
}

/** Focuses `index` (clamped) and scrolls so that it is visible. */
function scrollTo(state: MenuState, index: number): MenuState {
  if (state.count === 0) return { ...state, focus: 0, from: 0 };
  const focus = Math.min(Math.max(0, index), state.count - 1);
  let from = state.from;
  if (focus < from) from = focus;
  if (focus >= from + state.visible) from = focus - state.visible + 1;
  from = Math.min(from, Math.max(0, state.count - state.visible));
  return { ...state, focus, from };
}

export function menuReducer(state: MenuState, action: MenuAction): MenuState {
  switch (action.type) {
    case "next":
      return scrollTo(state, state.focus + 1);
    case "previous":
      return scrollTo(state, state.focus - 1);
    case "page-down":
      return scrollTo(state, state.focus + state.visible);
    case "page-up":
      return scrollTo(state, state.focus - state.visible);
    case "first":
      return scrollTo(state, 0);
    case "last":
      return scrollTo(state, state.count - 1);
    case "reset":
      return initialMenu(action.count, action.visible, action.focus);
  }
}

/** Rows hidden above and below the visible window. */
export function hiddenRows(state: MenuState): { above: number; below: number } {
  return { above: state.from, below: Math.max(0, state.count - state.from - state.visible) };
}
