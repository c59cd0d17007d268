package io.partnerapis.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps the context of a {@link PartnerApiTest @PartnerApiTest}, taking its
 * {@code properties} into the environment.
 *
 * @author partner-apis
 */
class PartnerApiTestContextBootstrapper extends TestSliceTestContextBootstrapper<PartnerApiTest> {

}
