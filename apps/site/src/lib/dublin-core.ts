/**
 * Dublin Core terms for a content page, as a JSON-LD block next to the schema.org one (issue 30):
 * harvesters that read DCMI metadata (other portals, the Government Portal) get the creator unit,
 * dates, subject and identifier without parsing schema.org.
 */
import { absoluteUrl } from './urls';

export interface DublinCore {
  /** Site path of the page. */
  path: string;
  title: string;
  /** Unit that produced the content (issuing body, answering unit, ...). */
  creator?: string | null;
  publisher?: string | null;
  /** ISO date or date-time. */
  issued?: string | null;
  modified?: string | null;
  /** Field (lĩnh vực). */
  subject?: string | null;
  /** Official identifier, e.g. the document number or procedure code. */
  identifier?: string | null;
  description?: string | null;
  /** DCMI Type vocabulary term: Text, Event, Service, ... */
  type?: string;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const dated = (v: string) => ({ '@value': v, '@type': `${XSD}${/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'dateTime'}` });

export function dublinCore(m: DublinCore): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@context': { dcterms: 'http://purl.org/dc/terms/', '@language': 'vi' },
    '@id': absoluteUrl(m.path),
    'dcterms:title': m.title,
    'dcterms:language': { '@id': 'http://id.loc.gov/vocabulary/iso639-1/vi' },
    'dcterms:type': { '@id': `http://purl.org/dc/dcmitype/${m.type ?? 'Text'}` },
  };
  if (m.creator) out['dcterms:creator'] = m.creator;
  if (m.publisher) out['dcterms:publisher'] = m.publisher;
  if (m.issued) out['dcterms:issued'] = dated(m.issued);
  if (m.modified) out['dcterms:modified'] = dated(m.modified);
  if (m.subject) out['dcterms:subject'] = m.subject;
  if (m.identifier) out['dcterms:identifier'] = { '@value': m.identifier };
  if (m.description) out['dcterms:description'] = m.description;
  return out;
}
