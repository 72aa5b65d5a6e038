// The import types live in @rbxassets/unplugin, which this plugin is a shell over: one declaration for
// every bundler. `/// <reference types="@rbxassets/rollup-plugin/client" />` keeps working.
/// <reference types="@rbxassets/unplugin/client" />
