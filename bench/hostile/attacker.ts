// The attacking crowd of `npm run bench:hostile`, in a process of its own so that building
// attacks does not take CPU from the registry's event loop it measures. Started with fork():
// argv[2] is the Target as JSON, argv[3] the number of connections; it attacks until it receives
// "stop" (or 10 minutes pass) and then sends back what it saw.
import { attackCatalogue, runAttack, type Outcome, type Target } from './catalogue';

/** What the crowd reports to the benchmark. */
export interface CrowdReport {
  requests: number;
  byCode: Record<string, number>;
  unhandled: Record<string, number>;
  slowestRefusalMs: number;
  slowestRefusal: string;
}

async function main(): Promise<void> {
  const target = JSON.parse(process.argv[2]!) as Target;
  const connections = Number(process.argv[3] ?? 32);
  const attacks = attackCatalogue();
  let attacking = true;
  process.on('message', (message) => {
    if (message === 'stop') attacking = false;
  });
  const stopAt = Date.now() + 600_000;
  const report: CrowdReport = {
    requests: 0,
    byCode: {},
    unhandled: {},
    slowestRefusalMs: 0,
    slowestRefusal: '',
  };
  const record = (o: Outcome) => {
    report.requests++;
    const key = o.result ? 'RESULT' : (o.code ?? 'NONE');
    report.byCode[key] = (report.byCode[key] ?? 0) + 1;
    if (o.failure !== null) {
      const kind = `${o.attack}: ${o.failure}`;
      report.unhandled[kind] = (report.unhandled[kind] ?? 0) + 1;
    } else if (!o.result && o.status !== 101 && o.ms > report.slowestRefusalMs) {
      report.slowestRefusalMs = o.ms;
      report.slowestRefusal = o.attack;
    }
  };
  const worker = async (offset: number) => {
    for (let i = offset; attacking && Date.now() < stopAt; i++) {
      record(await runAttack(attacks[i % attacks.length]!, target));
    }
  };
  process.send?.('started');
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  process.send?.(report, () => process.exit(0));
}

void main();
