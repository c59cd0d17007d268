/**
 * Actuator support: the {@code partnerapis} endpoint.
 */
@NullMarked
package io.partnerapis.actuate;

import org.jspecify.annotations.NullMarked;
