import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPipeline, resolveConfig } from "../src/node/index.js";
import { tempProject } from "./pipeline-project.js";

let project: { root: string; dispose(): Promise<void> };
beforeEach(async () => {
  project = await tempProject("rbxassets-config-");
});
afterEach(async () => {
  await project.dispose();
});

describe("resolveConfig", () => {
  it("takes explicit options over the environment over .env", async () => {
    await writeFile(
      join(project.root, ".env"),
      'RBXASSETS_API_KEY=from-dotenv\nRBXASSETS_CREATOR="group:5"\nRBXASSETS_API_URL=http://127.0.0.1:1/assets # local\n',
    );
    const fromDotenv = await resolveConfig({ root: project.root, env: {} });
    expect(fromDotenv.apiKey).toBe("from-dotenv");
    expect(fromDotenv.creator).toBe("group:5");
    expect(fromDotenv.creatorRef).toEqual({ groupId: "5" });
    expect(fromDotenv.baseUrl).toBe("http://127.0.0.1:1/assets");

    const fromEnv = await resolveConfig({
      root: project.root,
      env: { RBXASSETS_API_KEY: "from-env", RBXASSETS_CREATOR: "user:9" },
    });
    expect(fromEnv.apiKey).toBe("from-env");
    expect(fromEnv.creator).toBe("user:9");

    const explicit = await resolveConfig({
      root: project.root,
      env: { RBXASSETS_API_KEY: "from-env" },
      apiKey: "explicit",
      creator: "user:1",
    });
    expect(explicit.apiKey).toBe("explicit");
    expect(explicit.creatorRef).toEqual({ userId: "1" });
  });

  it("never shows secrets", async () => {
    // One credential per config (the first layer that has any wins): the key from options, the token
    // from the environment.
    const config = await resolveConfig({ root: project.root, env: {}, apiKey: "super-secret-key" });
    const tokenConfig = await resolveConfig({
      root: project.root,
      env: { RBXASSETS_OAUTH_TOKEN: "tok-123456" },
    });
    expect(JSON.stringify(config)).not.toContain("super-secret-key");
    expect(inspect(config)).not.toContain("super-secret-key");
    expect(inspect(tokenConfig)).not.toContain("tok-123456");
    expect(JSON.stringify({ ...config })).not.toContain("super-secret-key");
    expect(JSON.parse(JSON.stringify(config))).toMatchObject({ apiKey: "[redacted]" });
    expect(JSON.parse(JSON.stringify(tokenConfig))).toMatchObject({ oauthToken: "[redacted]" });
  });

  it("takes credentials whole from the first layer that has any, as the client does", async () => {
    const config = await resolveConfig({
      root: project.root,
      env: { RBXASSETS_API_KEY: "env-key" },
      oauthToken: "explicit-token",
    });
    expect(config.oauthToken).toBe("explicit-token");
    expect(config.apiKey).toBeUndefined();
  });

  it("explains a malformed creator in one line naming RBXASSETS_CREATOR", async () => {
    await expect(resolveConfig({ root: project.root, env: { RBXASSETS_CREATOR: "me" } })).rejects.toThrow(
      /^RBXASSETS_CREATOR: "me" is not "user:<digits>" or "group:<digits>" — set RBXASSETS_CREATOR/,
    );
  });

  it("works without a .env file or any credentials", async () => {
    const config = await resolveConfig({ root: project.root, env: {} });
    expect(config.hasCredentials).toBe(false);
    expect(config.creator).toBeUndefined();
  });
});

describe("createPipeline", () => {
  it("refuses a process option that is not a stage function, naming processing", () => {
    // A JavaScript user's slip: before, every image then failed as "process is not a function — check the network".
    const options = { root: project.root, process: { alphaBleed: false } } as unknown as Parameters<
      typeof createPipeline
    >[0];
    expect(() => createPipeline(options)).toThrow(
      "process must be a function (a replacement process stage); image options such as alphaBleed and spritesheet go in processing",
    );
  });
});
