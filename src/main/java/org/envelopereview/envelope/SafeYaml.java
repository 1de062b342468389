package org.envelopereview.envelope;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Parses one YAML document into a node tree (which keeps every line number) under limits
 * that make hostile files harmless: size, nesting depth, aliases and recursion are
 * checked on the event stream before any tree is built.
 */
public final class SafeYaml {

	public static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_DEPTH = 20;

	static final int MAX_ALIASES = 20;

	private static final LoadSettings SETTINGS = LoadSettings.builder()
		.setCodePointLimit(MAX_BYTES)
		.setMaxAliasesForCollections(MAX_ALIASES)
		.setAllowRecursiveKeys(false)
		.setUseMarks(true)
		.build();

	private SafeYaml() {
	}

	/** The document's root node, or empty after reporting why there is none. */
	public static Optional<Node> parse(String text, FileProblems problems) {
		try {
			if (!withinLimits(text, problems)) {
				return Optional.empty();
			}
			Optional<Node> root = new Compose(SETTINGS).composeString(text);
			if (root.isEmpty()) {
				problems.add(0, "", "the file is empty");
			}
			return root;
		}
		catch (MarkedYamlEngineException ex) {
			int line = ex.getProblemMark().or(ex::getContextMark).map((mark) -> mark.getLine() + 1).orElse(0);
			String column = ex.getProblemMark().map((mark) -> " (column " + (mark.getColumn() + 1) + ")").orElse("");
			String opened = ex.getContextMark()
				.filter((mark) -> mark.getLine() + 1 != line)
				.map((mark) -> "; it started at line " + (mark.getLine() + 1))
				.orElse("");
			problems.add(line, "", "invalid YAML: " + describe(ex) + column + opened);
			return Optional.empty();
		}
		catch (YamlEngineException ex) {
			problems.add(0, "", "invalid YAML: " + ex.getMessage());
			return Optional.empty();
		}
	}

	private static String describe(MarkedYamlEngineException ex) {
		String problem = (ex.getProblem() != null) ? ex.getProblem().strip() : "";
		String context = (ex.getContext() != null) ? ex.getContext().strip() : "";
		return context.isEmpty() ? problem : context + ": " + problem;
	}

	private static boolean withinLimits(String text, FileProblems problems) {
		int depth = 0;
		int aliases = 0;
		int documents = 0;
		Set<Anchor> open = new HashSet<>();
		Deque<Optional<Anchor>> anchors = new ArrayDeque<>();
		for (Event event : new Parse(SETTINGS).parseString(text)) {
			int line = event.getStartMark().map(Mark::getLine).orElse(-1) + 1;
			switch (event.getEventId()) {
				case DocumentStart -> {
					documents++;
					if (documents > 1) {
						problems.add(line, "", "a file holds exactly one YAML document; found a second one here");
						return false;
					}
				}
				case MappingStart, SequenceStart -> {
					depth++;
					if (depth > MAX_DEPTH) {
						problems.add(line, "", "nesting is deeper than " + MAX_DEPTH + " levels");
						return false;
					}
					Optional<Anchor> anchor = ((NodeEvent) event).getAnchor();
					anchor.ifPresent(open::add);
					anchors.push(anchor);
				}
				case MappingEnd, SequenceEnd -> {
					depth--;
					anchors.pop().ifPresent(open::remove);
				}
				case Alias -> {
					aliases++;
					Anchor alias = ((AliasEvent) event).getAlias();
					if (open.contains(alias)) {
						problems.add(line, "",
								"alias *" + alias.getValue() + " refers to a collection that contains it");
						return false;
					}
					if (aliases > MAX_ALIASES) {
						problems.add(line, "", "more than " + MAX_ALIASES + " aliases");
						return false;
					}
				}
				default -> {
				}
			}
		}
		return true;
	}

}
