// Debounce + single flight: bursts of events become one build, and events that arrive while a
// build runs queue exactly one follow-up build (which sees all of them, since it fetches fresh content).
export type QueueState = 'idle' | 'debouncing' | 'building';

export interface QueueOptions {
  debounceMs: number;
  /** Upper bound on how long a continuous stream of events can postpone a build. */
  maxWaitMs?: number;
  onError?: (err: unknown) => void;
}

export type RunFn = (reasons: string[]) => Promise<unknown>;

export class BuildQueue {
  #run: RunFn;
  #debounceMs: number;
  #maxWaitMs: number;
  #onError: (err: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #windowStart = 0;
  #lastEventAt = 0;
  #pending: string[] = [];
  #pendingImmediate = false;
  #current: Promise<void> | null = null;
  #stopped = false;
  #idleWaiters: Array<() => void> = [];

  constructor(run: RunFn, opts: QueueOptions) {
    this.#run = run;
    this.#debounceMs = opts.debounceMs;
    this.#maxWaitMs = opts.maxWaitMs ?? Math.max(opts.debounceMs * 10, 15_000);
    this.#onError = opts.onError ?? (() => {});
  }

  get state(): QueueState {
    if (this.#current) return 'building';
    return this.#timer ? 'debouncing' : 'idle';
  }

  /** True when a follow-up build is already queued behind the running one. */
  get queued(): boolean {
    return this.#current !== null && this.#pending.length > 0;
  }

  /** Asks for a build; `immediate` skips the debounce (admin rebuilds, timers). */
  request(reason: string, immediate = false): void {
    if (this.#stopped) return;
    this.#pending.push(reason);
    this.#lastEventAt = Date.now();
    if (immediate) this.#pendingImmediate = true;
    if (this.#current) return; // picked up when the running build ends
    this.#arm();
  }

  #arm(): void {
    const now = Date.now();
    if (!this.#timer) this.#windowStart = now;
    else clearTimeout(this.#timer);
    const untilQuiet = Math.max(0, this.#lastEventAt + this.#debounceMs - now);
    const untilMax = Math.max(0, this.#windowStart + this.#maxWaitMs - now);
    const wait = this.#pendingImmediate ? 0 : Math.min(untilQuiet, untilMax);
    this.#timer = setTimeout(() => this.#start(), wait);
  }

  #start(): void {
    this.#timer = null;
    const reasons = this.#pending;
    this.#pending = [];
    this.#pendingImmediate = false;
    this.#current = (async () => {
      try {
        await this.#run(reasons);
      } catch (err) {
        this.#onError(err);
      }
    })().finally(() => {
      this.#current = null;
      if (this.#pending.length && !this.#stopped) this.#arm();
      else if (!this.#timer) this.#wakeIdle();
    });
  }

  #wakeIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once nothing is debouncing, building or queued. */
  whenIdle(): Promise<void> {
    if (this.state === 'idle') return Promise.resolve();
    return new Promise((res) => this.#idleWaiters.push(res));
  }

  /** Drops pending work; resolves when the running build (if any) has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = [];
    if (this.#current) await this.#current;
    this.#wakeIdle();
  }
}
