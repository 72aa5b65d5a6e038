// Test helpers: real HTTP over loopback with global fetch/FormData; every response is contract-checked.
import {
  contractBreakingFaults,
  DEFAULT_EMULATOR_API_KEY,
  FAULT_HEADER,
  type FaultKind,
  type RunningEmulator,
} from "../src/index.js";
import { apiPrefix, assertContract } from "./contract.js";

export interface CallOptions {
  apiKey?: string | null;
  bearer?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Skip the contract check (only for the contract test's own negative cases). */
  unchecked?: boolean;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

// biome-ignore lint/suspicious/noExplicitAny: tests inspect bodies ad hoc; the contract check validates them.
export async function call<T = any>(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const apiKey = options.apiKey === undefined ? emulator.apiKey : options.apiKey;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  else if (apiKey !== null) headers["x-api-key"] = apiKey;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${emulator.url}${path}`, { method, headers, body });
  const text = await response.text();
  // Injected malformedJson / wrongContentType answers break the contract on purpose: keep their text,
  // skip the check. Injected 5xx and 429 answers are still checked.
  const faults = (response.headers.get(FAULT_HEADER) ?? "").split(",") as FaultKind[];
  const broken = faults.some((fault) => contractBreakingFaults.includes(fault));
  const parsed: unknown = broken || text === "" ? text || undefined : JSON.parse(text);
  if (!options.unchecked && !broken) {
    const url = new URL(response.url);
    assertContract({
      method,
      path: url.pathname.slice(apiPrefix.length).replace(/%3a/gi, ":"),
      status: response.status,
      headers: response.headers,
      body: parsed,
    });
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

export interface UploadOptions {
  request?: unknown;
  /** Send `request` as a file part with Content-Type application/json instead of a text field. */
  requestAsJsonPart?: boolean;
  file?: { bytes: Uint8Array<ArrayBuffer>; contentType: string; name?: string } | null;
}

export function assetForm(options: UploadOptions = {}): FormData {
  const form = new FormData();
  if (options.request !== undefined) {
    const json = JSON.stringify(options.request);
    if (options.requestAsJsonPart) form.append("request", new Blob([json], { type: "application/json" }));
    else form.append("request", json);
  }
  if (options.file) {
    const { bytes, contentType, name = "file.bin" } = options.file;
    form.append("fileContent", new Blob([bytes], { type: contentType }), name);
  }
  return form;
}

export function createRequest(overrides: Record<string, unknown> = {}) {
  return {
    assetType: "Image",
    displayName: "Logo",
    description: "A logo",
    creationContext: { creator: { userId: "11112938575" } },
    ...overrides,
  };
}

export const pngFile = (bytes: Uint8Array<ArrayBuffer> = pngBytes) => ({
  bytes,
  contentType: "image/png",
  name: "logo.png",
});
export const rbxmFile = (text: string) => ({
  bytes: new TextEncoder().encode(text),
  contentType: "model/x-rbxm",
  name: "model.rbxm",
});

export async function create(emulator: RunningEmulator, options: UploadOptions = {}) {
  return call(emulator, "POST", "/v1/assets", {
    form: assetForm({ request: createRequest(), file: pngFile(), ...options }),
  });
}

/** Polls Get Operation until done (bounded by count, not time). */
export async function waitForOperation(emulator: RunningEmulator, operationId: string, maxPolls = 20) {
  for (let poll = 0; poll < maxPolls; poll++) {
    const result = await call(emulator, "GET", `/v1/operations/${operationId}`);
    if (result.status !== 200) throw new Error(`operation poll answered ${result.status}`);
    if (result.body.done) return result.body;
  }
  throw new Error(`operation ${operationId} not done after ${maxPolls} polls`);
}

/** Creates an asset and waits for it; returns the Asset. */
export async function createAsset(emulator: RunningEmulator, options: UploadOptions = {}) {
  const created = await create(emulator, options);
  if (created.status !== 200)
    throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  const done = await waitForOperation(emulator, created.body.operationId);
  return done.response;
}

export { DEFAULT_EMULATOR_API_KEY };
