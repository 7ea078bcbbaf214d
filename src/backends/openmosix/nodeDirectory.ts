// Who is in the cluster. From `setpe -r` (the node map the kernel holds: ranges with addresses or
// host names), read again every `ttlMs` because the membership rarely changes; with /proc/hpc, the
// node directories there are the list (no fork) and `setpe -r` only adds the addresses. A node of a
// range that begins at a host name has no address of its own in the map (`range 1-2 begins at
// chaos-a000001` names node 1 only): `mosctl whois N` gives it, asked once per node (addresses do
// not change; a failed answer is asked again when the map is next read), a few nodes per read so
// that a big map's addresses never take the tick's fork budget.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHpcInt, parseMosctlWhois, parseOpenMosixStatus, type OpenMosixStatus } from '../../../parsers/index.js';
import { errorLine } from '../../errorLine.js';
import type { SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import type { KnownNode } from './nodeBook.js';
import { query, toSourceError } from './query.js';

export interface NodeList {
  readonly nodes: readonly KnownNode[];
  /** null when no source said which node this is. */
  readonly localNode: number | null;
}

export interface NodeDirectoryOptions {
  readonly runner: CommandRunner;
  readonly hpcRoot: string | null;
  readonly ttlMs: number;
}

export class NodeDirectory {
  #status: OpenMosixStatus | null = null;
  #statusAt = -Infinity;
  #whois: number | null = null;
  /** Addresses `mosctl whois N` gave for nodes the map names none for. */
  readonly #addresses = new Map<number, string>();
  /** Nodes asked about since the map was last read. */
  readonly #asked = new Set<number>();
  /** Nodes the map names without an address (kept with the map: a lookup per node each tick). */
  #noAddress = new Set<number>();

  constructor(private readonly options: NodeDirectoryOptions) {}

  /** `whoisLimit`: at most this many `mosctl whois N` in this read (the rest wait for later reads). */
  async read(now: number, errors: SourceError[], signal?: AbortSignal, whoisLimit = Infinity): Promise<NodeList> {
    const list = await this.#list(now, errors, signal);
    await this.#askAddresses(list.nodes.filter((node) => this.#noAddress.has(node.id)), whoisLimit, errors, signal);
    return { ...list, nodes: list.nodes.map((node) => (node.ip === '' ? { ...node, ip: this.#addresses.get(node.id) ?? '' } : node)) };
  }

  async #list(now: number, errors: SourceError[], signal?: AbortSignal): Promise<NodeList> {
    await this.#refreshStatus(now, errors, signal);
    const fromStatus = (this.#status?.nodes ?? []).map((node) => ({ id: node.id, ip: node.address ?? '' }));
    if (this.options.hpcRoot !== null) return this.#readHpc(this.options.hpcRoot, fromStatus, errors);
    if (fromStatus.length > 0) return { nodes: fromStatus, localNode: this.#status?.localNode ?? null };
    // No usable map (setpe failed or lists no range): this node alone, as whois names it.
    const local = await this.#whoami(errors, signal);
    return { nodes: local === null ? [] : [{ id: local, ip: '' }], localNode: local };
  }

  async #refreshStatus(now: number, errors: SourceError[], signal?: AbortSignal): Promise<void> {
    if (now - this.#statusAt < this.options.ttlMs) return;
    this.#statusAt = now;
    this.#asked.clear();
    const result = await query(this.options.runner, ['setpe', '-r'], parseOpenMosixStatus, signal);
    if (result.ok) {
      this.#status = result.value;
      this.#noAddress = new Set(result.value.nodes.filter((node) => (node.address ?? '') === '').map((node) => node.id));
    } else errors.push(toSourceError(result.failure));
  }

  /** `mosctl whois N` for up to `limit` of `nodes` not known yet and not asked since the map was read. */
  async #askAddresses(nodes: readonly KnownNode[], limit: number, errors: SourceError[], signal?: AbortSignal): Promise<void> {
    const wanted = new Set(nodes.map((node) => node.id));
    for (const id of this.#addresses.keys()) if (!wanted.has(id)) this.#addresses.delete(id);
    const unknown = nodes.filter((node) => !this.#addresses.has(node.id) && !this.#asked.has(node.id)).map((node) => node.id).slice(0, Math.max(0, limit));
    await Promise.all(unknown.map(async (id) => {
      this.#asked.add(id);
      const result = await query(this.options.runner, ['mosctl', 'whois', String(id)], parseMosctlWhois, signal);
      if (!result.ok) errors.push(toSourceError(result.failure, id));
      else if (result.value.address !== null) this.#addresses.set(id, result.value.address);
    }));
  }

  async #whoami(errors: SourceError[], signal?: AbortSignal): Promise<number | null> {
    if (this.#whois !== null) return this.#whois;
    const result = await query(this.options.runner, ['mosctl', 'whois'], parseMosctlWhois, signal);
    if (!result.ok) {
      errors.push(toSourceError(result.failure));
      return null;
    }
    this.#whois = result.value.node;
    return this.#whois;
  }

  async #readHpc(hpcRoot: string, fromStatus: readonly KnownNode[], errors: SourceError[]): Promise<NodeList> {
    const ips = new Map(fromStatus.map((node) => [node.id, node.ip]));
    let ids: number[] = [];
    const nodesDir = join(hpcRoot, 'nodes');
    try {
      ids = (await readdir(nodesDir)).filter((name) => /^\d+$/.test(name)).map(Number);
    } catch (error) {
      errors.push({ source: nodesDir, message: errorLine(error) });
    }
    const mospe = join(hpcRoot, 'admin', 'mospe');
    let localNode: number | null = this.#status?.localNode ?? null;
    try {
      const parsed = parseHpcInt(await readFile(mospe, 'utf8'));
      if (parsed.ok && parsed.value > 0) localNode = parsed.value;
      else if (!parsed.ok) errors.push({ source: mospe, message: parsed.error.message });
    } catch (error) {
      errors.push({ source: mospe, message: errorLine(error) });
    }
    // Keep the order `openmosix status` gives (the user's map file), then any others by number.
    const present = new Set(ids);
    const ordered = [...fromStatus.map((node) => node.id).filter((id) => present.has(id)), ...ids.filter((id) => !ips.has(id)).sort((a, b) => a - b)];
    return { nodes: ordered.map((id) => ({ id, ip: ips.get(id) ?? '' })), localNode };
  }
}
