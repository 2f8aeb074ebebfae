/** The registry's public GraphQL API, the only thing the explorer talks to. */

/** An answer with errors, or no answer: the registry's code and message, shown as they come. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Beside the page: /explorer/ and /graphql share the registry's origin. */
const ENDPOINT = new URL('../graphql', window.location.href).toString();

/**
 * Runs one GraphQL operation. `key` (a learner's API key) goes in the Authorization header; it is
 * never put in the address. The first error of an answer is thrown with its code.
 */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The registry could not be reached. Check that it is running.');
  }
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    throw new ApiError(
      `HTTP_${response.status}`,
      `The registry answered ${response.status} without a GraphQL body.`,
    );
  }
  const first = answer.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'ERROR', first.message);
  if (!answer.data) throw new ApiError('NO_DATA', 'The registry answered without data.');
  return answer.data;
}
