/**
 * What the reader chose, as it is written in the address (`/explorer/?view=role&role=...`), so a
 * link shows the same thing to whoever opens it. Pure: state.ts reads and changes the address.
 */

export type ViewName = 'role' | 'credential' | 'research' | 'provider';

export const VIEWS: readonly { name: ViewName; title: string }[] = [
  { name: 'role', title: 'Role and learner' },
  { name: 'credential', title: 'Credential' },
  { name: 'research', title: 'Researchers' },
  { name: 'provider', title: 'Providers' },
];

export type State = URLSearchParams;

/** The view a state shows (the role view when it names none it knows). */
export function viewOf(state: State): ViewName {
  const view = state.get('view');
  return VIEWS.some((v) => v.name === view) ? (view as ViewName) : 'role';
}

/** The address of a state, relative to the page; empty values are left out. */
export function hrefOf(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  }
  return `?${params.toString()}`;
}

/**
 * Held skills in the address: `id~level` joined by spaces (ids are URIs, which hold no spaces); a
 * missing or unknown level reads as 2.
 */
export function heldSkills(state: State): { skillId: string; level: number }[] {
  return (state.get('skills') ?? '')
    .split(' ')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.lastIndexOf('~');
      const level = at > 0 ? Number(part.slice(at + 1)) : 2;
      return {
        skillId: at > 0 ? part.slice(0, at) : part,
        level: Number.isInteger(level) && level >= 1 && level <= 5 ? level : 2,
      };
    });
}

/** Held skills as the address writes them (heldSkills reads them back). */
export function writeSkills(skills: { skillId: string; level: number }[]): string {
  return skills.map((s) => `${s.skillId}~${s.level}`).join(' ');
}
