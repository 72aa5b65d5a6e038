import { describe, expect, it } from "vitest";
import { renderLuauValue, renderTypeScriptValue } from "../src/internal.js";
import { moduleValue, renderInputModules } from "../src/node/index.js";

const assets = [
  { file: "ui/play.png", uri: "rbxassetid://7", sprite: { x: 2, y: 36, width: 30, height: 28 } },
  { file: "ui/logo.png", uri: "rbxassetid://9" },
];
const files = assets.map((asset) => ({ file: asset.file, key: asset.file, value: moduleValue(asset) }));
const flat = renderInputModules(
  { style: "flat", extensions: "keep", luau: "a.luau", ts: "a.ts", dts: "a.d.ts" },
  files,
  "rbxassets.lock.json",
);

describe("codegen of sprites: one shape everywhere", () => {
  it("writes a sprite as { Image, ImageRectOffset, ImageRectSize } in Luau", () => {
    const sprite =
      '{ Image = "rbxassetid://7", ImageRectOffset = Vector2.new(2, 36), ImageRectSize = Vector2.new(30, 28) }';
    expect(renderLuauValue(assets[0]!)).toBe(sprite);
    expect(flat.luau).toContain(`\t["ui/play.png"] = ${sprite},`);
    expect(flat.luau).toContain('\t["ui/logo.png"] = "rbxassetid://9",');
  });

  it("writes the same shape in TypeScript, vectors as { X, Y }, for a module and for one import alike", () => {
    const sprite =
      '{ Image: "rbxassetid://7", ImageRectOffset: { X: 2, Y: 36 }, ImageRectSize: { X: 30, Y: 28 } }';
    expect(renderTypeScriptValue(assets[0]!)).toBe(sprite);
    expect(flat.ts).toContain(`  "ui/play.png": ${sprite},`);
    expect(renderTypeScriptValue(assets[1]!)).toBe('"rbxassetid://9"');
  });

  it("types a sprite in the .d.ts as the object it is, Vector2 fields", () => {
    expect(flat.dts).toContain(
      '\treadonly "ui/play.png": {\n\t\treadonly Image: "rbxassetid://7";\n\t\treadonly ImageRectOffset: Vector2;\n\t\treadonly ImageRectSize: Vector2;\n\t};',
    );
  });
});
