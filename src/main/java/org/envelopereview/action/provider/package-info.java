/**
 * What the audit logs of the clouds other than AWS share: streaming their export shapes,
 * catalogues of operations as data, joining an operation's entries, and turning a change
 * into actions (SPEC §7).
 */
package org.envelopereview.action.provider;
