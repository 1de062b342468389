/**
 * A board's signed review pack: sections rendered with JasperReports, evidence attached,
 * manifest, and verification.
 */
package org.envelopereview.pack;
