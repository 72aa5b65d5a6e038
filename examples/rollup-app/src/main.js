// @ts-check
/// <reference types="@rbxassets/rollup-plugin/client" />
import assets from "virtual:rbxassets";
import coin from "./images/coin.png";
import heart from "./images/heart.png";
import logo from "./images/logo.png";
import crate from "./models/crate.rbxm";

// Each import is a `rbxassetid://<id>` string: what ImageLabel.Image or InsertService expect.
export const ui = { logo, coin, heart, crate };
export const all = assets;
