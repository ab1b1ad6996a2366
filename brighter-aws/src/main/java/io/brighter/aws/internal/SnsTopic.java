package io.brighter.aws.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * One SNS topic a producer or consumer uses, found once and remembered: by its ARN, given, or by
 * its name, made, checked or assumed as {@link OnMissingChannel} says ({@link SnsTopics}). An
 * assumed topic that was missing at first is looked up again on each use until it exists.
 * Thread-safe.
 */
public final class SnsTopic {

  private final SnsClient client;
  private final String name;
  private final boolean fifo;
  private final OnMissingChannel mode;
  private volatile @Nullable String arn;

  private SnsTopic(
      SnsClient client, String name, boolean fifo, OnMissingChannel mode, @Nullable String arn) {
    this.client = client;
    this.name = name;
    this.fifo = fifo;
    this.mode = mode;
    this.arn = arn;
  }

  /**
   * The topic at {@code arn} when one is given ({@link #at}), else the topic {@code name} ({@link
   * #named}).
   *
   * @throws ConfigurationException when the topic must exist and does not
   */
  public static SnsTopic find(
      SnsClient client,
      @Nullable String arn,
      String name,
      boolean fifo,
      OnMissingChannel mode,
      @Nullable String conventionalArn) {
    return arn != null ? at(client, arn, mode) : named(client, name, fifo, mode, conventionalArn);
  }

  /**
   * The topic {@code name}, made now under {@code CREATE}, checked now under {@code VALIDATE}: by
   * {@code conventionalArn} when the account is known (one call, or none to assume it), else among
   * the account's topics.
   *
   * @throws ConfigurationException under {@code VALIDATE} when the topic is missing
   */
  public static SnsTopic named(
      SnsClient client,
      String name,
      boolean fifo,
      OnMissingChannel mode,
      @Nullable String conventionalArn) {
    if (conventionalArn != null && mode != OnMissingChannel.CREATE) {
      return at(client, conventionalArn, mode);
    }
    return new SnsTopic(client, name, fifo, mode, SnsTopics.arn(client, name, fifo, mode));
  }

  /**
   * The topic {@code arn}, which may be in another account: never made, checked now unless {@code
   * mode} is {@code ASSUME}.
   *
   * @throws ConfigurationException when the topic must exist and does not
   */
  public static SnsTopic at(SnsClient client, String arn, OnMissingChannel mode) {
    if (mode != OnMissingChannel.ASSUME) {
      try {
        client.getTopicAttributes(request -> request.topicArn(arn));
      } catch (NotFoundException e) {
        throw new ConfigurationException("SNS topic " + arn + " does not exist", e);
      }
    }
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    return new SnsTopic(client, name, name.endsWith(".fifo"), mode, arn);
  }

  /** The topic's name. */
  public String name() {
    return name;
  }

  /** The topic's ARN, if it is known (an assumed topic may not exist yet). */
  public @Nullable String knownArn() {
    return arn;
  }

  /**
   * The topic's ARN, looked up now if the topic was assumed and missing until now.
   *
   * @throws IllegalStateException when the topic does not exist
   */
  public String arn() {
    String known = arn;
    if (known == null) {
      known = SnsTopics.arn(client, name, fifo, mode);
      if (known == null) {
        throw new IllegalStateException("SNS topic " + name + " does not exist");
      }
      arn = known;
    }
    return known;
  }
}
