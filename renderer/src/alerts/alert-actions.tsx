import type { AlertRecord } from '../../../protocol/board/board-state';
import { ActionBar, OperatorActionButton } from '../actions/action-controls';
import { useActionAvailability } from '../actions/action-availability';
import { useMessages } from '../app/app-stores';

/**
 * Acknowledge and Resolve for one alert, for a user with `operate` on the desktop
 * (nothing otherwise). Acknowledging takes it out of every banner and wall band
 * (an acknowledged alert is no longer active); resolving closes it. Acknowledge
 * is left out once the alert is acknowledged; both once it is resolved.
 */
export function AlertActions({
  alert,
  className,
  compact = false,
}: {
  alert: AlertRecord;
  className?: string;
  /** Leave out the "actions are off" line (a Feed row); the buttons' tooltip still says why. */
  compact?: boolean;
}) {
  const availability = useActionAvailability();
  const { t } = useMessages();
  if (!availability || alert.resolvedAt !== undefined) return null;
  const { tenant, disabledReason } = availability;
  return (
    <ActionBar
      disabledReason={disabledReason}
      compact={compact}
      className={`alert-actions${className ? ` ${className}` : ''}`}
    >
      {alert.acknowledgedAt === undefined && (
        <OperatorActionButton
          tenant={tenant}
          action="alert.acknowledge"
          target={alert.id}
          label={t.actions.acknowledge}
          disabledReason={disabledReason}
          primary
        />
      )}
      <OperatorActionButton
        tenant={tenant}
        action="alert.resolve"
        target={alert.id}
        label={t.actions.resolve}
        disabledReason={disabledReason}
      />
    </ActionBar>
  );
}
