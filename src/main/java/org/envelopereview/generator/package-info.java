/**
 * Seeded generators of example and benchmark envelopes and action histories.
 */
package org.envelopereview.generator;
