// A build that meets an account-level refusal fails with one message in the plugin's terms, after at most
// `concurrency` write requests; the lockfile keeps what earlier builds recorded.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rollupBuild } from "./build.js";
import { readLockfile, SECRET_KEY, useEmulator } from "./helpers.js";
import { png } from "./png.js";

const READ_ONLY_KEY = "rbxassets-read-only-key";
const CONCURRENCY = 2;
const IMAGES = 12;
const RED = 'export { default as red } from "./images/red.png";';

const GROUP_KEY = "rbxassets-group-key";

const ctx = useEmulator({
  apiKeys: [SECRET_KEY, { key: READ_ONLY_KEY, readOnly: true }, { key: GROUP_KEY, creator: "group:7" }],
});
/** The same key's account, moderated: every write is refused. */
const moderated = useEmulator({ accountModerated: true });

function writes(server = ctx): number {
  const { requests } = server.emulator.stats();
  return (requests.Assets_CreateAsset ?? 0) + (requests.Assets_UpdateAsset ?? 0);
}

describe("an account-level refusal fails the build once", () => {
  for (const [name, key, words, server] of [
    [
      "a wrong key",
      "rbxassets-wrong-key",
      ["API key was refused", "apiKey option", "RBXASSETS_API_KEY"],
      ctx,
    ],
    ["a key of another creator", GROUP_KEY, ["user:4242", "creator option"], ctx],
    ["a key without write access", READ_ONLY_KEY, ["user:4242", "creator option"], ctx],
    ["a moderated account", SECRET_KEY, ["is moderated", "builds from the lockfile still work"], moderated],
  ] as const) {
    it(`${name}: one message naming the cause and the fix, at most the concurrency in writes`, async () => {
      const files: Record<string, Buffer | string> = {};
      const lines: string[] = [];
      for (let i = 0; i < IMAGES; i++) {
        files[`src/many/${i}.png`] = png(i + 1);
        lines.push(`export { default as i${i} } from "./many/${i}.png";`);
      }
      const root = await ctx.project({
        ...files,
        "src/main.js": RED,
      });
      await rollupBuild(root, { env: ctx.env() });
      const before = await readLockfile(root);
      server.emulator.resetStats();

      await writeFile(join(root, "src/main.js"), `${lines.join("\n")}\n${RED}\n`);
      const error = await rollupBuild(root, {
        env: { ...server.env(), RBXASSETS_API_KEY: key },
        concurrency: CONCURRENCY,
      }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(Error);
      for (const word of words) expect(error!.message).toContain(word);
      expect(error!.message).toContain("no further uploads were started");
      expect(error!.message).not.toContain(key);
      expect(writes(server)).toBeGreaterThan(0);
      expect(writes(server)).toBeLessThanOrEqual(CONCURRENCY);
      expect(await readLockfile(root)).toEqual(before);
    });
  }
});
