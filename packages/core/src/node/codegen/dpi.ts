// DPI variants (tarmac's and tungsten's convention): `icon@2x.png` and `icon@3x.png` beside `icon.png` are one
// entry, `icon` (never with its extension), whose value is chosen by the DPI scale at run time (a function
// of it in the modules). A variant with no sibling stays a file of its own, under its own name.
import type { CodegenItem, CodegenValue, DpiValue, SpriteValue } from "./tree.js";

/** `name@2x.png` → scale 2 and `name.png`; `name@1x.png` is scale 1. */
const VARIANT = /^(.+?)@(\d+)x(\.[^/]*)?$/;

export function dpiScaleOf(key: string): { base: string; scale: number } {
  const slash = key.lastIndexOf("/");
  const match = VARIANT.exec(key.slice(slash + 1));
  if (!match) return { base: key, scale: 1 };
  return { base: `${key.slice(0, slash + 1)}${match[1]}${match[3] ?? ""}`, scale: Number(match[2]) };
}

function withoutExtension(key: string): string {
  const slash = key.lastIndexOf("/");
  const dot = key.lastIndexOf(".");
  return dot > slash + 1 ? key.slice(0, dot) : key;
}

/** Merges each group of two or more variants of one image into one item keyed by the base name. */
export function groupDpiVariants(items: Iterable<CodegenItem>): CodegenItem[] {
  const groups = new Map<string, { scale: number; item: CodegenItem }[]>();
  for (const item of items) {
    const { base, scale } =
      typeof item.value === "string" || !("dpi" in item.value)
        ? dpiScaleOf(item.key)
        : { base: item.key, scale: 1 };
    const group = groups.get(base) ?? [];
    group.push({ scale, item });
    groups.set(base, group);
  }
  const out: CodegenItem[] = [];
  for (const [base, group] of groups) {
    const scales = new Set(group.map((g) => g.scale));
    if (group.length < 2 || scales.size !== group.length) {
      out.push(...group.map((g) => g.item));
      continue;
    }
    const dpi = group
      .sort((a, b) => a.scale - b.scale)
      .map((g) => [g.scale, g.item.value as string | SpriteValue] as [number, string | SpriteValue]);
    // The group is named without extension, whatever `extensions` says: as tarmac and tungsten name it.
    out.push({ key: withoutExtension(base), value: { dpi } satisfies DpiValue as CodegenValue });
  }
  return out;
}
