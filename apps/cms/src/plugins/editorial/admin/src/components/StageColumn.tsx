import * as React from 'react';
import { Badge, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { DEFAULT_WORKFLOW_PATHS, STAGE_LABELS, STAGES, type Stage } from '@cong-ttdt/workflow';

// One request per list page: cells that mount together share a batch.
let pending: { uid: string; ids: Set<string>; promise: Promise<Record<string, string>> } | null = null;

function useStage(uid: string, documentId: string): string | undefined {
  const { get } = useFetchClient();
  const [stage, setStage] = React.useState<string>();
  React.useEffect(() => {
    if (!pending || pending.uid !== uid) {
      const ids = new Set<string>();
      const batch = {
        uid,
        ids,
        promise: new Promise<Record<string, string>>((resolve) =>
          setTimeout(() => {
            if (pending === batch) pending = null;
            get<{ data: Record<string, string> }>(`/editorial/stages/${uid}?ids=${[...ids].join(',')}`)
              .then((r) => resolve(r.data.data))
              .catch(() => resolve({}));
          }, 30),
        ),
      };
      pending = batch;
    }
    pending.ids.add(documentId);
    let alive = true;
    pending.promise.then((map) => alive && setStage(map[documentId]));
    return () => {
      alive = false;
    };
  }, [uid, documentId, get]);
  return stage;
}

function StageCell({ uid, documentId }: { uid: string; documentId: string }) {
  const stage = useStage(uid, documentId);
  if (!stage) return <Typography textColor="neutral500">–</Typography>;
  return <Badge data-stage={stage}>{STAGE_LABELS[stage as Stage] ?? stage}</Badge>;
}

const currentUid = () => decodeURIComponent(window.location.pathname.split('/collection-types/')[1]?.split('/')[0] ?? '');
/** The types under the workflow: the workflow package's own table, not a copy. */
export const WORKFLOW_UIDS = Object.keys(DEFAULT_WORKFLOW_PATHS);

/** Content Manager hook: a "Trạng thái biên tập" column in list views of workflow types. */
export const addStageColumn = ({ displayedHeaders, layout }: any) => {
  const uid = currentUid();
  if (!WORKFLOW_UIDS.includes(uid)) return { displayedHeaders, layout };
  return {
    displayedHeaders: [
      ...displayedHeaders,
      {
        name: 'editorial_stage',
        attribute: { type: 'custom' },
        label: { id: 'editorial.list.stage', defaultMessage: 'Trạng thái biên tập' },
        searchable: false,
        sortable: false,
        cellFormatter: (row: { documentId: string }) => <StageCell uid={uid} documentId={row.documentId} />,
      },
    ],
    layout,
  };
};

/** Content Manager hook: filter list views by review stage (the server rewrites it, see stage-filter.ts). */
export const addStageFilter = ({ displayedFilters, layout }: any) => {
  if (!WORKFLOW_UIDS.includes(currentUid())) return { displayedFilters, layout };
  return {
    displayedFilters: [
      ...displayedFilters,
      {
        name: 'editorial_stage',
        type: 'enumeration',
        label: 'Trạng thái biên tập',
        operators: [{ label: { id: 'components.FilterOptions.FILTER_TYPES.$eq', defaultMessage: 'là' }, value: '$eq' }],
        options: STAGES.map((s) => ({ label: STAGE_LABELS[s], value: s })),
        mainField: { name: 'editorial_stage', type: 'string' },
      },
    ],
    layout,
  };
};
