import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';

/**
 * Sign in: pick a saved profile, or enter hub URL, username and password.
 * In the browser host the hub is the page's own origin, so its field is hidden.
 * The password lives only in this form's state and is cleared after each try.
 */
export function SignInScreen() {
  const { session, bridge } = useAppStores();
  const { t } = useMessages();
  const appInfo = useStore(session, (state) => state.appInfo);
  const profiles = useStore(session, (state) => state.profiles);
  const busy = useStore(session, (state) => state.busy);
  const error = useStore(session, (state) => state.error);
  const fixedHub = appInfo?.host === 'browser';
  const [hubUrl, setHubUrl] = useState(profiles[0]?.hubUrl ?? '');
  const [username, setUsername] = useState(profiles[0]?.username ?? '');
  const [password, setPassword] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);
  const ids = { hub: useId(), user: useId(), pass: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const secret = password;
    setPassword('');
    await session.getState().signIn({
      hubUrl: fixedHub ? window.location.origin : hubUrl.trim(),
      username: username.trim(),
      password: secret,
    });
  };

  const hostHub = async () => {
    setHostError(null);
    const result = await bridge.hostedHub.start({ demo: true });
    if (result.ok) await session.getState().load();
    else setHostError(t.signIn.hostHubFailed(result.error.message));
  };

  const saved = fixedHub ? [] : profiles;
  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <h1>{t.signIn.title}</h1>
      {saved.length > 0 && (
        <section aria-labelledby="profiles-title" className="panel">
          <h2 id="profiles-title">{t.signIn.profiles}</h2>
          <ul className="profile-list">
            {saved.map((profile) => (
              <li key={profile.id}>
                {profile.signedIn ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => session.getState().chooseProfile(profile.id)}
                  >
                    {t.signIn.continueAs(profile.displayName || profile.username, profile.hubUrl)}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      setHubUrl(profile.hubUrl);
                      setUsername(profile.username);
                    }}
                  >
                    {t.signIn.useProfile(
                      `${profile.displayName || profile.username} (${profile.hubUrl})`,
                    )}
                  </button>
                )}
                {profile.sessionOnlyWarning && <p className="hint">{profile.sessionOnlyWarning}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="panel form" onSubmit={(event) => void submit(event)}>
        {!fixedHub && (
          <div className="field">
            <label htmlFor={ids.hub}>{t.signIn.hubUrl}</label>
            <input
              id={ids.hub}
              type="url"
              required
              inputMode="url"
              autoComplete="url"
              placeholder="https://hub.example.com"
              value={hubUrl}
              onChange={(event) => setHubUrl(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.user}>{t.signIn.username}</label>
          <input
            id={ids.user}
            required
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.pass}>{t.signIn.password}</label>
          <input
            id={ids.pass}
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error && (
          <p role="alert" className="inline-error">
            {t.signIn.failed(error.message)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
      </form>
      {appInfo?.canHostHub && (
        <section className="panel">
          <button type="button" className="button" onClick={() => void hostHub()}>
            {t.signIn.hostHub}
          </button>
          <p className="hint">{t.signIn.hostHubHint}</p>
          {hostError && (
            <p role="alert" className="inline-error">
              {hostError}
            </p>
          )}
        </section>
      )}
    </main>
  );
}
