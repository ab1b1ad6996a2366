package io.brighter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A TCP forwarder on a loopback port in front of a real server, to take the server away from a
 * client and give it back without touching the server: {@link #cut()} drops every connection and
 * refuses new ones, as a broker that went down; {@link #restore()} listens again on the same port.
 *
 * {@snippet :
 * try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5672)) {
 *   // point the client at 127.0.0.1:proxy.port()
 *   proxy.cut();
 *   proxy.restore();
 * }
 * }
 */
public final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private @Nullable ServerSocket server;

  private TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = listen(0);
  }

  /** A proxy on a free loopback port to {@code host:port}, forwarding at once. */
  public static TcpProxy to(String host, int port) {
    return new TcpProxy(host, port);
  }

  /** The loopback port clients connect to. */
  public int port() {
    return port;
  }

  /** Drops every connection and refuses new ones until {@link #restore()}. */
  public synchronized void cut() {
    ServerSocket listening = server;
    server = null;
    closeQuietly(listening);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Accepts connections on the same port again. */
  public synchronized void restore() {
    if (server == null) {
      listen(port);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private synchronized int listen(int onPort) {
    try {
      ServerSocket listening = new ServerSocket();
      listening.setReuseAddress(true);
      listening.bind(new InetSocketAddress("127.0.0.1", onPort));
      server = listening;
      Thread accepting = new Thread(() -> accept(listening), "tcp-proxy-accept");
      accepting.setDaemon(true);
      accepting.start();
      return listening.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen on " + onPort, e);
    }
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket target = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(target);
        pump(client, target);
        pump(target, client);
      } catch (IOException e) {
        return; // cut, or the target refused: the client sees its connection end
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException ended) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // already closed
      }
    }
  }
}
