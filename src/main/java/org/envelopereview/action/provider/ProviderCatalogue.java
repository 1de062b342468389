package org.envelopereview.action.provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.envelopereview.action.ActionTypes;

/**
 * The operations of a provider's audit log that are reviewed and how each becomes
 * canonical changes, as a catalogue file lists them (e.g.
 * {@code catalog/gcp-audit-methods.yaml}). Names match case-insensitively, {@code *}
 * standing for one path segment (no {@code /}); the first entry that matches and whose
 * condition holds wins. Everything else is read-only (skipped) or not reviewed.
 */
public final class ProviderCatalogue {

	private final String file;

	private final Catalogue catalogue;

	private final List<Pattern> names;

	private final List<Pattern> readOnly;

	private final Map<String, Shape> shapes;

	/** How an entry's request becomes several changes. */
	@FunctionalInterface
	public interface Shape {

		List<ProviderChange> changes(Entry entry, JsonNode event);

	}

	/** One line of the catalogue. */
	public record Entry(String name, String type, String shape, List<String> resource, String protocol, String ports,
			List<String> cidr, When when) {

	}

	/** The condition under which an operation is this entry's change. */
	public record When(String path, @JsonProperty("equals") String value, @JsonProperty("in") List<String> values) {

	}

	record Catalogue(List<String> readOnly, List<Entry> operations) {

	}

	/**
	 * Reads a catalogue from the class path, checking every type and shape it names.
	 */
	public ProviderCatalogue(String file, Map<String, Shape> shapes) {
		this.file = file;
		this.shapes = shapes;
		this.catalogue = read(file);
		this.names = this.catalogue.operations().stream().map((entry) -> glob(entry.name(), "[^/]*")).toList();
		this.readOnly = this.catalogue.readOnly().stream().map((name) -> glob(name, ".*")).toList();
		for (Entry entry : this.catalogue.operations()) {
			if (!ActionTypes.isKnown(entry.type())) {
				throw new IllegalStateException(file + ": " + entry.name() + " maps to unknown type '" + entry.type()
						+ "' (see catalog/action-types.yaml)");
			}
			if (entry.shape() != null && !shapes.containsKey(entry.shape())) {
				throw new IllegalStateException(
						file + ": " + entry.name() + " has unknown shape '" + entry.shape() + "'");
			}
		}
	}

	/** Every entry, in the file's order. */
	public List<Entry> entries() {
		return this.catalogue.operations();
	}

	/** Whether an operation of this name only reads. */
	public boolean isReadOnly(String name) {
		return this.readOnly.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
	}

	/** Whether any entry names the operation, whatever its conditions. */
	public boolean names(String name) {
		return this.names.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
	}

	/**
	 * The changes of an operation, read from {@code event} (the node the catalogue's
	 * paths start from), or an empty list when no entry applies (a write not reviewed).
	 */
	public List<ProviderChange> changes(String name, JsonNode event) {
		List<Entry> entries = this.catalogue.operations();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			if (this.names.get(i).matcher(name).matches() && applies(entry.when(), event)) {
				return (entry.shape() != null) ? this.shapes.get(entry.shape()).changes(entry, event)
						: fields(entry, event);
			}
		}
		return List.of();
	}

	private static boolean applies(When when, JsonNode event) {
		if (when == null) {
			return true;
		}
		JsonNode node = JsonPaths.node(event, when.path());
		String value = (node.isValueNode()) ? node.asString() : null;
		if (when.value() != null) {
			return when.value().equalsIgnoreCase(value);
		}
		if (when.values() != null) {
			return value != null && when.values().stream().anyMatch(value::equalsIgnoreCase);
		}
		return !node.isMissingNode() && !node.isNull() && !(node.isContainer() && node.isEmpty());
	}

	/**
	 * One change per port and CIDR the paths give (one change when they give none).
	 */
	public static List<ProviderChange> fields(Entry entry, JsonNode event) {
		String resource = JsonPaths.firstValues(event, entry.resource()).stream().findFirst().orElse(null);
		String protocol = JsonPaths.protocol(JsonPaths.value(event, entry.protocol()));
		List<String> ports = new ArrayList<>();
		JsonPaths.values(event, entry.ports()).forEach((port) -> ports.add(JsonPaths.ports(protocol, port)));
		return product(entry.type(), resource, protocol, ports, JsonPaths.firstValues(event, entry.cidr()));
	}

	/** One change per port and CIDR; one with neither when there are none. */
	public static List<ProviderChange> product(String type, String resource, String protocol, List<String> ports,
			List<String> cidrs) {
		List<ProviderChange> changes = new ArrayList<>();
		List<String> eachPort = ports.isEmpty() ? java.util.Collections.singletonList(null) : ports;
		List<String> eachCidr = cidrs.isEmpty() ? java.util.Collections.singletonList(null) : cidrs;
		for (String port : eachPort) {
			for (String cidr : eachCidr) {
				changes.add(new ProviderChange(type, resource, protocol, port, cidr));
			}
		}
		return changes;
	}

	private static Pattern glob(String name, String star) {
		StringBuilder regex = new StringBuilder();
		for (String part : name.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(star);
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static Catalogue read(String file) {
		YAMLMapper mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = ProviderCatalogue.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException(file + " is missing from the class path");
			}
			return mapper.readValue(in, Catalogue.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.file.toLowerCase(Locale.ROOT);
	}

}
