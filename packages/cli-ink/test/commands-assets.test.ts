// Every asset command, run as the built binary against an emulator in this process.
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
    const started = json<UploadJson>(ok(await cli("upload", "images/icon.png", "--name", "Icon", "--json")));
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
    expect(stderr.every((line) => line.startsWith("uploading") || line.startsWith("waiting"))).toBe(true);
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
    imageId = (await uploadWait("images/logo.png", "--name", "Logo", "--description", "First"))
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
    modelId = (await uploadWait("models/sword.fbx")).assetId as string;
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
