// Type-level test (checked by `pnpm typecheck`, never run): imports are typed by client.d.ts.
/// <reference path="../client.d.ts" />
import assets, { assetUri } from "virtual:rbxassets";
import blue from "./fixtures/project/src/images/blue.png?rbxasset";
import red from "./fixtures/project/src/images/red.png";
import sky from "./fixtures/project/src/images/sky.tga";
import crate from "./fixtures/project/src/models/crate.rbxm";
import ship from "./fixtures/project/src/models/ship.glb";

type AssetUri = `rbxassetid://${string}`;
export const typed: AssetUri[] = [red, blue, sky, crate, ship, assetUri("src/images/red.png")];
export const map: Readonly<Record<string, AssetUri>> = assets;
// @ts-expect-error: an asset id is not any string
export const notAnId: AssetUri = "https://example.com/red.png";

import star from "./fixtures/project/src/images/red.png?sprite";

export const spriteImage: AssetUri = star.Image;
export const spriteRect: [number, number, number, number] = [
  star.ImageRectOffset.X,
  star.ImageRectOffset.Y,
  star.ImageRectSize.X,
  star.ImageRectSize.Y,
];
