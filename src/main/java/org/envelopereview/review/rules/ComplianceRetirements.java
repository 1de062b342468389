package org.envelopereview.review.rules;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Compliance references that are retired or superseded, read from
 * {@code catalog/compliance-retirements.yaml}.
 */
@Component
public class ComplianceRetirements {

	static final String LOCATION = "catalog/compliance-retirements.yaml";

	private final Map<String, Retirement> byRef = new LinkedHashMap<>();

	public ComplianceRetirements() {
		this(new ClassPathResource(LOCATION));
	}

	ComplianceRetirements(Resource resource) {
		YAMLMapper mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = resource.getInputStream()) {
			RetirementsFile file = mapper.readValue(in, RetirementsFile.class);
			file.retirements().forEach((retirement) -> this.byRef.put(retirement.ref(), retirement));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource + ": " + ex.getMessage(), ex);
		}
	}

	public Optional<Retirement> retirement(String ref) {
		return Optional.ofNullable(this.byRef.get(ref));
	}

	/**
	 * A retired reference.
	 *
	 * @param retiredOn the last day it was in force (inclusive)
	 */
	public record Retirement(String ref, LocalDate retiredOn, String supersededBy, String note) {

		/** Whether the reference is no longer in force at the given instant. */
		public boolean retiredAt(Instant instant) {
			return !instant.isBefore(this.retiredOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		}

	}

	record RetirementsFile(List<Retirement> retirements) {
	}

}
