package org.envelopereview.action;

import java.io.IOException;
import java.io.InputStream;

/** Reads one input format, streaming, and hands every record to the sink. */
public interface ActionRecordReader {

	/**
	 * Reads until the end of the input; bad records go to the sink's quarantine, only an
	 * unreadable input throws.
	 */
	void read(InputStream input, RecordSink sink) throws IOException;

}
