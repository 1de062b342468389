/**
 * Cross-cutting configuration and small shared pieces: Jdbi, paths, row locks, digests,
 * version.
 */
package org.envelopereview.system;
