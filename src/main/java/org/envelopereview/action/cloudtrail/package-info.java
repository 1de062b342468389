/**
 * AWS CloudTrail as a source of actions: the record shapes it comes in and the mapping of
 * its events to actions.
 */
package org.envelopereview.action.cloudtrail;
