package io.brighter.aws.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request of SNS's query protocol, as the AWS SDK sends it: form fields, where a map is {@code
 * Name.entry.N.key}/{@code value} (or {@code Name}/{@code Value.*} for message attributes) and a
 * list {@code Name.member.N.*}.
 */
final class SnsRequest {

  /** A message attribute as SNS takes it: a data type and a text or binary value. */
  record Attribute(String dataType, @Nullable String stringValue, @Nullable String binaryValue) {}

  private final Map<String, String> fields;

  private SnsRequest(Map<String, String> fields) {
    this.fields = fields;
  }

  /** The request whose form body is {@code body}. */
  static SnsRequest parse(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(decode(name), decode(value));
    }
    return new SnsRequest(fields);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The field {@code name}, or null. */
  @Nullable String get(String name) {
    return fields.get(name);
  }

  /**
   * The field {@code name}.
   *
   * @throws SnsError when it is missing
   */
  String required(String name) {
    String value = fields.get(name);
    if (value == null) {
      throw SnsError.invalidParameter(name + " is required");
    }
    return value;
  }

  /** The map {@code name}: {@code name.entry.N.key} and {@code .value}. */
  Map<String, String> map(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int n = 1; fields.containsKey(name + ".entry." + n + ".key"); n++) {
      map.put(
          fields.get(name + ".entry." + n + ".key"),
          fields.getOrDefault(name + ".entry." + n + ".value", ""));
    }
    return map;
  }

  /**
   * The message attributes under {@code prefix}: {@code prefix.entry.N.Name} and {@code .Value}.
   */
  Map<String, Attribute> attributes(String prefix) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    for (int n = 1; fields.containsKey(prefix + ".entry." + n + ".Name"); n++) {
      String entry = prefix + ".entry." + n;
      attributes.put(
          fields.get(entry + ".Name"),
          new Attribute(
              fields.getOrDefault(entry + ".Value.DataType", "String"),
              fields.get(entry + ".Value.StringValue"),
              fields.get(entry + ".Value.BinaryValue")));
    }
    return attributes;
  }

  /** The prefixes of the members of the list {@code name}: {@code name.member.N}. */
  List<String> members(String name) {
    List<String> members = new ArrayList<>();
    for (int n = 1; hasPrefix(name + ".member." + n + "."); n++) {
      members.add(name + ".member." + n);
    }
    return members;
  }

  private boolean hasPrefix(String prefix) {
    for (String key : fields.keySet()) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
