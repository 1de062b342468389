/**
 * Scope: whether an action fits an envelope, and the scope agents actually exercised over
 * a period.
 */
package org.envelopereview.review.scope;
