import { describe, expect, it } from "vitest";
import { placeholderLiteral, replacePlaceholder } from "../src/late-constant.js";

describe("replacePlaceholder", () => {
  it("replaces the placeholder in any quotes and maps the columns after it", () => {
    const code = `a\nxx'TOKEN'yy\nb`;
    const replaced = replacePlaceholder(code, "TOKEN", '"{}"');
    expect(replaced?.code).toBe(`a\nxx"{}"yy\nb`);
    // line 0: one segment; line 1: start, edit start (col 2), after the edit (generated 6 = source 9); line 2.
    expect(replaced?.map.mappings).toBe("AAAA;AACA,EAAE,IAAO;AACT");
    expect(replacePlaceholder("x = `TOKEN` + 'TOKEN'", "TOKEN", "1")?.code).toBe("x = 1 + 1");
  });

  it("leaves code without the placeholder alone", () => {
    expect(replacePlaceholder("const a = 'TOKENS';", "TOKEN", "1")).toBeUndefined();
    expect(placeholderLiteral("T")).toBe('"T"');
  });
});
