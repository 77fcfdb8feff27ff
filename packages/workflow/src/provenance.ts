import type { WorkflowItem } from './types.js';

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Missing provenance (nguồn gốc tin bài) as Vietnamese messages; empty array = complete.
 * Author name + address always; source + collector name + address for collected/translated items.
 */
export function provenanceProblems(item: Pick<WorkflowItem, 'kind' | 'provenance'>): string[] {
  const p = item.provenance ?? {};
  const kind = item.kind ?? 'original';
  const problems: string[] = [];
  if (kind !== 'original' && kind !== 'collected' && kind !== 'translated') {
    problems.push('Loại tin bài không hợp lệ.');
  }
  if (!filled(p.authorName)) problems.push('Thiếu tên tác giả.');
  if (!filled(p.authorAddress)) problems.push('Thiếu địa chỉ tác giả.');
  if (kind === 'collected' || kind === 'translated') {
    if (!filled(p.source)) problems.push('Thiếu nguồn tin.');
    if (!filled(p.collectorName)) problems.push('Thiếu tên người sưu tầm, biên dịch.');
    if (!filled(p.collectorAddress)) problems.push('Thiếu địa chỉ người sưu tầm, biên dịch.');
  }
  return problems;
}
