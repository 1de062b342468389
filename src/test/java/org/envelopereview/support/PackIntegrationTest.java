package org.envelopereview.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} whose review runs render and sign packs, with the
 * development key kept under {@code target/test-data}: one cached context for every such
 * test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = { "review.data-dir=target/test-data", "review.packs.enabled=true" })
public @interface PackIntegrationTest {

}
