import type { BoardState } from '../../../protocol/board/board-state';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import { FeedBoard } from '../boards/feed-board';
import { FloorBoard } from '../boards/floor-board';
import { InventoryBoard } from '../boards/inventory-board';
import { OrdersBoard } from '../boards/orders-board';
import { OverviewBoard } from '../boards/overview-board';
import { PaymentsBoard } from '../boards/payments-board';
import { LocationNamesProvider } from '../format/location-names';

/**
 * Renders one board from a tenant's state. Boards read the shared clock
 * themselves, in the small parts that show a time, so a 1 s tick never
 * re-renders a whole board.
 */
export function BoardContent({
  board,
  state,
  wall = false,
}: {
  board: BoardKind;
  state: BoardState;
  wall?: boolean;
}) {
  return (
    <LocationNamesProvider state={state}>
      <Board board={board} state={state} wall={wall} />
    </LocationNamesProvider>
  );
}

function Board({ board, state, wall }: { board: BoardKind; state: BoardState; wall: boolean }) {
  switch (board) {
    case 'orders':
      return <OrdersBoard state={state} wall={wall} />;
    case 'floor':
      return <FloorBoard state={state} wall={wall} />;
    case 'payments':
      return <PaymentsBoard state={state} wall={wall} />;
    case 'inventory':
      return <InventoryBoard state={state} wall={wall} />;
    case 'feed':
      return <FeedBoard state={state} wall={wall} />;
    default:
      return <OverviewBoard state={state} wall={wall} />;
  }
}
