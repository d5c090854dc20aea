/** The "save the whole archive" button: sends the page list to the service worker, shows progress. */
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
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<{ done: number; failed: number; total: number; finished?: boolean }>) => {
      const { done, failed, total, finished } = e.data;
      status.textContent = finished
        ? `Saved ${done - failed} of ${total} pages for offline reading.${failed ? ` ${failed} could not be fetched; try again online.` : ''}`
        : `Saving… ${done} of ${total}`;
      if (finished) button.disabled = false;
    };
    reg.active?.postMessage({ type: 'fc-save-all', urls: pages }, [channel.port2]);
  });
}
