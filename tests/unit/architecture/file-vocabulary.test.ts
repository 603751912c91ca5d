import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The role suffixes of CONTRIBUTING.md's vocabulary: one meaning each. */
const ROLES = [
  'doc',
  'graphql',
  'core',
  'types',
  'service',
  'resolver',
  'validation',
  'task',
  'seed',
  'export',
  'adapter',
  'routes',
  'cli',
];
/** Where a role may appear at all (undefined: in any feature). */
const ONLY_IN: Record<string, RegExp> = { routes: /^server\//, cli: /^cli\// };

const SRC = join(__dirname, '../../../src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** The problem with one file's name, or null when it follows the vocabulary. */
export function vocabularyProblem(path: string): string | null {
  const name = path.split('/').pop() ?? path;
  const parts = name.replace(/\.ts$/, '').split('.');
  if (parts.length === 1) return null;
  if (parts.length > 2) return `${path}: more than one role suffix`;
  const role = parts[1] ?? '';
  if (!ROLES.includes(role)) return `${path}: ".${role}" is not a role in CONTRIBUTING.md`;
  const where = ONLY_IN[role];
  if (where && !where.test(path)) return `${path}: *.${role}.ts belongs in ${where.source}`;
  return null;
}

describe('file vocabulary (CONTRIBUTING.md)', () => {
  it('names every src file <what>.<role>.ts or <what>.ts', () => {
    const problems = sourceFiles(SRC)
      .map((f) => vocabularyProblem(relative(SRC, f)))
      .filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });

  it('refuses a suffix outside the vocabulary, a double suffix and a misplaced role', () => {
    expect(vocabularyProblem('rostering/roster.model.ts')).toMatch(/"\.model" is not a role/);
    expect(vocabularyProblem('staff/staff.rules.ts')).toMatch(/"\.rules" is not a role/);
    expect(vocabularyProblem('a/b.core.types.ts')).toMatch(/more than one role/);
    expect(vocabularyProblem('rostering/roster.routes.ts')).toMatch(/belongs in/);
    expect(vocabularyProblem('forecasting/models/arima.ts')).toBeNull();
    expect(vocabularyProblem('staffing/erlang-c.core.ts')).toBeNull();
  });
});
