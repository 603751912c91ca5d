import { expect, expectAccessible, openPage, ROLE_PAGES, shot, signIn, signOut, test } from './fixtures';

test('a wrong password shows the error and explains the lock-out', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page, 'the sign-in page');
  await page.getByLabel('Username').fill('manager');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Invalid username or password');
  await expect(alert).toContainText('locked');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  await shot(page, 'sign-in-error');
});

for (const [username, pages] of Object.entries(ROLE_PAGES)) {
  test(`${username} sees exactly their pages, each accessible`, async ({ page }) => {
    await signIn(page, username);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(nav.getByRole('link')).toHaveText(pages);
    for (const label of pages) {
      await openPage(page, label);
      await expect(page.getByText('Loading…')).toHaveCount(0);
      // Each page asks only for what the role may read, within the query limits.
      await expect(page.getByText(/Requires one of|exceeds the limit|Not authenticated/)).toHaveCount(0);
      await expectAccessible(page, `${label} as ${username}`);
    }
    if (username === 'admin') await shot(page, 'admin-audit-log');
    await signOut(page);
  });
}

test('an admin creates a user, resets a password and sees the audit log', async ({ page }) => {
  await signIn(page, 'admin');
  await openPage(page, 'Users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Username').fill('planner2');
  await form.getByLabel('Password').fill('planner-password-2');
  await form.getByRole('checkbox', { name: 'MANAGER' }).check();
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created planner2' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'planner2' })).toBeVisible();
  await page.getByLabel('New password for planner2').fill('planner-password-3');
  await page
    .getByRole('row', { name: /planner2/ })
    .getByRole('button', { name: 'Reset' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Password of planner2 reset' })).toBeVisible();
  await page.getByRole('button', { name: 'Deactivate planner2' }).click();
  await expect(page.getByRole('button', { name: 'Activate planner2' })).toBeVisible();
  await shot(page, 'admin-users');
  await openPage(page, 'Audit log');
  const filters = page.getByRole('form', { name: 'Audit filters' });
  await filters.getByLabel('Action').fill('createUser');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(
    page.getByTestId('audit-table').getByRole('cell', { name: 'createUser' }).first(),
  ).toBeVisible();
  await expect(page.getByTestId('audit-table').getByRole('cell', { name: 'login' })).toHaveCount(0);
});

test('a session revoked elsewhere sends the user back to sign in with an explanation', async ({
  page,
  request,
}) => {
  await signIn(page, 'partner');
  // Evaluated in the page (the test files are type-checked without DOM types).
  const stored = (await page.evaluate("sessionStorage.getItem('shiftcast.session')")) as string;
  const { token } = JSON.parse(stored) as { token: string };
  // Signing out elsewhere revokes every token of the user (logout bumps the token version).
  const res = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query: 'mutation { logout }' },
  });
  expect(res.ok()).toBe(true);
  // The page may learn of the revocation before the reload (a refetch answered
  // UNAUTHENTICATED) or after it: either way the explanation is shown, and a reload keeps it.
  await page.reload();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Your session expired or was signed out elsewhere');
  await page.reload();
  await expect(page.getByRole('status')).toContainText('Your session expired or was signed out elsewhere');
  await shot(page, 'sign-in-expired');
});
