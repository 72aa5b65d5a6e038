import { describe, expect, it } from "vitest";
import { renderLuauModule, renderTypeScriptModule } from "../src/node/index.js";

const entries = [
  { file: "ui/play.png", uri: "rbxassetid://7", sprite: { x: 2, y: 36, width: 30, height: 28 } },
  { file: "ui/logo.png", uri: "rbxassetid://9" },
];

describe("codegen of sprites", () => {
  it("writes a sprite as { Image, ImageRectOffset, ImageRectSize } in Luau", () => {
    expect(renderLuauModule(entries)).toContain(
      '\t["ui/play.png"] = { Image = "rbxassetid://7", ImageRectOffset = Vector2.new(2, 36), ImageRectSize = Vector2.new(30, 28) },',
    );
    expect(renderLuauModule(entries)).toContain('\t["ui/logo.png"] = "rbxassetid://9",');
  });

  it("writes the same shape in TypeScript, vectors as { X, Y }", () => {
    expect(renderTypeScriptModule(entries)).toContain(
      '  "ui/play.png": { Image: "rbxassetid://7", ImageRectOffset: { X: 2, Y: 36 }, ImageRectSize: { X: 30, Y: 28 } },',
    );
  });
});
