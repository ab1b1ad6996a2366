package io.brighter.samples.greetings;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Keeps the spans the sample's OpenTelemetry SDK finished, and draws one trace as an indented tree,
 * each span with its kind and its parent's place, children in start order.
 */
public final class TraceCollector implements SpanExporter {

  private final List<SpanData> spans = new CopyOnWriteArrayList<>();

  @Override
  public CompletableResultCode export(Collection<SpanData> finished) {
    spans.addAll(finished);
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /**
   * The last trace whose root span is named {@code rootName} and that reached a consumer (a span of
   * kind CONSUMER), as a tree.
   */
  public String tree(String rootName) {
    List<SpanData> roots =
        spans.stream()
            .filter(span -> span.getName().equals(rootName))
            .filter(root -> reachedConsumer(root.getTraceId()))
            .toList();
    if (roots.isEmpty()) {
      return "(no trace rooted at " + rootName + " reached a consumer)";
    }
    SpanData root = roots.getLast();
    List<SpanData> trace =
        spans.stream()
            .filter(span -> span.getTraceId().equals(root.getTraceId()))
            .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
            .collect(Collectors.toCollection(ArrayList::new));
    StringBuilder tree = new StringBuilder("trace " + root.getTraceId() + "\n");
    draw(tree, root, trace, 1);
    return tree.toString();
  }

  private boolean reachedConsumer(String traceId) {
    return spans.stream()
        .anyMatch(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER);
  }

  private static void draw(StringBuilder tree, SpanData span, List<SpanData> trace, int depth) {
    tree.append("  ".repeat(depth))
        .append(span.getName())
        .append("  [")
        .append(span.getKind())
        .append(", ")
        .append(
            String.format("%.1f ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
        .append("]\n");
    for (SpanData child : trace) {
      if (child.getParentSpanId().equals(span.getSpanId())) {
        draw(tree, child, trace, depth + 1);
      }
    }
  }
}
