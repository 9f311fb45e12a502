import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, isAppUrl, resolveAppRequest, respondToAppRequest } from '../../../electron/main/protocol.ts';

const root = mkdtempSync(join(tmpdir(), 'srlab-protocol-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'index-1.css'), 'body{}');
const inside = (file: string) => file.startsWith(root + sep);

describe('resolveAppRequest', () => {
  it('serves index.html for / with the CSP header', () => {
    const r = resolveAppRequest('app://lab/', root);
    expect(r.ok && r.file).toBe(join(root, 'index.html'));
    expect(r.ok && r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.ok && r.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it.each([
    ['app://lab/assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['app://lab/assets/index-1.css', 'text/css; charset=utf-8'],
    ['app://lab/logo.svg', 'image/svg+xml'],
    ['app://lab/font.woff2', 'font/woff2'],
    ['app://lab/data.bin', 'application/octet-stream'],
  ])('gives %s the MIME type %s', (url, type) => {
    const r = resolveAppRequest(url, root);
    expect(r.ok && r.headers['content-type']).toBe(type);
  });

  it.each([
    'app://lab/../../etc/passwd',
    'app://lab/%2e%2e/%2e%2e/etc/passwd',
    'app://lab/..%2f..%2fetc%2fpasswd',
    'app://lab/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://lab/..%5c..%5cwindows%5cwin.ini',
    'app://lab/C:%5cWindows%5cwin.ini',
  ])('never resolves %s outside the renderer folder', (url) => {
    const r = resolveAppRequest(url, root);
    if (r.ok) expect(inside(r.file)).toBe(true);
    else expect([400, 403, 404]).toContain(r.status);
  });

  it('refuses an encoded parent segment outright', () => {
    expect(resolveAppRequest('app://lab/..%2f..%2fetc%2fpasswd', root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses other hosts, undecodable paths and NUL bytes', () => {
    expect(resolveAppRequest('app://other/index.html', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://lab/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://lab/index.html%00.js', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('respondToAppRequest', () => {
  it('answers index.html with 200, its bytes and the CSP header', async () => {
    const res = await respondToAppRequest({ url: 'app://lab/index.html', method: 'GET' }, root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>lab</title>');
  });

  it('answers the traversal attempt without the file', async () => {
    const res = await respondToAppRequest({ url: 'app://lab/../../etc/passwd', method: 'GET' }, root);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('root:');
  });

  it('answers a missing file 404 and a POST 405, both with the CSP', async () => {
    const missing = await respondToAppRequest({ url: 'app://lab/nope.js', method: 'GET' }, root);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await respondToAppRequest({ url: 'app://lab/index.html', method: 'POST' }, root)).status).toBe(405);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

  it('allows scripts from the app only: no inline, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('allows inline styles (React Flow) but no remote origin anywhere', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

describe('the app scheme', () => {
  it('is standard and secure but not CORS-enabled and does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });

  it('recognises its own URLs only', () => {
    expect(isAppUrl('app://lab/index.html')).toBe(true);
    expect(isAppUrl('app://lab.evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
