/**
 * When tokens are renewed: ahead of expiry, after a failed renewal and after a 401.
 * Internal: not for use by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.token.renew;

import org.jspecify.annotations.NullMarked;
