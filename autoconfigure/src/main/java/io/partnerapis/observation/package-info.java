/**
 * Observation of token fetches and meters of the partners' token state.
 */
@NullMarked
package io.partnerapis.observation;

import org.jspecify.annotations.NullMarked;
