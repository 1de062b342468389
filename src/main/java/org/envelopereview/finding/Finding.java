package org.envelopereview.finding;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One breach found by the review: a value, never an exception.
 *
 * @param boardId the board whose pack shows it
 * @param unassigned true when it belongs to no board and was routed to the default board
 * @param envelopeId the envelope concerned, or {@code null}
 * @param actionId the action concerned, or {@code null}
 * @param explanation one line with the concrete values
 * @param evidence the field values behind the finding, sorted by name
 * @param controls control references it bears on, e.g. {@code PCI-DSS-4.0.1 1.2.2}
 */
public record Finding(FindingCode code, Severity severity, String boardId, boolean unassigned, String envelopeId,
		String actionId, String explanation, SortedMap<String, String> evidence, List<String> controls) {

	public Finding {
		evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
		controls = List.copyOf(controls);
	}

}
