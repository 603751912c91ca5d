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
