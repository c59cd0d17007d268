/**
 * Each partner's token dialect, written once, and {@link StandInServer}, the WireMock
 * server that speaks it: the stand-ins behind the test kit ({@code partner-apis-test}),
 * the demo and the starter's own tests. Applications test through the kit; the types here
 * may change in any release.
 */
@NullMarked
package io.partnerapis.test.standin;

import org.jspecify.annotations.NullMarked;
