// Account-level refusals (api-facts "Account-level refusals"): a sync or a Vite build that meets one stops
// starting uploads at once, reports it once, lists the files it never sent, and keeps the lockfile.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPipeline, parseLockfile } from "@rbxassets/core/node";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import rbxassets from "@rbxassets/vite-plugin";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATOR } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const AREA = "account-level refusals";
const FILES = 40;
const CONCURRENCY = 8;
const GOOD_KEY = "rbxassets-rel-good-key";
const READ_ONLY_KEY = "rbxassets-rel-read-only-key";
const WRONG_KEY = "rbxassets-rel-wrong-key";
const GROUP_KEY = "rbxassets-rel-group-key";

let emulator: RunningEmulator;
/** The same account, moderated. */
let moderated: RunningEmulator;
const roots: string[] = [];

beforeAll(async () => {
  const options = {
    creator: CREATOR,
    apiKeys: [GOOD_KEY, { key: READ_ONLY_KEY, readOnly: true }, { key: GROUP_KEY, creator: "group:7" }],
    rateLimits: false as const,
    operations: { pendingPolls: 0, pendingMs: 0 },
  };
  emulator = await startEmulator(options);
  moderated = await startEmulator({ ...options, accountModerated: true });
});
afterAll(async () => {
  await emulator?.close();
  await moderated?.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

const env = (key: string, server = emulator) => ({
  RBXASSETS_API_KEY: key,
  RBXASSETS_API_URL: server.url,
  RBXASSETS_CREATOR: CREATOR,
});
const file = (i: number) => `src/images/r${String(i).padStart(2, "0")}.png`;

function writes(server = emulator): number {
  const { requests } = server.stats();
  return (requests.Assets_CreateAsset ?? 0) + (requests.Assets_UpdateAsset ?? 0);
}

/** A project with one image synced with the good key and FILES new ones that the refused run meets. */
async function project(seed: number): Promise<{ root: string; before: string }> {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-refusal-"));
  roots.push(root);
  await mkdir(join(root, "src/images"), { recursive: true });
  await writeFile(join(root, "src/images/old.png"), png(seed));
  const first = await createPipeline({ root, env: env(GOOD_KEY) }).sync(["src"]);
  expect(first.uploaded).toHaveLength(1);
  const imports: string[] = ['import old from "./images/old.png";'];
  for (let i = 0; i < FILES; i++) {
    await writeFile(join(root, file(i)), png(seed + 1 + i));
    imports.push(`import i${i} from "./images/r${String(i).padStart(2, "0")}.png";`);
  }
  await writeFile(
    join(root, "index.html"),
    '<!doctype html><script type="module" src="/src/main.js"></script>',
  );
  await writeFile(
    join(root, "src/main.js"),
    `${imports.join("\n")}\nconsole.log(old, ${Array.from({ length: FILES }, (_, i) => `i${i}`).join(", ")});\n`,
  );
  emulator.resetStats();
  moderated.resetStats();
  return { root, before: await readFile(join(root, "rbxassets.lock.json"), "utf8") };
}

async function lockedFiles(root: string): Promise<string[]> {
  return [...parseLockfile(await readFile(join(root, "rbxassets.lock.json"), "utf8")).assets.keys()];
}

describe(AREA, () => {
  for (const [name, key, reason, seed, server] of [
    ["wrong key (401)", WRONG_KEY, "invalid-key", 1000, () => emulator],
    ["key of another creator (403)", GROUP_KEY, "creator-not-allowed", 2000, () => emulator],
    ["key without write access (403)", READ_ONLY_KEY, "creator-not-allowed", 3000, () => emulator],
    ["moderated account (403 User is moderated)", GOOD_KEY, "user-moderated", 4000, () => moderated],
  ] as const) {
    it(`pipeline sync of ${FILES} new files, ${name}`, async () => {
      const { root } = await project(seed);
      const report = await createPipeline({ root, env: env(key, server()), concurrency: CONCURRENCY }).sync([
        "src",
      ]);
      const sent = writes(server());
      const kept = (await lockedFiles(root)).includes("src/images/old.png");
      const holds =
        report.refusal?.reason === reason &&
        sent <= CONCURRENCY &&
        report.failed.length === 0 &&
        report.notAttempted.length + (report.refusal?.files.length ?? 0) === FILES &&
        kept;
      record(import.meta.filename, {
        area: AREA,
        case: `sync of ${FILES} new files, concurrency ${CONCURRENCY}, ${name}`,
        runs: 1,
        outcome: holds
          ? "holds"
          : `FAILS: ${JSON.stringify({ refusal: report.refusal?.reason, sent, failed: report.failed.length })}`,
        detail: `${sent} write requests (at most ${CONCURRENCY}); one refusal (${report.refusal?.reason}); ${report.notAttempted.length} files reported not attempted, 0 failed one by one; the earlier lockfile entry kept: ${kept}`,
      });
      expect(holds).toBe(true);
    });
  }

  it(`Vite build importing ${FILES} new images, wrong key (401)`, async () => {
    const { root, before } = await project(5000);
    const message = await build({
      root,
      configFile: false,
      envFile: false,
      logLevel: "silent",
      build: { write: false },
      plugins: [rbxassets({ env: env(WRONG_KEY), concurrency: CONCURRENCY })],
    }).then(
      () => "",
      (error: Error) => error.message,
    );
    const sent = writes();
    const after = await readFile(join(root, "rbxassets.lock.json"), "utf8");
    const holds =
      sent <= CONCURRENCY &&
      message.includes("API key was refused") &&
      message.includes("apiKey option") &&
      !message.includes(WRONG_KEY) &&
      after === before;
    record(import.meta.filename, {
      area: AREA,
      case: `Vite build importing ${FILES} new images, concurrency ${CONCURRENCY}, wrong key (401)`,
      runs: 1,
      outcome: holds ? "holds" : `FAILS: ${sent} writes; ${message.slice(0, 200)}`,
      detail: `${sent} write requests (at most ${CONCURRENCY}); the build fails with one message naming the cause and the apiKey option, without the key; the lockfile unchanged`,
    });
    expect(holds).toBe(true);
  });
});
