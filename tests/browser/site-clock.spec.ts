import { expect, openPage, signIn, test } from './fixtures';

/** The demo site's zone (the server's default SITE_TIME_ZONE). */
const SITE_ZONE = 'Europe/London';

/** "YYYY-MM-DD HH:mm" on the site's clock, by Node's own ICU (Swedish dates are ISO-like). */
const siteTime = (iso: string): string =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: SITE_ZONE }).slice(0, 16);
const siteDate = (offsetDays: number): string => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: SITE_ZONE });
};

// A planner in Auckland (UTC+13 in December) reads a London site: every date and time the
// dashboard shows or defaults to is the site's, as the shifts themselves are.
test.use({ timezoneId: 'Pacific/Auckland' });

test("a manager in another zone sees the site's dates and times", async ({ page }) => {
  await signIn(page, 'manager');
  await openPage(page, 'Forecast');
  await expect(page.getByLabel('From')).toHaveValue(siteDate(0));

  const stored = await page.evaluate(
    () =>
      (globalThis as { sessionStorage?: { getItem(key: string): string | null } }).sessionStorage?.getItem(
        'shiftcast.session',
      ) ?? '{}',
  );
  const res = await page.request.post('/graphql', {
    headers: { authorization: `Bearer ${(JSON.parse(stored) as { token: string }).token}` },
    data: {
      query: `{
        validateVolumes(channel: "calls", from: "${siteDate(-84)}", to: "${siteDate(-1)}") {
          outliers { timestamp score } }
        forecasts(channel: "calls", first: 1) { nodes { createdAt } } }`,
    },
  });
  const { data } = (await res.json()) as {
    data: {
      validateVolumes: { outliers: { timestamp: string; score: number }[] };
      forecasts: { nodes: { createdAt: string }[] };
    };
  };
  const strongest = [...data.validateVolumes.outliers].sort((a, b) => b.score - a.score)[0];
  expect(strongest).toBeDefined();
  const quality = page.getByRole('region', { name: 'History quality (last 84 days)' });
  await expect(quality.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(
    siteTime(strongest.timestamp),
  );

  const newest = data.forecasts.nodes[0].createdAt;
  await expect(page.getByLabel('Run').locator('option').nth(1)).toContainText(`made ${siteTime(newest)}`);
});
