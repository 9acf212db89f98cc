// The Lua scripts of the Redis limit store. Each runs atomically in Redis, on Redis's own clock (TIME),
// so that every client of a key, on any machine, counts on one clock and no two clients can take the
// same slot. The accounting is the in-memory store's (memory-limit-store.ts). Data, under the key `K`:
//   K:window       sorted set: one member per call in the window, scored +inf while the call is in
//                  flight and by when it ended (ms) afterwards; it leaves the window `windowMs` later
//   K:leases       sorted set: one member per call in flight, scored by when its lease lapses (ms)
//   K:quota:DAY    counter: call starts in Marketo's quota day DAY
// A request whose answer is lost (a timeout) is taken back by RETRACT_SCRIPT before the next one.
// A lapsed lease (its process died or stalled) ends its call: it counts in the window from then on.
// Empty sorted sets vanish by themselves; each key also expires once nothing in it can matter any more.

/** Shared prologue: Redis's time in ms (scripts that read TIME and then write need effect replication, the default since Redis 7). */
const NOW = `
if redis.replicate_commands then pcall(redis.replicate_commands) end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function keepFor(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end
`;

/**
 * Grants up to `wanted` call starts.
 * KEYS: window, leases, quota. ARGV: wanted, calls (0: no rate limit), windowMs, concurrency, leaseMs,
 * dailyQuota (0: none), quota expiry (epoch ms), lease id prefix.
 * Returns { granted, retryAfterMs, quotaExhausted (0/1) }: the leases are `prefix:1` .. `prefix:granted`.
 */
export const ACQUIRE_SCRIPT = `${NOW}
local wanted = tonumber(ARGV[1])
local calls = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local concurrency = tonumber(ARGV[4])
local leaseMs = tonumber(ARGV[5])
local quota = tonumber(ARGV[6])
local quotaExpiresAt = tonumber(ARGV[7])
local prefix = ARGV[8]

local lapsed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, id in ipairs(lapsed) do redis.call('ZADD', KEYS[1], 'XX', now, id) end
if #lapsed > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now) end

local inFlight = redis.call('ZCARD', KEYS[2])
local room = concurrency - inFlight
local counted = 0
if calls > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
  counted = redis.call('ZCARD', KEYS[1])
  room = math.min(room, calls - counted)
end
local quotaLeft = -1
if quota > 0 then
  quotaLeft = quota - tonumber(redis.call('GET', KEYS[3]) or '0')
  room = math.min(room, quotaLeft)
end

local granted = math.max(0, math.min(wanted, room))
for i = 1, granted do
  local id = prefix .. ':' .. i
  if calls > 0 then redis.call('ZADD', KEYS[1], '+inf', id) end
  redis.call('ZADD', KEYS[2], now + leaseMs, id)
end
if granted > 0 then
  -- Never shortened: clients of a key with a longer window or lease must not lose their entries.
  if calls > 0 then keepFor(KEYS[1], windowMs + leaseMs + 1000) end
  keepFor(KEYS[2], leaseMs + 1000)
  if quota > 0 then
    redis.call('INCRBY', KEYS[3], granted)
    redis.call('PEXPIREAT', KEYS[3], quotaExpiresAt)
  end
end

if quota > 0 and quotaLeft - granted <= 0 then return { granted, 0, 1 } end
if room - granted > 0 then return { granted, 0, 0 } end
-- Full. The window frees a start when enough ended calls have left it; a call in flight frees one when
-- it ends, which is announced, or when its lease lapses, which is not: wait for the first lapse then.
local retryAfter = 0
local waitForCalls = inFlight + granted >= concurrency
if calls > 0 and counted + granted >= calls then
  local index = counted + granted - calls
  local entry = redis.call('ZRANGE', KEYS[1], index, index, 'WITHSCORES')
  local endedAt = tonumber(entry[2])
  if endedAt == nil or endedAt == math.huge then waitForCalls = true
  else retryAfter = endedAt + windowMs - now end
end
if waitForCalls then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if first[2] then retryAfter = math.max(retryAfter, tonumber(first[2]) - now) end
end
return { granted, math.max(1, retryAfter), 0 }
`;

/**
 * Ends calls: their leases go, and they count in the window from now; the freed slots are announced.
 * KEYS: window, leases. ARGV: channel, windowMs, lease ids... Returns the number of leases removed.
 */
export const RELEASE_SCRIPT = `${NOW}
local removed = 0
for i = 3, #ARGV do
  removed = removed + redis.call('ZREM', KEYS[2], ARGV[i])
  redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i])
end
keepFor(KEYS[1], tonumber(ARGV[2]) + 1000)
if removed > 0 then redis.call('PUBLISH', ARGV[1], removed) end
return removed
`;

/**
 * Extends the leases of calls still in flight, by `leaseMs` from now (a lease that lapsed while its call
 * still ran is put back, and its window entry counts as in flight again, so the counts stay true).
 * KEYS: window, leases. ARGV: leaseMs, lease ids... Returns the number renewed.
 */
export const RENEW_SCRIPT = `${NOW}
local leaseMs = tonumber(ARGV[1])
for i = 2, #ARGV do
  redis.call('ZADD', KEYS[2], now + leaseMs, ARGV[i])
  redis.call('ZADD', KEYS[1], 'XX', '+inf', ARGV[i])
end
keepFor(KEYS[2], leaseMs + 1000)
if redis.call('EXISTS', KEYS[1]) == 1 then keepFor(KEYS[1], leaseMs + 1000) end
return #ARGV - 1
`;

/**
 * Takes back the starts of a request whose answer never reached its client (a command timeout, a lost
 * connection): Redis may have granted them, but no call will use them. Each lease `prefix:1..wanted`
 * still in the leases or the window is removed, the quota gets those starts back (when the request
 * counted them) and freed slots are announced. Run on the connection the request went on, so Redis has
 * run the request (if it ever will) before this.
 * KEYS: window, leases, quota. ARGV: channel, lease id prefix, wanted, counted in quota (0/1).
 * Returns the number of starts taken back.
 */
export const RETRACT_SCRIPT = `
local prefix = ARGV[2]
local taken = 0
local freed = 0
for i = 1, tonumber(ARGV[3]) do
  local id = prefix .. ':' .. i
  local lease = redis.call('ZREM', KEYS[2], id)
  local counted = redis.call('ZREM', KEYS[1], id)
  freed = freed + lease
  if lease + counted > 0 then taken = taken + 1 end
end
if taken > 0 and ARGV[4] == '1' then
  local back = math.min(taken, tonumber(redis.call('GET', KEYS[3]) or '0'))
  if back > 0 then redis.call('DECRBY', KEYS[3], back) end
end
if freed > 0 then redis.call('PUBLISH', ARGV[1], freed) end
return taken
`;
