import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const DATA = process.env.PORTAL_DATA_DIR || join(ROOT, '.data');
export const CMS_DIR = join(ROOT, 'apps', 'cms');
export const SITE_DIR = join(ROOT, 'apps', 'site');
export const PUBLISHER_DIR = join(ROOT, 'apps', 'publisher');
export const PLUGIN_DIR = join(CMS_DIR, 'src', 'plugins', 'editorial');
export const NODE = process.env.PORTAL_NODE || process.execPath;
export const PNPM = process.env.PORTAL_PNPM || 'pnpm';
