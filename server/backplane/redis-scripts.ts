/**
 * Lua scripts of the Redis backplane. Each runs atomically, so seq assignment,
 * append, trim, dedup and notification can never interleave between instances.
 * KEYS for the log scripts are always: seq, stream, epoch, dedup, ckpt (see redis-keys.ts).
 * @internal
 */

// A missing seq or epoch key means the tenant's history was lost (or never
// existed): start a new epoch so no client trusts seqs from the old one, and
// drop any leftover stream so seqs can never be reused under the new epoch.
//
// A tenant that never received an event costs nothing persistent: a read
// (provisionalTtl > 0) creates only the epoch key, with that expiry, and renews it
// on every later read, so every hub reading the tenant meanwhile agrees on it. Such
// a provisional head (an epoch key with a TTL and no seq key) stands for seq 0. The
// first append makes it permanent (PERSIST, seq 0), so the epoch that readers were
// told is the one the events get. If it expires first, the next call starts another
// epoch and feeds resync their listeners to it, as for any epoch change: nothing
// was lost, since nothing was ever appended under it.
//
// A stored head behind what the caller already saw of the same epoch (knownEpoch,
// knownSeq) means history went backwards: a replica that lagged was promoted, or
// Redis restarted from an older snapshot. Appending on would give the lost seqs
// to new events, so a new epoch starts here, atomically: every other hub's script
// then sees an epoch it does not know and resyncs, and a second hub noticing the
// same loss finds the epoch already changed, so all end up on this one. The
// surviving stream and dedup entries stay (renamed into the new epoch by the epoch
// key alone), and a checkpoint of the surviving prefix is carried over.
// Sets rewound to the seq the caller knew, for the reply.
const ENSURE_HEAD = `
local rewound = 0
local function ensure_head(candidate, knownEpoch, knownSeq, provisionalTtl)
  local epoch = redis.call('GET', KEYS[3])
  local seq = redis.call('GET', KEYS[1])
  local provisional = epoch and not seq and redis.call('PTTL', KEYS[3]) > 0
  if provisional then seq = 0 end
  if epoch and seq then
    seq = tonumber(seq)
    if epoch ~= knownEpoch or seq >= knownSeq then
      if provisional and provisionalTtl > 0 then
        redis.call('PEXPIRE', KEYS[3], provisionalTtl)
      elseif provisional then
        redis.call('PERSIST', KEYS[3])
        redis.call('SET', KEYS[1], 0)
      end
      return epoch, seq
    end
    redis.call('SET', KEYS[3], candidate)
    if provisional then redis.call('SET', KEYS[1], 0) end
    rewound = knownSeq
    local ckpt = redis.call('GET', KEYS[5])
    if ckpt then
      local ckptSeq, ckptEpoch, rest = string.match(ckpt, '^(%d+) (%S+) (.*)$')
      if ckptEpoch == epoch and ckptSeq and tonumber(ckptSeq) <= seq then
        redis.call('SET', KEYS[5], ckptSeq .. ' ' .. candidate .. ' ' .. rest)
      else
        redis.call('DEL', KEYS[5])
      end
    end
    return candidate, seq
  end
  redis.call('DEL', KEYS[2], KEYS[4])
  if not seq and provisionalTtl > 0 then
    redis.call('SET', KEYS[3], candidate, 'PX', provisionalTtl)
    return candidate, 0
  end
  redis.call('SET', KEYS[3], candidate)
  if seq then
    seq = tonumber(seq)
  else
    seq = 0
    redis.call('SET', KEYS[1], 0)
  end
  return candidate, seq
end
`;

/**
 * ARGV: acceptedAt, maxEvents, maxAgeMs, candidateEpoch, channel, knownEpoch, knownSeq,
 * then (id, eventJson) pairs.
 * Returns {epoch, duplicates, lastSeq, rewound, index..., (dupIndex, dupSeq)...}: rewound is the
 * seq the caller knew when this call found history gone backwards (else 0); indexes are 1-based
 * input indexes of the accepted events, which got seqs lastSeq - #accepted + 1 .. lastSeq in
 * order; the last 2 × duplicates entries name each dropped input (1-based) and the seq its id
 * was first accepted under (its score in the dedup ZSET).
 */
export const APPEND_SCRIPT = `${ENSURE_HEAD}
local epoch, seq = ensure_head(ARGV[4], ARGV[6], tonumber(ARGV[7]), 0)
local acceptedAt = ARGV[1]
local maxEvents = tonumber(ARGV[2])
local maxAgeMs = tonumber(ARGV[3])
local result = {epoch, 0, 0, rewound}
local parts = {}
local dups = 0
local dupSeqs = {}
for i = 8, #ARGV, 2 do
  local id = ARGV[i]
  local firstSeq = redis.call('ZSCORE', KEYS[4], id)
  if firstSeq then
    dups = dups + 1
    dupSeqs[#dupSeqs + 1] = (i - 6) / 2
    dupSeqs[#dupSeqs + 1] = tonumber(firstSeq)
  else
    seq = seq + 1
    redis.call('XADD', KEYS[2], seq .. '-0', 't', acceptedAt, 'e', ARGV[i + 1])
    redis.call('ZADD', KEYS[4], seq, id)
    result[#result + 1] = (i - 6) / 2
    parts[#parts + 1] = '{"seq":' .. seq .. ',"ts":' .. acceptedAt .. ',"event":' .. ARGV[i + 1] .. '}'
  end
end
result[2] = dups
result[3] = seq
for _, value in ipairs(dupSeqs) do result[#result + 1] = value end
if #parts == 0 then return result end
redis.call('SET', KEYS[1], seq)

-- Trim by count, then by age: entries carry their acceptance time in field t.
-- The age scan is bounded per call; what is left is trimmed by later appends.
local minSeq = seq - maxEvents + 1
local cutoff = tonumber(acceptedAt) - maxAgeMs
local cursor = math.max(1, minSeq) .. '-0'
-- The first page is a single entry: usually the oldest one is young and we stop there.
local pageSize = 1
for _ = 1, 20 do
  local entries = redis.call('XRANGE', KEYS[2], cursor, '+', 'COUNT', pageSize)
  local young = false
  for _, entry in ipairs(entries) do
    if tonumber(entry[2][2]) >= cutoff then
      young = true
      break
    end
    local entrySeq = tonumber(string.match(entry[1], '^(%d+)'))
    if entrySeq + 1 > minSeq then minSeq = entrySeq + 1 end
  end
  if young or #entries < pageSize then break end
  cursor = '(' .. entries[#entries][1]
  pageSize = 100
end
if minSeq > 1 then
  redis.call('XTRIM', KEYS[2], 'MINID', minSeq .. '-0')
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. minSeq)
end
redis.call('SPUBLISH', ARGV[5], '{"epoch":"' .. epoch .. '","events":[' .. table.concat(parts, ',') .. ']}')
return result
`;

/**
 * ARGV: candidateEpoch, afterSeq, wantedEpoch ('' for any), limit (0 for all), knownEpoch, knownSeq,
 * provisionalTtlMs (expiry of a head this read creates or renews for a tenant with no event yet).
 * Returns {epoch, headSeq, complete(0|1), rewound, then (seq, ts, eventJson) triples}.
 * Incomplete when the epoch differs, afterSeq is past the head, or afterSeq + 1 is trimmed.
 */
export const READ_AFTER_SCRIPT = `${ENSURE_HEAD}
local epoch, seq = ensure_head(ARGV[1], ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7]))
local after = tonumber(ARGV[2])
if (ARGV[3] ~= '' and ARGV[3] ~= epoch) or after > seq then return {epoch, seq, 0, rewound} end
if after == seq then return {epoch, seq, 1, rewound} end
local entries
local limit = tonumber(ARGV[4])
if limit > 0 then
  entries = redis.call('XRANGE', KEYS[2], (after + 1) .. '-0', '+', 'COUNT', limit)
else
  entries = redis.call('XRANGE', KEYS[2], (after + 1) .. '-0', '+')
end
if #entries == 0 or tonumber(string.match(entries[1][1], '^(%d+)')) ~= after + 1 then return {epoch, seq, 0, rewound} end
local result = {epoch, seq, 1, rewound}
for _, entry in ipairs(entries) do
  result[#result + 1] = tonumber(string.match(entry[1], '^(%d+)'))
  result[#result + 1] = entry[2][2]
  result[#result + 1] = entry[2][4]
end
return result
`;

/**
 * KEYS: ckpt, epoch. ARGV: seq, epoch, payload (`<seq> <epoch> <savedAt> <state>`).
 * Saves only for the current epoch, and only over an older checkpoint or one of another epoch;
 * never for a provisional head (a tenant with no event yet), which must stay temporary.
 * (A checkpoint past the head, saved before a rewind was noticed, is dropped by ensure_head.)
 * Returns 1 when saved, 0 when kept.
 */
export const SAVE_CHECKPOINT_SCRIPT = `
local current = redis.call('GET', KEYS[2])
if current ~= ARGV[2] then return 0 end
-- A provisional head (see ensure_head) has no event yet: nothing worth keeping for good.
if redis.call('PTTL', KEYS[2]) > 0 then return 0 end
local stored = redis.call('GET', KEYS[1])
if stored then
  local storedSeq, storedEpoch = string.match(stored, '^(%d+) (%S+) ')
  if storedEpoch == current and tonumber(storedSeq) >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[3])
return 1
`;
