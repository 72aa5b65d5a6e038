// Every asset command, run as the built binary against an emulator in this process.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { showPath } from "../src/output.js";
import { type CliResult, json, runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { fbx, makeProject, mp4, png, rbxm, wav, writeProjectFiles } from "./helpers/files.js";

let emulator: RunningEmulator;
let root: string;

const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });

function ok(result: CliResult): CliResult {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

interface UploadJson {
  file: string;
  assetType: string;
  operationId: string;
  done: boolean;
  status: string;
  assetId?: string;
  uri?: string;
  moderation?: string;
}

async function uploadWait(file: string, ...flags: string[]): Promise<UploadJson> {
  return json<UploadJson>(ok(await cli("upload", file, "--wait", "--json", ...flags)));
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  root = await makeProject({
    "images/logo.png": png(1),
    "images/icon.png": png(2),
    // Content of its own: the lockfile answers an upload of content it already holds without sending it.
    "images/logo-meta.png": png(3),
    "models/tree.fbx": fbx(4),
    "sounds/click.wav": wav(),
    "models/sword.fbx": fbx(1),
    "models/sword-v2.fbx": fbx(2),
    "models/sword-v3.fbx": fbx(3),
    "anims/wave.rbxm": rbxm(1),
    "videos/intro.mp4": mp4(),
  });
});

afterAll(async () => {
  await emulator?.close();
});

describe("upload", () => {
  test.each([
    ["images/logo.png", "Image", []],
    ["images/logo.png", "Decal", ["--type", "Decal"]],
    ["sounds/click.wav", "Audio", []],
    ["models/sword.fbx", "Model", []],
    ["anims/wave.rbxm", "Animation", ["--type", "animation"]],
    ["videos/intro.mp4", "Video", ["--expected-price", "2000"]],
  ])("%s as %s with --wait prints the asset id, uri and moderation", async (file, type, flags) => {
    const result = await uploadWait(file, ...flags);
    expect(result).toMatchObject({
      file,
      assetType: type,
      done: true,
      status: "succeeded",
      moderation: "Approved",
    });
    expect(result.assetId).toMatch(/^\d+$/);
    expect(result.uri).toBe(`rbxassetid://${result.assetId}`);
  });

  test("without --wait returns the pending operation, which `operation --wait` finishes", async () => {
    // This emulator keeps operations pending for two polls.
    const slow = await startTestEmulator({ operations: { pendingPolls: 2 } });
    const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(slow) });
    // A file outside the project: one inside is always waited for, so that the lockfile can record it.
    const outside = await makeProject({ "icon.png": png(2) });
    const started = json<UploadJson>(
      ok(await cli("upload", `${outside}/icon.png`, "--name", "Icon", "--json")),
    );
    expect(started).toMatchObject({ assetType: "Image", done: false, status: "pending" });
    expect(started.assetId).toBeUndefined();

    const pending = json<{ operationId: string; status: string }>(
      ok(await cli("operation", started.operationId, "--json")),
    );
    expect(pending.operationId).toBe(started.operationId);

    const finished = json<{ status: string; asset: { displayName: string; assetId: string } }>(
      ok(await cli("operation", started.operationId, "--wait", "--json")),
    );
    expect(finished.status).toBe("succeeded");
    expect(finished.asset.displayName).toBe("Icon");
    await slow.close();
  });

  test("human output names the id, uri, name, type, state and moderation; progress goes to stderr", async () => {
    const result = ok(
      await cli("upload", "images/logo.png", "--name", "Logo", "--description", "Our logo", "--wait"),
    );
    expect(result.stdout).toMatch(/assetId\s+\d+/);
    expect(result.stdout).toMatch(/uri\s+rbxassetid:\/\/\d+/);
    expect(result.stdout).toMatch(/name\s+Logo/);
    expect(result.stdout).toMatch(/type\s+Image/);
    expect(result.stdout).toMatch(/state\s+Active/);
    expect(result.stdout).toMatch(/moderation\s+Approved/);
    expect(result.stderr).toContain("uploading images/logo.png as Image");
  });
});

describe("upload and the lockfile", () => {
  interface Recorded extends UploadJson {
    outcome: string;
    recorded: boolean;
    lockfile?: string;
  }

  test("a file inside the project is recorded: a later sync, and the same upload again, send nothing", async () => {
    const project = await makeProject({ "ui/button.png": png(70), "ui/other.png": png(71) });
    const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv(emulator) });
    const creates = emulator.stats().creates;

    const uploaded = json<Recorded>(ok(await run("upload", "ui/button.png", "--json")));
    expect(uploaded).toMatchObject({
      file: "ui/button.png",
      status: "succeeded",
      outcome: "uploaded",
      recorded: true,
      lockfile: "rbxassets.lock.json",
    });
    expect(emulator.stats().creates).toBe(creates + 1);
    const lock = JSON.parse(await readFile(join(project, "rbxassets.lock.json"), "utf8")) as {
      assets: Record<string, { assetId: string }>;
    };
    expect(lock.assets["ui/button.png"]?.assetId).toBe(uploaded.assetId);

    // sync finds it in the lockfile; only the other file is new.
    const check = await run("sync", "ui", "--check", "--json");
    expect(json<{ pending: string[] }>(check).pending).toEqual(["ui/other.png"]);
    const synced = json<{ uploaded: { file: string }[]; unchanged: { file: string; assetId: string }[] }>(
      ok(await run("sync", "ui", "--json")),
    );
    expect(synced.uploaded.map((a) => a.file)).toEqual(["ui/other.png"]);
    expect(synced.unchanged).toMatchObject([{ file: "ui/button.png", assetId: uploaded.assetId }]);
    expect(emulator.stats().creates).toBe(creates + 2);

    // The same upload again: the lockfile answers, nothing is sent, and the output says so.
    const again = ok(await run("upload", "ui/button.png", "--name", "Button"));
    expect(emulator.stats().creates).toBe(creates + 2);
    expect(again.stdout).toMatch(new RegExp(`assetId\\s+${uploaded.assetId}`));
    expect(again.stdout).toMatch(/lockfile\s+rbxassets\.lock\.json \(unchanged\)/);
    expect(again.stderr).toContain(
      `nothing uploaded: rbxassets.lock.json already holds this content for this file as rbxassetid://${uploaded.assetId}`,
    );
    expect(again.stderr).toContain(`rbxassets update ${uploaded.assetId} --name`);
  });

  test("a file outside the project is uploaded but not recorded, and the output says so", async () => {
    const project = await makeProject({ "keep.png": png(72) });
    const outside = await makeProject({ "elsewhere.png": png(73) });
    const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv(emulator) });

    const result = json<Recorded>(ok(await run("upload", `${outside}/elsewhere.png`, "--wait", "--json")));
    expect(result).toMatchObject({ status: "succeeded", outcome: "uploaded", recorded: false });
    expect(result.lockfile).toBeUndefined();
    const lock = await readFile(join(project, "rbxassets.lock.json"), "utf8").catch(() => "");
    expect(lock).not.toContain("elsewhere");

    const human = ok(await run("upload", `${outside}/elsewhere.png`, "--wait"));
    expect(human.stdout).toMatch(/^lockfile\s+no$/m);
    expect(human.stderr).toMatch(
      /^not recorded in the lockfile \(the file is outside the project root .*\): a later sync does not know this upload$/m,
    );
  });
});

describe("paths with control characters", () => {
  test("showPath leaves plain paths alone and quotes the others, escaping every control character", () => {
    expect(showPath("images/logo 1 ünï.png")).toBe("images/logo 1 ünï.png");
    expect(showPath('odd"name.png')).toBe('odd"name.png');
    expect(showPath("new\nline.png")).toBe('"new\\nline.png"');
    expect(showPath("a\rb\tc\u0000d\u001be.png")).toBe('"a\\rb\\tc\\u0000d\\u001be.png"');
    expect(showPath("del\u007f c1\u0085 sep\u2028.png")).toBe('"del\\u007f c1\\u0085 sep\\u2028.png"');
  });

  test("upload of a file whose name has a newline keeps every output line whole", async () => {
    await writeProjectFiles(root, { "images/new\nline.png": png(40) });
    const result = ok(await cli("upload", "images/new\nline.png", "--wait"));
    const stderr = result.stderr.trimEnd().split("\n");
    expect(stderr).toContain('uploading "images/new\\nline.png" as Image…');
    expect(stderr.every((line) => /^(uploading|waiting|recorded) /.test(line))).toBe(true);
    expect(result.stdout).toMatch(/^file\s+"images\/new\\nline\.png"$/m);
    expect(result.stdout).toMatch(/name\s+new$/m); // the name itself is uploaded as given
  });

  test("upload takes a file outside the project (a single upload records nothing)", async () => {
    const outside = await makeProject({ "x.png": png(41) });
    const result = await uploadWait(`${outside}/x.png`);
    expect(result.status).toBe("succeeded");
  });
});

describe("get, update, archive, restore", () => {
  let imageId: string;
  let iconId: string;

  beforeAll(async () => {
    imageId = (await uploadWait("images/logo-meta.png", "--name", "Logo", "--description", "First"))
      .assetId as string;
    iconId = (await uploadWait("images/icon.png")).assetId as string;
  });

  test("get prints the asset as JSON", async () => {
    const asset = json(ok(await cli("get", imageId, "--json")));
    expect(asset).toMatchObject({
      assetId: imageId,
      displayName: "Logo",
      description: "First",
      assetType: "Image",
    });
  });

  test("get --fields returns only those fields (and the id)", async () => {
    const asset = json(ok(await cli("get", imageId, "--fields", "displayName,description", "--json")));
    expect(asset).toEqual({ assetId: imageId, displayName: "Logo", description: "First" });
    const human = ok(await cli("get", imageId, "--fields", "displayName"));
    expect(human.stdout).toMatch(/displayName\s+Logo/);
    expect(human.stdout).not.toMatch(/description/);
  });

  test("get shows the revision time in local time, with how long ago", async () => {
    const { revisionCreateTime } = json<{ revisionCreateTime: string }>(
      ok(await cli("get", imageId, "--json")),
    );
    // Tokyo is UTC+9 all year: the local time shown is the API's time moved by nine hours.
    const tokyo = new Date(Date.parse(revisionCreateTime) + 9 * 3600_000).toISOString();
    const shown = `${tokyo.slice(0, 10)} ${tokyo.slice(11, 16)}`;
    const human = ok(
      await runCli(["get", imageId], { cwd: root, env: cliEnv(emulator, { TZ: "Asia/Tokyo" }) }),
    );
    expect(human.stdout).toMatch(
      new RegExp(`^revision\\s+\\d+, ${shown} \\((now|\\d+ seconds? ago|\\d+ minutes? ago)\\)$`, "m"),
    );
    expect(human.stdout).not.toContain(revisionCreateTime);
  });

  test("update changes metadata: name, description, icon, previews and social links", async () => {
    const result = json<{ status: string; asset: { displayName: string } }>(
      ok(
        await cli(
          "update",
          imageId,
          "--name",
          "Logo 2",
          "--description",
          "Second",
          "--icon",
          iconId,
          "--preview",
          `${iconId}:Front view`,
          "--social",
          "github=https://github.com/rbxassets",
          "--wait",
          "--json",
        ),
      ),
    );
    expect(result.status).toBe("succeeded");
    expect(result.asset.displayName).toBe("Logo 2");

    const asset = json(
      ok(
        await cli(
          "get",
          imageId,
          "--fields",
          "displayName,description,icon,previews,githubSocialLink",
          "--json",
        ),
      ),
    );
    expect(asset).toMatchObject({
      displayName: "Logo 2",
      description: "Second",
      icon: `assets/${iconId}`,
      previews: [{ asset: `assets/${iconId}`, altText: "Front view" }],
      githubSocialLink: { uri: "https://github.com/rbxassets" },
    });
  });

  test("archive and restore", async () => {
    expect(json(ok(await cli("archive", imageId, "--json")))).toMatchObject({
      assetId: imageId,
      state: "Archived",
    });
    expect(json(ok(await cli("restore", imageId, "--json")))).toMatchObject({
      assetId: imageId,
      state: "Active",
    });
    expect(ok(await cli("archive", imageId)).stdout).toMatch(/state\s+Archived/);
  });
});

describe("model content, versions, rollback", () => {
  let modelId: string;
  const versionNumbers = (result: CliResult) =>
    json<{ versions: { path: string }[] }>(result).versions.map((v) => Number(v.path.split("/").at(-1)));

  beforeAll(async () => {
    modelId = (await uploadWait("models/tree.fbx")).assetId as string;
    for (const file of ["models/sword-v2.fbx", "models/sword-v3.fbx"]) {
      const update = json<{ status: string; asset: { revisionId: string } }>(
        ok(await cli("update", modelId, "--file", file, "--wait", "--json")),
      );
      expect(update.status).toBe("succeeded");
    }
  });

  test("update --file commits a new version of a model", async () => {
    const asset = json<{ revisionId: string }>(ok(await cli("get", modelId, "--json")));
    expect(asset.revisionId).toBe("3");
  });

  test("versions pages with --page-size and --page-token, newest first", async () => {
    const first = ok(await cli("versions", modelId, "--page-size", "2", "--json"));
    expect(versionNumbers(first)).toEqual([3, 2]);
    const token = json<{ nextPageToken?: string }>(first).nextPageToken;
    expect(token).toBeTruthy();
    const second = ok(await cli("versions", modelId, "--page-size", "2", "--page-token", token!, "--json"));
    expect(versionNumbers(second)).toEqual([1]);
    expect(json<{ nextPageToken?: string }>(second).nextPageToken).toBeUndefined();
  });

  test("versions --all follows every page", async () => {
    const all = ok(await cli("versions", modelId, "--all", "--page-size", "1", "--json"));
    expect(versionNumbers(all)).toEqual([3, 2, 1]);
    const human = ok(await cli("versions", modelId));
    expect(human.stdout.split("\n")[0]).toMatch(/^VERSION\s+MODERATION/);
  });

  test("version shows one version; rollback commits it as the newest", async () => {
    const one = json<{ path: string }>(ok(await cli("version", modelId, "1", "--json")));
    expect(one.path).toBe(`assets/${modelId}/versions/1`);
    const rolled = json<{ path: string }>(ok(await cli("rollback", modelId, "1", "--json")));
    expect(rolled.path).toBe(`assets/${modelId}/versions/4`);
    expect(ok(await cli("version", modelId, "4")).stdout).toMatch(/version\s+4/);
  });
});
