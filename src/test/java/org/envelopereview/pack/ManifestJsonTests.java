package org.envelopereview.pack;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestJsonTests {

	private static final String SHA = "ab".repeat(32);

	@Test
	void shouldWriteAndReadTheSourceFilesOfThePeriod() {
		PackManifest manifest = manifest(
				List.of(new PackManifest.SourceFile("cloudtrail/2026-08-03.json", SHA, 17_211, 1, 18)));

		String json = new String(ManifestJson.write(manifest), StandardCharsets.UTF_8);

		assertThat(json).contains("\"sources\" : [ {", "\"name\" : \"cloudtrail/2026-08-03.json\"",
				"\"sha256\" : \"" + SHA + "\"", "\"actions\" : 17211", "\"notReviewed\" : 18");
		assertThat(ManifestJson.read(ManifestJson.write(manifest))).isEqualTo(manifest);
	}

	@Test
	void shouldReadAManifestWrittenBeforeSourcesWereListed() {
		String json = new String(ManifestJson.write(manifest(List.of())), StandardCharsets.UTF_8)
			.replaceAll(",\\s*\"sources\" : \\[ \\]", "");
		assertThat(json).doesNotContain("sources");

		assertThat(ManifestJson.read(json.getBytes(StandardCharsets.UTF_8)).sources()).isEmpty();
	}

	private static PackManifest manifest(List<PackManifest.SourceFile> sources) {
		return new PackManifest(PackManifest.FORMAT, "payments-cab", "Payments CAB",
				new PackManifest.Period("2026-Q3", "2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z"),
				new PackManifest.Run(1, 1), "0.1.0", new PackManifest.Signer("CN=x", SHA, true), "review-pack.pdf",
				List.of(new PackManifest.FileDigest("envelopes/boards.yaml", SHA, null)),
				List.of(new PackManifest.FileDigest("findings.json", SHA, 10L)), sources);
	}

}
