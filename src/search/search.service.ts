import { UserInputError } from '../lib/errors';
import { intInRange, MAX_PAGE_SIZE } from '../lib/pagination';
import { toLuceneQuery } from './lucene';
import type { SearchKind, SearchRepository } from './search.repository';
import type { Tagged } from './search.type';

/** The longest search text taken. */
export const MAX_SEARCH_TEXT = 200;

const ALL_KINDS: SearchKind[] = ['Credential', 'Skill', 'JobRole'];

/** Full-text search across credentials, skills and job roles. */
export class SearchService {
  constructor(private readonly search: SearchRepository) {}

  /**
   * The best `first` matches for free text among the wanted kinds (all by default), exact titles
   * and labels first; retired credentials only when asked. Nothing for text with no searchable word.
   */
  async find(
    text: string,
    first: number,
    options: { kinds?: SearchKind[] | null; includeRetired?: boolean } = {},
  ): Promise<{ item: Tagged; score: number; exact: boolean }[]> {
    intInRange(first, 0, MAX_PAGE_SIZE, 'first');
    if (text.length > MAX_SEARCH_TEXT) {
      throw new UserInputError(`text is limited to ${MAX_SEARCH_TEXT} characters.`);
    }
    const query = toLuceneQuery(text);
    const kinds = options.kinds?.length ? [...new Set(options.kinds)] : ALL_KINDS;
    if (query === null || first === 0) return [];
    const rows = await this.search.findText({
      query,
      text: text.trim().toLowerCase(),
      kinds,
      includeRetired: options.includeRetired ?? false,
      first,
    });
    return rows.map((r) => ({
      item: { ...r.node, __kind: r.kind } as Tagged,
      score: r.score,
      exact: r.exact,
    }));
  }
}
