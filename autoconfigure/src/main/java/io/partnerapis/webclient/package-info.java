/**
 * Attaching tokens to WebClient requests: the partners' exchange filter. Internal: not
 * for use by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.webclient;

import org.jspecify.annotations.NullMarked;
