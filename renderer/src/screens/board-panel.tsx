import type { BoardState } from '../../../protocol/board/board-state';
import type { BoardKind } from '../../../protocol/bridge/host-bridge';
import { FeedBoard } from '../boards/feed-board';
import { FloorBoard } from '../boards/floor-board';
import { InventoryBoard } from '../boards/inventory-board';
import { OrdersBoard } from '../boards/orders-board';
import { OverviewBoard } from '../boards/overview-board';
import { PaymentsBoard } from '../boards/payments-board';
import { useNow } from '../hooks/use-now';

/** Renders one board from a tenant's state; ages and windows tick with a 1 s clock. */
export function BoardContent({ board, state }: { board: BoardKind; state: BoardState }) {
  const now = useNow(1000);
  switch (board) {
    case 'orders':
      return <OrdersBoard state={state} now={now} />;
    case 'floor':
      return <FloorBoard state={state} now={now} />;
    case 'payments':
      return <PaymentsBoard state={state} now={now} />;
    case 'inventory':
      return <InventoryBoard state={state} />;
    case 'feed':
      return <FeedBoard state={state} />;
    default:
      return <OverviewBoard state={state} now={now} />;
  }
}
