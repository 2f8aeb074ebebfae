/** The answers of the role view's queries, as the view reads them. */
import type { CredentialSummary, SkillRef } from '../common';

export interface Requirement {
  skill: SkillRef;
  importance: number;
  essential: boolean;
  level: number;
  heldLevel: number | null;
  coveredBy: {
    skill: SkillRef;
    level: number;
    exact: boolean;
    source: string;
    credential: { id: string; title: string } | null;
  } | null;
}

export interface Plan {
  totalHours: number;
  totalPrice: number | null;
  currencies: string[];
  essentialCoverageAfter: number;
  steps: {
    order: number;
    prerequisiteOnly: boolean;
    credential: CredentialSummary;
    requires: { id: string; title: string }[];
    covers: SkillRef[];
  }[];
  uncovered: { skill: SkillRef; importance: number; level: number; reason: string }[];
  gap: {
    coverage: number;
    essentialCoverage: number;
    jobRole: { id: string; title: string; framework: string; code: string | null };
    covered: Requirement[];
    missing: Requirement[];
  };
}
