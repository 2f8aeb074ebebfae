import { createPubSub } from '@graphql-yoga/subscription';

/** Topics published after a transaction commits. */
export const CredentialEvents = {
  REGISTERED: 'CREDENTIAL_REGISTERED',
  CHANGED: 'CREDENTIAL_CHANGED',
  EQUIVALENCE_DECLARED: 'EQUIVALENCE_DECLARED',
} as const;

export interface CredentialRegisteredEvent {
  credentialId: string;
  providerId: string;
  skillIds: string[];
}

export interface CredentialChangedEvent {
  credentialId: string;
  providerId: string;
  change: 'UPDATED' | 'RETIRED';
}

export interface EquivalenceDeclaredEvent {
  credentialId: string;
  otherId: string;
  assertedBy: string;
  mutual: boolean;
}

export type EventTopics = {
  [CredentialEvents.REGISTERED]: [CredentialRegisteredEvent];
  [CredentialEvents.CHANGED]: [CredentialChangedEvent];
  [CredentialEvents.EQUIVALENCE_DECLARED]: [EquivalenceDeclaredEvent];
};

/**
 * The in-process event bus. One process keeps events in memory; a scaled-out deployment gives
 * createPubSub a Redis event target (DESIGN.md section 5).
 */
export function createEventBus() {
  return createPubSub<EventTopics>();
}
export type EventBus = ReturnType<typeof createEventBus>;
