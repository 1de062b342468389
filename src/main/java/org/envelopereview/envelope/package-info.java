/**
 * Policy envelopes and governance boards: reading, validating and snapshotting the
 * envelope files.
 */
package org.envelopereview.envelope;
