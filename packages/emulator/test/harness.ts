// Test helpers: real HTTP over loopback with global fetch/FormData; every response is contract-checked.
import { deflateSync } from "node:zlib";
import {
  contractBreakingFaults,
  DEFAULT_EMULATOR_API_KEY,
  type EmulatorOptions,
  FAULT_HEADER,
  type FaultKind,
  type RunningEmulator,
  startEmulator,
} from "../src/index.js";
import { assertContract } from "./contract.js";

/**
 * An emulator whose operations stay pending for one poll and no time (tests never wait on a clock),
 * unless the options say otherwise.
 */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    ...options,
    operations: { pendingMs: 0, pendingPolls: 1, ...options.operations },
  });
}

export interface CallOptions {
  apiKey?: string | null;
  bearer?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Skip the contract check (only for the contract test's own negative cases). */
  unchecked?: boolean;
  /** `path` is from the server's root (the asset-permissions and quota APIs), not under `/assets`. */
  root?: boolean;
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
  const base = options.root ? new URL(emulator.url).origin : emulator.url;
  const response = await fetch(`${base}${path}`, { method, headers, body });
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
      path: url.pathname.replace(/%3a/gi, ":"),
      status: response.status,
      headers: response.headers,
      body: parsed,
    });
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid RGB PNG of the given size; `seed` changes the pixels (and so the hash). */
export function png(width = 2, height = 2, seed = 0): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.alloc(1 + width * 3, seed & 0xff);
  row[0] = 0;
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(bytes);
}

export const pngBytes = png();

/** The start of an MP4 (an ISO media `ftyp` box), enough for content sniffing. */
export const mp4Bytes = new Uint8Array(
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypisom", "latin1"),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from("isommp41", "latin1"),
    Buffer.alloc(16),
  ]),
);
export const mp4File = () => ({ bytes: mp4Bytes, contentType: "video/mp4", name: "clip.mp4" });

export interface UploadOptions {
  /** The key to send (default the emulator's first). */
  apiKey?: string;
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
    // The default emulator key's owner (DEFAULT_EMULATOR_CREATOR, user:1).
    creationContext: { creator: { userId: "1" } },
    ...overrides,
  };
}

export const pngFile = (bytes: Uint8Array<ArrayBuffer> = pngBytes) => ({
  bytes,
  contentType: "image/png",
  name: "logo.png",
});
/** A Roblox binary model: the `<roblox!` magic, then `text` (so each text is distinct content). */
export const rbxmFile = (text: string) => ({
  bytes: new TextEncoder().encode(`<roblox!${text}`),
  contentType: "model/x-rbxm",
  name: "model.rbxm",
});

export async function create(emulator: RunningEmulator, options: UploadOptions = {}) {
  return call(emulator, "POST", "/v1/assets", {
    form: assetForm({ request: createRequest(), file: pngFile(), ...options }),
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
  });
}

/** Polls Get Operation until done (bounded by count, not time). */
export async function waitForOperation(
  emulator: RunningEmulator,
  operationId: string,
  maxPolls = 20,
  apiKey?: string,
) {
  for (let poll = 0; poll < maxPolls; poll++) {
    const result = await call(emulator, "GET", `/v1/operations/${operationId}`, {
      ...(apiKey !== undefined ? { apiKey } : {}),
    });
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
  const done = await waitForOperation(emulator, created.body.operationId, 20, options.apiKey);
  return done.response;
}

export { DEFAULT_EMULATOR_API_KEY };
