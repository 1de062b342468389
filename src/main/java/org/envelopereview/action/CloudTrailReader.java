package org.envelopereview.action;

import java.io.IOException;
import java.io.InputStream;

/** AWS CloudTrail input (placeholder until the mapping lands). */
final class CloudTrailReader implements ActionRecordReader {

	CloudTrailReader(int maxRecordBytes, CloudTrailMapper mapper) {
	}

	@Override
	public void read(InputStream input, RecordSink sink) throws IOException {
		throw new IOException("CloudTrail is not supported yet");
	}

}
