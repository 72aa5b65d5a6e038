import assets from "virtual:rbxassets";
import heart from "./images/heart.png";
import crate from "./models/crate.rbxm";

export default { heart, crate, all: assets };
