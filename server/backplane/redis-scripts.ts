/**
 * Lua scripts of the Redis backplane. Each runs atomically, so seq assignment,
 * append, trim, dedup and notification can never interleave between instances.
 * KEYS for the log scripts are always: seq, stream, epoch, dedup (see redis-keys.ts).
 * @internal
 */

// A missing seq or epoch key means the tenant's history was lost (or never
// existed): start a new epoch so no client trusts seqs from the old one, and
// drop any leftover stream so seqs can never be reused under the new epoch.
const ENSURE_HEAD = `
local function ensure_head(candidate)
  local epoch = redis.call('GET', KEYS[3])
  local seq = redis.call('GET', KEYS[1])
  if epoch and seq then return epoch, tonumber(seq) end
  redis.call('SET', KEYS[3], candidate)
  if seq then
    seq = tonumber(seq)
  else
    seq = 0
    redis.call('SET', KEYS[1], 0)
  end
  redis.call('DEL', KEYS[2], KEYS[4])
  return candidate, seq
end
`;

/**
 * ARGV: acceptedAt, maxEvents, maxAgeMs, candidateEpoch, channel, then (id, eventJson) pairs.
 * Returns {epoch, duplicates, lastSeq, index...}: 1-based input indexes of the accepted
 * events, which got seqs lastSeq - #accepted + 1 .. lastSeq in order.
 */
export const APPEND_SCRIPT = `${ENSURE_HEAD}
local epoch, seq = ensure_head(ARGV[4])
local acceptedAt = ARGV[1]
local maxEvents = tonumber(ARGV[2])
local maxAgeMs = tonumber(ARGV[3])
local result = {epoch, 0, 0}
local parts = {}
local dups = 0
for i = 6, #ARGV, 2 do
  local id = ARGV[i]
  if redis.call('ZSCORE', KEYS[4], id) then
    dups = dups + 1
  else
    seq = seq + 1
    redis.call('XADD', KEYS[2], seq .. '-0', 't', acceptedAt, 'e', ARGV[i + 1])
    redis.call('ZADD', KEYS[4], seq, id)
    result[#result + 1] = (i - 4) / 2
    parts[#parts + 1] = '{"seq":' .. seq .. ',"ts":' .. acceptedAt .. ',"event":' .. ARGV[i + 1] .. '}'
  end
end
result[2] = dups
result[3] = seq
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
 * ARGV: candidateEpoch, afterSeq, wantedEpoch ('' for any), limit (0 for all).
 * Returns {epoch, headSeq, complete(0|1), then (seq, ts, eventJson) triples}.
 * Incomplete when the epoch differs, afterSeq is past the head, or afterSeq + 1 is trimmed.
 */
export const READ_AFTER_SCRIPT = `${ENSURE_HEAD}
local epoch, seq = ensure_head(ARGV[1])
local after = tonumber(ARGV[2])
if (ARGV[3] ~= '' and ARGV[3] ~= epoch) or after > seq then return {epoch, seq, 0} end
if after == seq then return {epoch, seq, 1} end
local entries
local limit = tonumber(ARGV[4])
if limit > 0 then
  entries = redis.call('XRANGE', KEYS[2], (after + 1) .. '-0', '+', 'COUNT', limit)
else
  entries = redis.call('XRANGE', KEYS[2], (after + 1) .. '-0', '+')
end
if #entries == 0 or tonumber(string.match(entries[1][1], '^(%d+)')) ~= after + 1 then return {epoch, seq, 0} end
local result = {epoch, seq, 1}
for _, entry in ipairs(entries) do
  result[#result + 1] = tonumber(string.match(entry[1], '^(%d+)'))
  result[#result + 1] = entry[2][2]
  result[#result + 1] = entry[2][4]
end
return result
`;

/**
 * KEYS: ckpt, epoch. ARGV: seq, epoch, payload (`<seq> <epoch> <savedAt> <state>`).
 * Saves only for the current epoch, and only over an older checkpoint or one of another epoch.
 * Returns 1 when saved, 0 when kept.
 */
export const SAVE_CHECKPOINT_SCRIPT = `
local current = redis.call('GET', KEYS[2])
if current ~= ARGV[2] then return 0 end
local stored = redis.call('GET', KEYS[1])
if stored then
  local storedSeq, storedEpoch = string.match(stored, '^(%d+) (%S+) ')
  if storedEpoch == current and tonumber(storedSeq) >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[3])
return 1
`;
