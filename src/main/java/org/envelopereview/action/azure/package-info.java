/**
 * The Azure Activity Log as a source of actions: the shapes it is exported in and the
 * mapping of its operations to actions.
 */
package org.envelopereview.action.azure;
