import { describe, expect, it } from "vitest";
import { type PlacedSprite, planLayout, type SpriteInput } from "../src/node/process/layout.js";

const icons = (n: number, size = 64, prefix = "icon"): SpriteInput[] =>
  Array.from({ length: n }, (_, i) => ({
    file: `${prefix}${String(i).padStart(4, "0")}.png`,
    key: `h${i}`,
    width: size,
    height: size,
  }));
const placed = (plan: ReturnType<typeof planLayout>): PlacedSprite[] =>
  plan.atlases.flatMap((a) => a.sprites);
const options = { group: "ui", maxSize: 256, padding: 2 };

function overlaps(a: PlacedSprite, b: PlacedSprite, pad: number): boolean {
  return (
    a.x - pad < b.x + b.width + pad &&
    b.x - pad < a.x + a.width + pad &&
    a.y - pad < b.y + b.height + pad &&
    b.y - pad < a.y + a.height + pad
  );
}

describe("planLayout", () => {
  it("packs padded cells without overlap, inside maxSize, deterministically whatever the input order", () => {
    const sprites = icons(40);
    const plan = planLayout(sprites, [], options);
    // 68 px cells: 3x3 per 256 atlas.
    expect(plan.atlases.length).toBe(Math.ceil(40 / 9));
    for (const atlas of plan.atlases) {
      expect(atlas.width).toBeLessThanOrEqual(256);
      expect(atlas.height).toBeLessThanOrEqual(256);
      for (const [i, a] of atlas.sprites.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(2);
        expect(a.x + a.width + 2).toBeLessThanOrEqual(atlas.width);
        for (const b of atlas.sprites.slice(i + 1)) expect(overlaps(a, b, 2)).toBe(false);
      }
    }
    expect(planLayout([...sprites].reverse(), [], options)).toEqual(plan);
    expect(plan.changed).toEqual(plan.atlases.map((a) => a.name));
  });

  it("changes nothing when nothing changed", () => {
    const first = planLayout(icons(40), [], options);
    const again = planLayout(icons(40), placed(first), options);
    expect(again.atlases).toEqual(first.atlases);
    expect(again.changed).toEqual([]);
  });

  it("adding one image changes only the partly filled atlas", () => {
    const first = planLayout(icons(40), [], options); // 4 full atlases of 9, one of 4
    const added = [...icons(40), { file: "icon0017b.png", key: "new", width: 64, height: 64 }];
    const second = planLayout(added, placed(first), options);
    expect(second.changed).toEqual(["ui#4"]);
    for (const atlas of second.atlases.slice(0, 4))
      expect(atlas).toEqual(first.atlases.find((a) => a.name === atlas.name));
    expect(second.atlases.find((a) => a.name === "ui#4")!.sprites.map((s) => s.file)).toContain(
      "icon0017b.png",
    );
  });

  it("an image that fits nowhere starts a new atlas; a full last atlas stays untouched", () => {
    const first = planLayout(icons(18), [], options); // exactly two full atlases
    const second = planLayout(
      [...icons(18), { file: "zz.png", key: "z", width: 64, height: 64 }],
      placed(first),
      options,
    );
    expect(second.changed).toEqual(["ui#2"]);
    expect(second.atlases.slice(0, 2)).toEqual(first.atlases);
  });

  it("a changed image of the same size keeps its rect; only its atlas changes", () => {
    const first = planLayout(icons(20), [], options);
    const changed = icons(20).map((s) => (s.file === "icon0003.png" ? { ...s, key: "edited" } : s));
    const second = planLayout(changed, placed(first), options);
    const before = placed(first).find((s) => s.file === "icon0003.png")!;
    const after = placed(second).find((s) => s.file === "icon0003.png")!;
    expect([after.atlas, after.x, after.y]).toEqual([before.atlas, before.x, before.y]);
    expect(second.changed).toEqual([before.atlas]);
  });

  it("removing an image changes only its atlas; an emptied atlas is dropped", () => {
    const first = planLayout(icons(20), [], options);
    const gone = placed(first).find((s) => s.file === "icon0005.png")!;
    const second = planLayout(
      icons(20).filter((s) => s.file !== "icon0005.png"),
      placed(first),
      options,
    );
    expect(second.changed).toEqual([gone.atlas]);
    const onlyTwo = planLayout(icons(2), [], options);
    expect(planLayout([], placed(onlyTwo), options).atlases).toEqual([]);
  });

  it("re-packs fully on request, and past the waste threshold when that saves an atlas", () => {
    const first = planLayout(icons(36), [], options); // 4 full atlases
    // Remove most images of every atlas: the stable layout keeps 4 sparse atlases.
    const few = icons(36).filter((_, i) => i % 9 === 0);
    const kept = planLayout(few, placed(first), options);
    expect(kept.repacked).toBe(true);
    expect(kept.atlases.length).toBe(1);
    const asked = planLayout(icons(36), placed(first), { ...options, repack: true });
    expect(asked.repacked).toBe(true);
    expect(asked.changed).toEqual([]);
  });
});
