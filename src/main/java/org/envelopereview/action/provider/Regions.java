package org.envelopereview.action.provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The region names each cloud uses, as {@code catalog/regions.yaml} lists those of Google
 * Cloud and Azure; AWS regions are known by their form ({@code eu-west-1}).
 */
public final class Regions {

	static final String CATALOGUE = "catalog/regions.yaml";

	private static final Pattern AWS = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}");

	private static final Map<String, Set<String>> BY_PROVIDER = read();

	private Regions() {
	}

	/**
	 * Whether the provider is known to use the region; a missing region is no unknown
	 * one.
	 */
	public static boolean isKnown(String provider, String region) {
		if (region == null) {
			return true;
		}
		if ("aws".equals(provider)) {
			return AWS.matcher(region).matches();
		}
		Set<String> known = BY_PROVIDER.get(provider);
		return known == null || known.contains(region.toLowerCase(Locale.ROOT));
	}

	/** Whether any cloud uses the region (what an envelope file may name). */
	public static boolean isKnownAnywhere(String region) {
		return AWS.matcher(region).matches()
				|| BY_PROVIDER.values().stream().anyMatch((names) -> names.contains(region));
	}

	/** A few examples per cloud, for messages. */
	public static String examples() {
		return "eu-west-1, europe-west1, westeurope";
	}

	private static Map<String, Set<String>> read() {
		try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
			if (in == null) {
				throw new IllegalStateException(CATALOGUE + " is missing from the class path");
			}
			Map<String, List<String>> lists = YAMLMapper.builder().build().readValue(in, new TypeReference<>() {
			});
			return Map.of("gcp", new TreeSet<>(lists.get("gcp")), "azure", new TreeSet<>(lists.get("azure")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + CATALOGUE + ": " + ex.getMessage(), ex);
		}
	}

}
