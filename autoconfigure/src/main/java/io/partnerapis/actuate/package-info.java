/**
 * Actuator support: the partners' health indicator and the {@code partnerapis} endpoint.
 */
@NullMarked
package io.partnerapis.actuate;

import org.jspecify.annotations.NullMarked;
