import type { Core } from '@strapi/strapi';

// Synthetic articles and documents for benchmarks (PORTAL_SYNTHETIC_ARTICLES=N): deterministic text
// built from a small Vietnamese vocabulary, spread over fields, units and two years of dates.
const SUBJECTS = [
  'Ủy ban nhân dân huyện',
  'Hội Nông dân xã',
  'Phòng Văn hóa và Thông tin',
  'Đoàn thanh niên',
  'Trạm Y tế xã',
  'Ban Chỉ huy Quân sự huyện',
  'Hợp tác xã nuôi tôm',
  'Trường Tiểu học',
];
const ACTIONS = [
  'tổ chức hội nghị',
  'triển khai kế hoạch',
  'kiểm tra tiến độ',
  'sơ kết công tác',
  'tập huấn kỹ thuật',
  'trao tặng quà',
  'ra mắt mô hình',
  'tuyên truyền pháp luật',
];
const TOPICS = [
  'chuyển đổi số',
  'nông thôn mới',
  'phòng chống hạn mặn',
  'cải cách hành chính',
  'an toàn giao thông',
  'nuôi tôm công nghệ cao',
  'bảo vệ đê biển',
  'đờn ca tài tử',
];
const PLACES = [
  'thị trấn Hòa Bình',
  'xã Vĩnh Mỹ A',
  'xã Vĩnh Mỹ B',
  'xã Vĩnh Hậu',
  'xã Vĩnh Hậu A',
  'xã Vĩnh Thịnh',
  'xã Minh Diệu',
  'xã Vĩnh Bình',
];
const pick = <T>(list: T[], i: number) => list[i % list.length];

export async function seedSynthetic(strapi: Core.Strapi, articles: number): Promise<number> {
  const have = await strapi.db
    .query('api::article.article')
    .count({ where: { slug: { $startsWith: 'tong-hop-' }, publishedAt: { $notNull: true } } });
  if (have >= articles) return 0;
  const fields = (await strapi.db.query('api::field.field').findMany({ select: ['documentId'] })) as Array<{ documentId: string }>;
  const units = (await strapi.db.query('api::unit.unit').findMany({ select: ['documentId'] })) as Array<{ documentId: string }>;
  const docs = (uid: string) => strapi.documents(uid as any) as any;
  const t0 = Date.now();
  const start = Date.UTC(2024, 11, 1);
  for (let i = have; i < articles; i++) {
    const subject = pick(SUBJECTS, i);
    const action = pick(ACTIONS, Math.floor(i / 8));
    const topic = pick(TOPICS, Math.floor(i / 64));
    const place = pick(PLACES, i * 7);
    const paragraphs = Array.from(
      { length: 5 },
      (_, k) =>
        `${pick(SUBJECTS, i + k)} ${pick(ACTIONS, i + 3 * k)} về ${pick(TOPICS, i + k)} tại ${pick(PLACES, i + 5 * k)}; đồng chí phụ trách đề nghị các đơn vị tiếp tục thực hiện tốt nhiệm vụ được giao (bài ${i + 1}, đoạn ${k + 1}).`,
    );
    const created = await docs('api::article.article').create({
      data: {
        title: `${subject} ${action} về ${topic} tại ${place} (tin tổng hợp ${i + 1})`,
        slug: `tong-hop-${i + 1}`,
        summary: paragraphs[0],
        body: paragraphs.join('\n\n'),
        date: new Date(start + ((i * 7919) % (730 * 86400)) * 1000).toISOString(),
        field: fields[i % fields.length]?.documentId,
        unit: units[i % units.length]?.documentId,
        kind: 'original',
        classification: 'thuong',
        provenance: { authorName: `Cộng tác viên ${(i % 40) + 1}`, authorAddress: `Khóm ${(i % 9) + 1}, ${place}` },
      },
    });
    await docs('api::article.article').publish({ documentId: created.documentId });
    if (i % 5 === 0) {
      const n = Math.floor(i / 5) + 1;
      const doc = await docs('api::document.document').create({
        data: {
          number: `${n}/TH-UBND`,
          slug: `van-ban-tong-hop-${n}`,
          title: `Về việc ${action} ${topic} năm ${2024 + (n % 3)} (Điều ${(n % 40) + 1})`,
          docType: pick(['decision', 'plan', 'notice', 'official_letter'], n),
          level: 'district',
          issuingBody: 'UBND huyện Hòa Bình (tổng hợp)',
          issueDate: `${2024 + (n % 3)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
          classification: 'thuong',
          inForce: 'auto',
          disclosure: 'none',
        },
      });
      await docs('api::document.document').publish({ documentId: doc.documentId });
    }
    if ((i + 1) % 500 === 0)
      strapi.log.info(`synthetic content: ${i + 1}/${articles} articles (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return articles - have;
}
