import { expect, expectAccessible, openPage, shot, signIn, test } from './fixtures';

interface Counts {
  missing: number;
  negatives: number;
  outsideOpeningHours: number;
  outliers: number;
}

test('a manager runs a forecast: the chart draws bands and the page updates live', async ({ page }) => {
  await signIn(page, 'manager');
  await openPage(page, 'Forecast');
  await expect(page.getByRole('link', { name: 'Forecast' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Run forecast' }).click();
  // forecastUpdated arrives over the WebSocket and the page re-reads the latest run.
  await expect(page.getByRole('status').filter({ hasText: 'Updated: forecast from' })).toBeVisible({
    timeout: 60_000,
  });
  const chart = page.getByTestId('forecast-chart');
  await expect(chart).toHaveAttribute('data-ready', 'true');
  await expect(chart).toHaveAttribute('data-series', /95 % band.*80 % band.*Forecast\|Actual/);
  await expect(page.getByRole('region', { name: 'Daily totals' }).getByRole('row')).not.toHaveCount(1);
  await expect(
    page.getByRole('region', { name: 'Model registry' }).getByRole('cell', { name: 'ACTIVE' }),
  ).toBeVisible();
  // the quality panel shows the server's report of the last 84 days, the strongest outliers first
  const [from, to, stored] = await page.evaluate(() => {
    const day = (offset: number): string => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
        .map((n) => String(n).padStart(2, '0'))
        .join('-');
    };
    const storage = (globalThis as { sessionStorage?: { getItem(key: string): string | null } })
      .sessionStorage;
    return [day(-84), day(-1), storage?.getItem('shiftcast.session') ?? '{}'];
  });
  const res = await page.request.post('/graphql', {
    headers: { authorization: `Bearer ${(JSON.parse(stored) as { token: string }).token}` },
    data: {
      query: `{ validateVolumes(channel: "calls", from: "${from}", to: "${to}") {
        counts { missing negatives outsideOpeningHours outliers } } }`,
    },
  });
  const { counts } = ((await res.json()) as { data: { validateVolumes: { counts: Counts } } }).data
    .validateVolumes;
  const quality = page.getByRole('region', { name: 'History quality (last 84 days)' });
  await expect(quality.getByRole('definition')).toHaveText(
    [counts.missing, counts.negatives, counts.outsideOpeningHours, counts.outliers].map((n) =>
      n.toLocaleString('en-GB'),
    ),
  );
  await expect(quality.getByRole('row')).toHaveCount(counts.outliers ? 1 + Math.min(8, counts.outliers) : 0);
  await expectAccessible(page, 'the forecast page with a run');
  await shot(page, 'forecast');
});
