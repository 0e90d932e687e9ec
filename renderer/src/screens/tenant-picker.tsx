import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';
import { useTenantName } from '../format/tenant-names';
import { formatRoute } from '../routing/hash-route';

/** The tenants the signed-in profile may open, as plain links so they also open in new tabs. */
export function TenantPicker({ notice }: { notice?: string }) {
  const { session } = useAppStores();
  const tenants = useStore(session, (state) => state.tenants);
  const { t } = useMessages();
  const tenantName = useTenantName();
  return (
    <main id="main" className="tenant-picker" tabIndex={-1}>
      <h1>{t.tenants.title}</h1>
      {notice && (
        <p role="alert" className="inline-error">
          {notice}
        </p>
      )}
      {tenants.length === 0 ? (
        <p className="empty">{t.tenants.none}</p>
      ) : (
        <ul className="tenant-list">
          {tenants.map((tenant) => (
            <li key={tenant.id}>
              <a
                className="tenant-link"
                href={formatRoute({
                  tenant: tenant.id,
                  board: 'overview',
                  wall: false,
                  playlist: null,
                })}
              >
                <span className="tenant-link__name">
                  <bdi>{tenantName(tenant)}</bdi>
                </span>
                <span className="tenant-link__id">{tenant.id}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void session.getState().signOut()}
      >
        {t.signIn.signOut}
      </button>
    </main>
  );
}
