package org.envelopereview.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.envelopereview.system.Sha256;

import org.springframework.core.io.ClassPathResource;

/**
 * What the two OSCAL documents share: the version, the metadata, properties in the
 * product's namespace, control identifiers and the back-matter that cites the evidence by
 * SHA-256.
 */
final class Oscal {

	static final String OSCAL_VERSION = "1.1.2";

	/** The namespace of the product's own properties (OSCAL's are reserved to NIST). */
	static final String NS = "urn:envelope-review:oscal";

	static final String CATALOGUE = "catalog/findings.yaml";

	private static final ObjectWriter PRETTY = JsonMapper.builder()
		.build()
		.writer()
		.with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n")));

	private Oscal() {
	}

	static byte[] write(Map<String, Object> document) {
		return (PRETTY.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	static Map<String, Object> metadata(BoardExport export, String title) {
		Map<String, Object> party = new LinkedHashMap<>();
		party.put("uuid", partyUuid(export));
		party.put("type", "organization");
		party.put("name", text(export.boardName()));
		party.put("short-name", export.boardId());
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("title", title);
		metadata.put("last-modified", export.asOf().toString());
		metadata.put("version", export.period().label());
		metadata.put("oscal-version", OSCAL_VERSION);
		metadata.put("props",
				List.of(prop("board", export.boardId()), prop("period", export.period().label()),
						prop("period-start", export.period().start().toString()),
						prop("period-end", export.period().end().toString()),
						prop("software-version", export.softwareVersion())));
		metadata.put("parties", List.of(party));
		return metadata;
	}

	static String partyUuid(BoardExport export) {
		return NameBasedUuid.of("oscal-party", export.boardId());
	}

	/**
	 * A map of two entries in this order ({@code Map.of} iterates in an order that
	 * changes from one JVM to the next).
	 */
	static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key1, value1);
		map.put(key2, value2);
		return map;
	}

	/** A property in the product's namespace. */
	static Map<String, Object> prop(String name, String value) {
		Map<String, Object> prop = new LinkedHashMap<>();
		prop.put("name", name);
		prop.put("ns", NS);
		prop.put("value", text(value));
		return prop;
	}

	/**
	 * A control reference as an OSCAL identifier: {@code PCI-DSS-4.0.1 1.2.2} becomes
	 * {@code pci-dss-4.0.1_1.2.2}.
	 */
	static String controlId(String ref) {
		String id = ref.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.\\-]", "_");
		return Character.isLetter(id.charAt(0)) ? id : "c_" + id;
	}

	/**
	 * OSCAL strings may not be empty nor start or end with white space; line breaks in a
	 * one-line value become spaces.
	 */
	static String text(String value) {
		String stripped = (value != null) ? value.replaceAll("\\s+", " ").strip() : "";
		return stripped.isEmpty() ? "(none)" : stripped;
	}

	/** The back-matter resource of the method: the finding catalogue, by its SHA-256. */
	static Map<String, Object> catalogueResource(BoardExport export) {
		return resource(catalogueUuid(export), "Envelope Review finding catalogue",
				"The assessment method: every finding code the review checks, its severity and the controls it bears"
						+ " on (" + CATALOGUE + ", shipped with Envelope Review " + export.softwareVersion() + ").",
				CATALOGUE, "application/yaml", Sha256.hex(catalogueBytes()));
	}

	static String catalogueUuid(BoardExport export) {
		return NameBasedUuid.of("oscal-resource", export.boardId(), export.period().label(), CATALOGUE);
	}

	/** One back-matter resource per evidence file, in the export's order. */
	static List<Map<String, Object>> evidenceResources(BoardExport export) {
		List<Map<String, Object>> resources = new ArrayList<>();
		for (BoardExport.Evidence evidence : export.evidence()) {
			resources.add(resource(evidenceUuid(export, evidence.name()), evidence.name(), evidence.description(),
					evidence.name(), evidence.mediaType(), evidence.sha256()));
		}
		return resources;
	}

	static String evidenceUuid(BoardExport export, String name) {
		return NameBasedUuid.of("oscal-resource", export.boardId(), export.period().label(), name);
	}

	private static Map<String, Object> resource(String uuid, String title, String description, String href,
			String mediaType, String sha256) {
		Map<String, Object> hash = new LinkedHashMap<>();
		hash.put("algorithm", "SHA-256");
		hash.put("value", sha256);
		Map<String, Object> rlink = new LinkedHashMap<>();
		rlink.put("href", href);
		rlink.put("media-type", mediaType);
		rlink.put("hashes", List.of(hash));
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("uuid", uuid);
		resource.put("title", title);
		resource.put("description", description);
		resource.put("rlinks", List.of(rlink));
		return resource;
	}

	private static byte[] catalogueBytes() {
		try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + CATALOGUE + ": " + ex.getMessage(), ex);
		}
	}

}
