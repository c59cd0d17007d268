package io.partnerapis.test.parallel;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.app.KitTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * One context, with stand-ins for Bud and Buoy partners of its own beside the
 * application's.
 */
@SpringBootTest(classes = KitTestApplication.class,
		properties = { "partner.apis.north-bud.provider=bud", "partner.apis.north-buoy.provider=buoy" })
@AutoConfigurePartnerStandIns
class NorthStandInsTests extends ConcurrentStandInsScenario {

	NorthStandInsTests() {
		super("north-bud", "north-buoy");
	}

}
