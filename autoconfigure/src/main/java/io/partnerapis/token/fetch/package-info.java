/**
 * Fetching tokens from partners' token endpoints: dialects, retries and reading
 * responses. Internal: not for use by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.token.fetch;

import org.jspecify.annotations.NullMarked;
