import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to an embedded Neo4j and port 4000 on loopback', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.mode).toBe('embedded');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
    });
    expect(config.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'reader',
      password: 'secret',
    });
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        NEO4J_URI: 'http://x',
        ADMIN_API_KEY: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/NEO4J_URI/);
    expect(problems).toMatch(/ADMIN_API_KEY/);
  });

  it('names each bad value once, in the order of the variables, embedded settings included', () => {
    const problemsOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems.map((p) => p.split(' ')[0]);
      }
    };
    expect(
      problemsOf({
        NEO4J_HEAP_MB: '10',
        NEO4J_PASSWORD: 'short',
        SEED_DEMO: 'perhaps',
        MAX_QUERY_DEPTH: '1',
        CORS_ORIGINS: 'https://ok.example.org,not an origin',
        REDIS_URL: 'http://redis',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        PUBLIC_URL: 'registry.example.org',
      }),
    ).toEqual([
      'NEO4J_HEAP_MB',
      'NEO4J_PASSWORD',
      'SEED_DEMO',
      'MAX_QUERY_DEPTH',
      'CORS_ORIGINS',
      'REDIS_URL',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'PUBLIC_URL',
    ]);
    expect(
      problemsOf({ REDIS_URL: '', OTEL_EXPORTER_OTLP_ENDPOINT: '', NEO4J_PASSWORD: '' }),
    ).toEqual([]);
    expect(loadConfig({ NEO4J_PASSWORD: 'long enough' }).neo4j).toMatchObject({
      mode: 'embedded',
      password: 'long enough',
    });
  });
});
