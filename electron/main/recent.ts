/**
 * The Open Recent list: the last scenario files opened or saved, newest first, kept in a small
 * JSON file in the user-data folder (the menu shows it on every platform; the OS's own list is
 * fed through app.addRecentDocument as well). The list operations are pure.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** How many files the menu lists. */
export const RECENT_MAX = 10;

/** `path` moved (or added) to the front; duplicates removed; at most `max` entries. */
export function addRecent(list: readonly string[], path: string, max = RECENT_MAX): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, max);
}

/** The list without `path`. */
export function removeRecent(list: readonly string[], path: string): string[] {
  return list.filter((p) => p !== path);
}

/** Reads a stored list; anything unreadable or malformed is an empty list. */
export function parseRecent(text: string | null): string[] {
  if (text === null) return [];
  try {
    const v = JSON.parse(text) as unknown;
    const files = typeof v === 'object' && v !== null ? (v as { files?: unknown }).files : undefined;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f !== '').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

/** The list backed by a file; `onChange` rebuilds the menu. */
export class RecentFiles {
  private list: string[];

  constructor(
    private readonly file: string,
    private readonly onChange: (list: readonly string[]) => void = () => {},
  ) {
    let text: string | null = null;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = null;
    }
    this.list = parseRecent(text);
  }

  /** Newest first. */
  get files(): readonly string[] {
    return this.list;
  }

  add(path: string): void {
    this.set(addRecent(this.list, path));
  }

  remove(path: string): void {
    this.set(removeRecent(this.list, path));
  }

  clear(): void {
    this.set([]);
  }

  private set(list: string[]): void {
    this.list = list;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, `${JSON.stringify({ files: list }, null, 2)}\n`);
    } catch {
      // The list is a convenience: a read-only profile must not stop the app.
    }
    this.onChange(list);
  }
}
