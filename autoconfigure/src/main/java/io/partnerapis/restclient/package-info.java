/**
 * Attaching tokens to RestClient requests: the partners' request interceptor. Internal:
 * not for use by applications; may change in any release.
 */
@NullMarked
package io.partnerapis.restclient;

import org.jspecify.annotations.NullMarked;
