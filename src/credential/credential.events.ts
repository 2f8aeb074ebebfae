/** Topics the credential domain publishes after a transaction commits. */
export const CredentialEvents = {
  REGISTERED: 'CREDENTIAL_REGISTERED',
  CHANGED: 'CREDENTIAL_CHANGED',
  EQUIVALENCE_DECLARED: 'EQUIVALENCE_DECLARED',
} as const;

/** A credential was registered for the first time. */
export interface CredentialRegisteredEvent {
  credentialId: string;
  providerId: string;
  skillIds: string[];
}

/** A credential's content or status changed. */
export interface CredentialChangedEvent {
  credentialId: string;
  providerId: string;
  change: 'UPDATED' | 'RETIRED';
}

/** A provider declared one of its credentials equivalent to another. */
export interface EquivalenceDeclaredEvent {
  credentialId: string;
  otherId: string;
  assertedBy: string;
  mutual: boolean;
}

/** Topic -> payload, the shape the event bus is typed with. */
export type CredentialEventTopics = {
  [CredentialEvents.REGISTERED]: [CredentialRegisteredEvent];
  [CredentialEvents.CHANGED]: [CredentialChangedEvent];
  [CredentialEvents.EQUIVALENCE_DECLARED]: [EquivalenceDeclaredEvent];
};
