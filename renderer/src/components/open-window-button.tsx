import { useState } from 'react';
import { useStore } from 'zustand';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import { useAppStores, useMessages } from '../app/app-stores';
import { formatRoute } from '../routing/hash-route';
import { Icon } from '../icons/icon';

/**
 * "Open in new window": a native window through the host when it can
 * (`canOpenWindows`), else a new browser tab on the board's hash route.
 */
export function OpenWindowButton({ tenant, board }: { tenant: string; board: BoardKind }) {
  const { bridge, session } = useAppStores();
  const canOpenWindows = useStore(session, (state) => state.appInfo?.canOpenWindows ?? false);
  const { t } = useMessages();
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    if (!canOpenWindows) {
      const hash = formatRoute({ tenant, board, wall: false, playlist: null });
      window.open(
        `${window.location.pathname}${window.location.search}${hash}`,
        '_blank',
        'noopener',
      );
      return;
    }
    const result = await bridge.windows.open(tenant, board);
    if (!result.ok) setError(t.openInNewWindowFailed(result.error.message));
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={() => void open()}>
        <Icon name="external" />
        {t.openInNewWindow}
      </button>
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </>
  );
}
