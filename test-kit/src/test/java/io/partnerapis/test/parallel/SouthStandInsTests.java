package io.partnerapis.test.parallel;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.app.KitTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Another context, with stand-ins for Bud and SmartSense partners of its own beside the
 * application's.
 */
@SpringBootTest(classes = KitTestApplication.class,
		properties = { "partner.apis.south-bud.provider=bud", "partner.apis.south-smartsense.provider=smartsense" })
@AutoConfigurePartnerStandIns
class SouthStandInsTests extends ConcurrentStandInsScenario {

	SouthStandInsTests() {
		super("south-bud", "south-smartsense");
	}

}
