package org.envelopereview.finding;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The finding catalogue of SPEC §4, read from {@code catalog/findings.yaml}: each code's
 * default severity, meaning and control references, and every control with its framework
 * and title. The one place these facts live; rules, findings.json, findings.csv and the
 * packs all read them from here.
 */
public final class FindingCatalogue {

	static final String LOCATION = "catalog/findings.yaml";

	private final Map<FindingCode, Entry> entries = new EnumMap<>(FindingCode.class);

	private final Map<String, Control> controls = new LinkedHashMap<>();

	/**
	 * Reads and checks a catalogue file: every code once, every cited control declared.
	 */
	public FindingCatalogue(Resource resource) {
		CatalogueFile file = read(resource);
		for (Control control : file.controls()) {
			if (this.controls.put(control.ref(), control) != null) {
				throw new IllegalStateException(resource + ": controls: '" + control.ref() + "' is declared twice");
			}
		}
		for (EntryFile entry : file.findings()) {
			FindingCode code = code(resource, entry.code());
			List<String> refs = (entry.controls() != null) ? entry.controls() : List.of();
			for (String ref : refs) {
				if (!this.controls.containsKey(ref)) {
					throw new IllegalStateException(resource + ": findings." + entry.code() + ": control '" + ref
							+ "' is not declared under controls");
				}
			}
			if (this.entries.put(code,
					new Entry(code, severity(resource, entry), entry.meaning(), List.copyOf(refs))) != null) {
				throw new IllegalStateException(resource + ": findings." + entry.code() + " is listed twice");
			}
		}
		for (FindingCode code : FindingCode.values()) {
			if (!this.entries.containsKey(code)) {
				throw new IllegalStateException(resource + ": findings: no entry for " + code.code());
			}
		}
	}

	/** The catalogue shipped with the product, read once per process. */
	public static FindingCatalogue shipped() {
		return Shipped.CATALOGUE;
	}

	/** The entry of a finding code. */
	public Entry entry(FindingCode code) {
		return this.entries.get(code);
	}

	/** The control references of a finding code, in catalogue order. */
	public List<String> controlsFor(FindingCode code) {
		return entry(code).controls();
	}

	/** A control by its reference, e.g. {@code PCI-DSS-4.0.1 1.2.2}. */
	public Optional<Control> control(String ref) {
		return Optional.ofNullable(this.controls.get(ref));
	}

	/** Every control, in catalogue order. */
	public List<Control> controls() {
		return List.copyOf(this.controls.values());
	}

	private static FindingCode code(Resource resource, String code) {
		try {
			return FindingCode.fromCode(code);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalStateException(resource + ": findings." + code + ": no such finding code");
		}
	}

	private static Severity severity(Resource resource, EntryFile entry) {
		try {
			return Severity.valueOf(entry.severity().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalStateException(
					resource + ": findings." + entry.code() + ": no such severity '" + entry.severity() + "'");
		}
	}

	private static CatalogueFile read(Resource resource) {
		YAMLMapper mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = resource.getInputStream()) {
			return mapper.readValue(in, CatalogueFile.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * What the catalogue says of one finding code.
	 *
	 * @param severity the severity a breach gets unless its rule says otherwise
	 * @param meaning what the code means, in the words the pack shows
	 * @param controls the control references it bears on, in catalogue order
	 */
	public record Entry(FindingCode code, Severity severity, String meaning, List<String> controls) {
	}

	/** A control of a framework, as cited in findings and packs. */
	public record Control(String ref, String framework, String title) {
	}

	record EntryFile(String code, String severity, String meaning, List<String> controls) {
	}

	record CatalogueFile(List<EntryFile> findings, List<Control> controls) {
	}

	/** Loads the shipped catalogue on first use (the holder idiom). */
	private static final class Shipped {

		static final FindingCatalogue CATALOGUE = new FindingCatalogue(new ClassPathResource(LOCATION));

	}

}
