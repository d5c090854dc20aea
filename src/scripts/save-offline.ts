/** The "save the whole archive" button: sends the page list (and any search files not yet kept) to the service worker, shows progress. */
export async function enhanceSaveOffline(base: string) {
  const button = document.querySelector<HTMLButtonElement>('#save-offline');
  const status = document.querySelector<HTMLElement>('#save-offline-status');
  if (!button || !status || !('serviceWorker' in navigator)) return;
  const reg = await navigator.serviceWorker.ready;
  button.disabled = false;
  status.textContent = '';
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Preparing…';
    const { pages } = (await (await fetch(`${base}data/offline.json`)).json()) as { pages: string[] };
    // The search index's files, when the first visit left them out for their weight (src/lib/precache.ts).
    const { files } = (await (await fetch(`${base}offline-search.json`)).json()) as { files: string[] };
    const what = files.length ? 'pages and search files' : 'pages';
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<{ done: number; failed: number; total: number; finished?: boolean }>) => {
      const { done, failed, total, finished } = e.data;
      status.textContent = finished
        ? `Saved ${done - failed} of ${total} ${what} for offline reading.${failed ? ` ${failed} could not be fetched; try again online.` : ''}`
        : `Saving… ${done} of ${total}`;
      if (finished) button.disabled = false;
    };
    reg.active?.postMessage({ type: 'fc-save-all', urls: [...pages, ...files] }, [channel.port2]);
  });
}
