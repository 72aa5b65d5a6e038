// The shared import types live in @rbxassets/unplugin (see client.d.ts); this name stays for existing
// references, such as @rbxassets/vite-plugin/client's.
/// <reference types="@rbxassets/unplugin/client-shared" />
