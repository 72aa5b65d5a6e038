// The project file's `grant` (top level and per input) and `privacy`: checked before any request, then
// carried into each input's sync, where the grants are recorded.
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPipeline, loadProject, ProjectFileError, syncProjectInputs } from "../src/node/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

let emulator: RunningEmulator;
let project: Awaited<ReturnType<typeof tempProject>>;

beforeAll(async () => {
  emulator = await startTestEmulator({
    creator: "user:42",
    operations: { pendingPolls: 0 },
    rateLimits: false,
    universes: ["10", "20"],
    apiKeys: ["key", { key: "no-grant-scope", scopes: ["asset:read", "asset:write"] }],
  });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-grant-");
});
afterEach(() => project.dispose());

describe("grant and privacy in the project file", () => {
  it("grants the project's experiences and the input's own, and records them", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.json": JSON.stringify({
        creator: "user:42",
        grant: { experiences: [10] },
        inputs: {
          ui: { include: "ui/*.png", grant: { experiences: ["20"] }, privacy: "restricted" },
          icons: { include: "icons/*.png" },
        },
      }),
      "ui/a.png": fixture("png", 1),
      "icons/b.png": fixture("png", 2),
    });
    const loaded = (await loadProject(project.root))!;
    expect(loaded.input("ui")).toMatchObject({ grant: { experiences: ["10", "20"] }, privacy: "restricted" });
    expect(loaded.input("icons")).toMatchObject({ grant: { experiences: ["10"] } });
    const report = await syncProjectInputs(loaded, loaded.inputs, {
      pipelineFor: () =>
        createPipeline({
          root: loaded.root,
          env: { RBXASSETS_API_KEY: "key", RBXASSETS_API_URL: emulator.url },
          creator: "user:42",
        }),
    });
    expect(report.failed).toEqual([]);
    expect(report.grants?.granted).toHaveLength(3);
    const lock = await readLock(project.root);
    expect(lock.get("ui/a.png")?.grants).toEqual(["10", "20"]);
    expect(lock.get("icons/b.png")?.grants).toEqual(["10"]);
  });

  it("a key that may not grant is refused once: the later inputs send no grant request", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.json": JSON.stringify({
        creator: "user:42",
        grant: { experiences: [10] },
        inputs: { ui: { include: "ui/*.png" }, icons: { include: "icons/*.png" } },
      }),
      "ui/a.png": fixture("png", 3),
      "icons/b.png": fixture("png", 4),
    });
    const loaded = (await loadProject(project.root))!;
    emulator.resetStats();
    const report = await syncProjectInputs(loaded, loaded.inputs, {
      pipelineFor: () =>
        createPipeline({
          root: loaded.root,
          env: { RBXASSETS_API_KEY: "no-grant-scope", RBXASSETS_API_URL: emulator.url },
          creator: "user:42",
        }),
    });
    expect(report.uploaded).toHaveLength(2);
    expect(report.grants?.refusals).toMatchObject([{ rule: "grant-permission" }]);
    expect(emulator.stats().requests.AssetPermissions_GrantAssetPermissions).toBe(1);
  });

  it("names each wrong grant or privacy before any request", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.json": JSON.stringify({
        grant: { experiences: ["12a"] },
        inputs: { ui: { include: "ui/*.png", grant: { universes: [1] }, privacy: "public" } },
      }),
      "ui/a.png": fixture("png", 1),
    });
    const error = await loadProject(project.root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectFileError);
    expect((error as Error).message.split("\n")).toEqual([
      "rbxassets.config.json: grant.experiences: a list is not a list of universe ids — write { experiences: [1234567890] } with each experience's universe id",
      "rbxassets.config.json: inputs.ui.grant.universes: is not a known key — remove it (keys here: experiences)",
      "rbxassets.config.json: inputs.ui.grant.experiences: is missing — write the experiences' universe ids, e.g. experiences: [1234567890]",
      'rbxassets.config.json: inputs.ui.privacy: "public" is not an asset privacy — write "default", "restricted" or "openUse" (openUse cannot be undone)',
    ]);
  });
});

describe("quotas in a project sync", () => {
  it("checks every input's audio together, before the first input uploads anything", async () => {
    const quota = await startTestEmulator({
      creator: "user:42",
      operations: { pendingPolls: 0 },
      rateLimits: false,
      quotas: [
        { creator: "user:42", assetType: "Audio", capacity: 10, usage: 8, resetTime: "2099-01-01T00:00:00Z" },
      ],
    });
    try {
      await writeFiles(project.root, {
        "rbxassets.config.json": JSON.stringify({
          inputs: {
            ui: { include: "ui/*.png" },
            music: { include: "music/*.mp3" },
            sfx: { include: "sfx/*.mp3" },
          },
        }),
        "ui/a.png": fixture("png", 1),
        "music/a.mp3": fixture("mp3", 1),
        "music/b.mp3": fixture("mp3", 2),
        "sfx/c.mp3": fixture("mp3", 3),
      });
      const loaded = (await loadProject(project.root))!;
      const error = await syncProjectInputs(loaded, loaded.inputs, {
        pipelineFor: () =>
          createPipeline({
            root: loaded.root,
            env: { RBXASSETS_API_KEY: quota.apiKey, RBXASSETS_API_URL: quota.url },
            creator: "user:42",
          }),
      }).catch((e: unknown) => e);
      expect((error as Error).message).toContain(
        "3 audio files to upload, 2 left this month (resets 2099-01-01)",
      );
      expect(quota.stats().creates).toBe(0);
      expect(quota.stats().requests.Cloud_ListAssetQuotas).toBe(1);
    } finally {
      await quota.close();
    }
  });
});
