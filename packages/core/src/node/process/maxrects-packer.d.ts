// maxrects-packer 2.7.4 declares "type": "module" but its `main` is a UMD bundle, which Node then loads as
// an ES module with no exports, and its own declarations use extensionless imports that NodeNext cannot
// follow. Its real ES module build sits beside it; these are the parts of its API that we use.
declare module "maxrects-packer/dist/maxrects-packer.mjs" {
  export interface PackedRect<T> {
    x: number;
    y: number;
    width: number;
    height: number;
    data: T;
  }
  export interface PackerOptions {
    smart?: boolean;
    pot?: boolean;
    square?: boolean;
    allowRotation?: boolean;
    border?: number;
  }
  export class MaxRectsPacker<T> {
    constructor(width: number, height: number, padding: number, options?: PackerOptions);
    addArray(rects: { width: number; height: number; data: T }[]): void;
    bins: { rects: PackedRect<T>[] }[];
  }
}
