/**
 * The token core's face to the HTTP clients: which token to attach, where it may go and
 * what a 401 answer leads to. Internal: not for use by applications; may change in any
 * release.
 */
@NullMarked
package io.partnerapis.token;

import org.jspecify.annotations.NullMarked;
