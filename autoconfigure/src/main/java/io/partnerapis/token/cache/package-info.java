/**
 * Holding a partner's current token: single flight, background renewal and dropping
 * rejected tokens. Internal: not for use by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.token.cache;

import org.jspecify.annotations.NullMarked;
