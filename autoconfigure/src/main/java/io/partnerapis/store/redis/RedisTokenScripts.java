/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.store.redis;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that make each operation of {@link RedisPartnerTokenStore} that reads
 * and then writes atomic, so that instances sharing a Redis never interleave inside one.
 */
final class RedisTokenScripts {

	/**
	 * Saves and announces a token unless the key holds one written with a key id (or in
	 * clear) that the saving instance cannot read: answers an empty string when it saved,
	 * else the key id found, and leaves that token in place.
	 */
	static final RedisScript<String> SAVE = RedisScript.of("""
			local v = redis.call('GET', KEYS[1])
			if v then
			  local found = string.match(v, '^%S+ (%S+) ')
			  if found then
			    local readable = false
			    for i = 5, #ARGV do
			      if ARGV[i] == found then
			        readable = true
			      end
			    end
			    if not readable then
			      return found
			    end
			  end
			end
			if tonumber(ARGV[2]) > 0 then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			else
			  redis.call('SET', KEYS[1], ARGV[1])
			end
			redis.call('PUBLISH', ARGV[3], ARGV[4])
			return ''""", String.class);

	static final RedisScript<Long> REMOVE_IF_DIGEST = RedisScript.of("""
			local v = redis.call('GET', KEYS[1])
			if v and string.sub(v, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. ' ' then
			  return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	static final RedisScript<Long> LEASE = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
			  return 1
			end
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  return 1
			end
			return 0""", Long.class);

	static final RedisScript<Long> RELEASE_IF_HELD = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	static final RedisScript<Long> LEASE_TIME_LEFT = RedisScript.of("return redis.call('PTTL', KEYS[1])", Long.class);

	/**
	 * Reserves a request unless the count reached the limit: answers the new count, or
	 * minus one minus the count when it refuses.
	 */
	static final RedisScript<Long> RESERVE = RedisScript.of("""
			local c = tonumber(redis.call('GET', KEYS[1]) or '0')
			if c >= tonumber(ARGV[2]) then
			  return -1 - c
			end
			c = redis.call('INCR', KEYS[1])
			if c == 1 then
			  redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			end
			return c""", Long.class);

	static final RedisScript<Long> RELEASE = RedisScript.of("""
			local c = tonumber(redis.call('GET', KEYS[1]) or '0')
			if c > 0 then
			  return redis.call('DECR', KEYS[1])
			end
			return 0""", Long.class);

	private RedisTokenScripts() {
	}

}
