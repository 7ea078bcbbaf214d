// A fixed-capacity buffer: pushing past capacity drops the oldest point, so a dashboard left
// running for a week uses the same memory as one started a minute ago.

export interface RingBuffer<T> {
  push(value: T): void;
  /** Oldest first. */
  toArray(): T[];
  readonly length: number;
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
  const items: T[] = [];
  let start = 0;
  return {
    push(value: T): void {
      if (items.length < capacity) {
        items.push(value);
        return;
      }
      items[start] = value;
      start = (start + 1) % capacity;
    },
    toArray: () => [...items.slice(start), ...items.slice(0, start)],
    get length() {
      return items.length;
    },
  };
}
