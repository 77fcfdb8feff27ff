import * as React from 'react';
import { InputRenderer, useField } from '@strapi/strapi/admin';
import { currentModel, enumLabel, enumOptions } from '../enumerations';

interface EnumerationProps {
  name: string;
  attribute?: { enum?: string[] };
  [prop: string]: unknown;
}
interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
}
interface ListFilter {
  name: string;
  options?: { value: string; label?: string }[];
}

const Renderer = InputRenderer as React.ComponentType<Record<string, unknown>>;

/**
 * Edit-view input for every enumeration (registered with app.addFields): Strapi's own select, given
 * Vietnamese labels instead of the raw codes, and without retired values the entry does not hold.
 */
export const EnumerationField = React.forwardRef<HTMLDivElement, EnumerationProps>((props, ref) => {
  const { value } = useField(props.name);
  const options = enumOptions(currentModel(), props.name, props.attribute?.enum ?? [], value as string | null);
  return <Renderer ref={ref} {...props} type="enumeration" options={options} />;
});

/** Content Manager hook: list view cells of enumerations show their labels. */
export const labelEnumerationColumns = ({ displayedHeaders, layout }: { displayedHeaders: ListHeader[]; layout: unknown }) => {
  const model = currentModel();
  return {
    displayedHeaders: displayedHeaders.map((h) =>
      h.attribute?.type === 'enumeration' && !h.cellFormatter
        ? {
            ...h,
            cellFormatter: (row: Record<string, unknown>) => (row[h.name] == null ? '' : enumLabel(model, h.name, String(row[h.name]))),
          }
        : h,
    ),
    layout,
  };
};

/** Content Manager hook: the list view's filters offer labels too. */
export const labelEnumerationFilters = ({ displayedFilters, layout }: { displayedFilters: ListFilter[]; layout: unknown }) => {
  const model = currentModel();
  return {
    displayedFilters: displayedFilters.map((f) =>
      Array.isArray(f.options) && f.name !== 'editorial_stage'
        ? { ...f, options: f.options.map((o) => ({ ...o, label: enumLabel(model, f.name, o.value) })) }
        : f,
    ),
    layout,
  };
};
