package io.brighter.spring.boot;

import io.brighter.CommandProcessor;
import io.brighter.inbox.Inbox;
import io.brighter.jdbc.JdbcInbox;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.outbox.Outbox;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The relational outbox and inbox on the application's {@link DataSource}, and the {@link
 * SpringTransactionProvider} that lets {@code @Transactional} code deposit messages in Spring's
 * transaction, with the {@link TransactionalPoster} that also sends them after the commit. Active
 * with {@code brighter-jdbc} and {@code spring-jdbc} on the class path and one DataSource; the
 * outbox is made only when the application has producers, the inbox only with {@code
 * brighter.inbox.enabled=true}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"
    })
@ConditionalOnClass({JdbcOutbox.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(BrighterProperties.class)
public class BrighterJdbcAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterJdbcAutoConfiguration() {}

  /** The Spring-managed transaction on the DataSource, for {@code depositPost}. */
  @Bean
  @ConditionalOnMissingBean
  public SpringTransactionProvider springTransactionProvider(DataSource dataSource) {
    return new SpringTransactionProvider(dataSource);
  }

  /**
   * Deposits in the Spring transaction and sends after its commit, in the background unless {@code
   * brighter.outbox.send-after-commit=caller}.
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnProducers.class)
  public TransactionalPoster transactionalPoster(
      CommandProcessor commandProcessor,
      SpringTransactionProvider transaction,
      BrighterProperties properties,
      ObjectProvider<AfterCommitSender> background) {
    return properties.outbox().sendAfterCommit() == BrighterProperties.SendAfterCommit.CALLER
        ? new TransactionalPoster(commandProcessor, transaction)
        : new TransactionalPoster(commandProcessor, transaction, background.getObject());
  }

  /** The thread the poster sends on after commits, stopped with the context. */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnProducers.class)
  AfterCommitSender brighterAfterCommitSender(BrighterProperties properties) {
    return new AfterCommitSender(properties.outbox().sendAfterCommitBacklog());
  }

  /** The outbox table, created at start-up unless {@code brighter.outbox.create-table=false}. */
  @Bean
  @ConditionalOnMissingBean(Outbox.class)
  @Conditional(OnProducers.class)
  public JdbcOutbox brighterOutbox(DataSource dataSource, BrighterProperties properties) {
    BrighterProperties.Outbox settings = properties.outbox();
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(JdbcDialects.of(settings.dialect(), dataSource), dataSource)
            .withTableName(settings.tableName());
    return settings.createTable() ? outbox.createTableIfMissing() : outbox;
  }

  /** The inbox table, created at start-up unless {@code brighter.inbox.create-table=false}. */
  @Bean
  @ConditionalOnMissingBean(Inbox.class)
  @ConditionalOnBooleanProperty("brighter.inbox.enabled")
  public JdbcInbox brighterInbox(DataSource dataSource, BrighterProperties properties) {
    BrighterProperties.Inbox settings = properties.inbox();
    JdbcInbox inbox =
        JdbcInbox.forDialect(JdbcDialects.of(properties.outbox().dialect(), dataSource), dataSource)
            .withTableName(settings.tableName());
    return settings.createTable() ? inbox.createTableIfMissing() : inbox;
  }
}
