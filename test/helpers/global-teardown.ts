export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_NEO4J__?.stop();
}
