import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemoCatalogue } from '../../seed/load-demo';
import { EXPLORER_DIR, explorerHandler } from '../../src/server/explorer';
import {
  ARTEFACTS,
  axeViolations,
  buildExplorer,
  launchChromium,
  screenshot,
} from '../helpers/browser';
import { ADMIN_KEY, startRegistryWithAdmin } from '../helpers/fixtures';
import type { TestRegistry } from '../helpers/registry';

// Run inside the page by playwright; the test program has no DOM library, so typed loosely here.
declare const document: any;
declare const getComputedStyle: (element: unknown) => { strokeDasharray: string };

/**
 * The explorer page in a real headless Chromium (Debian's package, driven by playwright-core) over
 * the demo catalogue: each view shows what the API answers, works by keyboard, passes axe-core and
 * fits a phone. Screenshots land in test-artifacts/explorer.
 */
describe('the explorer page', () => {
  let registry: TestRegistry;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const foreign: string[] = [];
  const problems: string[] = [];

  const DATA_ANALYST = 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2';
  const DATA_VIZ = 'northbridge-university:data-analytics-201';

  const explorer = (query = '') => `${origin}/explorer/${query}`;
  const texts = (selector: string) => page.locator(selector).allInnerTexts();
  const attributes = (selector: string, name: string) =>
    page
      .locator(selector)
      .evaluateAll((nodes, attribute) => nodes.map((n) => n.getAttribute(attribute) ?? ''), name);
  /** Waits until the attribute of the elements reads `expected`: the page has the new answer. */
  const untilAttributes = (selector: string, name: string, expected: string[]) =>
    page.waitForFunction(
      ([s, a, e]) =>
        JSON.stringify(
          [...document.querySelectorAll(s)].map((n: any) => n.getAttribute(a) ?? ''),
        ) === JSON.stringify(e),
      [selector, name, expected] as const,
    );
  const num = (value: number, digits = 1) =>
    value.toLocaleString('en', { maximumFractionDigits: digits });
  const percent = (share: number) => `${Math.round(share * 100)}%`;

  async function newPage(width = 1200, height = 900): Promise<Page> {
    const p = await context.newPage();
    await p.setViewportSize({ width, height });
    p.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
    });
    p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    p.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    return p;
  }

  async function expectAccessible(name: string): Promise<void> {
    const violations = await axeViolations(page);
    expect({ view: name, violations }).toEqual({ view: name, violations: [] });
  }

  async function expectFitsPhone(query: string, ready: string, name: string): Promise<void> {
    const phone = await newPage(390, 844);
    await phone.goto(explorer(query));
    await phone.locator(ready).first().waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ view: name, overflow }).toEqual({ view: name, overflow: 0 });
    await screenshot(phone, `${name}-phone`);
    await phone.close();
  }

  beforeAll(async () => {
    // Chromium first: without it the suite says what to install before building anything.
    browser = await launchChromium();
    buildExplorer();
    registry = await startRegistryWithAdmin();
    await loadDemoCatalogue(registry.services);
    origin = new URL(registry.server.url).origin;
    context = await browser.newContext();
    page = await newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await registry?.stop();
  });

  afterEach(() => {
    // Every view loads from the registry alone (offline) and runs without errors.
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('is served at /explorer with a strict content policy, and says when it is not built', async () => {
    const redirect = await fetch(`${origin}/explorer?view=research`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(new URL(redirect.headers.get('location')!, `${origin}/explorer`).toString()).toBe(
      `${origin}/explorer/?view=research`,
    );
    const index = await fetch(explorer());
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await index.text();
    // Relative addresses, so the page also works behind a path prefix.
    const assets = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, explorer()));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
      // Served precompressed (the build writes .br and .gz beside each file).
      expect(res.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    }
    expect((await fetch(explorer('nothing-here.js'))).status).toBe(404);

    const unbuilt = explorerHandler(path.join(ARTEFACTS, 'no-such-build'));
    const answer = await new Promise<string>((resolve) => {
      const res: any = {
        writeHead: () => res,
        end: (body: string) => resolve(body),
      };
      unbuilt({ url: '/explorer/' } as any, res);
    });
    expect(answer).toContain('npm run build');
  });

  it('role and learner: a learner opened with their key sees the gap and the plan the API lists, by keyboard', async () => {
    // A demo learner who already covers part of a role the plan needs several steps for.
    const names = Array.from({ length: 10 }, (_, i) => `learner-${String(i + 1).padStart(2, '0')}`);
    const learnerIds = [...(await registry.services.registry.demoLearnerIds(names)).values()];
    const roles = (await registry.gql(`{ jobRoles(first: 100) { nodes { id title } } }`)).data
      .jobRoles.nodes as { id: string; title: string }[];
    let learnerId = '';
    let role = { id: '', title: '' };
    search: for (const candidate of roles) {
      for (const id of learnerIds) {
        const res = await registry.gql(
          `query($r: ID!, $l: ID!) { gapClosingPlan(roleId: $r, learnerId: $l) { steps { order } gap { covered { importance } } } }`,
          { r: candidate.id, l: id },
          ADMIN_KEY,
        );
        const plan = res.data.gapClosingPlan;
        if (plan.steps.length > 1 && plan.gap.covered.length > 0) {
          learnerId = id;
          role = candidate;
          break search;
        }
      }
    }
    expect(learnerId).not.toBe('');
    const rotated = await registry.gql(
      `mutation($id: ID!) { rotateLearnerKey(learnerId: $id) { apiKey } }`,
      { id: learnerId },
      ADMIN_KEY,
    );
    const key: string = rotated.data.rotateLearnerKey.apiKey;

    await page.goto(explorer('?view=role'));
    // Find the role by keyboard: type, arrow down to the answer, Enter.
    await page.locator('#role-search').focus();
    await page.keyboard.type(role.title);
    await page.locator(`.choices button[data-id="${role.id}"]`).waitFor();
    // Arrow down the answers to the role (the exact title comes first).
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('ArrowDown');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-id'))) === role.id)
        break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('role') === role.id);
    await page.locator('#gap').waitFor();
    // Open the learner by keyboard: id, Tab, key, Enter submits.
    await page.locator('#learner-id').focus();
    await page.keyboard.type(learnerId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await page.waitForURL(/learner=/);
    await page.locator('#plan .steps li').first().waitFor();
    expect(page.url()).not.toContain(key);
    // What the learner holds, read with their key: the earned credentials that count.
    const record = (
      await registry.gql(
        `query($id: ID!) { learner(id: $id) { achievements { expired revoked credential { title } } } }`,
        { id: learnerId },
        key,
      )
    ).data.learner;
    await page.locator('.learner').waitFor();
    const earned = record.achievements.filter((a: any) => !a.expired && !a.revoked);
    expect(await texts('.learner a')).toEqual(earned.map((a: any) => a.credential.title));

    const planQuery = `query($role: ID!, $learner: ID, $skills: [HeldSkillInput!], $o: PlanObjective!) {
      gapClosingPlan(roleId: $role, learnerId: $learner, skills: $skills, optimize: $o) {
        totalHours totalPrice essentialCoverageAfter
        steps { order credential { id } requires { id } }
        gap { coverage essentialCoverage covered { skill { id } } missing { skill { id } } }
      } }`;
    const api = async (o: string, skills?: unknown) =>
      (
        await registry.gql(
          planQuery,
          { role: skills ? DATA_ANALYST : role.id, learner: skills ? null : learnerId, skills, o },
          skills ? undefined : key,
        )
      ).data.gapClosingPlan;
    const expectPlanShown = async (plan: any) => {
      // A change of the address renders the view at once and empties its results, so the steps
      // seen here are the new answer's, once it has come.
      const ids = plan.steps.map((s: any) => s.credential.id);
      await untilAttributes('#plan .steps li', 'data-id', ids);
      expect(await attributes('#plan .steps li', 'data-id')).toEqual(ids);
      // The diagram: one box per step, numbered in order, and an arrow per prerequisite in the plan.
      expect(await attributes('#plan .diagram a.node', 'data-id')).toEqual(ids);
      const arrows = plan.steps.flatMap((s: any) =>
        s.requires
          .filter((r: any) => ids.includes(r.id))
          .map((r: any) => `${r.id}>${s.credential.id}`),
      );
      const drawn = await page
        .locator('#plan path.edge-prerequisite')
        .evaluateAll((paths) =>
          paths.map((p) => `${p.getAttribute('data-from')}>${p.getAttribute('data-to')}`),
        );
      expect(drawn.sort()).toEqual(arrows.sort());
      expect(await page.locator('[data-figure="steps"]').innerText()).toBe(
        String(plan.steps.length),
      );
      expect(await page.locator('[data-figure="hours"]').innerText()).toBe(num(plan.totalHours));
      expect(await page.locator('[data-figure="price"]').innerText()).toContain(
        num(plan.totalPrice, 2),
      );
      expect(await page.locator('[data-figure="coverage"]').innerText()).toBe(
        percent(plan.gap.coverage),
      );
      expect(await page.locator('[data-figure="essential-coverage"]').innerText()).toBe(
        percent(plan.gap.essentialCoverage),
      );
      expect(await page.locator('table.covered tbody tr').count()).toBe(plan.gap.covered.length);
      expect(await page.locator('table.missing tbody tr').count()).toBe(plan.gap.missing.length);
    };

    const byHours = await api('HOURS');
    expect(byHours.steps.length).toBeGreaterThan(1);
    expect(byHours.gap.covered.length).toBeGreaterThan(0);
    await expectPlanShown(byHours);
    await screenshot(page, 'role-learner');
    await expectAccessible('role');

    // Switch the objective: the address says so and the plan is the API's plan for it.
    await page.locator('#objective').focus();
    await page.keyboard.press('ArrowDown'); // HOURS -> PRICE
    await page.waitForURL(/objective=PRICE/);
    await expectPlanShown(await api('PRICE'));

    // The same address in another tab has no key: it asks for it instead of failing.
    const other = await browser.newContext();
    const shared = await other.newPage();
    await shared.goto(page.url());
    await expect(shared.locator('[role="alert"]').innerText()).resolves.toContain('API key');
    await other.close();

    // Held skills instead of a learner: suggested from free text, kept in the address.
    await page.goto(explorer(`?view=role&role=${encodeURIComponent(DATA_ANALYST)}`));
    await page.locator('#skill-search').focus();
    await page.keyboard.type('statistics');
    await page.locator('#skill-search ~ .choices button').first().waitFor();
    const skillId = await page
      .locator('#skill-search ~ .choices button')
      .first()
      .getAttribute('data-id');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/skills=/);
    await page.locator(`.held[data-id="${skillId}"]`).waitFor();
    await page.locator('#plan').waitFor();
    await expectPlanShown(await api('HOURS', [{ skillId, level: 2 }]));
    await screenshot(page, 'role-skills');
    await expectAccessible('role-skills');
    await expectFitsPhone(
      `?view=role&role=${encodeURIComponent(DATA_ANALYST)}&skills=${encodeURIComponent(`${skillId}~2`)}`,
      '#plan .steps li',
      'role',
    );
  });

  it('credential: stacking graph, equivalents with their explanation, broadening options', async () => {
    const api = (
      await registry.gql(
        `query($id: ID!) {
          up: stackingPaths(from: $id, direction: UP, first: 40, maxDepth: 4) { steps { link credential { id provider { id } } } }
          down: stackingPaths(from: $id, direction: DOWN, first: 40, maxDepth: 4) { steps { link credential { id provider { id } } } }
          broadeningOptions(credentialId: $id, first: 8) { credential { id } }
        }`,
        { id: DATA_VIZ },
      )
    ).data;
    await page.goto(explorer(`?view=credential&credential=${encodeURIComponent(DATA_VIZ)}`));
    await page.locator('#stacking .diagram').waitFor();

    const onPaths = new Set<string>([DATA_VIZ]);
    let prerequisites = 0;
    let parts = 0;
    const seen = new Set<string>();
    for (const [paths, upward] of [
      [api.up, true],
      [api.down, false],
    ] as const) {
      for (const path of paths) {
        let previous = DATA_VIZ;
        for (const step of path.steps) {
          onPaths.add(step.credential.id);
          const kind = ['UNLOCKS', 'REQUIRES'].includes(step.link) ? 'prerequisite' : 'part';
          const edge = upward
            ? `${previous}>${step.credential.id}>${kind}`
            : `${step.credential.id}>${previous}>${kind}`;
          if (!seen.has(edge)) {
            seen.add(edge);
            if (kind === 'prerequisite') prerequisites += 1;
            else parts += 1;
          }
          previous = step.credential.id;
        }
      }
    }
    expect(prerequisites).toBeGreaterThan(0);
    expect(parts).toBeGreaterThan(0);
    expect(new Set(await attributes('#stacking a.node', 'data-id'))).toEqual(onPaths);
    expect(await page.locator('#stacking path.edge-prerequisite').count()).toBe(prerequisites);
    expect(await page.locator('#stacking path.edge-part').count()).toBe(parts);
    // Part-of and prerequisite links are drawn differently (dashed against solid, other heads).
    const look = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((p) => {
          const style = getComputedStyle(p);
          return `${style.strokeDasharray}|${p.getAttribute('marker-end')}`;
        });
    expect(await look('#stacking path.edge-part')).not.toBe(
      await look('#stacking path.edge-prerequisite'),
    );
    expect(await page.locator('#broadening tbody tr').count()).toBe(api.broadeningOptions.length);
    await screenshot(page, 'credential');
    await expectAccessible('credential');

    // A box is a link: Enter on it opens that credential.
    const target = [...onPaths].find((id) => id !== DATA_VIZ)!;
    await page.locator(`#stacking a.node[data-id="${target}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('credential') === target);
    await page.locator('#credential-title').waitFor();

    // Equivalents of a credential that has some: scores in the API's order, each explained.
    const withEquivalents = await registry.gql(`{ credentials(first: 100) { nodes { id } } }`);
    let equivalents: any[] = [];
    let start = '';
    for (const { id } of withEquivalents.data.credentials.nodes) {
      const res = await registry.gql(
        `query($id: ID!) { equivalents(credentialId: $id, first: 10) { score credential { id } } }`,
        { id },
      );
      if (res.data.equivalents.some((e: any) => e.score !== null)) {
        equivalents = res.data.equivalents;
        start = id;
        break;
      }
    }
    expect(start).not.toBe('');
    await page.goto(explorer(`?view=credential&credential=${encodeURIComponent(start)}`));
    await page.locator('#equivalents').waitFor();
    expect(await attributes('#equivalents li[data-id]', 'data-id')).toEqual(
      equivalents.map((e) => e.credential.id),
    );
    expect(await attributes('#equivalents li[data-id]', 'data-score')).toEqual(
      equivalents.map((e) => (e.score === null ? '' : String(e.score))),
    );
    const explained = await texts('#equivalents .explain');
    expect(explained.length).toBe(equivalents.filter((e) => e.score !== null).length);
    expect(explained[0]).toMatch(/^Score [\d.]+ = overlap [\d.]+ \/ union [\d.]+/);
    await screenshot(page, 'credential-equivalents');
    await expectAccessible('credential-equivalents');
    await expectFitsPhone(
      `?view=credential&credential=${encodeURIComponent(DATA_VIZ)}`,
      '#stacking .diagram',
      'credential',
    );
  });

  it('researchers: consistency by provider and by type, the figures the report returns', async () => {
    const report = async (groupBy: string) =>
      (
        await registry.gql(
          `query($g: ConsistencyGroupBy!) { consistencyReport(groupBy: $g) { name completeness hours { median } } }`,
          { g: groupBy },
        )
      ).data.consistencyReport;
    await page.goto(explorer('?view=research'));
    await page.locator('#hours .chart').waitFor();
    const byProvider = await report('PROVIDER');
    expect(await attributes('#hours .row', 'data-label')).toEqual(
      byProvider.map((g: any) => g.name),
    );
    expect(await attributes('#hours .row', 'data-median')).toEqual(
      byProvider.map((g: any) => (g.hours.median === null ? '' : String(g.hours.median))),
    );
    expect(await attributes('#completeness .row', 'data-share')).toEqual(
      byProvider.map((g: any) => String(g.completeness)),
    );
    await screenshot(page, 'research');
    await expectAccessible('research');

    await page.locator('#group-by').selectOption('CREDENTIAL_TYPE');
    await page.waitForURL(/groupBy=CREDENTIAL_TYPE/);
    const byType = await report('CREDENTIAL_TYPE');
    await untilAttributes(
      '#hours .row',
      'data-label',
      byType.map((g: any) => g.name),
    );
    expect(await attributes('#hours .row', 'data-label')).toEqual(byType.map((g: any) => g.name));
    await expectFitsPhone('?view=research', '#hours .chart', 'research');
  });

  it('providers: skills in a pasted description and suggestions for a tag', async () => {
    const text =
      'You will learn statistics, data mining and query languages such as SQL, and build data models.';
    const api = (
      await registry.gql(
        `query($t: String!, $tag: String!) {
          extractSkills(text: $t, first: 30) { skill { label } }
          suggestSkills(text: $tag, first: 10) { skill { label } } }`,
        { t: text, tag: 'Statistic' },
      )
    ).data;
    expect(api.extractSkills.length).toBeGreaterThan(2);
    await page.goto(explorer('?view=provider'));
    await page.locator('#description').fill(text);
    await page.locator('#description').focus();
    await page.keyboard.press('Tab'); // to "Find the skills"
    await page.keyboard.press('Enter');
    await page.locator('table.extracted').waitFor();
    expect(await texts('table.extracted tbody tr td:first-child')).toEqual(
      api.extractSkills.map((m: any) => m.skill.label),
    );
    await page.locator('#tag').focus();
    await page.keyboard.type('Statistic');
    await page.keyboard.press('Enter');
    await page.locator('table.suggested').waitFor();
    expect(await texts('table.suggested tbody tr td:first-child')).toEqual(
      api.suggestSkills.map((m: any) => m.skill.label),
    );
    // A provider's unmapped skills, each a button that asks for suggestions.
    const unmapped = (
      await registry.gql(
        `{ customSkills(providerId: "open-campus", unmappedOnly: true, first: 100) { skill { label } } }`,
      )
    ).data.customSkills.map((c: any) => c.skill.label);
    expect(unmapped.length).toBeGreaterThan(0);
    await page.locator('#provider').selectOption('open-campus');
    await page.locator('.tags button').first().waitFor();
    expect(await attributes('.tags button', 'data-label')).toEqual(unmapped);
    await page.locator('.tags button').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('tag') === unmapped[0]);
    const forUnmapped = (
      await registry.gql(
        `query($t: String!) { suggestSkills(text: $t, first: 10) { skill { label } } }`,
        {
          t: unmapped[0],
        },
      )
    ).data.suggestSkills.map((m: any) => m.skill.label);
    await page.waitForFunction(
      (label) => document.querySelector('table.suggested caption')?.textContent?.includes(label),
      unmapped[0],
    );
    expect(await texts('table.suggested tbody tr td:first-child')).toEqual(forUnmapped);
    await page.locator('#tag').fill('');
    await page.locator('#tag').focus();
    await page.keyboard.type('Statistic');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('tag') === 'Statistic');
    await page.waitForFunction(() =>
      document.querySelector('table.suggested caption')?.textContent?.includes('"Statistic"'),
    );
    expect(await texts('table.suggested tbody tr td:first-child')).toEqual(
      api.suggestSkills.map((m: any) => m.skill.label),
    );
    expect(new URL(page.url()).searchParams.get('provider')).toBe('open-campus');

    // Shareable: the address holds both, and opening it shows the same.
    const url = new URL(page.url());
    expect(url.searchParams.get('text')).toBe(text);
    expect(url.searchParams.get('tag')).toBe('Statistic');
    await page.reload();
    await page.locator('table.suggested').waitFor();
    await page.locator('table.extracted').waitFor();
    await screenshot(page, 'provider');
    await expectAccessible('provider');
    await expectFitsPhone(url.search, 'table.extracted', 'provider');
  });

  it('moves between views with the keyboard, and back with the browser', async () => {
    await page.goto(explorer('?view=research'));
    await page.locator('#hours .chart').waitFor();
    // Skip link first, then the view links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // Credential
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-view'))).toBe(
      'credential',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/view=credential/);
    // A new view starts at its heading, so the next Tab goes on from there.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('[aria-current="page"]').innerText()).toBe('Credential');
    await page.goBack();
    await page.waitForURL(/view=research/);
    await page.locator('#hours .chart').waitFor();
  });

  it('records the page weight and the time to first render', async () => {
    const assets = fs.readdirSync(path.join(EXPLORER_DIR, 'assets'));
    const weight = (ext: string) => {
      const files = assets.filter((f) => f.endsWith(ext));
      const bytes = files.map((f) => fs.readFileSync(path.join(EXPLORER_DIR, 'assets', f)));
      return {
        files: files.length,
        kb: Math.round(bytes.reduce((n, b) => n + b.length, 0) / 102.4) / 10,
        gzipKb: Math.round(bytes.reduce((n, b) => n + gzipSync(b).length, 0) / 102.4) / 10,
      };
    };
    const fresh = await browser.newContext();
    const first = await fresh.newPage();
    await first.goto(explorer('?view=research'));
    await first.locator('#hours .chart').waitFor();
    const timing = await first.evaluate(() => ({
      firstContentfulPaintMs: Math.round(
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      ),
      domContentLoadedMs: Math.round(
        (performance as any).getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      ),
      chartsShownMs: Math.round(performance.now()),
      // What went over the wire for the page's own files (compressed), in KB.
      transferredKb:
        Math.round(
          (performance as any)
            .getEntriesByType('resource')
            .filter((r: any) => /\/explorer\/assets\//.test(r.name))
            .reduce((n: number, r: any) => n + r.transferSize, 0) / 102.4,
        ) / 10,
    }));
    await fresh.close();
    const figures = { js: weight('.js'), css: weight('.css'), ...timing };
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTEFACTS, 'weight.json'), `${JSON.stringify(figures, null, 2)}\n`);
    expect(figures.js.files).toBe(1);
    expect(figures.css.files).toBe(1);
    expect(figures.firstContentfulPaintMs).toBeGreaterThan(0);
  });
});
