import { registerEnumType } from 'type-graphql';

/** What an API key lets its holder do (docs/ARCHITECTURE.md, "Keys and roles"). */
export enum ApiRole {
  ADMIN = 'ADMIN',
  PROVIDER = 'PROVIDER',
  LEARNER = 'LEARNER',
}
registerEnumType(ApiRole, {
  name: 'ApiRole',
  description: 'The role of an API key.',
  valuesConfig: {
    ADMIN: { description: 'Taxonomy, job roles, providers; anything.' },
    PROVIDER: { description: "One provider's credentials, their links, and awards of them." },
    LEARNER: { description: "One learner's own record." },
  },
});

/** Who is asking: anonymous, or the holder of a live API key. */
export type Viewer =
  { readonly role: 'ANONYMOUS' } | { readonly role: ApiRole; readonly subjectId: string };

export const ANONYMOUS: Viewer = Object.freeze({ role: 'ANONYMOUS' });
