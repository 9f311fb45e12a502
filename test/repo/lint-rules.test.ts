import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './import-graph.ts';

// The lint config enforces the boundaries of shared/conventions.md; these probes (virtual files,
// never written) make sure each rule still fires, so a loosened config cannot pass silently.
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return (r?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('keeps engine/ pure: no Node, DOM, Electron or UI imports, no clock, randomness, timers or console', async () => {
    const found = await problems(
      'engine/model/probe.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { app } from 'electron';",
        "import { useState } from 'react';",
        "import { createApi } from '../../electron/services/api/handlers.ts';",
        'export const x = [readFileSync, app, useState, createApi, Date.now(), Math.random(), new Date()];',
        'setTimeout(() => console.log(window.location), 1);',
      ].join('\n'),
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(3);
    expect(found.some((p) => p.startsWith('import-x/no-restricted-paths') && p.includes('engine/ imports nothing outside itself'))).toBe(true);
    expect(found.filter((p) => p.startsWith('no-restricted-properties'))).toHaveLength(2);
    expect(found.filter((p) => p.startsWith('no-restricted-syntax'))).toHaveLength(1);
    expect(found.filter((p) => p.startsWith('no-restricted-globals'))).toHaveLength(3);
  });

  it('lets code outside engine/ import only engine/index.ts', async () => {
    const deep = "import { kpiTable } from '../../../engine/compare/kpi.ts';\nexport const k = kpiTable;\n";
    const surface = "import { kpiTable } from '../../../engine/index.ts';\nexport const k = kpiTable;\n";
    expect(await problems('renderer/src/runs/probe.ts', deep)).toEqual([expect.stringContaining('only through engine/index.ts')]);
    expect(await problems('electron/services/reports/probe.ts', deep)).toEqual([expect.stringContaining('only through engine/index.ts')]);
    expect(await problems('electron/services/reports/probe.ts', surface)).toEqual([]);
  });

  it('keeps electron/services from importing electron/cli, and everyone from importing the renderer', async () => {
    expect(await problems('electron/services/runs/probe.ts', "import { main } from '../../cli/main.ts';\nexport const m = main;\n")).toEqual([expect.stringContaining('never imports electron/cli')]);
    expect(await problems('electron/services/api/probe.ts', "import { ApiClient } from '../../../renderer/src/api/client.ts';\nexport const c = ApiClient;\n")).toEqual([
      expect.stringContaining('Nothing imports the renderer'),
    ]);
  });
});
