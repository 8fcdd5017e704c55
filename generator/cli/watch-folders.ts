/**
 * Watches the folders that hold `.sql` files, never the files themselves: an editor's atomic save
 * (write a temporary file, rename it over the original) replaces the file's inode, and a watch on
 * the old inode goes silent. A folder's watch sees creations, renames and deletions of its entries.
 */
import { existsSync, readdirSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isDirectory } from "../config/options.js";

export interface FolderWatch {
  close(): void;
}

/**
 * Calls `onChange` for every event on a `.sql` file below `roots` (files or folders, relative to
 * `cwd`). A root that does not exist yet is waited for by watching its nearest existing ancestor;
 * folders created later are picked up on the next event.
 */
export function watchFolders(cwd: string, roots: readonly string[], onChange: () => void): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  const sync = () => {
    const wanted = new Set(roots.flatMap((r) => foldersFor(resolve(cwd, r))));
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          sync();
          // A folder event names the entry; a new sub-folder may already hold .sql files.
          if (name === null || name.endsWith(".sql") || isDirectory(join(dir, name))) onChange();
        });
        w.on("error", () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // The folder vanished between listing and watching: its parent's watch sees it come back.
      }
    }
  };
  sync();
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** The folders to watch for one root: every folder below a folder root, a file root's folder, or an ancestor. */
function foldersFor(root: string): string[] {
  if (isDirectory(root)) return [root, ...subfolders(root)];
  if (existsSync(root)) return [dirname(root)];
  let ancestor = dirname(root);
  while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  // Watching the ancestor sees the root (or the folder leading to it) appear.
  return [ancestor];
}

function subfolders(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.isDirectory() && e.name !== "node_modules" && !e.name.startsWith(".")) {
      const p = join(dir, e.name);
      out.push(p, ...subfolders(p));
    }
  }
  return out;
}
