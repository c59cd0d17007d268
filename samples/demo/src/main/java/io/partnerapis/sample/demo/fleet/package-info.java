/**
 * The demo's fleet: instances of one service sharing a partner's token through Redis.
 */
@NullMarked
package io.partnerapis.sample.demo.fleet;

import org.jspecify.annotations.NullMarked;
