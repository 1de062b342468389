/**
 * Google Cloud Audit Logs as a source of actions: the shapes they are exported in and the
 * mapping of their methods to actions.
 */
package org.envelopereview.action.gcp;
