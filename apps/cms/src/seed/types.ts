import type { Scene } from './images';
import type { InvestmentProject, ProcurementPackage } from '@cong-ttdt/content';

// Shape of the demo content. Keys (`key`) link entries to each other inside the seed only.
export type SeedStage = 'draft' | 'submitted' | 'assigned' | 'verified' | 'published' | 'returned' | 'withdrawn' | 'scheduled';

export interface SeedProvenance {
  authorName: string;
  authorAddress: string;
  authorUnit?: string;
  authorPhone?: string;
  authorEmail?: string;
  sourceReference?: string;
  collectorName?: string;
  collectorAddress?: string;
}

export interface SeedData {
  settings: {
    portalName: string;
    agencyName: string;
    adminLevel: 'province' | 'district' | 'commune';
    address: string;
    phone: string;
    fax?: string;
    email: string;
    editorInCharge: string;
    licence: string;
    domain: string;
    description: string;
    footerNote?: string;
  };
  fields: { key: string; name: string; order: number; description?: string }[];
  units: {
    key: string;
    name: string;
    shortName?: string;
    kind: 'party' | 'council' | 'committee' | 'front' | 'mass_org' | 'department' | 'commune' | 'other';
    parent?: string;
    order: number;
    address?: string;
    phone?: string;
    email?: string;
    description?: string;
  }[];
  boards: { key: string; name: string; order: number; description?: string }[];
  contacts: {
    fullName: string;
    position: string;
    unit: string;
    officePhone?: string;
    mobile?: string;
    email?: string;
    order: number;
    spokesperson?: boolean;
  }[];
  documents: {
    key: string;
    number: string;
    title: string;
    docType:
      | 'law'
      | 'decree'
      | 'decision'
      | 'resolution'
      | 'directive'
      | 'plan'
      | 'notice'
      | 'official_letter'
      | 'regulation'
      | 'report'
      | 'other';
    level: 'central' | 'province' | 'district' | 'commune';
    issuingBody: string;
    field?: string;
    signer?: string;
    issueDate: string;
    effectiveDate?: string;
    expiryDate?: string;
    inForce?: 'auto' | 'in_force' | 'not_in_force';
    body?: string;
    replaces?: string[];
    amends?: string[];
    disclosure?: 'none' | 'budget' | 'planning' | 'procurement' | 'draft_comment' | 'investment';
    investmentProjects?: Omit<InvestmentProject, 'id'>[];
    procurementPackages?: Omit<ProcurementPackage, 'id'>[];
    commentFrom?: string;
    commentTo?: string;
    stage?: SeedStage;
  }[];
  procedures: {
    name: string;
    code: string;
    field: string;
    level: 'province' | 'district' | 'commune';
    agency: string;
    steps: string;
    dossier: string;
    processingTime: string;
    fee: string;
    legalBasis?: string[];
    result: string;
    onlineLevel: 'none' | 'partial' | 'full';
    onlineUrl?: string;
    stage?: SeedStage;
  }[];
  questions: {
    title: string;
    question: string;
    askerName: string;
    askerPhone?: string;
    askerEmail?: string;
    askerAddress?: string;
    field: string;
    answer?: string;
    answeringUnit?: string;
    askedAt: string;
    answeredAt?: string;
    stage?: SeedStage;
  }[];
  pages: { key: string; title: string; summary?: string; body: string; parent?: string; order: number }[];
  links: { title: string; url: string; group: 'web' | 'online_service'; order: number; description?: string }[];
  articles: {
    title: string;
    summary: string;
    body: string;
    date: string;
    field: string;
    unit?: string;
    tags?: string;
    featured?: boolean;
    kind: 'original' | 'collected' | 'translated';
    provenance: SeedProvenance;
    stage?: SeedStage;
    /** Author account of the demo (role code) for items in review; default contributor. */
    author?: 'contributor' | 'editor' | 'portal-admin';
    /** Cover photo generated at seed time (images.ts), with its Vietnamese alt text. */
    cover?: { scene: Scene; file: string; alt: string };
  }[];
  schedules: {
    board: string;
    /** 0 = the current week (Asia/Ho_Chi_Minh), -1 = last week, … */
    weekOffset: number;
    note?: string;
    entries: {
      /** 0 = Monday … 6 = Sunday */
      day: number;
      startTime: string;
      endTime?: string;
      content: string;
      chair?: string;
      participants?: string;
      location?: string;
      preparingUnit?: string;
      note?: string;
      amended?: boolean;
    }[];
  }[];
}
