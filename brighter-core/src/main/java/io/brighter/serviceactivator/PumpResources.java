package io.brighter.serviceactivator;

import io.brighter.CommandProcessor;
import io.brighter.internal.RateLimitedWarnings;
import io.brighter.messaging.MessagePipeline;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import java.time.Clock;
import java.util.concurrent.ThreadFactory;

/** What every pump of one dispatcher shares. */
record PumpResources(
    CommandProcessor commandProcessor,
    MessagePipeline pipeline,
    Clock clock,
    ThreadFactory threadFactory,
    BrighterTracer tracer,
    MessagingMetrics metrics,
    RateLimitedWarnings warnings) {}
