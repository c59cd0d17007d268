/**
 * Authorization of the HTTP service groups that call partners.
 */
@NullMarked
package io.partnerapis.autoconfigure.service;

import org.jspecify.annotations.NullMarked;
