package io.brighter.benchmarks.faults;

/** The brokers the fault matrix runs on. */
public enum FaultTransport {
  /** The loopback RabbitMQ. */
  rabbitmq,
  /** A Kafka broker the matrix starts in its own process. */
  kafka
}
