/**
 * The operations console: {@link io.brighter.console.ConsolePage}, a web page over {@link
 * io.brighter.operations.BrighterOperations}; {@link io.brighter.console.OperationsApi}, the
 * requests it makes; and {@link io.brighter.console.ConsoleHttpHandler}, both on the JDK's own HTTP
 * server for services without Spring (the Spring Boot starter serves them through the actuator).
 */
@NullMarked
package io.brighter.console;

import org.jspecify.annotations.NullMarked;
