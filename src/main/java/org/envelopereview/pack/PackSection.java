package org.envelopereview.pack;

import java.util.List;
import java.util.Map;

/**
 * One section of the pack's body: where the body template finds it, what it adds to the
 * table of contents, and the parameters of its subreport.
 */
interface PackSection {

	/** The key under which {@code review-pack-body.jrxml} reads this section. */
	String key();

	/**
	 * Its entries in the table of contents; each title is also the anchor its template
	 * sets.
	 */
	List<TocEntry> contents();

	/**
	 * The parameters of its subreport, with fresh data sources (they are single-use).
	 */
	Map<String, Object> parameters();

	/**
	 * An entry of the table of contents. Its title is also the anchor the body's
	 * templates set, which JasperReports uses as the bookmark's label.
	 */
	record TocEntry(String title, int level) {
	}

}
