import { WORKFLOW_UIDS } from './StageColumn';

type StockAction = ((props: { model: string }) => unknown) & { type?: string; position?: unknown };

/** The Content Manager's actions of the given types, drawn as nothing on the workflow's types. */
function hideOnWorkflowTypes(types: string[]) {
  return (actions: StockAction[]): StockAction[] =>
    actions.map((Action) => {
      if (!Action.type || !types.includes(Action.type)) return Action;
      // Rendered as a component (DescriptionComponentRenderer): the model is fixed for one mounted view.
      const Wrapped: StockAction = (props) => (WORKFLOW_UIDS.includes(props.model) ? null : Action(props));
      return Object.assign(Wrapped, { type: Action.type, position: Action.position });
    });
}

/**
 * Edit view: the stock Publish / Unpublish buttons are hidden for workflow types; the editorial panel's
 * transitions publish and withdraw, and the server refuses the stock actions there anyway.
 */
export const hideStockPublishing = hideOnWorkflowTypes(['publish', 'unpublish']);

/**
 * List view, bulk actions: Unpublish is refused on workflow types ("Gỡ bài" takes a reason, one item at a
 * time). Bulk Publish stays: the server approves each selected item through the workflow's one approve.
 */
export const hideStockBulkUnpublish = hideOnWorkflowTypes(['unpublish']);
