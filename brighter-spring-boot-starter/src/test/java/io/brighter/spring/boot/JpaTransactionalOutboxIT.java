package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.spring.boot.Fixtures.GreetingAdded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox under Spring's JPA transaction manager: the service persists a Hibernate
 * entity on the same DataSource and posts with the {@link TransactionalPoster}: the outbox writes
 * on the connection Hibernate's transaction holds, and the message is sent right after the commit
 * (the sweeper here waits an hour before it would send anything).
 */
@SpringBootTest(
    classes = JpaTransactionalOutboxIT.App.class,
    properties = {
      "brighter.outbox.table-name=outbox_spring_jpa",
      "brighter.sweeper.minimum-age=1h",
      "spring.jpa.hibernate.ddl-auto=update",
      "spring.jpa.open-in-view=false"
    })
class JpaTransactionalOutboxIT extends TransactionalOutboxIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({Messaging.class, JpaGreetings.class})
  static class App {}

  /** A greeting as a JPA entity. */
  @Entity
  @Table(name = "greetings_spring_jpa")
  static class Greeting {
    @jakarta.persistence.Id String id;
    String name;

    protected Greeting() {}

    Greeting(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  /** Persists greetings with the EntityManager in the transaction Spring begins. */
  @Service
  static class JpaGreetings implements Greetings {
    @PersistenceContext EntityManager entityManager;
    private final TransactionalPoster poster;

    JpaGreetings(TransactionalPoster poster) {
      this.poster = poster;
    }

    @Override
    @Transactional
    public void add(io.brighter.Id id, String name, boolean fail) {
      entityManager.persist(new Greeting(id.value(), name));
      poster.post(new GreetingAdded(id, name));
      if (fail) {
        throw new GreetingRefused();
      }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(io.brighter.Id id) {
      return entityManager.find(Greeting.class, id.value()) != null;
    }
  }

  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void the_application_runs_on_the_jpa_transaction_manager() {
    assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
  }
}
