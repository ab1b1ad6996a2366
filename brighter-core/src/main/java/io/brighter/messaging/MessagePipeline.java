package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.internal.Settings;
import io.brighter.messaging.transforms.LuggageStore;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request into the message that leaves ({@link #wrap}) and a received message back into its
 * request ({@link #unwrap}), running the request type's mapper from a {@link MessageMapperRegistry}
 * and the transforms annotated on that mapper's methods. The command processor wraps what it posts;
 * the dispatcher unwraps what it receives.
 *
 * <p>For a mapper whose {@code mapToMessage} carries {@code @A(step = 1)} and {@code @B(step = 2)},
 * and whose {@code mapToRequest} carries {@code @C(step = 1)} and {@code @D(step = 2)}:
 *
 * <pre>
 * wrap   = B( A( mapper.mapToMessage(request) ) )    mapper first, then transforms by ascending step
 * unwrap = mapper.mapToRequest( D( C(message) ) )    transforms by ascending step, then the mapper
 * </pre>
 *
 * <p>So a mapper that compresses then checks the result into a luggage store writes
 * {@code @Compress(step = 0)} and {@code @ClaimCheck(step = 1)} on {@code mapToMessage}, and
 * {@code @RetrieveClaim(step = 0)} and {@code @Decompress(step = 1)} on {@code mapToRequest}.
 *
 * {@snippet :
 * MessagePipeline pipeline = MessagePipeline.builder()
 *     .mappers(new MessageMapperRegistry())
 *     .luggageStore(new InMemoryLuggageStore())
 *     .build();
 * Message message = pipeline.wrap(event, publication, new RequestContext());
 * GreetingAdded received = pipeline.unwrap(message, GreetingAdded.class);
 * }
 *
 * <p>A mapper class's annotations are read once; its transforms are created and configured once per
 * pipeline and shared, so later messages cost no reflection. Thread-safe.
 */
public final class MessagePipeline {

  private static final ClassValue<TransformBlueprint> BLUEPRINTS =
      new ClassValue<>() {
        @Override
        protected TransformBlueprint computeValue(Class<?> mapperType) {
          return TransformBlueprint.of(mapperType);
        }
      };

  private final MessageMapperRegistry mappers;
  private final @Nullable LuggageStore luggageStore;
  // Per pipeline, because transforms are made with this pipeline's luggage store.
  private final ClassValue<ResolvedTransforms> transforms =
      new ClassValue<>() {
        @Override
        protected ResolvedTransforms computeValue(Class<?> mapperType) {
          return ResolvedTransforms.of(BLUEPRINTS.get(mapperType), mapperType, luggageStore);
        }
      };

  /** A pipeline over {@code mappers}, with no luggage store. */
  public MessagePipeline(MessageMapperRegistry mappers) {
    this(mappers, null);
  }

  private MessagePipeline(MessageMapperRegistry mappers, @Nullable LuggageStore luggageStore) {
    this.mappers = requireNonNull(mappers, "mappers must not be null");
    this.luggageStore = luggageStore;
  }

  /** A builder; {@code mappers} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks that the transforms on {@code mapperType} can be made: each annotation is on the right
   * method and names a concrete transform, and a luggage store is there if one is needed.
   *
   * @throws ConfigurationException naming the mapper and the offending annotation
   */
  public void validate(Class<?> mapperType) {
    transforms.get(mapperType);
  }

  /**
   * The message for {@code request}: its mapper's message, then the wrapping transforms. When the
   * mapper addressed the message to another topic than the publication's, the publication topic is
   * kept in the bag under {@link HeaderNames#PRODUCER_TOPIC}.
   *
   * @throws ConfigurationException when the request type has no mapper or a transform cannot be
   *     made
   */
  public <T extends Request> Message wrap(
      T request, Publication publication, RequestContext context) {
    requireNonNull(request, "request must not be null");
    requireNonNull(publication, "publication must not be null");
    MessageMapper<T> mapper = mappers.mapperFor(typeOf(request));
    Message mapped = mapper.mapToMessage(request, publication, requireNonNull(context, "context"));
    return transforms.get(mapper.getClass()).wrap(producerTopic(mapped, publication), publication);
  }

  /**
   * The request {@code message} carries: the unwrapping transforms, then the mapper of {@code
   * requestType}.
   *
   * @throws io.brighter.actions.InvalidMessageAction when the message cannot be read
   * @throws ConfigurationException when the request type has no mapper or a transform cannot be
   *     made
   */
  public <T extends Request> T unwrap(Message message, Class<T> requestType) {
    requireNonNull(message, "message must not be null");
    MessageMapper<T> mapper = mappers.mapperFor(requireNonNull(requestType, "requestType"));
    return mapper.mapToRequest(transforms.get(mapper.getClass()).unwrap(message));
  }

  /**
   * As {@link #wrap}, through the type's asynchronous mapper (or its synchronous one behind an
   * adapter). The transforms run on the thread that completes the mapping.
   */
  public <T extends Request> CompletableFuture<Message> wrapAsync(
      T request, Publication publication, RequestContext context) {
    try {
      MessageMapperAsync<T> mapper = asyncMapper(typeOf(request));
      ResolvedTransforms resolved = transforms.get(mapperClass(mapper));
      return mapper
          .mapToMessageAsync(request, publication, context)
          .thenApply(mapped -> resolved.wrap(producerTopic(mapped, publication), publication));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** As {@link #unwrap}, through the type's asynchronous mapper (or its synchronous one). */
  public <T extends Request> CompletableFuture<T> unwrapAsync(
      Message message, Class<T> requestType) {
    try {
      MessageMapperAsync<T> mapper = asyncMapper(requestType);
      return mapper.mapToRequestAsync(transforms.get(mapperClass(mapper)).unwrap(message));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T extends Request> MessageMapperAsync<T> asyncMapper(Class<T> requestType) {
    return mappers
        .asyncMapperFor(requestType)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "No message mapper is registered for " + requestType.getName()));
  }

  /** The class whose annotations declare the transforms: the adapted mapper's, for an adapter. */
  private static Class<?> mapperClass(MessageMapperAsync<?> mapper) {
    return mapper instanceof SyncMapperAdapter<?> adapter
        ? adapter.delegate().getClass()
        : mapper.getClass();
  }

  private static Message producerTopic(Message message, Publication publication) {
    if (message.header().topic().equals(publication.topic())) {
      return message;
    }
    return message.withHeader(
        message.header().withBagEntry(HeaderNames.PRODUCER_TOPIC, publication.topic().value()));
  }

  // A request's class is the type its mapper is registered under.
  @SuppressWarnings("unchecked")
  private static <T extends Request> Class<T> typeOf(T request) {
    return (Class<T>) request.getClass();
  }

  /** Collects the parts of a {@link MessagePipeline}. */
  public static final class Builder {
    private @Nullable MessageMapperRegistry mappers;
    private @Nullable LuggageStore luggageStore;

    private Builder() {}

    /** The mappers for each request type. Required. */
    public Builder mappers(MessageMapperRegistry value) {
      this.mappers = value;
      return this;
    }

    /** Where {@code @ClaimCheck} leaves large bodies and {@code @RetrieveClaim} finds them. */
    public Builder luggageStore(@Nullable LuggageStore value) {
      this.luggageStore = value;
      return this;
    }

    /**
     * The pipeline.
     *
     * @throws NullPointerException naming the missing property
     */
    public MessagePipeline build() {
      return new MessagePipeline(
          Settings.required(mappers, "MessagePipeline.mappers"), luggageStore);
    }
  }
}
