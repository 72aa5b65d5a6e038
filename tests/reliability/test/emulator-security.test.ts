// The emulator listens on loopback only unless told otherwise, rejects unknown keys and enforces
// read-only keys; checked through the real client.
import { networkInterfaces } from "node:os";
import { AssetsApiError, createAssetsClient } from "@rbxassets/core";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CREATOR, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const AREA = "emulator: exposure and keys";
const WRITE_KEY = "rbx-write-key-0001";
const READ_KEY = "rbx-read-key-0002";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: [WRITE_KEY, { key: READ_KEY, readOnly: true }],
    rateLimits: false,
    operations: { pendingPolls: 0 },
  });
});
afterAll(async () => {
  await emulator?.close();
});

const client = (apiKey: string) =>
  createAssetsClient({ apiKey, baseUrl: emulator.url, env: {}, retry: { maxAttempts: 1 } });

const upload = (apiKey: string) =>
  client(apiKey).createAsset({
    request: {
      assetType: "Image",
      displayName: "key-test",
      description: "",
      creationContext: { creator: { userId: CREATOR.slice(5) } },
    },
    file: {
      data: new Blob([new Uint8Array(png(77))], { type: "image/png" }),
      fileName: "k.png",
      contentType: "image/png",
    },
  });

async function status(call: () => Promise<unknown>): Promise<number | string> {
  try {
    await call();
    return "ok";
  } catch (error) {
    return error instanceof AssetsApiError
      ? error.status
      : `${(error as Error).name}: ${(error as Error).message}`;
  }
}

it("binds to loopback by default and is unreachable on other interfaces", async () => {
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && !info.internal && info.family === "IPv4")
    .map((info) => info!.address);
  const reached: string[] = [];
  for (const address of others) {
    const url = new URL(emulator.url);
    url.hostname = address;
    const answer = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      () => "answered",
      () => "refused",
    );
    if (answer === "answered") reached.push(address);
  }
  record(import.meta.filename, {
    area: AREA,
    case: "default bind address",
    runs: 1,
    outcome: emulator.address.address === "127.0.0.1" && reached.length === 0 ? "loopback only" : "FAILS",
    detail: `bound to ${emulator.address.address}; ${reached.length === 0 ? "no" : reached.length} non-loopback IPv4 address of this machine answered`,
  });
  expect(emulator.address.address).toBe("127.0.0.1");
  expect(new URL(emulator.url).hostname).toBe("127.0.0.1");
  expect(reached).toEqual([]);
});

it("binds elsewhere only when told to", async () => {
  const open = await startTestEmulator({ host: "0.0.0.0", rateLimits: false });
  try {
    record(import.meta.filename, {
      area: AREA,
      case: 'host: "0.0.0.0" given explicitly',
      runs: 1,
      outcome: open.address.address === "0.0.0.0" ? "binds as told" : "FAILS",
      detail: `bound to ${open.address.address}`,
    });
    expect(open.address.address).toBe("0.0.0.0");
  } finally {
    await open.close();
  }
});

it("rejects unknown and missing keys, enforces read-only keys", async () => {
  const results = {
    "unknown key, get": await status(() => client("rbx-unknown-key").getAsset("1")),
    "unknown key, create": await status(() => upload("rbx-unknown-key")),
    "write key, create": await status(() => upload(WRITE_KEY)),
    "read-only key, get": await status(() => client(READ_KEY).getAsset("18000000001")),
    "read-only key, create": await status(() => upload(READ_KEY)),
    "read-only key, archive": await status(() => client(READ_KEY).archiveAsset("18000000001")),
    // A plain fetch without any key: the status it got.
    "no key, get": await fetch(`${emulator.url}/v1/assets/1`).then((response) => response.status),
  };
  const expected = {
    "unknown key, get": 401,
    "unknown key, create": 401,
    "write key, create": "ok",
    "read-only key, get": "ok",
    "read-only key, create": 403,
    "read-only key, archive": 403,
    "no key, get": 401,
  };
  const creates = emulator.stats().creates;
  for (const [name, got] of Object.entries(results)) {
    const want = expected[name as keyof typeof expected];
    record(import.meta.filename, {
      area: AREA,
      case: name,
      runs: 1,
      outcome:
        got === want
          ? typeof got === "number"
            ? `refused (${got})`
            : "allowed"
          : `FAILS: got ${got}, want ${want}`,
      detail: "through createAssetsClient (AssetsApiError.status)",
    });
  }
  expect(results).toEqual(expected);
  expect(creates).toBe(1);
});
