// Resolves files shipped with the project (card templates, knowledge data) the same way whether the
// code runs from src/ under ts-jest or from dist/src/ after a build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'aml-network-guide') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`package.json of aml-network-guide not found above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(__dirname);

export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
