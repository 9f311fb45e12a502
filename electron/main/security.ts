/**
 * What no page of the app may do, enforced in main for every webContents and the session:
 * navigate or redirect away from app://lab, open windows, attach <webview>s, download, or be
 * granted any permission (camera, notifications, clipboard read, …). Installed for every
 * webContents through app 'web-contents-created', so a window added later is covered too.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './protocol.ts';

/** Whether a page may go to `url` (in-app navigation only). */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** Locks down one webContents. */
export function hardenWebContents(contents: WebContents, log: (line: string) => void = () => {}): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) {
      event.preventDefault();
      log(`refused navigation to ${url}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) {
      event.preventDefault();
      log(`refused frame navigation to ${event.url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) {
      event.preventDefault();
      log(`refused redirect to ${url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused to open a window for ${url}`);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check, and every download, on a session. */
export function hardenSession(session: Session, log: (line: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`refused permission ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
    log('refused a download');
  });
}
