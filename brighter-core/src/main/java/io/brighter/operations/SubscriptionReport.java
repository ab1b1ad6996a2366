package io.brighter.operations;

import java.util.List;

/**
 * One subscription as {@link BrighterOperations#subscriptions()} reports it.
 *
 * @param name the subscription's name
 * @param channelName the channel (queue, group) it reads
 * @param routingKey the topic it reads
 * @param requestType the request type its messages map to
 * @param pumpType reactor or proactor
 * @param performers the pumps it should run
 * @param running the pumps that run
 * @param problems why pumps died or their channel fails, one line each; empty when none
 * @param handled messages handled since the service started
 * @param requeued messages requeued since then
 * @param rejected messages dead-lettered since then
 */
public record SubscriptionReport(
    String name,
    String channelName,
    String routingKey,
    String requestType,
    String pumpType,
    int performers,
    int running,
    List<String> problems,
    long handled,
    long requeued,
    long rejected) {

  /** Copies the list. */
  public SubscriptionReport {
    problems = List.copyOf(problems);
  }
}
