import { Extensions, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Credential } from '../credential/credential.type';
import { JobRole } from '../job-role/job-role.type';
import { Provider } from '../provider/provider.type';
import { Skill } from '../skill/skill.type';

export enum StackingDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(StackingDirection, {
  name: 'StackingDirection',
  description: 'UP climbs from the start; DOWN lists what leads into it.',
});

export enum StackingLink {
  UNLOCKS = 'UNLOCKS',
  PART_OF = 'PART_OF',
  REQUIRES = 'REQUIRES',
  HAS_PART = 'HAS_PART',
}
registerEnumType(StackingLink, {
  name: 'StackingLink',
  description: 'How a step follows from the previous credential.',
  valuesConfig: {
    UNLOCKS: { description: 'UP: the previous credential is a prerequisite of this one.' },
    PART_OF: { description: 'UP: the previous credential is part of this one.' },
    REQUIRES: { description: 'DOWN: the previous credential requires this one.' },
    HAS_PART: { description: 'DOWN: this one is part of the previous credential.' },
  },
});

export enum PlanObjective {
  HOURS = 'HOURS',
  PRICE = 'PRICE',
  COUNT = 'COUNT',
  VALUE = 'VALUE',
}
registerEnumType(PlanObjective, {
  name: 'PlanObjective',
  description: 'What a gap-closing plan keeps low.',
  valuesConfig: {
    HOURS: { description: 'Total hours.' },
    PRICE: { description: 'Total price.' },
    COUNT: { description: 'How many credentials.' },
    VALUE: {
      description:
        'Hours per covered importance, weighed by recognition: each credential costs its hours ' +
        '(at least 15) divided by 1 + 1 for ECTS credits + 0.5 for quality assurance + 0.5 for an ' +
        'EQF level, so short unrecognised items (guided projects) do not win over recognised ' +
        'programmes that cover more.',
    },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One step of a stacking path.' })
export class StackingStep {
  @Field(() => Credential, { description: 'The credential reached.' })
  credential!: Credential;

  @Field(() => StackingLink, { description: 'How it follows from the previous credential.' })
  link!: StackingLink;

  @Field(() => Boolean, {
    nullable: true,
    description: 'For part links: whether the part is required.',
  })
  required!: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A path through prerequisite and part-of links.',
})
export class StackingPath {
  @Extensions({ maxItems: 6 })
  @Field(() => [StackingStep], { description: 'The steps after the start, in order.' })
  steps!: StackingStep[];

  @Field(() => Float, {
    description:
      'Hours of the steps, the start excluded, each credential counted once: a whole adds only ' +
      'what its parts that lie on the path (the start included) do not already hold, so a ' +
      'programme of 180 h reached from a 40 h course it contains totals 140 h whatever the route ' +
      'through its other parts. Unknown hours count 0; rounded to 0.1 h. See `partsExceedWhole`.',
  })
  totalHours!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Price of the steps, counted like the hours and summed as numbers (see `currencies`), ' +
      'rounded to cents; null when a credential it depends on has no price (see `priceKnown`).',
  })
  totalPrice!: number | null;

  @Field(() => Boolean, {
    description: 'False when a credential on the path has no price: the total price is unknown.',
  })
  priceKnown!: boolean;

  @Field(() => Boolean, {
    description:
      'True when the data disagree about a whole on the path: its required parts add up to more ' +
      'hours than it has, or its parts on the path to more hours (or, with known prices, a ' +
      'higher price) than it. Such a whole adds nothing to the totals.',
  })
  partsExceedWhole!: boolean;

  @Field(() => [String], {
    description: 'Currencies of the prices summed; more than one means mixed.',
  })
  currencies!: string[];

  @Extensions({ maxItems: 7 })
  @Field(() => [Provider], { description: 'Providers along the path, the start included.' })
  providers!: Provider[];

  @Field(() => Int, { description: 'Number of steps.' })
  length!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A held skill that covers a requirement.' })
export class SkillMatch {
  @Field(() => Skill, { description: 'The held skill: the required one or a narrower one.' })
  skill!: Skill;

  @Field(() => Int, { description: 'Level held.' })
  level!: number;

  @Field(() => Boolean, {
    description: 'True when it is the required skill itself, false when narrower.',
  })
  exact!: boolean;

  @Field(() => Credential, {
    nullable: true,
    description: 'The earned credential it comes from, if any.',
  })
  credential!: Credential | null;

  @Field(() => String, {
    description:
      'Where the held skill comes from: SELF, ASSESSED, CREDENTIAL, GIVEN (ad hoc) or ROLE.',
  })
  source!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A required skill, covered or not.' })
export class RequirementStatus {
  @Field(() => Skill, { description: 'The required skill.' })
  skill!: Skill;

  @Field(() => Boolean, { description: 'Essential (else optional).' })
  essential!: boolean;

  @Field(() => Float, { description: 'Importance 0 to 1.' })
  importance!: number;

  @Field(() => Int, { description: 'Level required.' })
  level!: number;

  @Field(() => Boolean, {
    description:
      'False when the requirement rests on a rating O*NET recommends suppressing (see ' +
      'SkillRequirement.reliable).',
  })
  reliable!: boolean;

  @Field(() => SkillMatch, {
    nullable: true,
    description: 'The best held skill that covers it (exact before narrower, then highest level).',
  })
  coveredBy!: SkillMatch | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'For a missing requirement: the best level held of it or a narrower skill, if below the need.',
  })
  heldLevel!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A learner's (or a skill list's) gap to a job role. A held skill covers a requirement when it is " +
    'the same skill or a narrower one, at a level at least the required one.',
})
export class SkillGap {
  @Field(() => JobRole, { description: 'The job role.' })
  jobRole!: JobRole;

  @Extensions({ maxItems: 500 })
  @Field(() => [RequirementStatus], { description: 'Requirements that are covered, and by what.' })
  covered!: RequirementStatus[];

  @Extensions({ maxItems: 500 })
  @Field(() => [RequirementStatus], {
    description: 'Requirements not covered, most important first.',
  })
  missing!: RequirementStatus[];

  @Field(() => Float, {
    description: 'Sum of the importance of covered requirements over the sum of all, 0 to 1.',
  })
  coverage!: number;

  @Field(() => Float, { description: 'The same figure over essential requirements only.' })
  essentialCoverage!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One credential of a gap-closing plan.' })
export class PlanStep {
  @Field(() => Int, { description: 'Position in the plan (1-based); prerequisites come first.' })
  order!: number;

  @Field(() => Credential, { description: 'The credential to take.' })
  credential!: Credential;

  @Extensions({ maxItems: 500 })
  @Field(() => [Skill], {
    description: 'Missing required skills it covers (newly, at this point of the plan).',
  })
  covers!: Skill[];

  @Field(() => Boolean, {
    description: 'True when it is in the plan only as a prerequisite of another step.',
  })
  prerequisiteOnly!: boolean;

  @Extensions({ maxItems: 20 })
  @Field(() => [Credential], { description: 'Its prerequisites that are in the plan.' })
  requires!: Credential[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'A requirement the plan leaves uncovered, and why.',
})
export class UncoveredRequirement {
  @Field(() => Skill, { description: 'The required skill.' })
  skill!: Skill;

  @Field(() => Float, { description: 'Its importance.' })
  importance!: number;

  @Field(() => Int, { description: 'Level required.' })
  level!: number;

  @Field(() => String, {
    description:
      'NO_CREDENTIAL (no active credential teaches it or a narrower skill at the level), ' +
      'LIMIT_REACHED (maxCredentials stopped the plan first), or PREREQUISITE_RETIRED.',
  })
  reason!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A set of active credentials that covers the missing essential skills of a role as fully as ' +
    'possible at low cost: greedy weighted set cover, each round taking the credential with the ' +
    'lowest cost (hours, price or count, its unmet prerequisites included) per newly covered ' +
    'importance. An unknown price or hours counts as the highest known among the candidates. Every ' +
    'unmet prerequisite is added, and the steps are ordered so each prerequisite comes before what ' +
    'it unlocks. Greedy cover is not always the cheapest cover; it is fast and explains itself.',
})
export class GapClosingPlan {
  @Field(() => SkillGap, { description: 'The gap the plan closes.' })
  gap!: SkillGap;

  @Extensions({ maxItems: 20 })
  @Field(() => [PlanStep], {
    description: 'The credentials, in an order that respects prerequisites.',
  })
  steps!: PlanStep[];

  @Field(() => Float, { description: 'Hours of all steps (unknown hours count 0).' })
  totalHours!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Prices of all steps summed as numbers (see `currencies`); null when a step has no price ' +
      '(see `priceKnown`).',
  })
  totalPrice!: number | null;

  @Field(() => Boolean, { description: 'False when a step has no price: the total is unknown.' })
  priceKnown!: boolean;

  @Field(() => [String], { description: 'Currencies in the plan.' })
  currencies!: string[];

  @Extensions({ maxItems: 500 })
  @Field(() => [UncoveredRequirement], {
    description: 'Targeted requirements left uncovered, and why.',
  })
  uncovered!: UncoveredRequirement[];

  @Field(() => Float, { description: 'Essential coverage after the plan, 0 to 1.' })
  essentialCoverageAfter!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A skill a broadening option adds.' })
export class NewSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => Boolean, { description: 'Whether it is adjacent to the start.' })
  adjacent!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'How it is adjacent: SHARED_PARENT or RELATED, to the start skill in `via`.',
  })
  how!: string | null;

  @Field(() => Skill, { nullable: true, description: 'The start skill it is adjacent to.' })
  via!: Skill | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A broadening option: a sibling part of a whole the start belongs to, or a credential whose ' +
    'skills are mostly new (novelty over 0.5) and adjacent for real (adjacency 0.25 or more). ' +
    'Siblings come first, then the rest, each by score = (0.6 x adjacency + 0.4 x novelty) x ' +
    'breadth. Every skill weighs how specific it is: ln(1 + N/df) / ln(1 + N) for a catalogue of ' +
    'N credentials of which df teach it, and a quarter of that for a generic skill (an ESCO ' +
    'transversal skill, an O*NET skill or knowledge area, a skill group), so "show initiative" or ' +
    '"make decisions" cannot make a stranger look adjacent.',
})
export class BroadeningOption {
  @Field(() => Credential, { description: 'The credential.' })
  credential!: Credential;

  @Extensions({ maxItems: 200 })
  @Field(() => [NewSkill], { description: 'Skills it adds to the start.' })
  newSkills!: NewSkill[];

  @Field(() => Float, { description: 'The overall score, 0 to 1.' })
  score!: number;

  @Field(() => Float, {
    description:
      'Weighted share of its new skills that sit next to a start skill (a shared BROADER parent ' +
      'or a RELATED_TO link), each as adjacent as the lighter of itself and that start skill.',
  })
  adjacency!: number;

  @Field(() => Float, { description: 'Weighted share of its skills that are new to the start.' })
  novelty!: number;

  @Field(() => Float, {
    description:
      'How much it broadens: the weight of its new skills / 3, at most 1; options adding one or ' +
      'two specific skills, or only generic ones, are damped by it.',
  })
  breadth!: number;

  @Field(() => Boolean, {
    description: 'A sibling part of a whole the start belongs to (listed before the others).',
  })
  sibling!: boolean;

  @Extensions({ maxItems: 100 })
  @Field(() => [Credential], { description: 'Wholes it shares with the start (sibling parts).' })
  siblingOf!: Credential[];
}

@ObjectType({ simpleResolvers: true, description: 'How a computed equivalence score was made up.' })
export class EquivalenceScoreParts {
  @Field(() => Int, { description: 'Skills on both sides exactly (1 each).' })
  exactMatches!: number;

  @Field(() => Int, { description: 'Skill pairs one BROADER step apart (0.5 each).' })
  hierarchyMatches!: number;

  @Field(() => Float, {
    description:
      'Weighted shared skills: each exact match its weight, each parent/child pair half their ' +
      'mean weight (see SkillWeight).',
  })
  overlap!: number;

  @Field(() => Float, {
    description: 'Weighted skills on either side, a matched pair counted once.',
  })
  union!: number;

  @Field(() => Float, { description: 'overlap / union, before damping.' })
  raw!: number;

  @Field(() => Float, {
    description: 'The weight the score rests on (= overlap); under 1.5 the score is scaled down.',
  })
  evidence!: number;

  @Field(() => Float, {
    description:
      'evidence / 1.5, at most 1: three generic shared skills do not make a high score, three ' +
      'fairly specific ones can.',
  })
  evidenceDamping!: number;

  @Field(() => Float, { description: 'What the skills alone say: raw x evidenceDamping.' })
  skillScore!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'How alike the two texts are, 0 to 1, a signal independent of the skills: 0.4 x the ' +
      'cosine of their titles plus 0.6 x the cosine of their descriptions (the title alone when ' +
      "a side has no description of some length), over words in any script, the providers' " +
      'names and course framing left out. Null when a text is missing.',
  })
  textSimilarity!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The cosine of their titles alone, 0 to 1 (see textSimilarity).',
  })
  titleSimilarity!: number | null;

  @Field(() => Boolean, {
    description:
      'The same title (titleSimilarity 0.9 or more) and, where both have one, much the same ' +
      'description (0.6 or more): likely one course published twice (on two platforms, or twice ' +
      'by one provider). Its score is at least its textSimilarity.',
  })
  likelyDuplicate!: boolean;

  @Field(() => Float, { description: '0.5 when EQF levels differ by more than one, else 1.' })
  eqfDamping!: number;

  @Field(() => Float, { description: '0.5 when hours differ by more than 2x, else 1.' })
  hoursDamping!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'How much a shared skill counts in a computed equivalence.',
})
export class SkillWeight {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Float, {
    description:
      'ln(1 + N/df) / ln(1 + N) for N credentials of which df teach it: 1 when one credential ' +
      'teaches it, near 0 when all do (generic skills such as communication count little).',
  })
  weight!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A credential that covers the same ground, declared and/or computed.',
})
export class Equivalent {
  @Field(() => Credential, { description: 'The other credential.' })
  credential!: Credential;

  @Field(() => Boolean, { description: 'A provider of either side declared it.' })
  declared!: boolean;

  @Field(() => [String], { description: 'Providers that declared it.' })
  assertedBy!: string[];

  @Field(() => Boolean, { description: 'Both sides declared it.' })
  mutual!: boolean;

  @Field(() => Boolean, {
    description: 'Same provider on both sides (flagged: usually a re-run, not an equivalent).',
  })
  sameProvider!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'Computed score 0 to 1: (0.6 x skillScore + 0.4 x textSimilarity) x eqfDamping x ' +
      'hoursDamping (skillScore alone without texts; at least textSimilarity for a likely ' +
      'duplicate). Skills are compared over the shared vocabulary: taxonomy skills, and a ' +
      "provider's custom skill by its group across providers; a custom skill nothing on the " +
      'other side shares is left out (see uncomparableSkills). Null when not computed.',
  })
  score!: number | null;

  @Field(() => EquivalenceScoreParts, { nullable: true, description: 'The parts of the score.' })
  parts!: EquivalenceScoreParts | null;

  @Extensions({ maxItems: 200 })
  @Field(() => [Skill], {
    description: 'Skills on both sides (exactly or one BROADER step apart).',
  })
  sharedSkills!: Skill[];

  @Extensions({ maxItems: 200 })
  @Field(() => [SkillWeight], {
    description: 'The weight of each shared skill (start side), heaviest first.',
  })
  sharedSkillWeights!: SkillWeight[];

  @Extensions({ maxItems: 200 })
  @Field(() => [Skill], { description: 'Skills only the start credential has.' })
  onlyInStart!: Skill[];

  @Extensions({ maxItems: 200 })
  @Field(() => [Skill], { description: 'Skills only the other credential has.' })
  onlyInOther!: Skill[];

  @Extensions({ maxItems: 200 })
  @Field(() => [Skill], {
    description:
      "Custom skills of either side that nothing on the other side shares (another provider's " +
      'vocabulary can never match them): reported, not counted in the score.',
  })
  uncomparableSkills!: Skill[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'The gap between two job roles, for a career move.',
})
export class RoleTransition {
  @Field(() => JobRole, { description: 'The role one comes from.' })
  from!: JobRole;

  @Field(() => SkillGap, {
    description: "The target role's requirements, covered by the first role's requirements or not.",
  })
  gap!: SkillGap;
}
