/**
 * Spring TestContext integration of the stand-ins: the context customizer that starts
 * them and the listener that resets them.
 */
@NullMarked
package io.partnerapis.test.context;

import org.jspecify.annotations.NullMarked;
