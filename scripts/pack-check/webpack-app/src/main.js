export { default as logo } from "./images/logo.png";
export { default as crate } from "./models/crate.rbxm";
