import type { CredentialStatus, CredentialType, DeliveryMode } from '../credential/credential.type';

/** A skill a document names: by id (a URI or code), by name, or both, with the level certified. */
export interface SkillReference {
  /** The target's URI or code as the document gives it. */
  ref: string | null;
  /** Its name, to resolve it by when the id is not a registry skill. */
  name: string | null;
  /** Its code in its framework (an O*NET element id), when the document gives one. */
  code: string | null;
  level: number;
}

/** A credential another record refers to: by URI, CTID, registry id or this provider's externalId. */
export interface CredentialReference {
  ref: string;
  /** For parts: whether the whole needs it (false: an elective). */
  required: boolean;
}

/**
 * A credential read from an open-standard document, before validation: the fields of a
 * registration, the identity it carries (CTID, OB3 id), and its references to skills, job roles
 * and other credentials, still unresolved. `warnings` lists what the document says that the
 * registry does not keep.
 */
export interface CredentialDraft {
  externalId: string;
  title: string;
  description: string | null;
  credentialType: CredentialType;
  /** The CTDL class or OB3 achievementType the document names. */
  standardType: string | null;
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
  ctid: string | null;
  achievementId: string | null;
  translations: { language: string; title: string; description: string | null }[];
  /** The status the document states, or null when it states none. */
  status: CredentialStatus | null;
  skills: SkillReference[];
  /** Job roles by id: an ESCO occupation URI, an O*NET-SOC code, or a URL that carries one. */
  jobRoles: { ref: string; code: string | null; name: string | null }[];
  requires: CredentialReference[];
  isPartOf: CredentialReference[];
  hasPart: CredentialReference[];
  /** Credentials the document aligns it to, taken as equivalence declarations when known. */
  equivalents: CredentialReference[];
  warnings: string[];
}

/** What reading one document gave: a draft, or why there is none. */
export interface ParsedDocument {
  draft?: CredentialDraft;
  errors: string[];
}

/** The first string of a value, a language map or a list of either; null when there is none. */
export function firstText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const item of v) {
      const t = firstText(item);
      if (t) return t;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('@value' in o) return firstText(o['@value']);
    for (const value of Object.values(o)) {
      const t = firstText(value);
      if (t) return t;
    }
  }
  return null;
}

/**
 * A description, unless it only repeats its title: the exports write the title where there is
 * no description (both standards require one), and an import reads that back as none.
 */
export function descriptionOf(text: string | null | undefined, title: string): string | null {
  return text == null || text === title ? null : text;
}

/** A value as a list of objects (a single object, a list, or nothing). */
export function objects(v: unknown): Record<string, unknown>[] {
  const items = Array.isArray(v) ? v : v == null ? [] : [v];
  return items.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
}

/** A finite number, or a numeric string; null otherwise. */
export function numberOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** The ids a value refers to: strings, or objects with an `@id` / `id`. */
export function idsOf(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v == null ? [] : [v];
  return items
    .map((x) => {
      if (typeof x === 'string') return x.trim();
      if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        return firstText(o['@id']) ?? firstText(o.id) ?? '';
      }
      return '';
    })
    .filter(Boolean);
}

/** A CTID inside a value (a bare CTID or a registry resource URI), lower case; null if none. */
export function ctidIn(value: string): string | null {
  const m = /ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(value);
  return m ? m[0].toLowerCase() : null;
}

/** An ISO 8601 duration as hours (days 24 h, weeks 7 days); null when it has years or months. */
export function durationHours(value: string | null): number | null {
  const m =
    /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(
      value ?? '',
    );
  if (!m || value === 'P' || value === 'PT') return null;
  const [, w = 0, d = 0, h = 0, min = 0] = m.map((x) => (x === undefined ? 0 : Number(x)));
  const hours = (w * 7 + d) * 24 + h + min / 60;
  return hours > 0 ? Math.round(hours * 100) / 100 : null;
}

/** An ISO 8601 duration of whole years or months as months; null otherwise. */
export function durationMonths(value: string | null): number | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(value ?? '');
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  return months > 0 ? months : null;
}

/** Months as an ISO 8601 duration: whole years as `PnY`, anything else as `PnM`. */
export function monthsDuration(months: number): string {
  return months % 12 === 0 ? `P${months / 12}Y` : `P${months}M`;
}

/** Fields of a document the registry has no place for, as warnings (one per field). */
export function unkeptFields(
  doc: Record<string, unknown>,
  kept: ReadonlySet<string>,
  where = '',
): string[] {
  return Object.keys(doc)
    .filter((key) => !kept.has(key))
    .map((key) => `${where}${key} not kept: the registry has no field for it`);
}
