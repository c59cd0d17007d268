/**
 * The {@code @PartnerApiTest} slice, for fast tests of a class that calls partners.
 */
@NullMarked
package io.partnerapis.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
