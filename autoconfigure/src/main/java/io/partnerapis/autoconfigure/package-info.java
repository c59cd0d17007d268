/**
 * Auto-configuration of partner APIs: properties to clients, presets, validation and
 * start-up failure analysis.
 */
@NullMarked
package io.partnerapis.autoconfigure;

import org.jspecify.annotations.NullMarked;
