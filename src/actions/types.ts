// What a user can ask of the cluster: plain values, turned into argv by actions/argv.ts.

export type NodeFlag = 'stay' | 'lstay' | 'block' | 'quiet';
export type SignalName = 'TERM' | 'KILL' | 'STOP' | 'CONT';
/** Where `migrate` sends a process: a node number, its home, or wherever the balancer likes. */
export type MigrateTarget = number | 'home' | 'balance';

export type ClusterAction =
  | { readonly type: 'expel' }
  | { readonly type: 'bring' }
  | { readonly type: 'migrate'; readonly pid: number; readonly to: MigrateTarget }
  | { readonly type: 'setFlag'; readonly flag: NodeFlag; readonly on: boolean }
  | { readonly type: 'signal'; readonly pid: number; readonly signal: SignalName };

export interface ActionResult {
  readonly action: ClusterAction;
  readonly ok: boolean;
  /** One line for the status bar: "expel: ok" or the tool's own error. */
  readonly message: string;
  readonly argv?: readonly string[];
}
