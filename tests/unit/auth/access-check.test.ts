import { admitViewer, AUTH_REQUIRED, authChecker, REQUIRES_ROLE } from '../../../src/auth/auth-checker';
import { viewerOf } from '../../../src/auth/current-viewer';
import { PUBLIC, Role, SIGNED_IN } from '../../../src/auth/roles';
import { newContext } from '../../../src/server/context';
import type { Viewer } from '../../../src/auth/request-context';
import { AppError } from '../../../src/errors';

const unauthenticatedError = new Error('Token expired');
const viewer = (...roles: Role[]): Viewer => ({ userId: 'u1', username: 'u', roles, staffId: null });

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'admitted';
}

describe('admitViewer (the access check of GraphQL fields and downloads)', () => {
  it('returns the viewer it admits', () => {
    const manager = viewer(Role.MANAGER);
    expect(admitViewer(manager, [Role.MANAGER])).toBe(manager);
    expect(admitViewer(manager, [SIGNED_IN])).toBe(manager);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', () => {
    expect(codeOf(() => admitViewer(null, [SIGNED_IN]))).toBe(`UNAUTHENTICATED: ${AUTH_REQUIRED}`);
    expect(codeOf(() => admitViewer(null, [Role.AGENT]))).toBe(`UNAUTHENTICATED: ${AUTH_REQUIRED}`);
  });

  it('admits ADMIN everywhere and a listed role, and names the roles when it refuses', () => {
    expect(codeOf(() => admitViewer(viewer(Role.ADMIN), [Role.AGENT]))).toBe('admitted');
    expect(codeOf(() => admitViewer(viewer(Role.PARTNER, Role.AGENT), [Role.AGENT]))).toBe('admitted');
    expect(codeOf(() => admitViewer(viewer(Role.PARTNER), [Role.MANAGER, Role.SERVICE_PROVIDER]))).toBe(
      `FORBIDDEN: ${REQUIRES_ROLE}ADMIN, MANAGER, SERVICE_PROVIDER`,
    );
  });

  it('names each role once when the rule names ADMIN itself (it read "ADMIN, ADMIN")', () => {
    expect(codeOf(() => admitViewer(viewer(Role.PARTNER), [Role.ADMIN]))).toBe(
      `FORBIDDEN: ${REQUIRES_ROLE}ADMIN`,
    );
    expect(codeOf(() => admitViewer(viewer(Role.AGENT), [Role.MANAGER, Role.ADMIN]))).toBe(
      `FORBIDDEN: ${REQUIRES_ROLE}ADMIN, MANAGER`,
    );
  });

  it('denies by default: an empty rule list admits nobody, not even ADMIN', () => {
    expect(codeOf(() => admitViewer(viewer(Role.ADMIN), []))).toBe(
      'FORBIDDEN: This field declares no access rule',
    );
  });
});

describe('authChecker', () => {
  const data = (v: Viewer | null) => ({ context: newContext(v), root: {}, args: {}, info: {} as never });

  it('lets PUBLIC through without a viewer and checks every other rule with admitViewer', () => {
    expect(authChecker(data(null), [PUBLIC])).toBe(true);
    expect(codeOf(() => authChecker(data(null), [Role.MANAGER]))).toBe(`UNAUTHENTICATED: ${AUTH_REQUIRED}`);
    expect(codeOf(() => authChecker(data(viewer(Role.AGENT)), [Role.MANAGER]))).toBe(
      `FORBIDDEN: ${REQUIRES_ROLE}ADMIN, MANAGER`,
    );
    expect(authChecker(data(viewer(Role.MANAGER)), [Role.MANAGER])).toBe(true);
  });

  it('lets PUBLIC through refused credentials and raises their refusal everywhere else', () => {
    const refused = {
      ...data(null),
      context: { ...newContext(null), credentialError: unauthenticatedError },
    };
    expect(authChecker(refused, [PUBLIC])).toBe(true);
    expect(() => authChecker(refused, [SIGNED_IN])).toThrow(unauthenticatedError);
    expect(() => authChecker(refused, [Role.MANAGER])).toThrow(unauthenticatedError);
  });
});

describe('viewerOf (behind @CurrentViewer)', () => {
  it('gives the signed-in viewer and refuses an anonymous context', () => {
    const agent = viewer(Role.AGENT);
    expect(viewerOf(newContext(agent))).toBe(agent);
    expect(codeOf(() => viewerOf(newContext(null)))).toBe(`UNAUTHENTICATED: ${AUTH_REQUIRED}`);
  });
});
