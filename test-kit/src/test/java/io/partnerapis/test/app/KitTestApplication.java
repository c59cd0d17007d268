package io.partnerapis.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * An application that calls the six partners of {@code application.yml}, SmartSense also
 * through an HTTP service group.
 */
@SpringBootApplication
@ImportHttpServices(group = "smartsense", types = SensorsApi.class)
public class KitTestApplication {

}
