// Strapi's data-transfer import (`strapi import`, `strapi transfer --from`) writes every table below the
// Document Service, past the save rules, the workflow and the audit log. In production it is refused
// before anything loads; backups go through `npm run backup` / `npm run restore`. Elsewhere its writes
// meet the database check for writes without an actor (editorial plugin, writers.ts) and are refused too.
// Remote transfer into a running CMS is switched off in config/server.ts. The one documented use, moving
// an installation to PostgreSQL (docs/operations.md), sets PORTAL_DATA_IMPORT=1 for that one command.
export const dataImportAllowed = (env: NodeJS.ProcessEnv = process.env) => env.PORTAL_DATA_IMPORT === '1';

export function refuseDataTransferImport(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production' || dataImportAllowed(env)) return;
  const [command, ...rest] = argv.slice(2);
  if (command === 'import' || (command === 'transfer' && rest.some((a) => a === '--from' || a.startsWith('--from=')))) {
    throw new Error(
      'Không được nhập dữ liệu bằng "strapi import"/"strapi transfer" trên máy chủ vận hành: dữ liệu sẽ bỏ qua quy trình biên tập và nhật ký. Dùng "npm run restore" để khôi phục bản sao lưu.',
    );
  }
}
