import { WORKFLOW_UIDS } from './StageColumn';

type DocumentAction = ((props: { model: string }) => unknown) & { type?: string; position?: unknown };

/**
 * Content Manager's own Publish / Unpublish buttons hidden for workflow types: the editorial panel's
 * transitions publish and withdraw, and the server refuses the stock actions there anyway.
 */
export function hideStockPublishing(actions: DocumentAction[]): DocumentAction[] {
  return actions.map((Action) => {
    if (Action.type !== 'publish' && Action.type !== 'unpublish') return Action;
    // Rendered as a component (DescriptionComponentRenderer): the model is fixed for one mounted edit view.
    const Wrapped: DocumentAction = (props) => (WORKFLOW_UIDS.includes(props.model) ? null : Action(props));
    return Object.assign(Wrapped, { type: Action.type, position: Action.position });
  });
}
