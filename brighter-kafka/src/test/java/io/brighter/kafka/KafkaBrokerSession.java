package io.brighter.kafka;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared {@link EmbeddedKafkaBroker} when the JUnit launcher session ends, so one broker
 * serves every test class of a run. Registered in {@code META-INF/services}.
 */
public final class KafkaBrokerSession implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    EmbeddedKafkaBroker.stopShared();
  }
}
