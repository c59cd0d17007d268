/**
 * Calling partner APIs with OAuth2 client-credentials tokens: the properties, the
 * {@link io.partnerapis.PartnerApis} registry, the per-partner view, the customizers and
 * the exceptions an application uses.
 */
@NullMarked
package io.partnerapis;

import org.jspecify.annotations.NullMarked;
