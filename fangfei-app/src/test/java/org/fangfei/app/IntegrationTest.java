package org.fangfei.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * One application context for all integration tests, against the embedded PostgreSQL the
 * application starts itself (fresh data directory per test JVM, see the surefire
 * configuration) with the demo county loaded. Tests share the database, so each uses its
 * own codes and names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
public @interface IntegrationTest {

}
