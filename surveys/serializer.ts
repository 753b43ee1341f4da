// Teaches survey-core the `ptce` property (surveys/metadata.ts), so that a Model keeps it and Creator round-trips it.
import { Serializer } from 'survey-core';

let registered = false;

/** Must run before any `new Model(...)`, on the server and in the browser. Idempotent. */
export function registerPtceProperties(): void {
  if (registered) return;
  registered = true;
  for (const className of ['question', 'itemvalue', 'survey']) {
    if (!Serializer.findProperty(className, 'ptce')) {
      Serializer.addProperty(className, { name: 'ptce', type: 'object', visible: false } as never);
    }
  }
}
