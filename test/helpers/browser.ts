import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/lib/paths';

const INSTALL_HINT =
  "The explorer tests drive a real Chromium: install Debian's package with `apt-get install chromium` " +
  '(`bash .ci/run` installs it when it is missing), or point CHROMIUM_PATH at a Chromium binary.';

/** Debian's chromium (or CHROMIUM_PATH); fails with what to install when there is none. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser'].filter(
    (c): c is string => Boolean(c),
  );
  for (const candidate of candidates) {
    const found = spawnSync('sh', ['-c', 'command -v "$0"', candidate], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  throw new Error(INSTALL_HINT);
}

/** Headless Chromium through playwright-core: no browser download, the system's binary. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Chromium's sandbox cannot start as root (CI containers); elsewhere it stays on.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** Builds the explorer page with Vite into dist/explorer, as `npm run build` does. */
export function buildExplorer(): void {
  execFileSync(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'explorer/vite.config.mjs',
    ],
    { cwd: projectRoot, stdio: 'pipe' },
  );
}

/** Where the browser tests leave their screenshots and measurements. */
export const ARTEFACTS = path.join(projectRoot, 'test-artifacts', 'explorer');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
}

// Run inside the page by playwright; the test program has no DOM library.
declare const window: { axe: any };
declare const document: unknown;

/** axe-core's script, read once per test file. */
let axeSource: string | undefined;

/** Runs axe-core in the page and returns its violations (WCAG 2.1 A and AA, best practices). */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = axeSource;
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(`${source}\n;0`);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
    }));
  });
}
