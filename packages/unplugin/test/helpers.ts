// One emulator per test file, and a fresh copy of the fixture project per test (real PNGs and models).
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll } from "vitest";

const FIXTURE = fileURLToPath(new URL("./fixtures/project", import.meta.url));

/** A distinctive key, so that tests can check it never reaches a bundle or a message. */
export const SECRET_KEY = "rbxassets-unplugin-secret-7c1e2d";
export const CREATOR = "user:4242";

export function useEmulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const state: { emulator: RunningEmulator; roots: string[] } = { emulator: undefined!, roots: [] };
  beforeAll(async () => {
    state.emulator = await startEmulator({
      apiKeys: [SECRET_KEY],
      creator: CREATOR,
      ...options,
      operations: { pendingPolls: 0, pendingMs: 0 },
    });
  });
  afterAll(async () => {
    await state.emulator?.close();
  });
  afterEach(async () => {
    state.emulator.resetStats();
    await Promise.all(
      state.roots.splice(0).map((root) => rm(root, { recursive: true, force: true, maxRetries: 10 })),
    );
  });
  return {
    get emulator() {
      return state.emulator;
    },
    env: () => ({
      RBXASSETS_API_URL: state.emulator.url,
      RBXASSETS_API_KEY: SECRET_KEY,
      RBXASSETS_CREATOR: CREATOR,
    }),
    /** Points at the emulator with no key: any request would be counted, and an upload would fail. */
    envWithoutCredentials: () => ({ RBXASSETS_API_URL: state.emulator.url }),
    requestCount: () => Object.values(state.emulator.stats().requests).reduce((sum, n) => sum + n, 0),
    async project(): Promise<string> {
      const root = await mkdtemp(join(tmpdir(), "rbxassets-unplugin-"));
      state.roots.push(root);
      await cp(FIXTURE, root, { recursive: true });
      return root;
    },
  };
}

export async function lockfileIds(root: string): Promise<Set<string>> {
  const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as {
    assets: Record<string, { assetId: string }>;
  };
  return new Set(Object.values(lock.assets).map((entry) => `rbxassetid://${entry.assetId}`));
}

export const idsIn = (text: string) => new Set(text.match(/rbxassetid:\/\/\d+/g) ?? []);
