package org.envelopereview.envelope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One value of a YAML file being validated: it knows its field path and line, and every
 * accessor reports a problem (and returns empty) when the value has the wrong shape.
 *
 * @param keyLine the line of the key (or list item) that holds this value, used for
 * problems about the value as a whole
 */
public record YamlValue(Node node, String path, int keyLine, FileProblems problems) {

	private static final Pattern ISO_DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");

	public static YamlValue root(Node node, FileProblems problems) {
		return new YamlValue(node, "", 0, problems);
	}

	/** The line of the value itself. */
	public int line() {
		return this.node.getStartMark().map((mark) -> mark.getLine() + 1).orElse(this.keyLine);
	}

	public void problem(String message) {
		this.problems.add(line(), this.path, message);
	}

	/**
	 * A scalar's text as written, or empty (and a problem) for null, lists and mappings.
	 */
	public Optional<String> text() {
		if (this.node instanceof ScalarNode scalar && !isNull(scalar)) {
			return Optional.of(scalar.getValue());
		}
		return wrongShape("text");
	}

	/** The scalar text, if this value is a scalar, without reporting anything. */
	public Optional<String> declaredText() {
		if (this.node instanceof ScalarNode scalar && !isNull(scalar)) {
			return Optional.of(scalar.getValue());
		}
		return Optional.empty();
	}

	/**
	 * Text checked by a syntax rule: the rule returns the value, or a problem message.
	 */
	<T> Optional<T> parsed(Function<String, Syntax<T>> rule) {
		return text().flatMap((text) -> {
			Syntax<T> result = rule.apply(text);
			if (result.problem() != null) {
				problem(result.problem());
				return Optional.empty();
			}
			return Optional.of(result.value());
		});
	}

	public Optional<Integer> integer(int min, int max) {
		if (!(this.node instanceof ScalarNode scalar) || isNull(scalar)) {
			return wrongShape("a whole number");
		}
		String text = scalar.getValue();
		if (!Tag.INT.equals(scalar.getTag()) || !WHOLE_NUMBER.matcher(text).matches()) {
			problem("expected a whole number, got '" + text + "'");
			return Optional.empty();
		}
		BigDecimal number = new BigDecimal(text);
		if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
			problem(text + " is out of range: must be " + range(min, max));
			return Optional.empty();
		}
		return Optional.of(number.intValueExact());
	}

	Optional<Double> decimal(double min, double max) {
		if (!(this.node instanceof ScalarNode scalar) || isNull(scalar)) {
			return wrongShape("a number");
		}
		String text = scalar.getValue();
		if (!Tag.INT.equals(scalar.getTag()) && !Tag.FLOAT.equals(scalar.getTag())) {
			problem("expected a number, got '" + text + "'");
			return Optional.empty();
		}
		double number;
		try {
			number = Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			problem("expected a number, got '" + text + "'");
			return Optional.empty();
		}
		if (!(number >= min && number <= max)) {
			problem(text + " is out of range: must be " + min + " to " + max);
			return Optional.empty();
		}
		return Optional.of(number);
	}

	Optional<Boolean> bool() {
		if (this.node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
			return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase()));
		}
		if (this.node instanceof ScalarNode scalar && !isNull(scalar)) {
			problem("expected true or false, got '" + scalar.getValue() + "'");
			return Optional.empty();
		}
		return wrongShape("true or false");
	}

	/** An ISO-8601 calendar date, {@code 2026-05-02}. */
	public Optional<LocalDate> date() {
		return parsed((text) -> {
			try {
				return Syntax.valid(LocalDate.parse(text));
			}
			catch (DateTimeParseException ex) {
				return Syntax.invalid(ISO_DATE_SHAPE.matcher(text).matches() ? "'" + text + "' is not a calendar date"
						: "'" + text + "' is not an ISO date (YYYY-MM-DD)");
			}
		});
	}

	/** The items of a list, each with its own path and line. */
	public Optional<List<YamlValue>> list() {
		if (!(this.node instanceof SequenceNode sequence)) {
			return wrongShape("a list");
		}
		List<YamlValue> items = new ArrayList<>();
		List<Node> nodes = sequence.getValue();
		for (int i = 0; i < nodes.size(); i++) {
			Node item = nodes.get(i);
			int itemLine = item.getStartMark().map((mark) -> mark.getLine() + 1).orElse(line());
			items.add(new YamlValue(item, this.path + "[" + i + "]", itemLine, this.problems));
		}
		return Optional.of(items);
	}

	/** A list whose items all pass the rule; items that do not are reported. */
	<T> Optional<List<T>> listOf(Function<YamlValue, Optional<T>> item) {
		return list().flatMap((items) -> {
			List<T> values = new ArrayList<>();
			boolean complete = true;
			for (YamlValue value : items) {
				Optional<T> read = item.apply(value);
				read.ifPresent(values::add);
				complete &= read.isPresent();
			}
			return complete ? Optional.of(values) : Optional.empty();
		});
	}

	/**
	 * A mapping with exactly the allowed fields (unknown and repeated fields are
	 * reported).
	 */
	public Optional<YamlMapping> mapping(List<String> allowed) {
		if (!(this.node instanceof MappingNode mapping)) {
			return wrongShape("a mapping");
		}
		return Optional.of(new YamlMapping(mapping, this.path, this.keyLine, allowed, this.problems));
	}

	private <T> Optional<T> wrongShape(String expected) {
		problem("expected " + expected + ", got " + shape());
		return Optional.empty();
	}

	private String shape() {
		if (this.node instanceof SequenceNode) {
			return "a list";
		}
		if (this.node instanceof MappingNode) {
			return "a mapping";
		}
		ScalarNode scalar = (ScalarNode) this.node;
		return isNull(scalar) ? "no value" : "'" + scalar.getValue() + "'";
	}

	private static boolean isNull(ScalarNode scalar) {
		return Tag.NULL.equals(scalar.getTag());
	}

	private static String range(int min, int max) {
		return (max == Integer.MAX_VALUE) ? "at least " + min : min + " to " + max;
	}

}
