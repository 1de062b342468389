/**
 * Signing keys, PAdES signatures with optional time-stamps, and their verification.
 */
package org.envelopereview.signing;
