import { Show } from 'solid-js';
import { RecordMissing } from '../../components/RecordMissing';
import { isMissing } from '../../toast';

/** A page that could not load: the shared 404 / 403 page (its own heading), or the page's heading and the error with a retry. */
export function PageError(props: { error: unknown; title: string; backHref: string; backLabel?: string; onRetry: () => void }) {
  return (
    <Show
      when={isMissing(props.error)}
      fallback={
        <>
          <h1>{props.title}</h1>
          <RecordMissing error={props.error} backHref={props.backHref} onRetry={props.onRetry} />
        </>
      }
    >
      <RecordMissing error={props.error} backHref={props.backHref} {...(props.backLabel ? { backLabel: props.backLabel } : {})} />
    </Show>
  );
}
