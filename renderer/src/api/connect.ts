/** Picks the transport of the host the renderer runs in. */
import { ApiClient, type PreloadBridge } from './client.ts';
import { WsTransport, wsUrlFromLocation } from './ws-transport.ts';

declare global {
  interface Window {
    srlab?: PreloadBridge;
  }
}

/** The client for this page: Electron's bridge when present, else the browser host's WebSocket. */
export function connect(): ApiClient {
  if (window.srlab) return new ApiClient(window.srlab);
  return new ApiClient(new WsTransport(wsUrlFromLocation(window.location)));
}
