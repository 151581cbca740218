// BullMQ on the same Redis, for bench/queue.sh: bulk add, processing at concurrency 50 (no-op), end to end with
// enqueue-to-start latency, and the enqueue-to-start latency of single jobs on an idle worker.
// Usage: node bullmq-bench.mjs PORT JOBS, then one line per round on stdin (its number); one JSON line per round on stdout.
// One process runs every round, so later rounds run on a warm V8, as the JVM's later rounds do.
import { Queue, Worker } from 'bullmq';
import readline from 'node:readline';

const port = Number(process.argv[2]);
const jobs = Number(process.argv[3] ?? 100000);
const connection = { host: '127.0.0.1', port };

async function addAll(queue, stamp) {
  const start = performance.now();
  for (let i = 0; i < jobs; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(jobs, i + 1000); j++) batch.push({ name: 'welcome', data: { userId: String(stamp ? Date.now() : j), to: 'x@example.com' } });
    await queue.addBulk(batch);
  }
  return performance.now() - start;
}

async function drain(name, onJob) {
  let done = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const worker = new Worker(name, async (job) => { onJob?.(job); }, { connection, concurrency: 50, removeOnComplete: { count: 1000 } });
    worker.on('completed', () => {
      if (++done === jobs) { const ms = performance.now() - start; worker.close().then(() => resolve(ms)); }
    });
  });
}

async function round(n) {
  const q1 = new Queue(`bench-bulk-${n}`, { connection });
  const addMs = await addAll(q1, false);
  const processMs = await drain(`bench-bulk-${n}`);
  const q2 = new Queue(`bench-e2e-${n}`, { connection });
  const latencies = [];
  const e2eStart = performance.now();
  const consumer = drain(`bench-e2e-${n}`, (job) => latencies.push(Date.now() - Number(job.data.userId)));
  await addAll(q2, true);
  await consumer;
  const e2eMs = performance.now() - e2eStart;
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99) - 1];

  // idle: one job at a time, 10 ms apart, to a worker with nothing else to do
  const q3 = new Queue(`bench-idle-${n}`, { connection });
  const idle = [];
  const idleWorker = new Worker(`bench-idle-${n}`, async (job) => { idle.push(performance.now() + performance.timeOrigin - job.data.at); },
    { connection, concurrency: 50, removeOnComplete: { count: 1000 } });
  await idleWorker.waitUntilReady();
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < 500; i++) {
    await q3.add('welcome', { userId: 'u', to: 'x@example.com', at: performance.now() + performance.timeOrigin });
    await new Promise((r) => setTimeout(r, 10));
  }
  while (idle.length < 500) await new Promise((r) => setTimeout(r, 20));
  await idleWorker.close();
  idle.sort((a, b) => a - b);
  const idleP50 = idle[249];
  const idleP99 = idle[Math.floor(idle.length * 0.99) - 1];
  const result = ({ added: jobs / (addMs / 1000), processed: jobs / (processMs / 1000), endToEnd: jobs / (e2eMs / 1000), p99, idleP50, idleP99 });
  await q1.close();
  await q2.close();
  await q3.close();
  return result;
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  console.log(JSON.stringify(await round(Number(line))));
}
