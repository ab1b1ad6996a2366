package io.brighter.operations;

import io.brighter.messaging.DeadLetter;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters to re-drive together: those rejected from a topic, those whose reason contains
 * some text (ignoring case), or both; an empty filter matches every one.
 *
 * @param originalTopic the topic they were rejected from; null for any
 * @param reasonContains text their reason contains; null for any
 */
public record DeadLetterFilter(@Nullable String originalTopic, @Nullable String reasonContains)
    implements Predicate<DeadLetter> {

  /** Every dead letter. */
  public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null);

  @Override
  public boolean test(DeadLetter letter) {
    boolean topicMatches =
        originalTopic == null
            || originalTopic.isBlank()
            || (letter.originalTopic() != null
                && letter.originalTopic().value().equals(originalTopic));
    String reason = letter.reason();
    boolean reasonMatches =
        reasonContains == null
            || reasonContains.isBlank()
            || (reason != null
                && reason
                    .toLowerCase(Locale.ROOT)
                    .contains(reasonContains.toLowerCase(Locale.ROOT)));
    return topicMatches && reasonMatches;
  }
}
