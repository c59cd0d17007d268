/**
 * The partners' dialects and the WireMock plumbing of their stand-ins; internal to the
 * test kit, and may change in any release.
 */
@NullMarked
package io.partnerapis.test.standin;

import org.jspecify.annotations.NullMarked;
