/**
 * Spring Boot auto-configuration for Brighter: the command and query processors, the external bus
 * with its outbox and inbox, the outbox sweeper and archiver, the dispatcher, and their health,
 * metrics and tracing, built from the application's beans and {@code brighter.*} properties.
 *
 * <p>Handlers, mappers, producers and subscriptions are found as beans; every bean made here backs
 * off when the application defines its own. {@link
 * io.brighter.spring.boot.SpringTransactionProvider} lets {@code @Transactional} code deposit
 * messages in Spring's transaction.
 */
@NullMarked
package io.brighter.spring.boot;

import org.jspecify.annotations.NullMarked;
