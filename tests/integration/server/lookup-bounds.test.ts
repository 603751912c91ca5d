/**
 * Lookup arguments that are never stored still have bounds of their own, below the
 * 4,096-character edge cap: a filter, a cursor and an id each refuse what no real value is.
 */
import { codeOf, createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { MAX_CURSOR_LENGTH } from '../../../src/common/pagination';

describe('lookup arguments are bounded', () => {
  let t: GqlApp;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    t = await createInProcessApp();
    admin = await t.login('admin');
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it.each([
    ['staff search', 'query($s: String) { staff(filter: { search: $s }) { totalCount } }', 'x'.repeat(101)],
    ['staff skill', 'query($s: String) { staff(filter: { skill: $s }) { totalCount } }', 'x'.repeat(65)],
    [
      'template skill',
      'query($s: String) { shiftTemplates(filter: { skill: $s }) { totalCount } }',
      'x'.repeat(65),
    ],
    ['cursor', 'query($s: String) { staff(after: $s) { totalCount } }', 'x'.repeat(MAX_CURSOR_LENGTH + 1)],
    ['repair id', 'mutation($s: ID!) { repairRoster(id: $s) { roster { id } } }', 'x'.repeat(65)],
  ])('%s: one character over the cap is BAD_USER_INPUT', async (_, query, value) => {
    const res = await t.gql(query, { s: value }, manager);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('audit filters too, and a value at the cap passes the check', async () => {
    const over = await t.gql(
      'query($s: String) { auditLog(filter: { action: $s }) { totalCount } }',
      {
        s: 'x'.repeat(65),
      },
      admin,
    );
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    const at = await t.gql(
      'query($s: String) { staff(filter: { search: $s }) { totalCount } }',
      {
        s: 'x'.repeat(100),
      },
      manager,
    );
    expect(at.errors).toBeUndefined();
  });
});
