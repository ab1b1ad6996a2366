package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the broker connection: the {@link SSLContext} that holds the trusted broker certificates
 * (and the client certificate, for mutual TLS) and whether the broker's host name must match its
 * certificate. Use an {@code amqps://} URI with it.
 *
 * {@snippet :
 * RmqTls tls = RmqTls.fromKeyStores(
 *     Path.of("truststore.p12"), "changeit".toCharArray(),
 *     Path.of("client.p12"), "secret".toCharArray());
 * }
 *
 * @param sslContext the context connections are made with
 * @param verifyHostname whether the broker's certificate must name the host connected to
 */
public record RmqTls(SSLContext sslContext, boolean verifyHostname) {

  /** Checks the parts. */
  public RmqTls {
    Settings.required(sslContext, "RmqTls.sslContext");
  }

  /**
   * TLS trusting the certificates in the PKCS#12 {@code trustStore} and, when {@code keyStore} is
   * given, presenting its client certificate; host names are verified.
   *
   * @throws ConfigurationException when a store cannot be read
   */
  public static RmqTls fromKeyStores(
      Path trustStore,
      char[] trustStorePassword,
      @Nullable Path keyStore,
      char @Nullable [] keyStorePassword) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(trustStore, trustStorePassword));
      KeyManagerFactory keys = null;
      if (keyStore != null) {
        char[] password = keyStorePassword == null ? new char[0] : keyStorePassword;
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, password), password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return new RmqTls(context, true);
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigurationException("Cannot set up TLS for RabbitMQ: " + e.getMessage(), e);
    }
  }

  /** This TLS setting, verifying host names or not. */
  public RmqTls withVerifyHostname(boolean value) {
    return new RmqTls(sslContext, value);
  }

  private static KeyStore load(Path path, char[] password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password);
    }
    return store;
  }
}
