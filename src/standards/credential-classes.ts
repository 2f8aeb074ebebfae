import { CredentialType } from '../credential/credential.type';
import { CTDL_CREDENTIAL_CLASSES, type CtdlCredentialClass } from './ctdl-terms';

/** Open Badges 3.0 `achievementType` values (the AchievementType enumeration). */
export const OB3_ACHIEVEMENT_TYPES = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;

/** The registry type of each CTDL credential class. */
const CTDL_REGISTRY_TYPE: Record<CtdlCredentialClass, CredentialType> = {
  AcademicCertificate: CredentialType.CERTIFICATE,
  ApprenticeshipCertificate: CredentialType.CERTIFICATE,
  AssociateDegree: CredentialType.DEGREE,
  AssociateOfAppliedArtsDegree: CredentialType.DEGREE,
  AssociateOfAppliedScienceDegree: CredentialType.DEGREE,
  AssociateOfArtsDegree: CredentialType.DEGREE,
  AssociateOfScienceDegree: CredentialType.DEGREE,
  BachelorDegree: CredentialType.DEGREE,
  BachelorOfArtsDegree: CredentialType.DEGREE,
  BachelorOfScienceDegree: CredentialType.DEGREE,
  Badge: CredentialType.BADGE,
  BasicTechnicalCertificate: CredentialType.CERTIFICATE,
  Certificate: CredentialType.CERTIFICATE,
  CertificateOfCompletion: CredentialType.CERTIFICATE,
  CertificateOfParticipation: CredentialType.CERTIFICATE,
  Certification: CredentialType.PROFESSIONAL_CERTIFICATE,
  Degree: CredentialType.DEGREE,
  DigitalBadge: CredentialType.BADGE,
  Diploma: CredentialType.CERTIFICATE,
  DoctoralDegree: CredentialType.DEGREE,
  GeneralEducationDevelopment: CredentialType.CERTIFICATE,
  JourneymanCertificate: CredentialType.CERTIFICATE,
  License: CredentialType.PROFESSIONAL_CERTIFICATE,
  MasterCertificate: CredentialType.CERTIFICATE,
  MasterDegree: CredentialType.DEGREE,
  MasterOfArtsDegree: CredentialType.DEGREE,
  MasterOfScienceDegree: CredentialType.DEGREE,
  MicroCredential: CredentialType.MICROCREDENTIAL,
  OpenBadge: CredentialType.BADGE,
  PreApprenticeshipCertificate: CredentialType.CERTIFICATE,
  ProfessionalDoctorate: CredentialType.DEGREE,
  QualityAssuranceCredential: CredentialType.PROFESSIONAL_CERTIFICATE,
  ResearchDoctorate: CredentialType.DEGREE,
  SecondarySchoolDiploma: CredentialType.CERTIFICATE,
  SpecialistDegree: CredentialType.DEGREE,
};

/** The OB3 achievementType of each CTDL credential class (the nearest where OB3 has fewer). */
const CTDL_TO_OB3: Record<CtdlCredentialClass, string> = {
  AcademicCertificate: 'Certificate',
  ApprenticeshipCertificate: 'ApprenticeshipCertificate',
  AssociateDegree: 'AssociateDegree',
  AssociateOfAppliedArtsDegree: 'AssociateDegree',
  AssociateOfAppliedScienceDegree: 'AssociateDegree',
  AssociateOfArtsDegree: 'AssociateDegree',
  AssociateOfScienceDegree: 'AssociateDegree',
  BachelorDegree: 'BachelorDegree',
  BachelorOfArtsDegree: 'BachelorDegree',
  BachelorOfScienceDegree: 'BachelorDegree',
  Badge: 'Badge',
  BasicTechnicalCertificate: 'Certificate',
  Certificate: 'Certificate',
  CertificateOfCompletion: 'CertificateOfCompletion',
  CertificateOfParticipation: 'Certificate',
  Certification: 'Certification',
  Degree: 'Degree',
  DigitalBadge: 'Badge',
  Diploma: 'Diploma',
  DoctoralDegree: 'DoctoralDegree',
  GeneralEducationDevelopment: 'GeneralEducationDevelopment',
  JourneymanCertificate: 'JourneymanCertificate',
  License: 'License',
  MasterCertificate: 'MasterCertificate',
  MasterDegree: 'MasterDegree',
  MasterOfArtsDegree: 'MasterDegree',
  MasterOfScienceDegree: 'MasterDegree',
  MicroCredential: 'MicroCredential',
  OpenBadge: 'Badge',
  PreApprenticeshipCertificate: 'ApprenticeshipCertificate',
  ProfessionalDoctorate: 'ProfessionalDoctorate',
  QualityAssuranceCredential: 'QualityAssuranceCredential',
  ResearchDoctorate: 'ResearchDoctorate',
  SecondarySchoolDiploma: 'SecondarySchoolDiploma',
  SpecialistDegree: 'Degree',
};

/** OB3 types that are not credential classes in CTDL, with the registry type they become. */
const OB3_ONLY: Record<string, CredentialType> = {
  Achievement: CredentialType.OTHER,
  Assessment: CredentialType.OTHER,
  Assignment: CredentialType.OTHER,
  Award: CredentialType.OTHER,
  CommunityService: CredentialType.OTHER,
  Competency: CredentialType.BADGE,
  Course: CredentialType.MICROCREDENTIAL,
  CoCurricular: CredentialType.OTHER,
  Fieldwork: CredentialType.OTHER,
  LearningProgram: CredentialType.OTHER,
  Membership: CredentialType.OTHER,
};

/** The registry's own types that neither standard has, as OB3 extension types. */
const OB3_EXTENSION_TYPES = {
  [CredentialType.SPECIALIZATION]: 'ext:Specialization',
  [CredentialType.MICROMASTERS]: 'ext:MicroMasters',
  [CredentialType.NANODEGREE]: 'ext:Nanodegree',
} as const satisfies Partial<Record<CredentialType, string>>;

/** The class a registry type exports as when no more precise one is known. */
const DEFAULT_CTDL_CLASS: Record<CredentialType, CtdlCredentialClass> = {
  [CredentialType.MICROCREDENTIAL]: 'MicroCredential',
  [CredentialType.BADGE]: 'DigitalBadge',
  [CredentialType.CERTIFICATE]: 'Certificate',
  [CredentialType.PROFESSIONAL_CERTIFICATE]: 'Certification',
  [CredentialType.SPECIALIZATION]: 'Certificate',
  [CredentialType.MICROMASTERS]: 'Certificate',
  [CredentialType.NANODEGREE]: 'Certificate',
  [CredentialType.DEGREE]: 'Degree',
  [CredentialType.OTHER]: 'CertificateOfCompletion',
};
const DEFAULT_OB3_TYPE: Record<CredentialType, string> = {
  [CredentialType.MICROCREDENTIAL]: 'MicroCredential',
  [CredentialType.BADGE]: 'Badge',
  [CredentialType.CERTIFICATE]: 'Certificate',
  [CredentialType.PROFESSIONAL_CERTIFICATE]: 'Certification',
  [CredentialType.SPECIALIZATION]: OB3_EXTENSION_TYPES.SPECIALIZATION,
  [CredentialType.MICROMASTERS]: OB3_EXTENSION_TYPES.MICROMASTERS,
  [CredentialType.NANODEGREE]: OB3_EXTENSION_TYPES.NANODEGREE,
  [CredentialType.DEGREE]: 'Degree',
  [CredentialType.OTHER]: 'Achievement',
};

const isCtdlClass = (name: string): name is CtdlCredentialClass =>
  (CTDL_CREDENTIAL_CLASSES as readonly string[]).includes(name);

/** A type in a standard, as the registry keeps it. */
export interface StandardType {
  credentialType: CredentialType;
  standardType?: string | null;
}

/** The registry type a standard type name stands for, if it names one. */
function registryTypeOf(name: string): CredentialType | undefined {
  if (isCtdlClass(name)) return CTDL_REGISTRY_TYPE[name];
  return OB3_ONLY[name];
}

/**
 * What a CTDL class becomes (`ceterms:` prefix optional); undefined for a non-credential class.
 * The class is kept as the standard type only when the registry type alone would not give it.
 */
export function fromCtdlClass(type: string): StandardType | undefined {
  const name = type.replace(/^ceterms:/, '');
  if (!isCtdlClass(name)) return undefined;
  const credentialType = CTDL_REGISTRY_TYPE[name];
  return {
    credentialType,
    standardType: DEFAULT_CTDL_CLASS[credentialType] === name ? null : name,
  };
}

/** What an OB3 achievementType becomes; undefined when it is neither standard nor ours. */
export function fromAchievementType(type: string): StandardType | undefined {
  const own = Object.entries(OB3_EXTENSION_TYPES).find(([, v]) => v === type);
  if (own) return { credentialType: own[0] as CredentialType, standardType: null };
  const registryType = (OB3_ACHIEVEMENT_TYPES as readonly string[]).includes(type)
    ? registryTypeOf(type)
    : undefined;
  if (!registryType) return undefined;
  return {
    credentialType: registryType,
    standardType: DEFAULT_OB3_TYPE[registryType] === type ? null : type,
  };
}

/** The standard type kept for a credential when it agrees with its registry type. */
function agreeing(c: StandardType): string | null {
  return c.standardType && registryTypeOf(c.standardType) === c.credentialType
    ? c.standardType
    : null;
}

/** The CTDL class a credential exports as: its standard type when it has one, else its type's. */
export function ctdlClassOf(c: StandardType): CtdlCredentialClass {
  const kept = agreeing(c);
  if (kept && isCtdlClass(kept)) return kept;
  return DEFAULT_CTDL_CLASS[c.credentialType];
}

/** The OB3 achievementType a credential exports as. */
export function achievementTypeOf(c: StandardType): string {
  const kept = agreeing(c);
  if (kept && isCtdlClass(kept)) return CTDL_TO_OB3[kept];
  if (kept) return kept;
  return DEFAULT_OB3_TYPE[c.credentialType];
}
