/**
 * The Quartz scheduler that starts each period's review once across a cluster, and its
 * status.
 */
package org.envelopereview.schedule;
