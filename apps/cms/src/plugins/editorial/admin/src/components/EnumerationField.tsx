import * as React from 'react';
import { InputRenderer, useField } from '@strapi/strapi/admin';
import { currentModel, enumLabel, enumOptions } from '../enumerations';

/**
 * Edit-view input for every enumeration (registered with app.addFields): Strapi's own select, given
 * Vietnamese labels instead of the raw codes, and without retired values the entry does not hold.
 */
export const EnumerationField = React.forwardRef<HTMLDivElement, any>((props, ref) => {
  const { value } = useField(props.name);
  const options = enumOptions(currentModel(), props.name, props.attribute?.enum ?? [], value);
  const Renderer = InputRenderer as React.ComponentType<any>;
  return <Renderer ref={ref} {...props} type="enumeration" options={options} />;
});

/** Content Manager hook: list view cells of enumerations show their labels. */
export const labelEnumerationColumns = ({ displayedHeaders, layout }: any) => {
  const model = currentModel();
  return {
    displayedHeaders: displayedHeaders.map((h: any) =>
      h.attribute?.type === 'enumeration' && !h.cellFormatter
        ? { ...h, cellFormatter: (row: Record<string, any>) => (row[h.name] == null ? '' : enumLabel(model, h.name, row[h.name])) }
        : h,
    ),
    layout,
  };
};

/** Content Manager hook: the list view's filters offer labels too. */
export const labelEnumerationFilters = ({ displayedFilters, layout }: any) => {
  const model = currentModel();
  return {
    displayedFilters: displayedFilters.map((f: any) =>
      Array.isArray(f.options) && f.name !== 'editorial_stage'
        ? { ...f, options: f.options.map((o: any) => ({ ...o, label: enumLabel(model, f.name, o.value) })) }
        : f,
    ),
    layout,
  };
};
