/**
 * Token store shared by a fleet of instances through Redis, on Spring Data Redis.
 */
@NullMarked
package io.partnerapis.store.redis;

import org.jspecify.annotations.NullMarked;
