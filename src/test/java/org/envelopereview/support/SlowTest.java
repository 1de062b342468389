package org.envelopereview.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that starts and kills child JVMs or renders packs at volume (tens of
 * seconds to minutes): `mvn verify` runs it with failsafe after the fast lane that `mvn
 * test` is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface SlowTest {

}
