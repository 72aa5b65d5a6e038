// Type-level test (checked by `pnpm typecheck`, and with skipLibCheck off by client-types.test.ts):
// imports are typed by client.d.ts as the plugin makes them at runtime.
/// <reference path="../client.d.ts" />
import assets, { assetUri } from "virtual:rbxassets";
import blue from "./fixtures/project/src/images/blue.png?rbxasset";
import red from "./fixtures/project/src/images/red.png";
import sky from "./fixtures/project/src/images/sky.tga";
import crate from "./fixtures/project/src/models/crate.rbxm";
import ship from "./fixtures/project/src/models/ship.glb";
import ping from "./fixtures/project/src/sounds/ping.wav";
import pingId from "./fixtures/project/src/sounds/ping.wav?rbxasset";

type AssetUri = `rbxassetid://${string}`;
export const typed: AssetUri[] = [red, blue, sky, crate, ship, pingId, assetUri("src/images/red.png")];
export const map: Readonly<Record<string, AssetUri>> = assets;
// @ts-expect-error: an asset id is not any string
export const notAnId: AssetUri = "https://example.com/red.png";

// Audio, by default (`audio` off), is whatever the bundler's other plugins make of it: a URL string.
export const audioUrl: string = ping;
// @ts-expect-error: a default audio import is not an asset id
export const audioNotId: AssetUri = ping;

import star from "./fixtures/project/src/images/red.png?sprite";

export const spriteImage: AssetUri = star.Image;
export const spriteRect: [number, number, number, number] = [
  star.ImageRectOffset.X,
  star.ImageRectOffset.Y,
  star.ImageRectSize.X,
  star.ImageRectSize.Y,
];
// @ts-expect-error: a plain import is an id, never a sprite (the build refuses a plain import of one)
export const plainIsNotSprite: number = red.ImageRectOffset.X;
// @ts-expect-error: a sprite is not an id
export const spriteIsNotId: AssetUri = star;
