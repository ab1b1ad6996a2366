package io.brighter.aws.local;

/**
 * An error SNS answers with: an HTTP status, an error code the AWS SDK maps to its exception
 * ({@code NotFound} to {@code NotFoundException}, {@code InvalidParameter} to {@code
 * InvalidParameterException}) and a message.
 */
final class SnsError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  private SnsError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static SnsError notFound(String message) {
    return new SnsError(404, "NotFound", message);
  }

  static SnsError invalidParameter(String message) {
    return new SnsError(400, "InvalidParameter", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
