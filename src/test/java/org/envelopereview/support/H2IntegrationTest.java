package org.envelopereview.support;

/** Base class for tests that run the application on a private in-memory H2 database. */
@IntegrationTest
public abstract class H2IntegrationTest extends DatabaseIntegrationTest {

}
