import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll } from "vitest";

export const FIXTURE = fileURLToPath(new URL("./fixtures/project", import.meta.url));

/** A distinctive key, so that tests can check it never reaches a bundle or a message. */
export const SECRET_KEY = "rbxassets-test-secret-5f3a9c";
export const CREATOR = "user:4242";

/** One emulator per test file; a fresh copy of the fixture project per test. */
export function useEmulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const state: { emulator: RunningEmulator; roots: string[] } = { emulator: undefined!, roots: [] };
  beforeAll(async () => {
    // The key belongs to CREATOR; operations finish without a delay in time.
    state.emulator = await startEmulator({
      apiKeys: [SECRET_KEY],
      creator: CREATOR,
      moderation: { rejectWords: ["forbidden"], reviewWords: ["pending"] },
      ...options,
      operations: { pendingPolls: 0, pendingMs: 0, ...options?.operations },
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
    /** Environment with credentials for the emulator. */
    env(): Record<string, string> {
      return {
        RBXASSETS_API_URL: state.emulator.url,
        RBXASSETS_API_KEY: SECRET_KEY,
        RBXASSETS_CREATOR: CREATOR,
      };
    },
    /** Environment that points at the emulator but has no credentials: any request would be counted. */
    envWithoutCredentials(): Record<string, string> {
      return { RBXASSETS_API_URL: state.emulator.url, RBXASSETS_CREATOR: CREATOR };
    },
    /** Requests of every kind the emulator saw since the test started. */
    requestCount(): number {
      return Object.values(state.emulator.stats().requests).reduce((sum, n) => sum + n, 0);
    },
    async project(files: Record<string, string | Uint8Array> = {}): Promise<string> {
      const root = await mkdtemp(join(tmpdir(), "rbxassets-plugin-"));
      state.roots.push(root);
      await cp(FIXTURE, root, { recursive: true });
      for (const [path, content] of Object.entries(files)) await writeProjectFile(root, path, content);
      return root;
    },
  };
}

export async function writeProjectFile(
  root: string,
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  const file = join(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

export async function readLockfile(
  root: string,
  name = "rbxassets.lock.json",
): Promise<Record<string, { assetId: string }>> {
  const json = JSON.parse(await readFile(join(root, name), "utf8")) as {
    assets: Record<string, { assetId: string }>;
  };
  return json.assets;
}

/** All `rbxassetid://<digits>` strings in a text, in order. */
export function assetUris(text: string): string[] {
  return text.match(/rbxassetid:\/\/\d+/g) ?? [];
}
