// Upload quotas: listed per user and type with the filter's PascalCase, counted by creates, enforced, reset.
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { call, create, createRequest, mp4File, startTestEmulator } from "./harness.js";

const filter = (assetType: string) =>
  `?filter=${encodeURIComponent(`quotaType == RateLimitUpload && assetType == ${assetType}`)}`;

const quotas = (emulator: RunningEmulator, query = "", userId = "1") =>
  call(emulator, "GET", `/cloud/v2/users/${userId}/asset-quotas${query}`, { root: true });

const video = () =>
  create(emulator, {
    request: createRequest({
      assetType: "Video",
      creationContext: { creator: { userId: "1" }, expectedPrice: 2000 },
    }),
    file: mp4File(),
  });

let emulator: RunningEmulator;
afterEach(() => emulator?.close());

describe("asset quotas", () => {
  it("lists the usage guide's figures by default: audio monthly, video daily", async () => {
    emulator = await startTestEmulator();
    const all = await quotas(emulator);
    expect(all.status).toBe(200);
    expect(
      all.body.assetQuotas.map((q: { assetType: string; capacity: number; period: string }) => [
        q.assetType,
        q.capacity,
        q.period,
      ]),
    ).toEqual([
      ["AUDIO", 100, "MONTH"],
      ["VIDEO", 20, "DAY"],
    ]);
    const audio = (await quotas(emulator, filter("Audio"))).body.assetQuotas;
    expect(audio).toHaveLength(1);
    expect(audio[0]).toMatchObject({ quotaType: "RATE_LIMIT_UPLOAD", assetType: "AUDIO", usage: 0 });
    expect(Date.parse(audio[0].usageResetTime)).toBeGreaterThan(Date.now());
    // A type with no quota: an empty page, which proto3 JSON writes as `{}`.
    expect((await quotas(emulator, filter("Image"))).body).toEqual({});
  });

  it("counts each create of the type and refuses the one past the cap with 429 RESOURCE_EXHAUSTED", async () => {
    emulator = await startTestEmulator({
      quotas: [{ assetType: "Video", capacity: 2, usage: 1, resetTime: "2099-01-01T00:00:00Z" }],
    });
    expect((await video()).status).toBe(200);
    const after = (await quotas(emulator, filter("Video"))).body.assetQuotas[0];
    expect(after).toMatchObject({ usage: 2, capacity: 2, usageResetTime: "2099-01-01T00:00:00.000Z" });
    const refused = await video();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("RESOURCE_EXHAUSTED");
    expect(refused.body.message).toMatch(
      /Video upload quota reached: 2 of 2 this day; it resets at 2099-01-01/,
    );
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(emulator.stats().creates).toBe(1);
  });

  it("resets usage when the period has ended", async () => {
    emulator = await startTestEmulator({
      quotas: [
        { assetType: "Video", capacity: 1, usage: 1, period: "DAY", resetTime: "2020-01-01T00:00:00Z" },
      ],
    });
    expect((await video()).status).toBe(200);
    const quota = (await quotas(emulator, filter("Video"))).body.assetQuotas[0];
    expect(quota.usage).toBe(1);
    expect(Date.parse(quota.usageResetTime)).toBeGreaterThan(Date.now());
  });

  it("refuses a period it does not know, instead of resetting it daily", async () => {
    const period = "Month" as "MONTH";
    await expect(
      startTestEmulator({ quotas: [{ assetType: "Audio", capacity: 2, period }] }),
    ).rejects.toThrow('quotas[0].period must be "MONTH" or "DAY", not "Month".');
  });

  it("is for the key's own user only; groups have none; bad filters and page sizes are refused", async () => {
    emulator = await startTestEmulator({ apiKeys: ["key", { key: "group", creator: "group:5" }] });
    expect((await quotas(emulator, "", "2")).status).toBe(403);
    expect(
      (await call(emulator, "GET", "/cloud/v2/users/5/asset-quotas", { root: true, apiKey: "group" })).status,
    ).toBe(403);
    expect((await quotas(emulator, "?filter=assetType%20%3D%3D%20AUDIO")).status).toBe(400);
    expect((await quotas(emulator, "?filter=size%20%3E%201")).status).toBe(400);
    expect((await quotas(emulator, "?maxPageSize=0")).status).toBe(400);
    const first = await quotas(emulator, "?maxPageSize=1");
    expect(first.body.assetQuotas).toHaveLength(1);
    const second = await quotas(emulator, `?maxPageSize=1&pageToken=${first.body.nextPageToken}`);
    expect(second.body.assetQuotas[0].assetType).toBe("VIDEO");
    expect(second.body.nextPageToken).toBeUndefined();
  });
});
