package io.brighter.testing;

import io.brighter.Request;
import io.brighter.RequestContext;

/**
 * One call a {@link SpyCommandProcessor} received.
 *
 * @param kind which method was called
 * @param request the request passed
 * @param context the context passed, or the fresh one the spy made
 */
public record RecordedRequest(RequestKind kind, Request request, RequestContext context) {}
