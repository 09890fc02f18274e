import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../main/testing/spawn-cli.ts';
import { buildWeb, isWebBuildFresh } from '../build/web-build.ts';
import { type DemoProcess, startDemoProcess } from './demo-process.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where each page's screenshot goes (git-ignored); a few are copied to docs/screenshots. */
const ARTIFACTS = fileURLToPath(new URL('../../../e2e-artifacts', import.meta.url));
/** Generous but bounded: the suite must pass on a loaded 2-core machine. */
const UI_MS = 45_000;
const STEP_MS = 180_000;

/** Polls `read` until `accept` holds; fails with the last value seen. */
const waitUntil = async <T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = UI_MS,
) => {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
};

const visible = (locator: Locator, timeout = UI_MS) =>
  locator.first().waitFor({ state: 'visible', timeout });

/** A panel settles on data or on a known state; never left loading. */
const settled = (page: Page, title: string) =>
  visible(
    page
      .locator('section.panel', { has: page.getByRole('heading', { name: title, exact: true }) })
      .locator('.panel-body, .panel-state:not([role="status"])'),
  );

const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

const numberIn = async (locator: Locator): Promise<number> =>
  Number((await text(locator)).replaceAll(/[^\d]/g, ''));

describe('the dashboard in headless Chromium, against the demo', () => {
  let demo: DemoProcess;
  let browser: Browser;
  let page: Page;
  let base: string;
  let guildId: string;
  let memberPath: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'spw-e2e-'));
  /** The whole page, cut at 1,600 px so long timelines stay readable pictures. */
  const shot = async (name: string) => {
    const { width, height } = await page.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight,
    }));
    await page.screenshot({
      path: join(ARTIFACTS, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(height, 1_600) },
    });
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`,
      );
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    if (!isWebBuildFresh()) await buildWeb({ quiet: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    demo = startDemoProcess({ port, dataDir });
    guildId = (JSON.parse(await demo.waitForLine('E2E_READY ', 240_000)) as { guildId: string })
      .guildId;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(UI_MS);
  }, 420_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) {
      await shot(`failed-${task.name.slice(0, 40).replaceAll(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it(
    'logs in with Discord through the simulator and lists exactly the demo guild',
    async () => {
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Log in with Discord' }).click();
      await visible(page.getByRole('heading', { name: 'Your guilds' }));
      await visible(page.locator('.guild-card'));
      expect(await page.locator('.guild-card').count()).toBe(1);
      expect(await page.locator('.guild-card').getAttribute('href')).toBe(`/guilds/${guildId}`);
      await shot('01-guilds');
    },
    STEP_MS,
  );

  it(
    'opens the overview: KPIs, charts, heatmap and top channels',
    async () => {
      await page.locator('.guild-card').click();
      await page.waitForURL(`${base}/guilds/${guildId}`);
      await visible(page.getByTestId('kpi-messages'));
      expect(
        await numberIn(page.getByTestId('kpi-messages').locator('.kpi-value')),
      ).toBeGreaterThan(1_000);
      for (const title of [
        'Activity per day',
        'Online now by platform',
        'When messages happen',
        'Top channels',
      ]) {
        await settled(page, title);
      }
      expect(await page.locator('.heatmap td').count()).toBe(7 * 24);
      expect(await page.locator('.chart svg polyline').count()).toBeGreaterThan(0);
      await shot('02-overview');
    },
    STEP_MS,
  );

  it(
    'opens an analytic page, sorts its table and exports what it shows as CSV',
    async () => {
      await page.getByRole('link', { name: 'Ghosts', exact: true }).click();
      await visible(page.getByTestId('analytic-ghosts'));
      const rows = page.locator('table.data-table tbody tr');
      await visible(rows);
      expect(await rows.count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: /^Messages/ }).click();
      expect(await text(page.locator('th[aria-sort="descending"]'))).toContain('Messages');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
      expect(csv.split('\r\n')[0]).toBe('Member,Ghost score,Online snapshots,Messages,Typing');
      expect(csv.trim().split('\r\n')).toHaveLength((await rows.count()) + 1);
      await shot('03-analytic-ghosts');
      // A moderator follows an escalation to the member: an active one, with a long timeline.
      await page.getByRole('link', { name: 'Role drift', exact: true }).click();
      await visible(page.getByTestId('analytic-role-drift').locator('table.data-table tbody tr'));
      const escalated = page.locator('tr', { has: page.locator('.badge.danger') }).first();
      memberPath = (await escalated.locator('a.member-link').getAttribute('href')) ?? '';
      expect(memberPath).toMatch(new RegExp(`^/guilds/${guildId}/members/\\d+$`));
    },
    STEP_MS,
  );

  it(
    'opens a member: advisory suspicion factors, and a timeline that filters and scrolls',
    async () => {
      await page.locator(`a[href="${memberPath}"]`).first().click();
      await page.waitForURL(`${base}${memberPath}`);
      await visible(page.getByText('Advisory.', { exact: true }));
      const items = page.getByTestId('timeline').locator('li.timeline-item');
      await visible(items);
      const firstPage = await items.count();
      expect(firstPage).toBe(50);
      await settled(page, 'Role history');
      await settled(page, 'Platforms over time');
      await shot('04-member');
      await page.getByTestId('timeline').locator('.timeline-end').scrollIntoViewIfNeeded();
      await waitUntil(
        () => items.count(),
        (count) => count > firstPage,
      );
      await page.getByRole('checkbox', { name: 'presence' }).check();
      await waitUntil(
        async () => (await items.locator('.badge').allTextContents()).slice(0, 10),
        (kinds) => kinds.length > 0 && kinds.every((kind) => kind === 'presence'),
      );
      await page.getByRole('checkbox', { name: 'presence' }).uncheck();
      await visible(items);
    },
    STEP_MS,
  );

  it(
    'shows a live event pushed by the simulator without a reload',
    async () => {
      const userId = memberPath.split('/').pop() ?? '';
      await page.goto(`${base}/guilds/${guildId}`);
      await visible(page.getByTestId('kpi-messages'));
      const status = page.getByTestId('live-status');
      await waitUntil(
        () => text(status),
        (text) => text === 'live',
      );
      const before = await numberIn(page.getByTestId('kpi-messages').locator('.kpi-value'));
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      await demo.push({ push: 'message', userId });
      await waitUntil(
        () => numberIn(page.getByTestId('kpi-messages').locator('.kpi-value')),
        (now) => now > before,
      );
      await visible(page.getByTestId('live-feed').locator(`a[href="${memberPath}"]`));
      await demo.push({ push: 'multiClient', userId });
      await visible(page.getByRole('list', { name: 'Alerts' }).getByText('desktop + mobile + web'));
      expect(
        await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);
      await shot('05-overview-live');
    },
    STEP_MS,
  );

  it(
    'creates an API key (shown once, copyable), lists it, shows its usage and revokes it',
    async () => {
      await page.getByRole('link', { name: 'API keys' }).click();
      await visible(page.getByRole('heading', { name: 'API keys', level: 1 }));
      await settled(page, 'Your keys');
      await page.getByLabel('Name').fill('e2e key');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = await text(page.getByTestId('new-key-secret'));
      expect(secret).toMatch(/^spw_/);
      await visible(page.getByRole('button', { name: 'Copy' }));
      const row = page.locator('tr[data-key-name="e2e key"]');
      await visible(row);
      await shot('06-keys-created');
      await page.getByRole('button', { name: 'I have saved it' }).click();
      expect(await page.getByTestId('new-key-secret').count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      await row.getByRole('button', { name: 'Usage' }).click();
      await settled(page, 'Usage of e2e key');
      await row.getByRole('button', { name: 'Revoke' }).click();
      await row.getByRole('button', { name: 'Confirm revoke' }).click();
      await visible(row.getByText('revoked'));
      await shot('07-keys-revoked');
      // Both actions are in the audit log, newest first.
      await page.getByRole('link', { name: 'Audit log' }).click();
      const actions = page.locator('table.data-table tbody tr td:nth-child(2)');
      await visible(actions);
      expect((await actions.allTextContents()).slice(0, 2)).toEqual([
        'api_key_revoke',
        'api_key_create',
      ]);
      await shot('08-audit-log');
    },
    STEP_MS,
  );

  it(
    'finds members, lists sessions, reads well at phone width and in the light theme, and logs out',
    async () => {
      await page.goto(`${base}/guilds/${guildId}/members`);
      const memberRows = page.locator('table.data-table tbody tr');
      await visible(memberRows);
      const everyone = await memberRows.count();
      await page.getByRole('searchbox').fill('lucky');
      await waitUntil(
        async () => (await memberRows.allTextContents()).join('\n'),
        (shown) => shown.length > 0 && shown.split('\n').every((row) => row.includes('@lucky')),
      );
      expect(await memberRows.count()).toBeLessThan(everyone);
      await page.getByRole('link', { name: 'Sessions' }).click();
      await visible(page.getByText('this session'));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/guilds/${guildId}`);
      await visible(page.getByTestId('kpi-messages'));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await shot('09-overview-phone');
      await page.getByRole('button', { name: /Switch to light theme/ }).click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      await page.setViewportSize({ width: 1280, height: 720 });
      await shot('10-overview-light');
      await page.getByRole('button', { name: 'Log out' }).click();
      await visible(page.getByRole('link', { name: 'Log in with Discord' }));
      await page.reload();
      await visible(page.getByRole('link', { name: 'Log in with Discord' }));
    },
    STEP_MS,
  );
});
