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
});
