import {
  actingProvider,
  recorderOf,
  requireAdmin,
  requireLearnerOrAdmin,
  requireProviderOrAdmin,
} from '../../src/auth/guards';
import { ANONYMOUS, ApiRole, type Viewer } from '../../src/auth/viewer';
import type { CodedError } from '../../src/lib/errors';

const admin: Viewer = { role: ApiRole.ADMIN, subjectId: 'registry' };
const uni: Viewer = { role: ApiRole.PROVIDER, subjectId: 'uni' };
const other: Viewer = { role: ApiRole.PROVIDER, subjectId: 'other' };
const learner: Viewer = { role: ApiRole.LEARNER, subjectId: 'l1' };

function code(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as CodedError).code;
  }
}

describe('rights', () => {
  it.each([
    ['anonymous', ANONYMOUS, 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ['an admin', admin, null, null, null],
    ['the provider itself', uni, 'FORBIDDEN', null, 'FORBIDDEN'],
    ['another provider', other, 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['the learner itself', learner, 'FORBIDDEN', 'FORBIDDEN', null],
  ])('%s: admin-only, provider "uni", learner "l1"', (_who, viewer, asAdmin, asUni, asL1) => {
    expect(code(() => requireAdmin(viewer, 'x'))).toBe(asAdmin);
    expect(code(() => requireProviderOrAdmin(viewer, 'uni', 'x'))).toBe(asUni);
    expect(code(() => requireLearnerOrAdmin(viewer, 'l1', 'x'))).toBe(asL1);
  });

  it.each([
    ['a provider acts for itself', uni, null, 'uni'],
    ['a provider may name itself', uni, 'uni', 'uni'],
    ['an admin acts for the provider it names', admin, 'uni', 'uni'],
  ])('%s', (_name, viewer, asProvider, expected) => {
    expect(actingProvider(viewer, asProvider, 'x')).toBe(expected);
  });

  it.each([
    ['a provider naming another', uni, 'other', 'FORBIDDEN'],
    ['an admin naming nobody', admin, null, 'BAD_USER_INPUT'],
    ['a learner', learner, null, 'FORBIDDEN'],
    ['anonymous', ANONYMOUS, 'uni', 'UNAUTHENTICATED'],
  ])('refuses %s', (_name, viewer, asProvider, expected) => {
    expect(code(() => actingProvider(viewer, asProvider, 'x'))).toBe(expected);
  });

  it('records who did something by the key subject', () => {
    expect(recorderOf(uni)).toBe('uni');
    expect(recorderOf(ANONYMOUS)).toBe('anonymous');
  });
});
