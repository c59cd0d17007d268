/**
 * Where partner tokens are kept and shared: the
 * {@link io.partnerapis.store.PartnerTokenStore} SPI and its in-memory and Spring
 * Security implementations; the Redis one is in {@code io.partnerapis.store.redis}.
 */
@NullMarked
package io.partnerapis.store;

import org.jspecify.annotations.NullMarked;
