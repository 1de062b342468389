/**
 * Agents' actions as stored: the action record, its canonical hash, the action table and
 * the line reader every source format shares.
 */
package org.envelopereview.action;
