// Whole journeys as a person types them, against the built binary and an emulator on loopback: one file
// through every command, several paths at once, a key that is wrong for each command, and --json for all.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CliResult, json, runCli, SECRET_KEY } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { fbx, makeProject, png, wav } from "./helpers/files.js";

const REFUSED_KEY_FIX = "check RBXASSETS_API_KEY (or --api-key-file): the key is wrong, expired or revoked";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

function ok(result: CliResult): CliResult {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** Write requests the emulator has received (creates, updates, rollbacks), refused ones included. */
function writes(): number {
  const { requests } = emulator.stats();
  return ["Assets_CreateAsset", "Assets_UpdateAsset", "Assets_RollbackAssetVersion"]
    .map((id) => requests[id] ?? 0)
    .reduce((a, b) => a + b, 0);
}

describe("a model's life, every command with --json", () => {
  test("upload, get, update, versions, version, rollback, archive, restore, operation, sync", async () => {
    const root = await makeProject({ "models/tree.fbx": fbx(1), "models/tree-v2.fbx": fbx(2) });
    const cli = (...args: string[]) => runCli([...args, "--json"], { cwd: root, env: cliEnv(emulator) });

    const uploaded = json<{ assetId: string; recorded: boolean; outcome: string }>(
      ok(await cli("upload", "models/tree.fbx", "--name", "Tree")),
    );
    expect(uploaded).toMatchObject({ recorded: true, outcome: "uploaded" });
    const id = uploaded.assetId;

    expect(json(ok(await cli("get", id)))).toMatchObject({ assetId: id, displayName: "Tree" });
    const updated = json<{ operationId: string; status: string }>(
      ok(await cli("update", id, "--file", "models/tree-v2.fbx", "--name", "Tree (v2)", "--wait")),
    );
    expect(updated.status).toBe("succeeded");
    expect(json(ok(await cli("operation", updated.operationId)))).toMatchObject({ status: "succeeded" });
    const versions = json<{ versions: { path: string }[] }>(ok(await cli("versions", id)));
    expect(versions.versions.map((v) => v.path)).toEqual([
      `assets/${id}/versions/2`,
      `assets/${id}/versions/1`,
    ]);
    expect(json(ok(await cli("version", id, "1")))).toMatchObject({ path: `assets/${id}/versions/1` });
    expect(json(ok(await cli("rollback", id, "1")))).toMatchObject({ path: `assets/${id}/versions/3` });
    expect(json(ok(await cli("archive", id)))).toMatchObject({ state: "Archived" });
    expect(json(ok(await cli("restore", id)))).toMatchObject({ state: "Active" });

    // The upload was recorded: a sync of the folder finds it, and uploads only the file it never saw.
    const creates = emulator.stats().creates;
    const synced = json<{ uploaded: { file: string }[]; unchanged: { file: string; assetId: string }[] }>(
      ok(await cli("sync", "models")),
    );
    expect(synced.unchanged).toMatchObject([{ file: "models/tree.fbx", assetId: id }]);
    expect(synced.uploaded.map((a) => a.file)).toEqual(["models/tree-v2.fbx"]);
    expect(emulator.stats().creates).toBe(creates + 1);
  });
});

describe("several paths", () => {
  test("sync of two folders and a file, then --check of the same three, then a sync that sends nothing", async () => {
    const root = await makeProject({
      "ui/a.png": png(1),
      "ui/icons/b.png": png(2),
      "sfx/click.wav": wav(),
      "logo.png": png(3),
      "not-this.png": png(4),
    });
    const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
    const first = json<{ uploaded: { file: string }[] }>(
      ok(await cli("sync", "ui", "sfx", "logo.png", "--json")),
    );
    expect(first.uploaded.map((a) => a.file)).toEqual([
      "logo.png",
      "sfx/click.wav",
      "ui/a.png",
      "ui/icons/b.png",
    ]);
    ok(await cli("sync", "--check", "ui", "sfx", "logo.png"));
    const before = writes();
    const again = ok(await cli("sync", "ui", "sfx", "logo.png"));
    expect(again.stdout).toMatch(/0 uploaded, 0 updated, 4 unchanged, 0 failed/);
    expect(writes()).toBe(before);
    const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as { assets: object };
    expect(Object.keys(lock.assets)).not.toContain("not-this.png");
  });

  test("a path that does not exist among good ones fails alone, naming itself", async () => {
    const root = await makeProject({ "a.png": png(5) });
    const result = await runCli(["sync", "a.png", "missing.png", "--json"], {
      cwd: root,
      env: cliEnv(emulator),
    });
    expect(result.code).toBe(1);
    const report = json<{ uploaded: { file: string }[]; failed: { file: string }[] }>(result);
    expect(report.uploaded.map((a) => a.file)).toEqual(["a.png"]);
    expect(report.failed.map((f) => f.file)).toEqual(["missing.png"]);
  });
});

describe("a key that is wrong", () => {
  let root: string;
  let assetId: string;
  let operationId: string;

  beforeAll(async () => {
    root = await makeProject({ "hero.png": png(6), "models/m.fbx": fbx(6), "new.png": png(7) });
    const good = (...args: string[]) => runCli([...args, "--json"], { cwd: root, env: cliEnv(emulator) });
    assetId = json<{ assetId: string }>(ok(await good("upload", "models/m.fbx"))).assetId;
    operationId = json<{ operationId: string }>(ok(await good("update", assetId, "--name", "M"))).operationId;
  });

  const wrongKey = () => cliEnv(emulator, { RBXASSETS_API_KEY: `${SECRET_KEY}-wrong` });

  test.each([
    ["get", () => ["get", assetId]],
    ["update", () => ["update", assetId, "--name", "Renamed"]],
    ["archive", () => ["archive", assetId]],
    ["restore", () => ["restore", assetId]],
    ["versions", () => ["versions", assetId]],
    ["version", () => ["version", assetId, "1"]],
    ["rollback", () => ["rollback", assetId, "1"]],
    ["operation", () => ["operation", operationId]],
    ["upload", () => ["upload", "new.png"]],
  ])(
    "%s: exit 1, one failure line with the fix; stdout empty, or with --json the error document",
    async (_, args) => {
      for (const json of [false, true]) {
        const before = writes();
        const result = await runCli([...args(), ...(json ? ["--json"] : [])], { cwd: root, env: wrongKey() });
        expect(result.code).toBe(1);
        if (json) {
          const { error } = JSON.parse(result.stdout) as { error: { message: string; rule: string } };
          expect(error.message).toContain(REFUSED_KEY_FIX);
          expect(result.stdout).not.toContain("-wrong");
        } else {
          expect(result.stdout).toBe("");
        }
        const failures = result.stderr.split("\n").filter((line) => line.startsWith("rbxassets:"));
        expect(failures, result.stderr).toHaveLength(1);
        expect(failures[0]).toContain("401");
        expect(failures[0]).toContain(REFUSED_KEY_FIX);
        expect(result.stderr).not.toContain("-wrong");
        // The refused request itself reaches the server; a 401 is never retried.
        expect(writes()).toBeLessThanOrEqual(before + 1);
      }
    },
  );
});
