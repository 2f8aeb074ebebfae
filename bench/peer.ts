import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';

/**
 * The generic peer: @neo4j/graphql 7 over the same graph, served by the same @apollo/server, so the
 * registry's nested reads can be measured against one generated Cypher per request.
 */
const PEER_TYPE_DEFS = /* GraphQL */ `
  type Provider @node {
    id: ID!
    name: String!
    credentials: [Credential!]! @relationship(type: "OFFERS", direction: OUT)
  }
  type Credential @node {
    id: ID!
    title: String!
    hours: Float
    status: String
    provider: [Provider!]! @relationship(type: "OFFERS", direction: IN)
    skills: [Skill!]! @relationship(type: "TEACHES", direction: OUT, properties: "Teaches")
    prerequisites: [Credential!]! @relationship(type: "REQUIRES", direction: OUT)
  }
  type Teaches @relationshipProperties {
    level: Int
  }
  type Skill @node {
    id: ID!
    label: String!
    broader: [Skill!]! @relationship(type: "BROADER", direction: OUT)
  }
`;

/** One read as each side asks it. */
export interface PeerRead {
  name: string;
  registry: { query: string; variables: Record<string, unknown> };
  peer: { query: string; variables: Record<string, unknown> };
}

/** The three nested reads of the comparison, for a credential and a provider of the catalogue. */
export function peerReads(credentialId: string, providerId: string): PeerRead[] {
  return [
    {
      name: 'page of 50 credentials + provider + skills + prerequisites',
      registry: {
        query: `{ credentials(first: 50) { nodes { id title provider { name } skills { level skill { label } } prerequisites { id title } } } }`,
        variables: {},
      },
      peer: {
        query: `{ credentials(limit: 50, sort: [{ title: ASC }], where: { status: { eq: "ACTIVE" } }) { id title provider { name } skills { label } prerequisites { id title } } }`,
        variables: {},
      },
    },
    {
      name: 'one credential, skills -> broader, prerequisites -> skills',
      registry: {
        query: `query($id: ID!) { credential(id: $id) { id title skills { skill { label broader { label } } } prerequisites { id skills { skill { label } } } } }`,
        variables: { id: credentialId },
      },
      peer: {
        query: `query($id: ID!) { credentials(where: { id: { eq: $id } }) { id title skills { label broader { label } } prerequisites { id skills { label } } } }`,
        variables: { id: credentialId },
      },
    },
    {
      name: 'a provider + 20 credentials + skills',
      registry: {
        query: `query($id: ID!) { provider(id: $id) { name credentials(first: 20) { nodes { id title skills { skill { label } } } } } }`,
        variables: { id: providerId },
      },
      peer: {
        query: `query($id: ID!) { providers(where: { id: { eq: $id } }) { name credentials(limit: 20, sort: [{ title: ASC }], where: { status: { eq: "ACTIVE" } }) { id title skills { label } } } }`,
        variables: { id: providerId },
      },
    },
  ];
}

/** Starts the peer on loopback over an existing driver; returns its URL and a stop function. */
export async function startPeer(
  driver: Driver,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p975: number;
  errors: number;
}

/** Sends one read for `seconds` over `connections` (autocannon) and reports throughput and latency. */
export async function load(
  url: string,
  body: { query: string; variables: Record<string, unknown> },
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    errors: result.errors + result.non2xx,
  };
}

/** Checks that a read answers without errors on a server before it is loaded. */
export async function answers(
  url: string,
  body: { query: string; variables: Record<string, unknown> },
): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 300)}`);
}
