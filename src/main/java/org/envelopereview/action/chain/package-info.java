/**
 * The agents' per-agent hash chains: verification of the stored audit trail and the
 * breaks it finds.
 */
package org.envelopereview.action.chain;
