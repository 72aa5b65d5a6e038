// The file picker: several files chosen from a long list, with a `/` filter. Pure: the focus and scroll
// are a menu over the files the filter leaves, the filter is a text field, and selections survive
// filtering (a file chosen, then filtered out, stays chosen).
import { initialMenu, type MenuAction, type MenuState, menuReducer } from "./menu.js";
import { applyKeys, type FieldKey, initialField, type TextFieldState } from "./text-field.js";

export interface PickerState {
  files: readonly string[];
  selected: ReadonlySet<string>;
  filter: TextFieldState;
  /** Typing goes to the filter. */
  filtering: boolean;
  /** Over `visibleFiles(state)`. */
  menu: MenuState;
}

export type PickerAction =
  | { type: "move"; action: MenuAction }
  | { type: "toggle" }
  | { type: "toggle-all" }
  | { type: "filter-start" }
  | { type: "filter-keys"; keys: FieldKey[] }
  /** Enter in the filter: keep it, go back to choosing. */
  | { type: "filter-done" }
  /** Esc in the filter: clear it. */
  | { type: "filter-clear" }
  | { type: "resize"; visible: number };

export function initialPicker(files: readonly string[], visible: number): PickerState {
  return {
    files,
    selected: new Set(),
    filter: initialField(),
    filtering: false,
    menu: initialMenu(files.length, visible),
  };
}

/** Case-insensitive; every space-separated word must appear in the path, in any order. */
export function matchesFilter(file: string, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const path = file.toLowerCase();
  return words.every((word) => path.includes(word));
}

export function visibleFiles(state: PickerState): string[] {
  return state.files.filter((file) => matchesFilter(file, state.filter.value));
}

export function focusedFile(state: PickerState): string | undefined {
  return visibleFiles(state)[state.menu.focus];
}

/** The selection in the list's order (not the order of the clicks). */
export function selectedFiles(state: PickerState): string[] {
  return state.files.filter((file) => state.selected.has(file));
}

function refilter(state: PickerState, filter: TextFieldState): PickerState {
  const next = { ...state, filter };
  const count = visibleFiles(next).length;
  return { ...next, menu: initialMenu(count, state.menu.visible, 0) };
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case "move":
      return { ...state, menu: menuReducer(state.menu, action.action) };
    case "toggle": {
      const file = focusedFile(state);
      if (file === undefined) return state;
      const selected = new Set(state.selected);
      if (selected.has(file)) selected.delete(file);
      else selected.add(file);
      return { ...state, selected };
    }
    case "toggle-all": {
      // On the files shown: all of them when some are not chosen yet, else none of them.
      const shown = visibleFiles(state);
      const selected = new Set(state.selected);
      const all = shown.every((file) => selected.has(file));
      for (const file of shown) {
        if (all) selected.delete(file);
        else selected.add(file);
      }
      return { ...state, selected };
    }
    case "filter-start":
      return { ...state, filtering: true };
    case "filter-keys": {
      // A chunk `text\r` types and keeps the filter: its Enter must not be lost.
      const { state: filter, submitted } = applyKeys(state.filter, action.keys);
      const next = filter === state.filter ? state : refilter(state, filter);
      return submitted !== undefined ? { ...next, filtering: false } : next;
    }
    case "filter-done":
      return { ...state, filtering: false };
    case "filter-clear":
      return { ...refilter(state, initialField()), filtering: false };
    case "resize":
      return {
        ...state,
        menu: menuReducer(state.menu, {
          type: "reset",
          count: state.menu.count,
          visible: action.visible,
          focus: state.menu.focus,
        }),
      };
  }
}
