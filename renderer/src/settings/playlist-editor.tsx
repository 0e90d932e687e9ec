import { useId, useState } from 'react';
import { BOARD_KINDS, type BoardKind, type TenantInfo } from '../../../protocol/bridge/host-bridge';
import {
  describePlaylistIssues,
  namedPlaylistSchema,
  PLAYLIST_INTERVAL_MAX_SEC,
  PLAYLIST_INTERVAL_MIN_SEC,
  type NamedPlaylist,
  type PlaylistStep,
} from '../../../protocol/playlist';
import { useMessages } from '../app/app-stores';
import { useTenantName } from '../format/tenant-names';
import { Icon } from '../icons/icon';

export interface PlaylistEditorProps {
  /** The playlist being edited (a new one has a default name and no steps). */
  initial: NamedPlaylist;
  /** The restaurant groups the profile has: the only ones a step can show. */
  tenants: readonly TenantInfo[];
  /** Names already taken by other playlists (this device's and IT's). */
  takenNames: readonly string[];
  onSave(playlist: NamedPlaylist): void;
  onCancel(): void;
}

/**
 * The form for one playlist: name, seconds per board, and the ordered steps
 * (restaurant group × board), each movable and removable. Saving validates
 * with namedPlaylistSchema, the schema the URL, the policy file and IPC use.
 */
export function PlaylistEditor({
  initial,
  tenants,
  takenNames,
  onSave,
  onCancel,
}: PlaylistEditorProps) {
  const { t } = useMessages();
  const tenantDisplayName = useTenantName();
  const ids = { name: useId(), interval: useId(), hint: useId(), group: useId(), board: useId() };
  const [name, setName] = useState(initial.name);
  const [interval, setIntervalText] = useState(String(initial.intervalSec));
  const [steps, setSteps] = useState<PlaylistStep[]>(initial.steps);
  const [group, setGroup] = useState(tenants[0]?.id ?? '');
  const [board, setBoard] = useState<BoardKind>('overview');
  const [error, setError] = useState<string | null>(null);
  const groupName = (id: string) => {
    const tenant = tenants.find((candidate) => candidate.id === id);
    return tenant ? tenantDisplayName(tenant) : id;
  };
  const label = (step: PlaylistStep) =>
    t.playlists.stepLabel(groupName(step.tenant), t.boards[step.board]);
  const move = (index: number, by: -1 | 1) =>
    setSteps((current) => {
      const next = [...current];
      const [step] = next.splice(index, 1);
      if (step) next.splice(index + by, 0, step);
      return next;
    });
  const save = () => {
    const parsed = namedPlaylistSchema.safeParse({
      name,
      steps,
      intervalSec: interval.trim() === '' ? Number.NaN : Number(interval),
    });
    if (!parsed.success) {
      setError(
        steps.length === 0
          ? t.playlists.noSteps
          : t.playlists.invalid(describePlaylistIssues(parsed.error)),
      );
      return;
    }
    if (takenNames.includes(parsed.data.name)) {
      setError(t.playlists.nameTaken(parsed.data.name));
      return;
    }
    setError(null);
    onSave(parsed.data);
  };

  return (
    <form
      className="playlist-editor"
      // The schema's message, the same as the URL's and the policy's, rather than the browser's bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={ids.name}>{t.playlists.name}</label>
      <input
        id={ids.name}
        value={name}
        maxLength={80}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={ids.interval}>{t.playlists.interval}</label>
      <input
        id={ids.interval}
        type="number"
        inputMode="numeric"
        min={PLAYLIST_INTERVAL_MIN_SEC}
        max={PLAYLIST_INTERVAL_MAX_SEC}
        step={1}
        value={interval}
        aria-describedby={ids.hint}
        onChange={(event) => setIntervalText(event.target.value)}
      />
      <p id={ids.hint} className="hint">
        {t.playlists.intervalHint(PLAYLIST_INTERVAL_MIN_SEC, PLAYLIST_INTERVAL_MAX_SEC)}
      </p>
      <fieldset className="playlist-editor__steps">
        <legend>{t.playlists.steps}</legend>
        {steps.length === 0 ? (
          <p className="hint">{t.playlists.noSteps}</p>
        ) : (
          <ol>
            {steps.map((step, index) => (
              <li key={`${index}-${step.tenant}-${step.board}`}>
                {/* A flex item has no list marker, so the position is written out. */}
                <span className="playlist-editor__index" aria-hidden="true">
                  {index + 1}.
                </span>
                <span>
                  <bdi>{groupName(step.tenant)}</bdi> · {t.boards[step.board]}
                </span>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t.playlists.moveUp(label(step))}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t.playlists.moveDown(label(step))}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <Icon name="up" className="icon--flipped" />
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t.playlists.removeStep(label(step))}
                  onClick={() => setSteps((current) => current.filter((_, at) => at !== index))}
                >
                  <Icon name="cross" />
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="playlist-editor__add">
          <label htmlFor={ids.group}>{t.playlists.group}</label>
          <select id={ids.group} value={group} onChange={(event) => setGroup(event.target.value)}>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenantDisplayName(tenant)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.board}>{t.playlists.board}</label>
          <select
            id={ids.board}
            value={board}
            onChange={(event) => setBoard(event.target.value as BoardKind)}
          >
            {BOARD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.boards[kind]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={!group}
            onClick={() => setSteps((current) => [...current, { tenant: group, board }])}
          >
            {t.playlists.addStep}
          </button>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="button">
          {t.playlists.save}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t.playlists.cancel}
        </button>
      </div>
    </form>
  );
}
