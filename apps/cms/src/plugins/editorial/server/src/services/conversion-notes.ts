// Which fields of an item the app's save rules converted from TCVN3/VNI (apps/cms/src/lib/rules.ts
// records them; the guard turns them into the panel's note after the save). An explicit service in
// place of a global: the app and the plugin are built apart, but share the running Strapi.
export default () => {
  const notes = new Map<string, string[]>();
  const key = (uid: string, documentId: string) => `${uid}:${documentId}`;
  return {
    record(uid: string, documentId: string, fields: string[]) {
      if (fields.length) notes.set(key(uid, documentId), fields);
    },
    /** The converted fields of one save, once: they are forgotten as they are read. */
    take(uid: string, documentId: string): string[] | null {
      const fields = notes.get(key(uid, documentId)) ?? null;
      notes.delete(key(uid, documentId));
      return fields;
    },
  };
};
