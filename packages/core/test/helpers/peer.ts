// A tiny real HTTP peer on loopback, for behaviour the emulator does not produce on purpose (5xx answers,
// dropped connections, odd error bodies). It is a server, not a mock: the client talks to it over TCP.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface PeerRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  bodyBytes: number;
}

export interface Peer {
  /** Base URL in the shape of RBXASSETS_API_URL (`http://127.0.0.1:PORT/assets`). */
  url: string;
  requests: PeerRequest[];
  close(): Promise<void>;
}

export type PeerHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  info: { index: number; bodyBytes: number },
) => void | Promise<void>;

/** `readBody: false` hands the request over before its body is read (to drop a connection mid-upload). */
export async function startPeer(handler: PeerHandler, options: { readBody?: boolean } = {}): Promise<Peer> {
  const requests: PeerRequest[] = [];
  const server = createServer(async (req, res) => {
    let bodyBytes = 0;
    if (options.readBody !== false) for await (const chunk of req) bodyBytes += (chunk as Buffer).length;
    const index = requests.length;
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, bodyBytes });
    await handler(req, res, { index, bodyBytes });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/assets`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/assets`;
}
