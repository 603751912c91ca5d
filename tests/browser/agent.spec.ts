import { expect, expectAccessible, signIn, test } from './fixtures';

test('an agent adds a day off to their availability and it is saved', async ({ page }) => {
  await signIn(page, 'agent');
  const section = page.getByRole('region', { name: 'My availability' });
  await expect(section.getByRole('table', { name: 'Weekly windows' }).getByRole('row')).not.toHaveCount(1);
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const group = section.getByRole('group', { name: 'New exception' });
  await group.getByLabel('Date').fill(day);
  await group.getByLabel('Reason').fill('dentist');
  await group.getByRole('button', { name: 'Add day off' }).click();
  await section.getByRole('button', { name: 'Save availability' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(
    section.getByRole('listitem').filter({ hasText: `${day} · away all day · dentist` }),
  ).toBeVisible();
  await expectAccessible(page, 'the availability editor');
});

test('the availability editor opens only once the stored availability has arrived', async ({ page }) => {
  // Hold the first answer: an edit made before it would have been overwritten by it, or saved
  // over the weekly windows not yet loaded.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (first && body.includes('MyAvailability')) {
      first = false;
      await held;
    }
    await route.continue();
  });
  await signIn(page, 'agent');
  const section = page.getByRole('region', { name: 'My availability' });
  await expect(section.getByText('Loading availability…')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Add day off' })).toHaveCount(0);
  release();
  await expect(section.getByRole('table', { name: 'Weekly windows' }).getByRole('row')).not.toHaveCount(1);
  await expect(section.getByRole('button', { name: 'Add day off' })).toHaveCount(1);
});
