package io.brighter.aws.internal;

import io.brighter.ConfigurationException;

/**
 * Queue and topic names as SQS and SNS take them, made from routing keys and channel names as .NET
 * Brighter makes them: a {@code .} becomes {@code _}, the name is cut to the service's length (80
 * characters for a queue, 256 for a topic, both counting the {@code .fifo} a FIFO name ends with).
 * Any other character but letters, digits, {@code -} and {@code _} is refused, so no name from
 * configuration reaches AWS unchecked.
 */
public final class AwsNames {

  private static final int QUEUE_LENGTH = 80;
  private static final int TOPIC_LENGTH = 256;
  private static final String FIFO = ".fifo";

  private AwsNames() {}

  /**
   * The SQS queue name for {@code name}.
   *
   * @throws ConfigurationException when it is blank or holds a character SQS refuses
   */
  public static String queue(String name, boolean fifo, String property) {
    return valid(name, fifo, QUEUE_LENGTH, property);
  }

  /**
   * The SNS topic name for {@code name}.
   *
   * @throws ConfigurationException when it is blank or holds a character SNS refuses
   */
  public static String topic(String name, boolean fifo, String property) {
    return valid(name, fifo, TOPIC_LENGTH, property);
  }

  /**
   * {@code routingKey} with each {@code .} made {@code _}, before any check or cut: how a routing
   * key is spelled in an AWS name.
   */
  public static String underscored(String routingKey) {
    return routingKey.replace('.', '_');
  }

  private static String valid(String name, boolean fifo, int length, String property) {
    String base = name.endsWith(FIFO) ? name.substring(0, name.length() - FIFO.length()) : name;
    if (base.isBlank()) {
      throw new ConfigurationException(property + " must not be blank: '" + name + "'");
    }
    String replaced = underscored(base);
    for (int i = 0; i < replaced.length(); i++) {
      char c = replaced.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
        throw new ConfigurationException(
            property
                + " '"
                + name
                + "' holds '"
                + c
                + "': AWS names take letters, digits, '-' and '_' ('.' becomes '_')");
      }
    }
    int room = fifo ? length - FIFO.length() : length;
    String cut = replaced.length() > room ? replaced.substring(0, room) : replaced;
    return fifo ? cut + FIFO : cut;
  }
}
