import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomically } from '../../node-shared/json-file';

/** A hub the user signs in to. No secrets: the password lives in the keychain. */
export interface Profile {
  id: string;
  hubUrl: string;
  username: string;
  displayName: string;
}

const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  hubUrl: z.string().regex(/^https?:\/\//),
  username: z.string().min(1).max(128),
  displayName: z.string().min(1).max(200),
});

const profilesFileSchema = z.strictObject({
  version: z.literal(1),
  profiles: z.array(profileSchema).max(100),
});

/** Stable id of a profile: the same hub and user always give the same id (and cache folder). */
export function profileIdOf(hubUrl: string, username: string): string {
  return createHash('sha256').update(`${hubUrl}#${username}`).digest('hex').slice(0, 16);
}

export interface ProfilesLog {
  warn(object: object, message: string): void;
}

/** `<dataDir>/profiles.json`: the list of profiles, read and written whole, atomically. */
export class ProfileStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly log: ProfilesLog,
  ) {
    this.file = join(dataDir, 'profiles.json');
  }

  /** The stored profiles; a damaged file is logged and read as empty (and replaced on the next save). */
  async list(): Promise<Profile[]> {
    const read = await readJsonFile(this.file);
    if (read.kind === 'missing') return [];
    if (read.kind === 'corrupt') {
      this.log.warn(
        { file: this.file, problem: read.reason },
        'profiles file is not JSON; starting with no profiles',
      );
      return [];
    }
    const parsed = profilesFileSchema.safeParse(read.value);
    if (!parsed.success) {
      this.log.warn(
        { file: this.file, problem: parsed.error.issues[0]?.message },
        'profiles file is not valid; starting with no profiles',
      );
      return [];
    }
    return parsed.data.profiles;
  }

  /** Adds or updates a profile (by hub and username) and returns it. */
  async upsert(input: {
    hubUrl: string;
    username: string;
    displayName?: string;
  }): Promise<Profile> {
    const profiles = await this.list();
    const id = profileIdOf(input.hubUrl, input.username);
    const existing = profiles.find((p) => p.id === id);
    const profile: Profile = {
      id,
      hubUrl: input.hubUrl,
      username: input.username,
      displayName:
        input.displayName ??
        existing?.displayName ??
        `${input.username} @ ${new URL(input.hubUrl).host}`,
    };
    const next = existing
      ? profiles.map((p) => (p.id === id ? profile : p))
      : [...profiles, profile];
    await writeJsonAtomically(this.file, { version: 1, profiles: next }, { createDir: true });
    return profile;
  }

  /** Removes a profile; returns it, or null when there was none. */
  async remove(id: string): Promise<Profile | null> {
    const profiles = await this.list();
    const found = profiles.find((p) => p.id === id) ?? null;
    if (found)
      await writeJsonAtomically(
        this.file,
        {
          version: 1,
          profiles: profiles.filter((p) => p.id !== id),
        },
        { createDir: true },
      );
    return found;
  }
}
