/**
 * The monthly token quota of a partner, counted in its token store. Internal: not for use
 * by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.token.quota;

import org.jspecify.annotations.NullMarked;
