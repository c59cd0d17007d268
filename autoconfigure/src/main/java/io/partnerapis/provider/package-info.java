/**
 * Provider presets as data. Internal: not for use by applications; may change in any
 * release.
 */
@NullMarked
package io.partnerapis.provider;

import org.jspecify.annotations.NullMarked;
