/**
 * Ingest: reads action history (JSON Lines, CSV, CloudTrail; detected by content),
 * quarantines bad records and writes the rest in batches.
 */
package org.envelopereview.action.ingest;
