/**
 * One class per finding rule: an action or an envelope, with its context, in; breaches
 * out.
 */
package org.envelopereview.review.rules;
