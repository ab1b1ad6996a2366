package io.brighter.aws.local;

import io.brighter.local.NodeServer;
import java.util.List;

/** The AWS services this module runs on node: dynalite (DynamoDB) and s3rver (S3). */
final class AwsNodeServers {

  /** dynalite, an MIT-licensed DynamoDB implementation, in memory, tables made at once. */
  static final NodeServer.Package DYNALITE =
      new NodeServer.Package(
          "dynalite",
          "4.0.0",
          "node_modules/dynalite/cli.js",
          (dir, port) ->
              List.of(
                  "--host",
                  "127.0.0.1",
                  "--port",
                  Integer.toString(port),
                  "--createTableMs",
                  "0",
                  "--deleteTableMs",
                  "0",
                  "--updateTableMs",
                  "0"));

  /** s3rver, an MIT-licensed S3 implementation, keeping objects in files under its directory. */
  static final NodeServer.Package S3RVER =
      new NodeServer.Package(
          "s3rver",
          "3.7.1",
          "node_modules/s3rver/bin/s3rver.js",
          (dir, port) ->
              List.of(
                  "--address",
                  "127.0.0.1",
                  "--port",
                  Integer.toString(port),
                  "--directory",
                  dir.resolve("data-" + port).toString(),
                  "--silent"));

  private AwsNodeServers() {}
}
