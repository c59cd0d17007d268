/**
 * A test kit for applications that use the starter: stand-ins for every partner's token
 * dialect behind one annotation, with WireMock for the partners' APIs and AssertJ
 * assertions on what they received.
 */
@NullMarked
package io.partnerapis.test;

import org.jspecify.annotations.NullMarked;
