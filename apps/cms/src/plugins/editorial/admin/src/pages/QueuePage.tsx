import * as React from 'react';
import { Box, Flex, Typography, Badge } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { STAGE_LABELS, type Stage } from '@cong-ttdt/workflow';

interface Queue {
  total: number;
  counts: Record<string, number>;
  items: Array<{ uid: string; documentId: string; stage: Stage; title: string }>;
  calendarWarning?: string | null;
}

// "Việc chờ xử lý": what waits for the signed-in user, with counts per stage.
const QueuePage = () => {
  const { get } = useFetchClient();
  const [queue, setQueue] = React.useState<Queue | null>(null);
  React.useEffect(() => {
    get<{ data: Queue }>('/editorial/queue')
      .then((r) => setQueue(r.data.data))
      .catch(() => setQueue({ total: 0, counts: {}, items: [] }));
  }, [get]);
  return (
    <Page.Main>
      <Layouts.Header title="Việc chờ xử lý" subtitle={queue ? `${queue.total} tin, bài đang chờ bạn` : 'Đang tải…'} />
      <Layouts.Content>
        {queue && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {queue.calendarWarning && (
              <Box background="warning100" padding={4} hasRadius role="alert" data-testid="calendar-warning">
                <Typography textColor="warning700">⚠ {queue.calendarWarning}</Typography>
              </Box>
            )}
            <Flex gap={2} wrap="wrap">
              {Object.entries(queue.counts).map(([stage, n]) => (
                <Badge key={stage}>{`${STAGE_LABELS[stage as Stage] ?? stage}: ${n}`}</Badge>
              ))}
            </Flex>
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
              {queue.items.length === 0 ? (
                <Typography>Không có việc nào đang chờ.</Typography>
              ) : (
                <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="editorial-queue">
                  {queue.items.map((i) => (
                    <li key={`${i.uid}:${i.documentId}`} style={{ margin: '6px 0' }}>
                      <Link to={`/content-manager/collection-types/${i.uid}/${i.documentId}`}>{i.title}</Link>{' '}
                      <Typography variant="pi" textColor="neutral600">
                        ({STAGE_LABELS[i.stage] ?? i.stage})
                      </Typography>
                    </li>
                  ))}
                </ul>
              )}
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default QueuePage;
