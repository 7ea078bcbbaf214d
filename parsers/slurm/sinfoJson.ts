// `sinfo -N --json`: 22.05 (openapi/v0.0.38) lists flat `nodes`; 23.02+ (data_parser) lists
// `sinfo` records, one per node and partition, with nested counts. Both become SlurmNodes, one per
// node name, partitions merged in order.
import { type ParseResult, type ParseWarning, failed } from '../result.js';
import { validated } from '../util/validate.js';
import { countOf, isObject, numberOf, readSlurmDocument, recordList, textOf, wordsOf, type JsonObject } from './json.js';
import { nodeStateFromWords } from './nodeState.js';
import { type Sinfo, SinfoSchema, type SlurmNode } from './types.js';

export function parseSinfoJson(text: string): ParseResult<Sinfo> {
  const document = readSlurmDocument(text, 'sinfo');
  if (!document.ok) return document;
  const list = recordList(document.value, ['nodes', 'sinfo'], 'sinfo');
  if (!list.ok) return list;
  const warnings: ParseWarning[] = [...document.value.warnings];
  const byName = new Map<string, SlurmNode>();
  const flat = Array.isArray(document.value.root.nodes);
  for (const [index, entry] of list.value.entries()) {
    if (!isObject(entry)) {
      warnings.push({ line: 0, message: `record ${index + 1} is not an object; skipped` });
      continue;
    }
    const nodes = flat ? [flatNode(entry)] : recordNodes(entry);
    if (nodes.length === 0 || nodes.some((node) => node === null)) {
      warnings.push({ line: 0, message: `record ${index + 1} has no node name; skipped` });
      continue;
    }
    for (const node of nodes) if (node) merge(byName, node);
  }
  if (byName.size === 0 && document.value.toolErrors.length > 0) {
    return failed(0, `sinfo failed: ${document.value.toolErrors.join('; ')}`, 'tool-error');
  }
  return validated(SinfoSchema, { version: document.value.version, nodes: [...byName.values()] }, warnings);
}

function merge(byName: Map<string, SlurmNode>, node: SlurmNode): void {
  const known = byName.get(node.name);
  if (!known) {
    byName.set(node.name, node);
    return;
  }
  const partitions = [...known.partitions, ...node.partitions.filter((p) => !known.partitions.includes(p))];
  byName.set(node.name, { ...known, partitions });
}

function reasonOf(value: unknown): string | null {
  const text = isObject(value) ? textOf(value.description) : textOf(value);
  return text === null || text.trim() === '' ? null : text;
}

/** The load ×100 as Slurm reports it → the load average. */
function loadOf(value: unknown): number | null {
  const n = numberOf(value);
  return n === null || n < 0 ? null : n / 100;
}

function memoryOf(value: unknown): number | null {
  const n = numberOf(value);
  return n === null || n < 0 ? null : n;
}

/** 22.05: { name, state: "idle", state_flags: ["DRAIN"], cpus, alloc_cpus, cpu_load, … }. */
function flatNode(entry: JsonObject): SlurmNode | null {
  const name = textOf(entry.name);
  if (!name) return null;
  const stateWords = [...wordsOf(entry.state), ...wordsOf(entry.state_flags)];
  return {
    name,
    ...nodeStateFromWords(stateWords),
    reason: reasonOf(entry.reason),
    cpusAllocated: countOf(entry.alloc_cpus),
    cpusTotal: countOf(entry.cpus),
    load: loadOf(entry.cpu_load),
    memoryMiB: memoryOf(entry.real_memory),
    memoryFreeMiB: memoryOf(entry.free_memory),
    partitions: Array.isArray(entry.partitions) ? entry.partitions.filter((p): p is string => typeof p === 'string') : [],
  };
}

/** 23.02+: { nodes: { nodes: [names] }, node: { state: [...] }, cpus: {...}, memory: {...}, partition: { name } }. */
function recordNodes(entry: JsonObject): (SlurmNode | null)[] {
  const names = isObject(entry.nodes) && Array.isArray(entry.nodes.nodes) ? entry.nodes.nodes : [];
  const cpus = isObject(entry.cpus) ? entry.cpus : {};
  const memory = isObject(entry.memory) ? entry.memory : {};
  const free = isObject(memory.free) ? memory.free.minimum : undefined;
  const partition = isObject(entry.partition) ? textOf(entry.partition.name) : null;
  return names.map((name) => {
    if (typeof name !== 'string' || name === '') return null;
    return {
      name,
      ...nodeStateFromWords(wordsOf(isObject(entry.node) ? entry.node.state : undefined)),
      reason: reasonOf(entry.reason),
      cpusAllocated: countOf(cpus.allocated),
      cpusTotal: countOf(cpus.total),
      load: loadOf(isObject(cpus.load) ? cpus.load.minimum : undefined),
      memoryMiB: memoryOf(memory.minimum),
      memoryFreeMiB: memoryOf(free),
      partitions: partition ? [partition] : [],
    };
  });
}
