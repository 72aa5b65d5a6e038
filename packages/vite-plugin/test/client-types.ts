// Type-level test (checked by `pnpm typecheck`, and with skipLibCheck off by client-types.test.ts):
// client.d.ts beside vite/client, in either order, types relative asset imports as ids, sprites as
// objects and audio (by default Vite's URL) as strings.
/// <reference types="vite/client" />
/// <reference path="../client.d.ts" />
import assets, { assetUri } from "virtual:rbxassets";
import aliased from "/src/images/red.png";
import optIn from "/src/images/red.png?rbxasset";
import upOne from "../fixtures/project/src/images/red.png";
import url from "./fixtures/project/src/images/blue.png?url";
import red from "./fixtures/project/src/images/red.png";
import sky from "./fixtures/project/src/images/sky.tga";
import crate from "./fixtures/project/src/models/crate.rbxm";
import ship from "./fixtures/project/src/models/ship.glb";

type AssetUri = `rbxassetid://${string}`;
export const typed: AssetUri[] = [red, upOne, sky, crate, ship, optIn, assetUri("src/images/red.png")];
export const all: AssetUri[] = Object.values(assets);
export const viteUrl: string = url;
// A non-relative import keeps Vite's type (`?rbxasset` makes it an id, above).
export const viteString: string = aliased;
// @ts-expect-error: an asset id is not a number (fails if the imports were typed `any`)
export const notANumber: number = red;
// @ts-expect-error: Vite's `string` is not an asset id (fails if the two declarations merged)
export const notAnId: AssetUri = aliased;

import ping from "../fixtures/project/src/sounds/ping.wav";
import pingId from "../fixtures/project/src/sounds/ping.wav?rbxasset";
import star from "./fixtures/project/src/images/red.png?sprite";

// Audio, by default (`audio` off), is Vite's URL (a `data:` URL when small), and typed so.
export const audioUrl: string = ping;
// @ts-expect-error: a default audio import is not an asset id
export const audioNotId: AssetUri = ping;
export const audioId: AssetUri = pingId;
export const spriteImage: AssetUri = star.Image;
export const spriteRect: number = star.ImageRectOffset.X + star.ImageRectSize.Y;
// @ts-expect-error: a sprite is not an id
export const spriteIsNotId: AssetUri = star;
