import { useEffect } from 'react';
import { useStore } from 'zustand';
import { StatusBar } from '../components/status-bar';
import { LanguageSwitcher } from '../components/language-switcher';
import { useTenantName } from '../format/tenant-names';
import { applyDocumentLocale } from '../i18n/locale';
import { useHashRoute } from '../routing/use-hash-route';
import { isSettingsHash, SettingsScreen } from '../screens/settings-screen';
import { SignInScreen } from '../screens/sign-in-screen';
import { TenantPicker } from '../screens/tenant-picker';
import { TenantScreen } from '../screens/tenant-screen';
import { NamedPlaylistWall } from '../wall/named-playlist-wall';
import { useAppStores, useMessages } from './app-stores';
import { useDocumentTitle } from './document-title';

/**
 * The whole window: sign-in, tenant picker or a tenant's boards, chosen from the
 * session and the hash route, with the link status bar always at the bottom.
 */
export function App({ notice }: { notice?: string }) {
  const { session, prefs } = useAppStores();
  const phase = useStore(session, (state) => state.phase);
  const tenants = useStore(session, (state) => state.tenants);
  const locale = useStore(prefs, (state) => state.locale);
  const { t } = useMessages();
  const [route, navigate] = useHashRoute();
  const tenantName = useTenantName();

  useEffect(() => {
    void session.getState().load();
  }, [session]);

  useEffect(() => applyDocumentLocale(locale), [locale]);

  const wall = phase === 'signed_in' && route.wall && route.tenant !== null;
  useEffect(() => {
    // The cursor and scrollbars live on the root element, so wall mode is set there too.
    document.documentElement.classList.toggle('wall', wall);
  }, [wall]);

  // A person with one tenant has nothing to pick: go straight to its Overview.
  const only = tenants.length === 1 ? tenants[0] : undefined;
  useEffect(() => {
    if (phase === 'signed_in' && route.tenant === null && !route.wall && only)
      navigate({ ...route, tenant: only.id, board: 'overview' }, { replace: true });
  }, [phase, route, only, navigate]);

  const openTenant =
    phase === 'signed_in' && route.tenant !== null
      ? (tenants.find((candidate) => candidate.id === route.tenant) ?? null)
      : null;
  const openName = openTenant ? tenantName(openTenant) : null;
  useDocumentTitle(openName === null ? [t.appName] : [openName, t.boards[route.board], t.appName]);
  let screen;
  // useHashRoute re-renders on every hash change, so the raw hash is current here.
  if (isSettingsHash(window.location.hash)) screen = <SettingsScreen />;
  else if (phase === 'loading')
    screen = (
      <main id="main" className="empty">
        {t.freshness.loading}
      </main>
    );
  else if (phase === 'signed_out') screen = <SignInScreen />;
  else if (route.tenant === null && route.wall)
    screen = <NamedPlaylistWall route={route} navigate={navigate} />;
  else if (route.tenant === null)
    screen = only ? (
      <main id="main" className="empty">
        {t.freshness.loading}
      </main>
    ) : (
      <TenantPicker />
    );
  else {
    screen = openTenant ? (
      <TenantScreen
        route={{ ...route, tenant: openTenant.id }}
        tenantName={openName ?? openTenant.id}
        navigate={navigate}
      />
    ) : (
      <TenantPicker notice={t.tenants.notGranted(route.tenant)} />
    );
  }

  return (
    <div className={`app${wall ? ' app--wall' : ''}`}>
      {notice && !wall && <div className="banner banner--info">{notice}</div>}
      {phase !== 'signed_in' && (
        <div className="app-corner">
          <LanguageSwitcher />
        </div>
      )}
      {screen}
      <StatusBar
        tenant={openTenant?.id ?? null}
        compact={wall}
        {...(phase === 'signed_in' ? { onSignIn: () => session.getState().requireSignIn() } : {})}
      />
    </div>
  );
}
