/**
 * Envelope Review: the periodic review of pre-authorized policy envelopes for autonomous
 * network agents.
 */
package org.envelopereview;
