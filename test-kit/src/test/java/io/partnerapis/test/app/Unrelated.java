package io.partnerapis.test.app;

import org.springframework.stereotype.Component;

/**
 * A component a {@code @PartnerApiTest} that does not name it leaves out.
 */
@Component
public class Unrelated {

}
