/**
 * Waits for a condition, never for time: `check` is asked every 20 ms until it holds; past
 * `timeoutMs` the wait fails, saying what it waited for. The one place tests pause.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
