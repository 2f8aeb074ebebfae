/**
 * Every GraphQL document the explorer sends, in one place: the page reaches the registry through
 * its public API only, and test/unit/explorer-queries.test.ts validates each document here against
 * schema/schema.graphql, so a change of the API that breaks the page fails a test.
 */

/** The fields a credential summary needs, for queries. */
export const CREDENTIAL_SUMMARY =
  'id title credentialType hours price currency eqfLevel provider { id name }';

const PATH = `length totalHours totalPrice priceKnown currencies steps { link required credential { ${CREDENTIAL_SUMMARY} } }`;

/** A credential with its stacking paths, equivalents and broadening options. */
export const CREDENTIAL = `query ExplorerCredential($id: ID!) {
  credential(id: $id) { ${CREDENTIAL_SUMMARY} description status url ects skills { level skill { id label } } }
  up: stackingPaths(from: $id, direction: UP, first: 40, maxDepth: 4) { ${PATH} }
  down: stackingPaths(from: $id, direction: DOWN, first: 40, maxDepth: 4) { ${PATH} }
  equivalents(credentialId: $id, first: 10) {
    score declared mutual sameProvider assertedBy credential { ${CREDENTIAL_SUMMARY} }
    parts { raw overlap union evidence evidenceDamping eqfDamping hoursDamping exactMatches hierarchyMatches }
    sharedSkills { id label } onlyInStart { id label } onlyInOther { id label }
  }
  broadeningOptions(credentialId: $id, first: 8) {
    score adjacency novelty breadth credential { ${CREDENTIAL_SUMMARY} } siblingOf { id title }
    newSkills { adjacent how skill { id label } via { id label } }
  }
}`;

/** Credentials whose title or description has the words typed. */
export const CREDENTIAL_SEARCH = `query ExplorerCredentials($text: String!) { search(text: $text, kinds: [CREDENTIAL], first: 8) { item { ... on Credential { ${CREDENTIAL_SUMMARY} } } } }`;

/** The first page of the catalogue. */
export const CATALOGUE = `query ExplorerCatalogue { credentials(first: 30) { totalCount nodes { ${CREDENTIAL_SUMMARY} } } }`;

const MATCH = 'score confident matchedLabel skill { id label framework }';

/** The skills a description names. */
export const EXTRACT = `query ExplorerExtract($text: String!) { extractSkills(text: $text, first: 30) { evidence ${MATCH} } }`;

/** What a tag may mean. */
export const TAG = `query ExplorerTag($text: String!) { suggestSkills(text: $text, first: 10) { ${MATCH} } }`;

/** A provider's custom skills not mapped yet. */
export const UNMAPPED = `query ExplorerUnmapped($id: ID!) { customSkills(providerId: $id, unmappedOnly: true, first: 100) { credentials skill { id label } } }`;

/** The providers, for the picker. */
export const PROVIDERS = `query ExplorerProviders { providers(first: 100) { nodes { id name } } }`;

const DISTRIBUTION = 'n min q1 median q3 max mean cv';

/** The consistency report for researchers. */
export const REPORT = `query ExplorerConsistency($groupBy: ConsistencyGroupBy!) {
  consistencyReport(groupBy: $groupBy) {
    key name count completeness currencies
    hours { ${DISTRIBUTION} } pricePerHour { ${DISTRIBUTION} }
    elements { element share }
    lowOverlapPairs { label skillOverlap titleSimilarity hoursRatio a { id title } b { id title } }
  }
}`;

const REQUIREMENT =
  'skill { id label } importance essential level heldLevel coveredBy { skill { id label } level exact source credential { id title } }';

/** A role's gap-closing plan with the gap it closes. */
export const PLAN = `query ExplorerPlan($role: ID!, $learner: ID, $skills: [HeldSkillInput!], $optimize: PlanObjective!, $optional: Boolean!, $max: Int!) {
  gapClosingPlan(roleId: $role, learnerId: $learner, skills: $skills, optimize: $optimize, includeOptional: $optional, maxCredentials: $max) {
    totalHours totalPrice currencies essentialCoverageAfter
    steps { order prerequisiteOnly credential { ${CREDENTIAL_SUMMARY} } requires { id title } covers { id label } }
    uncovered { skill { id label } importance level reason }
    gap { coverage essentialCoverage jobRole { id title framework code } covered { ${REQUIREMENT} } missing { ${REQUIREMENT} } }
  }
}`;

/** The labels of `count` skills by id, one aliased field each (`s0`, `s1`, ...). */
export function skillLabels(count: number): string {
  const ids = Array.from({ length: count }, (_, i) => i);
  return `query ExplorerSkillLabels(${ids.map((i) => `$s${i}: ID!`).join(', ')}) { ${ids.map((i) => `s${i}: skill(id: $s${i}) { id label }`).join(' ')} }`;
}

/** Job roles whose title has the words typed. */
export const ROLE_SEARCH = `query ExplorerRoles($text: String!) { search(text: $text, kinds: [JOB_ROLE], first: 8) { item { __typename ... on JobRole { id title framework code } } } }`;

/** Skills a typed phrase may mean, for held skills. */
export const SKILL_SUGGEST = `query ExplorerSuggest($text: String!) { suggestSkills(text: $text, first: 6) { confident matchedLabel skill { id label framework } } }`;

/** A learner's record: achievements and skills. */
export const LEARNER = `query ExplorerLearner($id: ID!) { learner(id: $id) { displayName achievements { expired revoked credential { id title } } skills { level source skill { id label } } } }`;
