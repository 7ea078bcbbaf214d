// Snapshots are shared by the store, the views and --json; freezing them makes "immutable"
// a runtime fact, so a view that sorts in place throws in tests instead of corrupting history.
// The type stays T: the schema's inferred types are the contract everyone already uses.

export function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}
