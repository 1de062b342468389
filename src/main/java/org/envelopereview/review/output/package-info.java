/**
 * The run's outputs: findings.json and findings.csv per board, and the hand-off of each
 * board's review to the pack.
 */
package org.envelopereview.review.output;
