/**
 * Observation of token fetches: its documentation, context and conventions.
 */
@NullMarked
package io.partnerapis.observation;

import org.jspecify.annotations.NullMarked;
