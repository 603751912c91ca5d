import type { Page } from '@playwright/test';
import { expect, expectAccessible, openPage, shot, signIn, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** The signed-in user's token (evaluated in the page: the test files have no DOM types). */
async function tokenOf(page: Page): Promise<string> {
  const stored = (await page.evaluate("sessionStorage.getItem('shiftcast.session')")) as string;
  return (JSON.parse(stored) as { token: string }).token;
}

async function graphqlAs(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const res = await page.request.post('/graphql', {
    headers: { authorization: `Bearer ${await tokenOf(page)}` },
    data: { query, variables },
  });
  return (await res.json()) as {
    data: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

test('a manager reads the ranker registry, trains, activates, rolls back and reads KPIs', async ({
  page,
}) => {
  test.setTimeout(180_000); // training runs in the worker pool on a shared machine
  await signIn(page, 'manager');
  await openPage(page, 'Ranking');
  const registry = page.getByRole('region', { name: 'Ranker registry' });
  const table = registry.getByTestId('ranker-registry');

  // The seeded demo's ranker: ACTIVE, with its validation metrics beside the rules'.
  const v1 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'v1', exact: true }) });
  await expect(v1.getByText('ACTIVE', { exact: true })).toBeVisible();
  const models = await graphqlAs(
    page,
    '{ rankerModels { version status metrics { auc baselineAuc precisionAtK baselinePrecisionAtK } } }',
  );
  type Model = {
    version: number;
    status: string;
    metrics: { auc: number; baselineAuc: number; precisionAtK: number; baselinePrecisionAtK: number };
  };
  const seeded = (models.data!.rankerModels as Model[]).find((m) => m.version === 1)!;
  expect(seeded.status).toBe('ACTIVE');
  await expect(v1).toContainText(
    `${seeded.metrics.auc.toFixed(2)} (rules ${seeded.metrics.baselineAuc.toFixed(2)})`,
  );
  await expect(v1).toContainText(
    `${seeded.metrics.precisionAtK.toFixed(2)} (rules ${seeded.metrics.baselinePrecisionAtK.toFixed(2)})`,
  );
  await expect(v1.getByRole('button', { name: /^Activate/ })).toHaveCount(0);

  // Nothing to roll back to yet: the button is off, with the API's reason (rankerRollback) beside it.
  const rollbackPlan = async () =>
    (await graphqlAs(page, '{ rankerRollback { target { version } refusal } }')).data!.rankerRollback as {
      target: { version: number } | null;
      refusal: string | null;
    };
  expect(await rollbackPlan()).toEqual({ target: null, refusal: 'No earlier ranker to roll back to' });
  const rollBack = registry.getByRole('button', { name: /^Roll back/ });
  await expect(rollBack).toHaveText('Roll back');
  await expect(rollBack).toBeDisabled();
  await expect(rollBack).toHaveAccessibleDescription('No earlier ranker to roll back to');

  // Train on the last 12 weeks: the new ranker is listed, a candidate while v1 is in use.
  const train = registry.getByRole('form', { name: 'Train a ranker' });
  await train.getByLabel('Weeks of published rosters').fill('12');
  await train.getByRole('button', { name: 'Train on the last 12 weeks' }).click();
  const outcome = registry.getByTestId('ranker-outcome');
  await expect(outcome).toContainText('Trained v2: a candidate', { timeout: 120_000 });
  await expect(registry.getByRole('alert')).toHaveCount(0);
  const v2 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'v2', exact: true }) });
  await expect(v2.getByText('CANDIDATE', { exact: true })).toBeVisible();
  await expect(v2).toContainText(/\d\.\d\d \(rules \d\.\d\d\)/);

  // Activate v2, then roll back to v1.
  await v2.getByRole('button', { name: 'Activate v2' }).click();
  await expect(outcome).toHaveText('v2 is now the ACTIVE ranker.');
  await expect(v2.getByText('ACTIVE', { exact: true })).toBeVisible();
  await expect(v1.getByText('RETIRED', { exact: true })).toBeVisible();
  // The label is the API's target: the ranker rollbackRanker then activates.
  expect(await rollbackPlan()).toEqual({ target: { version: 1 }, refusal: null });
  await expect(rollBack).toHaveText('Roll back to v1');
  await expect(registry.getByTestId('rollback-refusal')).toHaveCount(0);
  await rollBack.click();
  await expect(outcome).toHaveText('Rolled back: v1 is the ACTIVE ranker again.');
  await expect(v1.getByText('ACTIVE', { exact: true })).toBeVisible();
  await expect(v2.getByText('RETIRED', { exact: true })).toBeVisible();
  // v2 is now the ranker activated last before v1: the next rollback would return to it
  await expect(rollBack).toHaveText('Roll back to v2');
  expect(await rollbackPlan()).toEqual({ target: { version: 2 }, refusal: null });
  await expect(rollBack).toBeEnabled();

  // KPIs: by default the 8 weeks before the site's current week.
  const kpis = page.getByRole('region', { name: 'Scheduling KPIs' });
  const range = kpis.getByRole('form', { name: 'KPI range' });
  const from = await range.getByLabel('From week').inputValue();
  const to = await range.getByLabel('To week').inputValue();
  const day = (iso: string, days = 0) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000);
  const info = await graphqlAs(page, '{ serverInfo { timeZone } }');
  const timeZone = (info.data!.serverInfo as { timeZone: string }).timeZone;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()); // YYYY-MM-DD
  const thisMonday = day(today, -((day(today).getUTCDay() + 6) % 7));
  expect(day(to, 7)).toEqual(thisMonday);
  expect(day(from, 8 * 7)).toEqual(thisMonday);
  await expect(kpis.getByTestId('kpi-range')).toHaveText(`${from} – ${to} · 8 weeks`);
  await expect(kpis.getByTestId('kpi-weeks').locator('tbody tr')).toHaveCount(8);

  // A wider range; a Wednesday stands for its week's Monday.
  const earlier = day(from, -26).toISOString().slice(0, 10);
  const monday = day(from, -28).toISOString().slice(0, 10);
  await range.getByLabel('From week').fill(earlier);
  await range.getByRole('button', { name: 'Show KPIs' }).click();
  await expect(kpis.getByTestId('kpi-range')).toHaveText(`${monday} – ${to} · 12 weeks`);
  await expect(range.getByLabel('From week')).toHaveValue(monday);
  await expect(kpis.getByTestId('kpi-weeks').locator('tbody tr')).toHaveCount(12);
  type Target = { baseline: number; target: number; direction: string; unit: string };
  type Judged = {
    successRate: boolean | null;
    workloadBalance: boolean | null;
    interventionRate: boolean | null;
  };
  const answer = await graphqlAs(
    page,
    `query($from: String!, $to: String!) { schedulingKpis(from: $from, to: $to) {
      targets { successRate { ...T } workloadBalance { ...T } interventionRate { ...T } }
      overall { successRate workloadBalance interventionRate targetMet { successRate workloadBalance interventionRate } }
    } }
    fragment T on KpiTarget { baseline target direction unit }`,
    { from: monday, to },
  );
  const { overall, targets } = answer.data!.schedulingKpis as {
    overall: { successRate: number; workloadBalance: number; interventionRate: number; targetMet: Judged };
    targets: { successRate: Target; workloadBalance: Target; interventionRate: Target };
  };
  // issue 17's baselines and targets (the demo runs with the defaults)
  expect(targets).toEqual({
    successRate: { baseline: 0.85, target: 0.9, direction: 'HIGHER_IS_BETTER', unit: 'SHARE' },
    workloadBalance: { baseline: 2.5, target: 2, direction: 'LOWER_IS_BETTER', unit: 'HOURS' },
    interventionRate: { baseline: 0.3, target: 0.21, direction: 'LOWER_IS_BETTER', unit: 'SHARE' },
  });
  const verdict = (met: boolean | null) => (met === null ? 'no figure' : met ? '✓ met' : '✗ not met');
  const figures = kpis.getByTestId('kpi-overall');
  const figure = async (id: string, value: string, target: string, met: boolean | null) => {
    const defs = figures.getByTestId(`kpi-${id}`).getByRole('definition');
    await expect(defs.nth(0)).toHaveText(value);
    await expect(defs.nth(1)).toHaveText(`${verdict(met)} ${target}`);
  };
  await figure(
    'success-rate',
    pct(overall.successRate),
    'target ≥ 90 %, baseline 85 %',
    overall.targetMet.successRate,
  );
  await figure(
    'workload-balance',
    `${overall.workloadBalance.toFixed(2)} h`,
    'target ≤ 2.00 h, baseline 2.50 h',
    overall.targetMet.workloadBalance,
  );
  await figure(
    'intervention-rate',
    pct(overall.interventionRate),
    'target ≤ 21 %, baseline 30 %',
    overall.targetMet.interventionRate,
  );
  await expect(figures.getByTestId('kpi-fallback-rate').getByRole('definition').nth(1)).toHaveText(
    'no target',
  );
  const weekTable = kpis.getByTestId('kpi-weeks');
  await expect(weekTable.getByRole('columnheader', { name: 'Workload σ (≤ 2.00 h)' })).toBeVisible();
  await expect(weekTable.getByRole('columnheader', { name: 'Intervention (≤ 21 %)' })).toBeVisible();
  await expect(kpis.getByTestId('kpi-chart')).toHaveAttribute('data-ready', 'true');
  await expect(kpis.getByTestId('kpi-chart')).toHaveAttribute(
    'data-series',
    'Scheduler success|User intervention|Fallback to rules|Workload balance (h)|Success target|Intervention target|Workload target (h)',
  );
  await expectAccessible(page, 'the ranking page');
  await shot(page, 'ranking');
});

test('an agent neither sees the Ranking page nor gets its data', async ({ page }) => {
  await signIn(page, 'agent');
  const nav = page.getByRole('navigation', { name: 'Pages' });
  await expect(nav.getByRole('link', { name: 'Ranking' })).toHaveCount(0);
  // Opening the route directly lands on the agent's own page.
  const asked: string[] = [];
  page.on('request', (r) => {
    const body = r.postData() ?? '';
    if (/rankerModels|schedulingKpis/.test(body)) asked.push(body);
  });
  await page.goto('/ranking');
  await expect(page.getByRole('heading', { level: 1, name: 'My week' })).toBeVisible();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole('heading', { name: 'Ranking' })).toHaveCount(0);
  expect(asked).toEqual([]);
  // And the API refuses the agent the ranker and the KPIs.
  for (const query of [
    '{ rankerModels { id } }',
    '{ schedulingKpis(from: "2026-01-05", to: "2026-01-12") { overall { successRate } } }',
  ]) {
    const res = await graphqlAs(page, query);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
});

test('the KPI chart draws workload balance and its target in hours, on an axis of its own', async ({
  page,
}) => {
  await signIn(page, 'manager');
  await openPage(page, 'Ranking');
  const kpis = page.getByRole('region', { name: 'Scheduling KPIs' });
  const chart = kpis.getByTestId('kpi-chart');
  await expect(chart).toHaveAttribute('data-ready', 'true');
  // the legend's names, the hours ones marked (h); the axes as ECharts drew them: % left, hours right
  await expect(chart).toHaveAttribute(
    'data-series',
    'Scheduler success|User intervention|Fallback to rules|Workload balance (h)|Success target|Intervention target|Workload target (h)',
  );
  await expect(chart).toHaveAttribute('data-y-axes', '%|hours');

  // ECharts' own description of what it drew: the workload target at the API's target every week
  const from = await kpis.getByRole('form', { name: 'KPI range' }).getByLabel('From week').inputValue();
  const to = await kpis.getByRole('form', { name: 'KPI range' }).getByLabel('To week').inputValue();
  const answer = await graphqlAs(
    page,
    'query($from: String!, $to: String!) { schedulingKpis(from: $from, to: $to) { targets { workloadBalance { target unit } } weeks { week } } }',
    { from, to },
  );
  const { targets, weeks } = answer.data!.schedulingKpis as {
    targets: { workloadBalance: { target: number; unit: string } };
    weeks: { week: string }[];
  };
  expect(targets.workloadBalance.unit).toBe('HOURS');
  // the figure keeps the page's name; the drawing inside it carries ECharts' description
  await expect(kpis.getByRole('figure', { name: /^Per week: scheduler success/ })).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /^Per week: scheduler success, user intervention/);
  const drawn = (await chart.getByRole('img').getAttribute('aria-label')) ?? '';
  const workloadTarget = drawn.slice(drawn.indexOf('representing Workload target (h).'));
  expect(workloadTarget).not.toBe(drawn);
  weeks.forEach(({ week }, i) =>
    expect(workloadTarget).toContain(`the data for ${week} is ${i}, ${targets.workloadBalance.target}`),
  );

  // and it is on the canvas: pixels in the workload colour (#7c3aed), which no other series uses
  type Canvas = {
    width: number;
    height: number;
    getContext(kind: '2d'): {
      getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
    };
  };
  const purple = await chart.locator('canvas').evaluate((el) => {
    const canvas = el as unknown as Canvas;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const near = (i: number, rgb: number[]) => rgb.every((v, k) => Math.abs(data[i + k] - v) < 16);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (near(i, [124, 58, 237])) n++;
    return n;
  });
  expect(purple).toBeGreaterThan(100);
});
