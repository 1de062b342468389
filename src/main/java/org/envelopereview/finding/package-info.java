/**
 * What a review finds: the finding codes, their severities and control references, and
 * how findings are stored.
 */
package org.envelopereview.finding;
