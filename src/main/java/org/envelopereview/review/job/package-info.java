/**
 * The Spring Batch job in its order: snapshot envelopes, verify the chain, evaluate
 * actions in partitions, assess envelopes.
 */
package org.envelopereview.review.job;
