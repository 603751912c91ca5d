import { expect, shot, test } from './fixtures';

test('GraphiQL is served locally at /graphiql and loads nothing from the internet', async ({
  page,
  baseURL,
}) => {
  const external: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol))
      external.push(r.url());
  });
  await page.goto('/graphiql');
  await expect(page.locator('.graphiql-container')).toBeVisible();
  await expect(page.getByText('Sign in with the login mutation').first()).toBeVisible();
  expect(external).toEqual([]);
  // A browser opening the API URL is sent to the explorer.
  const res = await page.goto(`${baseURL}/graphql`);
  expect(new URL(res!.url()).pathname).toBe('/graphiql');
  await shot(page, 'graphiql');
});
