// electron-builder configuration (`npm run dist`, through build/electron/dist.mjs).
// The app is the esbuild bundles (dist/electron), the built renderer (dist/renderer), the
// shipped scenarios and icons, and one runtime dependency left outside the bundles:
// better-sqlite3 (native), rebuilt by electron-builder for Electron's ABI and the target.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.sessionrecoverylab.app',
  productName: 'Session Recovery Lab',
  executableName: 'session-recovery-lab',
  copyright: 'Copyright © Session Recovery Lab authors',
  directories: { output: 'dist/release', buildResources: 'build/electron' },
  // Everything else the sources need is inlined in dist/electron/*.mjs.
  files: [
    'package.json',
    'dist/electron/**/*',
    '!dist/electron/**/*.map',
    'dist/renderer/**/*',
    'assets/scenarios/**/*',
    'assets/icons/icon-256.png',
    '!node_modules/**/*',
    'node_modules/better-sqlite3/package.json',
    'node_modules/better-sqlite3/lib/**/*',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/bindings/**/*',
    'node_modules/file-uri-to-path/**/*',
  ],
  extraMetadata: { main: 'dist/electron/main.mjs' },
  asar: true,
  // Worker threads and native modules are loaded from real files, not from inside the archive.
  asarUnpack: ['dist/electron/*-worker.mjs', '**/*.node'],
  // Rebuild native dependencies (better-sqlite3) for Electron and the target platform/arch:
  // a prebuilt Electron binary when better-sqlite3 publishes one, else compiled from source.
  npmRebuild: true,
  buildDependenciesFromSource: false,
  nodeGypRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  fileAssociations: [
    {
      ext: 'srlab.json',
      name: 'Session Recovery Lab scenario',
      description: 'Session Recovery Lab scenario',
      role: 'Editor',
      mimeType: 'application/x-srlab-scenario+json',
      icon: 'icons/icon',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/electron/icons',
    category: 'Network',
    synopsis: 'Emulates SSR session-recovery detection on spoke/hub networks',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'], icon: 'build/electron/icons/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: ['dmg'],
    icon: 'build/electron/icons/icon.icns',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
  },
};
