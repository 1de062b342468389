package org.envelopereview.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * NIST's OSCAL 1.1.2 JSON schemas of the assessment results and of the plan of action and
 * milestones (src/test/resources/oscal/1.1.2, SOURCE.md), loaded once.
 */
final class OscalSchemas {

	static final Schema ASSESSMENT_RESULTS = load("oscal-ar_schema.json");

	static final Schema POAM = load("oscal-poam_schema.json");

	private OscalSchemas() {
	}

	/** What the schema finds wrong with the document, one line each. */
	static List<String> errors(Schema schema, byte[] document) {
		return schema.validate(new String(document, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON)
			.stream()
			.map(Error::toString)
			.toList();
	}

	private static Schema load(String name) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
		try (InputStream in = OscalSchemas.class.getResourceAsStream("/oscal/1.1.2/" + name)) {
			return registry.getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
