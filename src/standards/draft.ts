import type { CredentialType, DeliveryMode } from '../credential/credential.type';

/**
 * A credential read from an open-standard document, before validation: the fields of a
 * registration plus links to other credentials by their registry id or the provider's externalId.
 */
export interface CredentialDraft {
  externalId: string;
  title: string;
  description: string | null;
  credentialType: CredentialType;
  providerLabel: string | null;
  hours: number | null;
  ects: number | null;
  eqfLevel: number | null;
  price: number | null;
  currency: string | null;
  language: string | null;
  deliveryMode: DeliveryMode | null;
  assessmentType: string | null;
  qualityAssurance: string | null;
  url: string | null;
  validityMonths: number | null;
  /** Skills by id (a URL or code), or by name when the document gives only a name. */
  skills: { skillId?: string; label?: string; level: number }[];
  preparesFor: string[];
  requires: string[];
  isPartOf: string[];
  hasPart: string[];
}
