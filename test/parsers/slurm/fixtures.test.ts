// Every Slurm capture under fixtures/slurm/<release>/ against its expected value, and the real
// error captures (no configuration, controller down) against the errors omtop must report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifySlurmError, parseScontrolPing, parseScontrolShow, parseSinfoJson, parseSinfoText, parseSqueueJson, parseSqueueText,
  type ParseResult,
} from '../../../parsers/index.js';

const ROOT = new URL('../../../fixtures/slurm/', import.meta.url).pathname;

const PARSERS: Readonly<Record<string, (text: string) => ParseResult<unknown>>> = {
  'sinfo-json': parseSinfoJson,
  'squeue-json': parseSqueueJson,
  'sinfo-text': parseSinfoText,
  'squeue-text': parseSqueueText,
  'squeue-text-all': parseSqueueText,
  'scontrol-node': parseScontrolShow,
  'scontrol-job': parseScontrolShow,
};

function capture(release: string, name: string): { stdout: string; stderr: string; status: number } {
  const base = join(ROOT, release, name);
  const status = existsSync(`${base}.status`) ? Number(readFileSync(`${base}.status`, 'utf8').trim()) : 0;
  const stderr = existsSync(`${base}.stderr`) ? readFileSync(`${base}.stderr`, 'utf8') : '';
  return { stdout: readFileSync(`${base}.stdout`, 'utf8'), stderr, status };
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) => readdirSync(join(ROOT, dir.name))
    .filter((file) => file.endsWith('.expected.json'))
    .map((file) => {
      const name = file.slice(0, -'.expected.json'.length);
      return { id: `${dir.name}/${name}`, release: dir.name, name, kind: name.split('.').slice(1).join('.') };
    }));

describe('Slurm fixtures', () => {
  it('covers three releases: the real 22.05.8 captures, 23.02.4 and the 24.11 shape', () => {
    expect(new Set(cases.map((c) => c.release))).toEqual(new Set(['22.05.8', '23.02.4', '24.11-shape']));
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s parses to its .expected.json', (_id, c) => {
    const parse = PARSERS[c.kind];
    if (!parse) return expect.fail(`no parser for ${c.kind}`);
    const { stdout, status } = capture(c.release, c.name);
    expect(status).toBe(0);
    const expected: unknown = JSON.parse(readFileSync(join(ROOT, c.release, `${c.name}.expected.json`), 'utf8'));
    expect(parse(stdout)).toEqual(expected);
  });
});

describe('the real 22.05.8 captures, read as a person would check them', () => {
  it('sinfo --json: n1 allocated, n2 draining (busy + DRAIN), n3 drained (idle + DRAIN), n4 down, with reasons', () => {
    const result = parseSinfoJson(capture('22.05.8', 'cluster.sinfo-json').stdout);
    if (!result.ok) return expect.fail(result.error.message);
    const byName = Object.fromEntries(result.value.nodes.map((node) => [node.name, node]));
    expect(result.value.version).toEqual({ release: '22.05.8', plugin: 'openapi/v0.0.38' });
    expect(byName.n1?.state).toBe('allocated');
    expect([byName.n2?.state, byName.n2?.reason]).toEqual(['draining', 'omtop test draining, busy']);
    expect([byName.n3?.state, byName.n3?.reason]).toEqual(['drained', 'omtop test drain']);
    expect([byName.n4?.state, byName.n4?.reason]).toEqual(['down', 'omtop test down']);
    expect(byName.n3?.partitions).toEqual(['debug', 'render']);
  });

  it('the text fallback gives the same nodes as the JSON (states, reasons, CPUs, memory, partitions)', () => {
    const json = parseSinfoJson(capture('22.05.8', 'cluster.sinfo-json').stdout);
    const text = parseSinfoText(capture('22.05.8', 'cluster.sinfo-text').stdout);
    if (!json.ok || !text.ok) return expect.fail('a capture did not parse');
    const pick = (nodes: typeof json.value.nodes) =>
      nodes.map(({ name, state, reason, cpusAllocated, cpusTotal, memoryMiB, partitions }) => ({ name, state, reason, cpusAllocated, cpusTotal, memoryMiB, partitions }));
    expect(pick(text.value.nodes)).toEqual(pick(json.value.nodes));
  });

  it('squeue --json: finished jobs are marked finished; array tasks are 5_1..5_3 with their own job ids; pending tasks are one 5_[4-6] record', () => {
    const result = parseSqueueJson(capture('22.05.8', 'cluster.squeue-json').stdout);
    if (!result.ok) return expect.fail(result.error.message);
    const ids = result.value.jobs.filter((job) => !job.finished).map((job) => job.id);
    expect(ids.sort()).toEqual(['10', '4', '5_1', '5_2', '5_3', '5_[4-6]', '9']);
    expect(result.value.jobs.filter((job) => job.finished).map((job) => job.state).sort()).toEqual(['CANCELLED', 'COMPLETED', 'FAILED']);
    expect(result.value.jobs.find((job) => job.id === '5_2')).toMatchObject({ jobId: 7, arrayJobId: 5, arrayTaskId: 2, nodes: 'n2' });
  });

  it('the text fallback lists the same unfinished jobs as the JSON', () => {
    const json = parseSqueueJson(capture('22.05.8', 'cluster.squeue-json').stdout);
    const text = parseSqueueText(capture('22.05.8', 'cluster.squeue-text').stdout);
    if (!json.ok || !text.ok) return expect.fail('a capture did not parse');
    const key = (jobs: typeof json.value.jobs) => jobs.filter((j) => !j.finished).map((j) => `${j.id}/${j.jobId}/${j.state}/${j.nodes}`).sort();
    expect(key(text.value.jobs)).toEqual(key(json.value.jobs));
  });

  it('scontrol -o show node keeps values with spaces whole', () => {
    const result = parseScontrolShow(capture('22.05.8', 'cluster.scontrol-node').stdout);
    if (!result.ok) return expect.fail(result.error.message);
    expect(result.value.map((record) => record.NodeName)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(result.value[0]?.OS).toMatch(/^Linux \S+ #1 SMP/);
    expect(result.value[2]?.Reason).toMatch(/^omtop test drain \[root@/);
  });

  it('scontrol ping: UP parses; DOWN (exit 1) is the down error', () => {
    const up = parseScontrolPing(capture('22.05.8', 'ping-up').stdout);
    expect(up.ok && up.value.controllers[0]?.up).toBe(true);
    const down = capture('22.05.8', 'controller-down.scontrol-ping');
    expect(down.status).toBe(1);
    const result = parseScontrolPing(down.stdout);
    expect(result.ok ? null : result.error.code).toBe('down');
  });

  it('no configuration: exit 1 and the fatal line on stderr, classified as not-configured', () => {
    for (const name of ['no-config.sinfo', 'no-config.scontrol-ping']) {
      const { stdout, stderr, status } = capture('22.05.8', name);
      expect([stdout, status]).toEqual(['', 1]);
      expect(classifySlurmError(stderr)).toMatchObject({ code: 'not-configured', line: 4 });
    }
  });

  it('controller down: squeue/sinfo --json exit 0 with an "errors" entry and no records, which is an error', () => {
    for (const [name, parse] of [['controller-down.squeue', parseSqueueJson], ['controller-down.sinfo', parseSinfoJson]] as const) {
      const { stdout, status } = capture('22.05.8', name);
      expect(status).toBe(0);
      const result = parse(stdout);
      expect(result.ok ? 'parsed' : result.error.code).toBe('tool-error');
    }
  });

  it('the tools\' refusals of actions are on stderr with exit 1', () => {
    expect(capture('22.05.8', 'error.drain-without-reason')).toMatchObject({ status: 1, stderr: expect.stringContaining('You must specify a reason') });
    expect(capture('22.05.8', 'error.scontrol-unknown-node')).toMatchObject({ status: 1, stderr: 'slurm_update error: Invalid node name specified\n' });
  });
});
