import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ParsedMail } from 'mailparser';
import { analyze } from '@cong-ttdt/vn-text';
import { AUTHOR_ROLES, CLASSIFICATION_LABELS } from '@cong-ttdt/workflow';
import { displayName, type AdminUser } from '../actor';
import { classificationMark, isAuthenticated, isAutomatic, userOfSecretAddress } from '../mail/rules';
import { SYSTEM_WRITERS, runAs } from '../writers';
import { uploadFile } from '../import/upload';
import { getService } from '../seams';

/** Contributions by e-mail (Đ12.1): an IMAP mailbox read on a timer (MAIL_INTAKE_*; off without a host). */
export interface MailIntakeConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  intervalMs: number;
  /** The authserv-id of the receiving server, whose Authentication-Results are trusted. */
  authservId: string;
  /** The board's address; contributors' secret addresses are `local+u<id>.<token>@domain`. */
  address: string;
  /** Key of the secret addresses (empty: none accepted). */
  secret: string;
}

/** Where each message goes once read; nothing is deleted (the portal administrator works from these folders). */
export const FOLDERS = {
  received: 'Portal-Received',
  held: 'Portal-Held',
  quarantine: 'Portal-Quarantine',
  ignored: 'Portal-Ignored',
} as const;
export type Outcome = keyof typeof FOLDERS;

const ARTICLE = 'api::article.article';
const MAIL_UID = 'plugin::editorial.mail';
const WRITER = 'mail-intake' as const;

type Attachment = ParsedMail['attachments'][number];
type Parsed = ParsedMail;

/** NFC text with TCVN3/VNI mojibake converted; `converted` when a legacy encoding was found. */
function normalised(text: string): { text: string; converted: boolean } {
  const r = analyze(text.normalize('NFC'));
  return { text: r.result.normalize('NFC'), converted: r.converted && ['tcvn3', 'vni', 'mixed'].includes(r.encoding) };
}

async function attachmentText(a: Attachment): Promise<string> {
  const name = (a.filename ?? '').toLowerCase();
  if (name.endsWith('.docx')) {
    const mammoth = await import('mammoth');
    return (await mammoth.extractRawText({ buffer: a.content })).value;
  }
  if (a.contentType.startsWith('text/')) return a.content.toString('utf8');
  return '';
}

const addresses = (field: Parsed['to']) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value.map((v) => v.address ?? '')).filter(Boolean);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService(strapi, 'audit');
  const log = (outcome: Outcome, messageHash: string, meta: Record<string, unknown>) =>
    audit().record({
      target: { uid: MAIL_UID, documentId: messageHash },
      action: `mail-${outcome}`,
      from: null,
      to: outcome,
      actor: { id: null, name: SYSTEM_WRITERS[WRITER].label, roles: [] },
      meta,
      contentHash: messageHash,
    });

  const findAuthor = async (where: Record<string, unknown>): Promise<AdminUser | null> => {
    const user = (await strapi.db
      .query('admin::user')
      .findOne({ where: { ...where, isActive: true, blocked: false }, populate: ['roles'] })) as (AdminUser & { email: string }) | null;
    return user?.roles?.some((r) => (AUTHOR_ROLES as readonly string[]).includes(r.code)) ? user : null;
  };

  const self = {
    config(): MailIntakeConfig | null {
      const c = (strapi.config.get('plugin::editorial') as { mailIntake?: MailIntakeConfig }).mailIntake;
      return c?.host ? c : null;
    },

    /** Reads every unseen message of the inbox once and files it (runs as the system writer "mail-intake"). */
    poll(): Promise<Record<Outcome, number>> {
      return runAs('mail-intake', async () => {
        const config = self.config();
        const counts: Record<Outcome, number> = { received: 0, held: 0, quarantine: 0, ignored: 0 };
        if (!config) return counts;
        const { ImapFlow } = await import('imapflow');
        const client = new ImapFlow({
          host: config.host,
          port: config.port,
          secure: config.secure,
          auth: { user: config.user, pass: config.password },
          logger: false,
        });
        await client.connect();
        try {
          const existing = new Set((await client.list()).map((m) => m.path));
          for (const folder of Object.values(FOLDERS)) if (!existing.has(folder)) await client.mailboxCreate(folder);
          const lock = await client.getMailboxLock('INBOX');
          try {
            const uids = (await client.search({ seen: false }, { uid: true })) || [];
            for (const uid of uids) {
              const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
              if (!message || !message.source) continue;
              let outcome: Outcome;
              try {
                outcome = await self.handle(message.source);
              } catch (e) {
                // A message that cannot be filed waits for the administrator rather than being retried forever.
                strapi.log.error(`mail intake: message ${uid} held: ${(e as Error).message}`);
                outcome = 'held';
              }
              counts[outcome]++;
              await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
              await client.messageMove(String(uid), FOLDERS[outcome], { uid: true });
            }
          } finally {
            lock.release();
          }
        } finally {
          await client.logout().catch(() => undefined);
        }
        return counts;
      });
    },

    /**
     * Decides what one message is and acts on it. Order matters: automatic mail is dropped first; the
     * classification and legacy-text checks read the message and its attachments before anything is
     * stored; only then are sender and authentication checked and the item created.
     */
    async handle(source: Buffer): Promise<Outcome> {
      const config = self.config() as MailIntakeConfig;
      const messageHash = createHash('sha256').update(source).digest('hex');
      const { simpleParser } = await import('mailparser');
      const parsed: Parsed = await simpleParser(source, { skipImageLinks: true });
      const contentType = String((parsed.headers.get('content-type') as { value?: string } | undefined)?.value ?? '');
      if (isAutomatic(parsed.headers, contentType)) {
        await log('ignored', messageHash, { reason: 'automatic' });
        return 'ignored';
      }

      const subject = normalised(parsed.subject ?? '');
      const body = normalised(parsed.text ?? '');
      const attachments = await Promise.all(
        parsed.attachments.map(async (a) => ({
          a,
          name: normalised(a.filename ?? 'tep-dinh-kem').text,
          text: normalised(await attachmentText(a)),
        })),
      );
      const level = classificationMark([subject.text, body.text, ...attachments.flatMap((x) => [x.name, x.text.text])].join('\n'));
      if (level) {
        // Never into the CMS, its archive or its media: the message stays in the mailbox's quarantine folder.
        await log('quarantine', messageHash, { level, label: CLASSIFICATION_LABELS[level] });
        return 'quarantine';
      }

      const from = parsed.from?.value[0]?.address?.toLowerCase() ?? '';
      const recipients = [
        ...addresses(parsed.to),
        ...addresses(parsed.cc),
        ...['delivered-to', 'x-original-to'].flatMap((h) => {
          const v = parsed.headers.get(h);
          return (Array.isArray(v) ? v : v ? [v] : []).map((x) => String((x as { text?: string }).text ?? x));
        }),
      ];
      const secretUser = recipients.map((r) => userOfSecretAddress(r, config.address, config.secret)).find((id) => id != null);
      let author: AdminUser | null = null;
      let via = '';
      if (secretUser != null) {
        author = await findAuthor({ id: secretUser });
        via = 'secret-address';
      } else if (isAuthenticated(parsed.headers, from, config.authservId)) {
        author = from ? await findAuthor({ email: { $eqi: from } }) : null;
        via = 'authentication-results';
      }
      if (!author) {
        // Unauthenticated mail or an unknown sender: the portal administrator decides in the mailbox.
        await log('held', messageHash, { reason: via ? 'unknown-sender' : 'unauthenticated' });
        return 'held';
      }
      const raw = { kind: 'mail', messageId: parsed.messageId ?? null, sha256: messageHash, rfc822: source.toString('base64') };
      const already = await strapi.db
        .query('plugin::editorial.original')
        .findOne({ where: { targetUid: ARTICLE, contentHash: messageHash } });
      if (already) return 'received'; // read again after a crash between filing and moving: not a second item

      const links: string[] = [];
      for (const { a, name } of attachments) {
        try {
          const file = await uploadFile(
            strapi,
            { name, contentType: a.contentType, bytes: a.content },
            { user: author, actorId: null, actorName: SYSTEM_WRITERS[WRITER].label, source: 'mail' },
          );
          links.push(file.mime.startsWith('image/') ? `![${name}](${file.url})` : `- [${name}](${file.url})`);
        } catch (e) {
          // Refused by the byte check: named in the body, so the reviewers know it came.
          if (!(e as Error).message.startsWith('Không nhận')) throw e;
          links.push(`- ${name}: ${(e as Error).message}`);
        }
      }

      const profile = (await strapi.db.query('plugin::editorial.profile').findOne({ where: { userId: author.id } })) as {
        unitId?: number | null;
      } | null;
      const unit = profile?.unitId
        ? ((await strapi.db.query('api::unit.unit').findOne({ where: { id: profile.unitId }, select: ['name'] })) as {
            name?: string;
          } | null)
        : null;
      const text = [body.text.trim(), ...(links.length ? ['', '**Tệp đính kèm**', '', ...links] : [])].join('\n');
      const data = {
        title: (subject.text.trim() || 'Bài gửi qua thư điện tử').slice(0, 300),
        body: text,
        kind: 'original',
        classification: 'thuong',
        provenance: { authorName: displayName(author), authorAddress: unit?.name || (author.email ?? from) },
        createdBy: author.id,
        updatedBy: author.id,
      };
      const converted = [
        subject.converted && 'title',
        body.converted && 'body',
        ...attachments.filter((x) => x.text.converted).map((x) => x.name),
      ].filter(Boolean) as string[];
      const { documentId } = await getService(strapi, 'workflow').receive(ARTICLE, data, {
        actorName: SYSTEM_WRITERS[WRITER].label,
        authorId: author.id,
        original: { content: raw, hash: messageHash },
        conversionNote: converted.length
          ? `Thư gửi bài có văn bản mã TCVN3/VNI, đã chuyển sang Unicode (TCVN 6909:2001): ${converted.join(', ')}. Hãy kiểm tra lại nội dung.`
          : null,
        meta: { via, messageHash, attachments: links.length },
      });
      strapi.log.info(`mail intake: message ${messageHash.slice(0, 12)} received as ${documentId}`);
      return 'received';
    },
  };
  return self;
};
