package org.envelopereview.action.ingest;

import org.envelopereview.action.SourceCounts;

/**
 * What one input gave.
 *
 * @param name the input's name
 * @param format the format read (detected or given), or {@code null} when unreadable
 * @param sha256 digest of the input's bytes as read (compressed if it was)
 * @param counts the counts and examples
 * @param error why the input could not be read (fully), or {@code null}
 */
public record SourceReport(String name, IngestFormat format, String sha256, SourceCounts counts, String error) {

}
