package io.partnerapis.tests.clientauth.client;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application that calls a partner: nothing but auto-configuration and the
 * {@code partner.apis.*} properties it is started with.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class PartnerClientApplication {

}
