import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/lib/paths';

const CLI = path.join(
  projectRoot,
  'node_modules',
  'dependency-cruiser',
  'bin',
  'dependency-cruise.mjs',
);

/** Runs the layering check of `npm run check` over `dir` (relative to `cwd`); returns its verdict. */
function cruise(cwd: string, dir = 'src'): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      CLI,
      '--config',
      path.join(projectRoot, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      dir,
    ],
    { cwd, encoding: 'utf8' },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the layering check', () => {
  // Inside the project, so imports of packages still resolve through its node_modules.
  const scratch = path.join(projectRoot, '.data', 'layering-check');

  beforeEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.cpSync(path.join(projectRoot, 'src'), path.join(scratch, 'src'), { recursive: true });
    fs.copyFileSync(path.join(projectRoot, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('passes on the tree as it is', () => {
    const { status, output } = cruise(projectRoot);
    expect(output).not.toMatch(/error/);
    expect(status).toBe(0);
  });

  it('fails on a deliberately added import circle', () => {
    const rules = path.join(scratch, 'src', 'credential', 'credential.rules.ts');
    fs.writeFileSync(
      path.join(scratch, 'src', 'credential', 'circle.ts'),
      "import { isMutual } from './credential.rules';\nexport const again = isMutual;\n",
    );
    fs.appendFileSync(rules, "\nimport { again } from './circle';\nexport const loop = again;\n");
    const { status, output } = cruise(scratch);
    expect(status).not.toBe(0);
    expect(output).toMatch(/no-circular/);
  });

  it('fails when a domain imports the server at run time', () => {
    fs.appendFileSync(
      path.join(scratch, 'src', 'skill', 'skill.service.ts'),
      "\nimport { createLoaders } from '../server/loaders';\nexport const leak = createLoaders;\n",
    );
    const { status, output } = cruise(scratch);
    expect(status).not.toBe(0);
    expect(output).toMatch(/domain-not-to-server/);
  });

  it('fails when the ground floor imports a domain', () => {
    fs.appendFileSync(
      path.join(scratch, 'src', 'lib', 'group.ts'),
      "\nimport { credentialId } from '../credential/credential.rules';\nexport const up = credentialId;\n",
    );
    const { status, output } = cruise(scratch);
    expect(status).not.toBe(0);
    expect(output).toMatch(/ground-floor-stays-down/);
  });
});
