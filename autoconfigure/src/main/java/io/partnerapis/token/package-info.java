/**
 * The token core: fetches, caches, renews and counts a partner's tokens, and decides
 * which token an HTTP client attaches, where it may go and what a 401 answer leads to.
 * Internal: not for use by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.token;

import org.jspecify.annotations.NullMarked;
