package io.brighter.testing;

/**
 * Entry point for Brighter's AssertJ assertions.
 *
 * {@snippet :
 * import static io.brighter.testing.BrighterAssertions.assertThat;
 *
 * assertThat(spyCommandProcessor).sent(AddGreeting.class);
 * }
 */
public final class BrighterAssertions {

  private BrighterAssertions() {}

  /** Assertions on what {@code spy} received. */
  public static SpyCommandProcessorAssert assertThat(SpyCommandProcessor spy) {
    return new SpyCommandProcessorAssert(spy);
  }
}
