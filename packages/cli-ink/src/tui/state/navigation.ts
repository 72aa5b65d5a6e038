// The screen stack: which screen is showing and where Esc goes back to. Pure, so it is unit-tested.
import { parseAssetId as coreParseAssetId } from "@rbxassets/core";

/** What a screen that needs an asset id is for, once the id is known. */
export type AssetPurpose = "asset" | "versions" | "archive" | "edit";

export type Route =
  | { name: "home" }
  | { name: "upload" }
  | { name: "sync" }
  | { name: "browse" }
  | { name: "ask-asset"; purpose: AssetPurpose }
  | { name: "asset"; assetId: string }
  | { name: "versions"; assetId: string }
  | { name: "archive"; assetId: string }
  | { name: "edit"; assetId: string }
  | { name: "grant"; assetId: string }
  | { name: "operation"; operationId?: string };

export interface NavigationState {
  /** Never empty: the bottom is always home. */
  stack: Route[];
}

export type NavigationAction =
  | { type: "push"; route: Route }
  | { type: "replace"; route: Route }
  | { type: "back" }
  | { type: "home" };

export const initialNavigation: NavigationState = { stack: [{ name: "home" }] };

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case "push":
      return { stack: [...state.stack, action.route] };
    case "replace":
      return state.stack.length <= 1
        ? { stack: [...state.stack, action.route] }
        : { stack: [...state.stack.slice(0, -1), action.route] };
    case "back":
      return state.stack.length <= 1 ? state : { stack: state.stack.slice(0, -1) };
    case "home":
      return initialNavigation;
  }
}

export function currentRoute(state: NavigationState): Route {
  return state.stack.at(-1) ?? { name: "home" };
}

/** The route an asset id leads to, for each purpose of the asset id prompt. */
export function routeForAsset(purpose: AssetPurpose, assetId: string): Route {
  return { name: purpose, assetId };
}

/**
 * Accepts the forms users paste: `123`, `rbxassetid://123`, `assets/123`, or a Creator Hub / catalog URL
 * that contains the id. Returns the digit string, or undefined when there is no id in the text.
 */
export function parseAssetId(text: string): string | undefined {
  // Core's one parser for the id forms; the TUI adds the web pages people copy an id from.
  return (
    coreParseAssetId(text) ?? /\/(?:store|catalog|library|asset)\/(?:asset\/)?(\d+)/i.exec(text.trim())?.[1]
  );
}

/** Accepts an operation id or its `operations/<id>` path. */
export function parseOperationId(text: string): string | undefined {
  const trimmed = text.trim().replace(/^operations\//, "");
  return /^[A-Za-z0-9-]{6,}$/.test(trimmed) ? trimmed : undefined;
}
