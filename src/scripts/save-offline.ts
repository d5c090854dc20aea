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
    let pages: string[];
    let files: string[];
    try {
      const list = async <T>(url: string): Promise<T> => {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        return (await res.json()) as T;
      };
      ({ pages } = await list<{ pages: string[] }>(`${base}data/offline.json`));
      // The search index's files, when the first visit left them out for their weight (src/lib/precache.ts).
      ({ files } = await list<{ files: string[] }>(`${base}offline-search.json`));
    } catch {
      status.textContent = 'Could not read the list of pages to save. Try again when online.';
      button.disabled = false;
      return;
    }
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
