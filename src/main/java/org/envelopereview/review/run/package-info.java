/**
 * Run bookkeeping: a run's inputs, its row and number, its lock, its envelope snapshot,
 * and where its findings go.
 */
package org.envelopereview.review.run;
