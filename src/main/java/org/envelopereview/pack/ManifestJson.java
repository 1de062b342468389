package org.envelopereview.pack;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes manifest.json: pretty, UTF-8, fields in declaration order, no nulls.
 */
final class ManifestJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private ManifestJson() {
	}

	static byte[] write(PackManifest manifest) {
		return (MAPPER.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @throws JacksonException when the bytes are not a manifest
	 */
	static PackManifest read(byte[] json) {
		return MAPPER.readValue(json, PackManifest.class);
	}

}
