import { limits } from "@rbxassets/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import {
  assetForm,
  call,
  create,
  createAsset,
  createRequest,
  DEFAULT_EMULATOR_API_KEY,
  mp4File,
  pngBytes,
  pngFile,
  rbxmFile,
  startTestEmulator,
  waitForOperation,
} from "./harness.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: [DEFAULT_EMULATOR_API_KEY, { key: "group-key", creator: "group:7654321" }],
  });
});
afterAll(() => emulator.close());

describe("create", () => {
  it("answers a pending operation, then the asset", async () => {
    const created = await create(emulator);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      path: `operations/${created.body.operationId}`,
      operationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      done: false,
    });
    const first = await call(emulator, "GET", `/v1/operations/${created.body.operationId}`);
    expect(first.body.done).toBe(false);
    const second = await call(emulator, "GET", `/v1/operations/${created.body.operationId}`);
    expect(second.body.done).toBe(true);
    const asset = second.body.response;
    expect(asset).toEqual({
      path: `assets/${asset.assetId}`,
      assetId: expect.stringMatching(/^[0-9]{11,}$/),
      revisionId: "1",
      revisionCreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      displayName: "Logo",
      description: "A logo",
      assetType: "Image",
      creationContext: { creator: { userId: "1" } },
      moderationResult: { moderationState: "Approved" },
      state: "Active",
    });
    expect(asset["@type"]).toBeUndefined();
  });

  it("gives unique ids, accepts numeric group ids and omits an empty description", async () => {
    const a = await createAsset(emulator);
    const b = await createAsset(emulator, {
      apiKey: "group-key",
      request: createRequest({ description: "", creationContext: { creator: { groupId: 7654321 } } }),
    });
    expect(a.assetId).not.toBe(b.assetId);
    expect(b.creationContext).toEqual({ creator: { groupId: "7654321" } });
    expect("description" in b).toBe(false);
  });

  it("counts name and description length in code points, so emoji at the limit pass", async () => {
    // Each emoji is two UTF-16 units: counted in units these would be twice the limit.
    const displayName = "\u{1F600}".repeat(limits.maxDisplayNameLength);
    const description = "\u{1F3A8}".repeat(limits.maxDescriptionLength);
    const asset = await createAsset(emulator, { request: createRequest({ displayName, description }) });
    expect(asset.displayName).toBe(displayName);
    expect(asset.description).toBe(description);
    const over = await create(emulator, {
      request: createRequest({ displayName: `${displayName}x` }),
      file: pngFile(),
    });
    expect(over.status).toBe(400);
    expect(over.body.message).toMatch(/displayName/);
    const renamed = await call(emulator, "PATCH", `/v1/assets/${asset.assetId}?updateMask=displayName`, {
      form: assetForm({
        request: { assetId: asset.assetId, displayName: "\u{1F680}".repeat(limits.maxDisplayNameLength) },
      }),
    });
    expect(renamed.status).toBe(200);
  });

  it("accepts the request part as a JSON file part", async () => {
    const asset = await createAsset(emulator, { requestAsJsonPart: true });
    expect(asset.displayName).toBe("Logo");
  });

  it("accepts a Video with expectedPrice and a Model", async () => {
    const video = await createAsset(emulator, {
      request: createRequest({
        assetType: "Video",
        creationContext: { creator: { userId: "1" }, expectedPrice: 2000, assetPrivacy: "default" },
      }),
      file: mp4File(),
    });
    expect(video.assetType).toBe("Video");
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("m1"),
    });
    expect(model.assetType).toBe("Model");
  });

  const rejections: Array<[string, Parameters<typeof assetForm>[0], RegExp]> = [
    ["missing request", { file: pngFile() }, /request/],
    ["missing file", { request: createRequest(), file: null }, /fileContent/],
    ["bad assetType", { request: createRequest({ assetType: "Sound" }), file: pngFile() }, /assetType/],
    [
      "lower-case assetType",
      { request: createRequest({ assetType: "image" }), file: pngFile() },
      /assetType/,
    ],
    [
      "missing displayName",
      { request: createRequest({ displayName: undefined }), file: pngFile() },
      /displayName/,
    ],
    [
      "long displayName",
      {
        request: createRequest({ displayName: "x".repeat(limits.maxDisplayNameLength + 1) }),
        file: pngFile(),
      },
      new RegExp(String(limits.maxDisplayNameLength)),
    ],
    [
      "long description",
      {
        request: createRequest({ description: "x".repeat(limits.maxDescriptionLength + 1) }),
        file: pngFile(),
      },
      new RegExp(String(limits.maxDescriptionLength)),
    ],
    ["missing creator", { request: createRequest({ creationContext: {} }), file: pngFile() }, /creator/],
    [
      "both creators",
      {
        request: createRequest({ creationContext: { creator: { userId: "1", groupId: "2" } } }),
        file: pngFile(),
      },
      /exactly one/,
    ],
    [
      "non-digit userId",
      { request: createRequest({ creationContext: { creator: { userId: "abc" } } }), file: pngFile() },
      /userId/,
    ],
    [
      "video without expectedPrice",
      {
        request: createRequest({ assetType: "Video" }),
        file: mp4File(),
      },
      /expectedPrice/,
    ],
    [
      "social link on create",
      { request: createRequest({ twitchSocialLink: { uri: "https://twitch.tv/x" } }), file: pngFile() },
      /social links/i,
    ],
    [
      "wrong content type",
      { request: createRequest(), file: { bytes: pngBytes, contentType: "audio/mpeg" } },
      /audio\/mpeg.*Image/,
    ],
    [
      "octet-stream content type",
      { request: createRequest(), file: { bytes: pngBytes, contentType: "application/octet-stream" } },
      /application\/octet-stream/,
    ],
  ];
  it.each(rejections)("rejects %s with 400 INVALID_ARGUMENT", async (_name, form, message) => {
    const result = await call(emulator, "POST", "/v1/assets", { form: assetForm(form) });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe("INVALID_ARGUMENT");
    expect(result.body.message).toMatch(message);
  });

  it("rejects malformed request JSON and non-multipart bodies", async () => {
    const form = new FormData();
    form.append("request", "{not json");
    form.append("fileContent", new Blob([pngBytes], { type: "image/png" }), "a.png");
    expect((await call(emulator, "POST", "/v1/assets", { form })).status).toBe(400);
    const json = await call(emulator, "POST", "/v1/assets", { json: createRequest() });
    expect(json.status).toBe(400);
    const text = await call(emulator, "POST", "/v1/assets", {
      headers: { "content-type": "application/xml" },
      json: undefined,
    });
    expect(text.status).toBe(400);
  });

  it("rejects a file over the per-file limit with a message naming it", async () => {
    const big = new Uint8Array(limits.maxFileBytes + 1);
    const result = await call(emulator, "POST", "/v1/assets", {
      form: assetForm({ request: createRequest(), file: { bytes: big, contentType: "image/png" } }),
    });
    expect(result.status).toBe(400);
    expect(result.body.message).toContain(String(limits.maxFileBytes));
  });

  it("accepts a file exactly at the limit", async () => {
    const padded = new Uint8Array(limits.maxFileBytes);
    padded.set(pngBytes);
    const created = await create(emulator, { file: pngFile(padded) });
    expect(created.status).toBe(200);
  });

  it("rejects a request over the per-request limit", async () => {
    const form = assetForm({ request: createRequest(), file: pngFile() });
    form.append("padding", new Blob([new Uint8Array(limits.maxRequestBytes)]), "pad.bin");
    const result = await call(emulator, "POST", "/v1/assets", { form });
    expect(result.status).toBe(400);
    expect(result.body.message).toContain(String(limits.maxRequestBytes));
  });
});

describe("get", () => {
  it("answers the asset, 404 for an unknown id and 400 for a malformed one", async () => {
    const asset = await createAsset(emulator);
    const got = await call(emulator, "GET", `/v1/assets/${asset.assetId}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(asset);
    const missing = await call(emulator, "GET", "/v1/assets/99999999999");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("NOT_FOUND");
    const malformed = await call(emulator, "GET", "/v1/assets/abc");
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("INVALID_ARGUMENT");
  });

  it("filters optional fields with readMask", async () => {
    const icon = await createAsset(emulator);
    const asset = await createAsset(emulator);
    const updated = await call(
      emulator,
      "PATCH",
      `/v1/assets/${asset.assetId}?updateMask=icon%2CtwitchSocialLink`,
      {
        form: assetForm({
          request: { icon: `assets/${icon.assetId}`, twitchSocialLink: { uri: "https://twitch.tv/me" } },
        }),
      },
    );
    expect(updated.status).toBe(200);
    await waitForOperation(emulator, updated.body.operationId);
    const plain = await call(emulator, "GET", `/v1/assets/${asset.assetId}`);
    expect(plain.body.description).toBe("A logo");
    expect(plain.body.icon).toBeUndefined();
    const masked = await call(emulator, "GET", `/v1/assets/${asset.assetId}?readMask=icon,twitchSocialLink`);
    expect(masked.body.icon).toBe(`assets/${icon.assetId}`);
    expect(masked.body.twitchSocialLink).toEqual({ uri: "https://twitch.tv/me" });
    expect(masked.body.description).toBeUndefined();
    expect(masked.body.path).toBe(`assets/${asset.assetId}`);
    expect(masked.body.assetId).toBe(asset.assetId);
    const bad = await call(emulator, "GET", `/v1/assets/${asset.assetId}?readMask=nope`);
    expect(bad.status).toBe(400);
  });
});

describe("update", () => {
  it("changes masked fields and clears masked fields absent from the body", async () => {
    const asset = await createAsset(emulator);
    const result = await call(
      emulator,
      "PATCH",
      `/v1/assets/${asset.assetId}?updateMask=displayName%2Cdescription`,
      {
        form: assetForm({ request: { assetId: asset.assetId, displayName: "Renamed" } }),
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.done).toBe(false);
    const done = await waitForOperation(emulator, result.body.operationId);
    expect(done.response.displayName).toBe("Renamed");
    expect(done.response.description).toBeUndefined();
    expect(done.response.revisionId).toBe("1");
  });

  it("accepts snake_case mask names and ignores unmasked body fields", async () => {
    const asset = await createAsset(emulator);
    const result = await call(emulator, "PATCH", `/v1/assets/${asset.assetId}?updateMask=display_name`, {
      form: assetForm({ request: { displayName: "Snake", description: "ignored" } }),
    });
    const done = await waitForOperation(emulator, result.body.operationId);
    expect(done.response.displayName).toBe("Snake");
    expect(done.response.description).toBe("A logo");
  });

  it("creates a new version when a Model's content changes", async () => {
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("v1"),
    });
    const result = await call(emulator, "PATCH", `/v1/assets/${model.assetId}`, {
      form: assetForm({ request: { assetId: model.assetId }, file: rbxmFile("v2") }),
    });
    expect(result.status).toBe(200);
    const done = await waitForOperation(emulator, result.body.operationId);
    expect(done.response.revisionId).toBe("2");
    const version = await call(emulator, "GET", `/v1/assets/${model.assetId}/versions/2`);
    expect(version.status).toBe(200);
    expect(version.body.path).toBe(`assets/${model.assetId}/versions/2`);
  });

  it("rejects bad updates", async () => {
    const image = await createAsset(emulator);
    const id = image.assetId;
    const patch = (query: string, options: Parameters<typeof assetForm>[0]) =>
      call(emulator, "PATCH", `/v1/assets/${id}${query}`, { form: assetForm(options) });
    const content = await patch("", { request: {}, file: pngFile() });
    expect(content.status).toBe(400);
    expect(content.body.message).toMatch(/Model/);
    expect((await patch("", { file: pngFile() })).status).toBe(400);
    expect((await patch("?updateMask=bogus", { request: {} })).status).toBe(400);
    expect((await patch("?updateMask=displayName", { request: {} })).status).toBe(400);
    expect((await patch("", { request: { assetId: "1" } })).status).toBe(400);
    expect((await patch("?updateMask=icon", { request: { icon: "assets/99999999999" } })).status).toBe(400);
    const links = {
      twitchSocialLink: { uri: "https://twitch.tv/a" },
      githubSocialLink: { uri: "https://github.com/a" },
      discordSocialLink: { uri: "https://discord.gg/a" },
      youtubeSocialLink: { uri: "https://youtube.com/a" },
    };
    expect((await patch("", { request: links })).status).toBe(400);
    const missing = await call(emulator, "PATCH", "/v1/assets/99999999999", {
      form: assetForm({ request: { displayName: "x" } }),
    });
    expect(missing.status).toBe(404);
  });
});

describe("archive and restore", () => {
  it("flip the state and answer the asset", async () => {
    const asset = await createAsset(emulator);
    const archived = await call(emulator, "POST", `/v1/assets/${asset.assetId}:archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.state).toBe("Archived");
    expect((await call(emulator, "GET", `/v1/assets/${asset.assetId}`)).body.state).toBe("Archived");
    const restored = await call(emulator, "POST", `/v1/assets/${asset.assetId}:restore`);
    expect(restored.body.state).toBe("Active");
    // A percent-encoded colon and an empty JSON body are accepted too.
    const encoded = await call(emulator, "POST", `/v1/assets/${asset.assetId}%3Aarchive`, {
      headers: { "content-type": "application/json" },
    });
    expect(encoded.body.state).toBe("Archived");
    expect((await call(emulator, "POST", "/v1/assets/99999999999:archive")).status).toBe(404);
    expect((await call(emulator, "POST", "/v1/assets/abc:restore")).status).toBe(400);
  });
});

describe("operations", () => {
  it("answers 404 for unknown and 400 for malformed ids", async () => {
    expect((await call(emulator, "GET", "/v1/operations/00000000-0000-0000-0000-000000000000")).status).toBe(
      404,
    );
    expect((await call(emulator, "GET", "/v1/operations/bad%20id")).status).toBe(400);
  });
});

describe("routing", () => {
  it("answers unknown routes with a JSON 404", async () => {
    const result = await call(emulator, "GET", "/v2/nothing");
    expect(result.status).toBe(404);
    expect(result.headers.get("content-type")).toMatch(/^application\/json/);
    expect(result.body.code).toBe("NOT_FOUND");
  });

  it("listens on 127.0.0.1 by default", () => {
    expect(new URL(emulator.url).hostname).toBe("127.0.0.1");
    expect(new URL(emulator.url).pathname).toBe("/assets");
  });
});
