package org.envelopereview.action;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The canonical action types of SPEC §3 and how they affect permissive rules, as listed
 * in {@code catalog/action-types.yaml} (read once).
 */
public final class ActionTypes {

	/** What an action of a type does to what is allowed. */
	public enum Effect {

		/** Widens it: counts towards addresses, ports and open rules. */
		OPENING,
		/** Narrows it: closes a rule opened earlier. */
		CLOSING,
		/** Neither. */
		NEUTRAL

	}

	static final String CATALOGUE = "catalog/action-types.yaml";

	private static final Map<String, Effect> EFFECTS = read();

	/** Every canonical type, in catalogue order. */
	public static final List<String> ALL = List.copyOf(EFFECTS.keySet());

	private ActionTypes() {
	}

	public static boolean isKnown(String type) {
		return EFFECTS.containsKey(type);
	}

	/**
	 * Opening actions widen what is allowed; they count towards addresses, ports and open
	 * rules.
	 */
	public static boolean isOpening(String type) {
		return EFFECTS.get(type) == Effect.OPENING;
	}

	/** Closing actions narrow what is allowed. */
	public static boolean isClosing(String type) {
		return EFFECTS.get(type) == Effect.CLOSING;
	}

	/** The effect of a known type, or {@code null} for an unknown one. */
	public static Effect effect(String type) {
		return EFFECTS.get(type);
	}

	private static Map<String, Effect> read() {
		YAMLMapper mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = ActionTypes.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
			if (in == null) {
				throw new IllegalStateException(CATALOGUE + " is missing from the class path");
			}
			Map<String, Effect> effects = new LinkedHashMap<>();
			mapper.readValue(in, Catalogue.class)
				.types()
				.forEach((type, effect) -> effects.put(type, Effect.valueOf(effect.toUpperCase(Locale.ROOT))));
			return effects;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + CATALOGUE + ": " + ex.getMessage(), ex);
		}
	}

	record Catalogue(LinkedHashMap<String, String> types) {
	}

}
