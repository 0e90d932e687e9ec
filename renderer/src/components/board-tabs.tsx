import { useRef, type KeyboardEvent } from 'react';
import { BOARD_KINDS, type BoardKind } from '../../../protocol/bridge/host-bridge';
import { useMessages } from '../app/app-stores';

/** The id of the tab panel the tabs control; TenantScreen renders it. */
export const BOARD_PANEL_ID = 'board-panel';

export function boardTabId(board: BoardKind): string {
  return `tab-${board}`;
}

/**
 * Board tabs as a real WAI-ARIA tablist: one tab in the tab order, arrow keys
 * (flipped in RTL), Home and End move between tabs and select them.
 */
export function BoardTabs({
  board,
  onSelect,
}: {
  board: BoardKind;
  onSelect: (board: BoardKind) => void;
}) {
  const { t } = useMessages();
  const refs = useRef(new Map<BoardKind, HTMLButtonElement>());
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const index = BOARD_KINDS.indexOf(board);
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === forward) next = (index + 1) % BOARD_KINDS.length;
    else if (event.key === backward) next = (index - 1 + BOARD_KINDS.length) % BOARD_KINDS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = BOARD_KINDS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = BOARD_KINDS[next] as BoardKind;
    onSelect(target);
    refs.current.get(target)?.focus();
  };
  return (
    <div role="tablist" aria-label={t.boardTabs} className="tabs" onKeyDown={move}>
      {BOARD_KINDS.map((kind) => (
        <button
          key={kind}
          ref={(element) => {
            if (element) refs.current.set(kind, element);
            else refs.current.delete(kind);
          }}
          type="button"
          role="tab"
          id={boardTabId(kind)}
          aria-selected={kind === board}
          aria-controls={BOARD_PANEL_ID}
          tabIndex={kind === board ? 0 : -1}
          className="tab"
          onClick={() => onSelect(kind)}
        >
          {t.boards[kind]}
        </button>
      ))}
    </div>
  );
}
