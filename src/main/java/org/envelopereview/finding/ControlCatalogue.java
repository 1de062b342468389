package org.envelopereview.finding;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The control references each finding code bears on, read from
 * {@code catalog/controls.yaml} (data shipped with the product, not code).
 */
@Component
public class ControlCatalogue {

	static final String LOCATION = "catalog/controls.yaml";

	private final Map<String, Control> controls = new LinkedHashMap<>();

	private final Map<FindingCode, List<String>> byCode = new EnumMap<>(FindingCode.class);

	public ControlCatalogue() {
		this(new ClassPathResource(LOCATION));
	}

	public ControlCatalogue(Resource resource) {
		CatalogueFile file = read(resource);
		file.controls().forEach((control) -> this.controls.put(control.ref(), control));
		file.findings().forEach((code, refs) -> {
			FindingCode findingCode;
			try {
				findingCode = FindingCode.fromCode(code);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(resource + ": findings." + code + ": no such finding code");
			}
			for (String ref : refs) {
				if (!this.controls.containsKey(ref)) {
					throw new IllegalStateException(
							resource + ": findings." + code + ": control '" + ref + "' is not declared under controls");
				}
			}
			this.byCode.put(findingCode, List.copyOf(refs));
		});
		for (FindingCode code : FindingCode.values()) {
			if (!this.byCode.containsKey(code)) {
				throw new IllegalStateException(resource + ": findings: no control references for " + code.code());
			}
		}
	}

	/** The control references of a finding code, in catalogue order. */
	public List<String> controlsFor(FindingCode code) {
		return this.byCode.get(code);
	}

	/** A control by its reference, e.g. {@code PCI-DSS-4.0.1 1.2.2}. */
	public Optional<Control> control(String ref) {
		return Optional.ofNullable(this.controls.get(ref));
	}

	/** Every control, in catalogue order (for the pack's control mapping appendix). */
	public List<Control> controls() {
		return List.copyOf(this.controls.values());
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

	/** A control of a framework, as cited in findings and packs. */
	public record Control(String ref, String framework, String title) {
	}

	record CatalogueFile(List<Control> controls, Map<String, List<String>> findings) {
	}

}
