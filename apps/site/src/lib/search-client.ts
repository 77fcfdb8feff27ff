/**
 * Search page (browser only): Pagefind's JS API with a Vietnamese UI.
 * The query is folded (đ → d, no marks) before it reaches Pagefind, which indexes both the original
 * text (tone-insensitive) and a hidden folded copy of each page. Excerpts are built here from the
 * original text only (the folded copy, after FOLD_SENTINEL, is cut off), so they show real Vietnamese.
 */
import { FOLD_SENTINEL, fold } from './fold';

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; content: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const PAGE = 10;
const RERANK = 30;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Excerpt of ~30 words around the best cluster of matches, from the original (unfolded) text. */
export function buildExcerpt(content: string, query: string, size = 30): string {
  const cut = content.indexOf(FOLD_SENTINEL);
  const text = (cut >= 0 ? content.slice(0, cut) : content).trim();
  const words = text.split(/\s+/).filter(Boolean);
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const folded = words.map((w) => fold(w).replace(/[^\p{L}\p{N}]/gu, ''));
  const termOf = (f: string) => (f ? terms.findIndex((t) => f === t || (t.length >= 2 && f.startsWith(t))) : -1);
  const termAt = folded.map(termOf);
  const hits = termAt.map((t) => t >= 0);
  // Best window: the whole phrase first, then the most distinct terms, then the most hits.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < words.length; i++) {
    if (!hits[i]) continue;
    const seen = new Set<number>();
    let count = 0;
    let phraseAt = -1;
    for (let j = i; j < Math.min(words.length, i + size); j++) {
      if (!hits[j]) continue;
      seen.add(termAt[j]!);
      count++;
      if (phraseAt < 0 && terms.length > 1 && terms.every((_, k) => termAt[j + k] === k)) phraseAt = j;
    }
    const score = (phraseAt >= 0 ? 10_000 : 0) + seen.size * 100 + count;
    if (score > bestScore) {
      bestScore = score;
      best = phraseAt >= 0 ? phraseAt : i;
    }
  }
  const start = bestScore < 0 ? 0 : Math.max(0, best - 8);
  const slice = words.slice(start, start + size).map((w, k) => (hits[start + k] ? `<mark>${esc(w)}</mark>` : esc(w)));
  return (start > 0 ? '… ' : '') + slice.join(' ') + (start + size < words.length ? ' …' : '');
}

/** 2 when the original text contains the folded query as a phrase, 1 when it has every word, else 0. */
export function phraseScore(content: string, query: string): number {
  const cut = content.indexOf(FOLD_SENTINEL);
  const text = ' ' + fold(cut >= 0 ? content.slice(0, cut) : content).replace(/[^\p{L}\p{N}]+/gu, ' ') + ' ';
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!terms.length) return 0;
  if (text.includes(` ${terms.join(' ')} `)) return 2;
  return terms.every((t) => text.includes(` ${t} `)) ? 1 : 0;
}

/**
 * Between full builds the publisher's quick lane indexes changed pages into /pagefind-delta/ and lists
 * them (and removed pages) in changes.json. Results for those paths come from the delta only.
 */
export interface DeltaChanges {
  pages: string[];
  removed: string[];
}
export const DELTA_LANE = 'delta';

/** Whether a result is current: not removed, and for re-indexed pages only the delta's copy. */
export function isCurrent(url: string, fromDelta: boolean, changes: DeltaChanges | null): boolean {
  if (!changes) return true;
  const path = url.replace(/[?#].*$/, '');
  if (changes.removed.includes(path)) return false;
  return fromDelta || !changes.pages.includes(path);
}

async function loadDelta(pagefind: Pagefind): Promise<DeltaChanges | null> {
  try {
    const res = await fetch('/pagefind-delta/changes.json', { cache: 'no-cache' });
    if (!res.ok) return null;
    const changes = (await res.json()) as DeltaChanges;
    if (changes.pages.length) await pagefind.mergeIndex('/pagefind-delta/', { mergeFilter: { lane: DELTA_LANE } });
    return changes;
  } catch {
    return null; // no delta: the main index is current
  }
}

export async function runSearchPage(): Promise<void> {
  const form = document.getElementById('search') as HTMLFormElement;
  const input = document.getElementById('q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const filterBox = document.getElementById('search-filters')!;
  const selects: Record<string, HTMLSelectElement> = {
    section: document.getElementById('s-section') as HTMLSelectElement,
    field: document.getElementById('s-field') as HTMLSelectElement,
    year: document.getElementById('s-year') as HTMLSelectElement,
  };
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  let pagefind: Pagefind;
  let changes: DeltaChanges | null = null;
  try {
    const path = '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
    await pagefind.options({ excerptLength: 30 });
    changes = await loadDelta(pagefind);
    await pagefind.init();
  } catch {
    status.textContent = 'Chưa tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.';
    return;
  }

  const available = await pagefind.filters();
  for (const [name, sel] of Object.entries(selects)) {
    const values = Object.keys(available[name] ?? {});
    values.sort(name === 'year' ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b, 'vi'));
    for (const v of values) sel.add(new Option(`${v} (${available[name]![v]})`, v));
    sel.value = params.get(name) ?? '';
  }
  filterBox.hidden = false;

  type Data = Awaited<ReturnType<PagefindResult['data']>>;
  let results: PagefindResult[] = [];
  let loaded: Data[] = [];
  let shown = 0;
  let fetchedCount = 0;
  // Ids of results that come from the delta index (mergeFilter values do not show in data().filters).
  let freshIds = new Set<string>();
  let stale = 0;
  let token = 0;

  function render(query: string, batch: Data[]) {
    for (const d of batch) {
      const li = document.createElement('li');
      const meta = [d.meta.section, d.meta.date].filter(Boolean).map(esc).join(' · ');
      li.innerHTML =
        `<a class="r-title" href="${esc(d.url)}">${esc(d.meta.title ?? d.url)}</a>` +
        (meta ? `<div class="meta">${meta}</div>` : '') +
        `<p>${buildExcerpt(d.content, query)}</p>`;
      list.append(li);
    }
    shown += batch.length;
    more.hidden = fetchedCount >= results.length && shown >= loaded.length;
  }

  async function showMore(query: string, my: number) {
    if (shown >= loaded.length) {
      const batch = results.slice(fetchedCount, fetchedCount + PAGE);
      fetchedCount += batch.length;
      const next = (await Promise.all(batch.map((r) => r.data()))).filter((d, i) => isCurrent(d.url, freshIds.has(batch[i]!.id), changes));
      if (my !== token) return;
      loaded.push(...next);
    }
    render(query, loaded.slice(shown, shown + PAGE));
  }

  async function run(push: boolean) {
    const my = ++token;
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const [name, sel] of Object.entries(selects)) if (sel.value) filters[name] = sel.value;
    if (push) {
      const qs = new URLSearchParams();
      if (query) qs.set('q', query);
      for (const [k, v] of Object.entries(filters)) qs.set(k, v);
      history.replaceState(null, '', qs.size ? `?${qs}` : location.pathname);
    }
    list.replaceChildren();
    shown = 0;
    fetchedCount = 0;
    stale = 0;
    loaded = [];
    more.hidden = true;
    if (!query && !Object.keys(filters).length) {
      status.textContent = 'Nhập từ khóa để tìm kiếm.';
      return;
    }
    status.textContent = 'Đang tìm…';
    const search = await pagefind.search(query ? fold(query) : null, { filters });
    // Scores from the small delta index are not comparable with the main one's: its results (pages
    // changed since the last full build, few) go into the pool first, then the phrase rerank orders all.
    const fresh = changes?.pages.length
      ? (await pagefind.search(query ? fold(query) : null, { filters: { ...filters, lane: DELTA_LANE } })).results
      : [];
    if (my !== token) return;
    freshIds = new Set(fresh.map((r) => r.id));
    results = [...fresh, ...search.results.filter((r) => !freshIds.has(r.id))];
    // Pagefind ranks words independently: move pages containing the whole phrase to the front
    // (among the first RERANK results, keeping Pagefind's order otherwise).
    const first = await Promise.all(results.slice(0, RERANK).map((r) => r.data()));
    if (my !== token) return;
    fetchedCount = first.length;
    loaded = first.filter((d, i) => isCurrent(d.url, freshIds.has(results[i]!.id), changes));
    stale = first.length - loaded.length;
    if (query) {
      const score = (d: Data) => phraseScore(d.content, query);
      loaded = loaded
        .map((d, i) => ({ d, i, s: score(d) }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .map((x) => x.d);
    }
    render(query, loaded.slice(0, PAGE));
    const total = results.length - stale;
    status.textContent = total
      ? `Tìm thấy ${total} kết quả${query ? ` cho “${query}”` : ''}.`
      : `Không tìm thấy kết quả${query ? ` cho “${query}”` : ''}.`;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(true);
  });
  for (const sel of Object.values(selects)) sel.addEventListener('change', () => void run(true));
  more.addEventListener('click', () => void showMore(input.value.trim(), token));
  void run(false);
}
