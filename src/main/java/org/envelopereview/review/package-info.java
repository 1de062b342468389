/**
 * The review of one period, as the command line and the scheduler start it: launch,
 * outcome and run status.
 */
package org.envelopereview.review;
