/**
 * Review periods (quarters, months, half-years) and the cadence that picks the period a
 * scheduled review covers.
 */
package org.envelopereview.period;
