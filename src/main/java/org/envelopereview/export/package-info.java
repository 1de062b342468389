/**
 * Machine-readable exports beside each pack (SPEC §10): OSCAL assessment results and plan
 * of action and milestones, and OCSF findings as JSON Lines.
 */
package org.envelopereview.export;
