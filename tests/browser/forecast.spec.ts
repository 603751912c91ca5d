import { expect, expectAccessible, openPage, shot, signIn, test } from './fixtures';

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
  await expectAccessible(page, 'the forecast page with a run');
  await shot(page, 'forecast');
});
