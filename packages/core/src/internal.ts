// @rbxassets/core/internal: helpers shared by rbxassets' own packages (the CLI, the TUI, the plugins).
// NOT semver-stable: names here may change or go in any release. Users import `@rbxassets/core` and
// `@rbxassets/core/node`; see CONTRIBUTING.md ("Core's entries").

export { maskFields } from "@rbxassets/spec";
export { describeWait, isAmbiguousWrite, redact } from "./client/errors.js";
export { normalizeAssetType } from "./client/normalize.js";
export { credentialProblem } from "./client/settings.js";
export { classifyAccountRefusal } from "./node/account-refusal.js";
export { moduleValue, renderLuauValue, renderTypeScriptValue } from "./node/codegen/values.js";
export { describeError, isAbortError, oneLine } from "./node/errors.js";
export { ensureMergeAttributes } from "./node/merge-attributes.js";
export { isInsideRoot } from "./node/paths.js";
export { type ScanResult, scanPaths } from "./node/scan.js";
export { grantRefusalOf, stopsEveryGrant } from "./node/stages/grant.js";
export { sendAsIs } from "./node/stages/process.js";
export { createRequest } from "./node/stages/upload.js";
export { type ValidateMeta, type ValidateOptions, validateFile } from "./node/validate.js";
