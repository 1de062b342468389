package org.envelopereview.decision;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.envelopereview.envelope.Board;
import org.envelopereview.envelope.EnvelopeProblem;
import org.envelopereview.envelope.FileProblems;
import org.envelopereview.envelope.SafeYaml;
import org.envelopereview.envelope.YamlMapping;
import org.envelopereview.envelope.YamlValue;

/**
 * Reads and validates a filled-in decisions file: first its header (period, board, the
 * pack it answers), then, against that pack, every entry. Each problem names the file,
 * line and field; nothing is stored unless there are none.
 */
final class DecisionsFileReader {

	static final String API_VERSION = "envelope-review/v1";

	private static final List<String> TOP = List.of("apiVersion", "period", "board", "pack", "decisions");

	private static final List<String> PACK = List.of("file", "run", "sha256");

	private static final List<String> ENTRY = List.of("envelope", "title", "findings", "decision", "decidedBy",
			"decidedAt", "dueDate", "justification", "requiredChange");

	private final java.time.Duration defaultDue;

	DecisionsFileReader(java.time.Duration defaultDue) {
		this.defaultDue = defaultDue;
	}

	/** What the header says: which board answers which period's pack. */
	record Header(String period, int periodLine, String boardId, int boardLine, Integer run, int runLine,
			String packSha256, int packLine) {
	}

	/**
	 * The pack a decisions file answers, as the database and the output directory know
	 * it.
	 *
	 * @param requested the envelopes the pack asked about, each with the codes of its
	 * reasons
	 * @param known every envelope id the answered run read or the files declare now
	 * @param packSha256 the SHA-256 of the pack now in the output directory, or
	 * {@code null} when it is missing
	 */
	record AnsweredPack(long runId, int runNumber, Board board, Map<String, List<String>> requested,
			java.util.Set<String> known, String packFile, String packSha256) {
	}

	/**
	 * The outcome: the decisions when there are no problems.
	 */
	record Outcome(Header header, AnsweredPack pack, List<Decision> decisions, List<EnvelopeProblem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * @param shownName the file as the user named it, used in every problem
	 * @param resolve finds the pack the header names, or reports why there is none
	 */
	Outcome read(String shownName, String text, Function<Header, Resolution> resolve) {
		FileProblems problems = new FileProblems(shownName);
		Optional<YamlMapping> top = SafeYaml.parse(text, problems)
			.flatMap((root) -> YamlValue.root(root, problems).mapping(TOP));
		if (top.isEmpty()) {
			return new Outcome(null, null, List.of(), problems.inLineOrder());
		}
		YamlMapping file = top.get();
		file.required("apiVersion").flatMap(YamlValue::text).ifPresent((version) -> {
			if (!API_VERSION.equals(version)) {
				problems.add(file.line(), "apiVersion", "expected " + API_VERSION + ", got '" + version + "'");
			}
		});
		Optional<YamlValue> period = file.required("period");
		Optional<YamlValue> board = file.required("board");
		Optional<YamlMapping> pack = file.required("pack").flatMap((value) -> value.mapping(PACK));
		Optional<YamlValue> run = pack.flatMap((mapping) -> mapping.required("run"));
		Optional<YamlValue> sha256 = pack.flatMap((mapping) -> mapping.required("sha256"));
		Optional<String> periodText = period.flatMap(YamlValue::text);
		Optional<String> boardText = board.flatMap(YamlValue::text);
		Optional<Integer> runNumber = run.flatMap((value) -> value.integer(1, Integer.MAX_VALUE));
		Optional<String> shaText = sha256.flatMap(YamlValue::text);
		Optional<YamlValue> decisionsValue = file.required("decisions");
		Optional<List<YamlValue>> entries = decisionsValue.flatMap(YamlValue::list);
		if (periodText.isEmpty() || boardText.isEmpty() || runNumber.isEmpty() || shaText.isEmpty()) {
			return new Outcome(null, null, List.of(), problems.inLineOrder());
		}
		Header header = new Header(periodText.get(), period.get().line(), boardText.get(), board.get().line(),
				runNumber.get(), run.get().line(), shaText.get(), sha256.get().line());
		Resolution resolution = resolve.apply(header);
		resolution.problems().forEach((problem) -> problems.add(problem.line(), problem.field(), problem.message()));
		if (resolution.pack() == null) {
			return new Outcome(header, null, List.of(), problems.inLineOrder());
		}
		AnsweredPack answered = resolution.pack();
		List<Decision> decisions = new ArrayList<>();
		entries.ifPresent((items) -> {
			Map<String, YamlValue> answeredAt = new LinkedHashMap<>();
			for (YamlValue item : items) {
				entry(item, answered, answeredAt, problems).ifPresent(decisions::add);
			}
			List<String> unanswered = answered.requested()
				.keySet()
				.stream()
				.filter((envelopeId) -> !answeredAt.containsKey(envelopeId))
				.toList();
			for (String envelopeId : unanswered) {
				problems.add(decisionsValue.get().keyLine(), "decisions",
						"the pack asked about " + envelopeId + " ("
								+ String.join(", ", answered.requested().get(envelopeId))
								+ ") and it has no entry: answer it, or defer it with a reason (decision: defer)");
			}
		});
		return new Outcome(header, answered, problems.isEmpty() ? List.copyOf(decisions) : List.of(),
				problems.inLineOrder());
	}

	private Optional<Decision> entry(YamlValue item, AnsweredPack pack, Map<String, YamlValue> answeredAt,
			FileProblems problems) {
		Optional<YamlMapping> read = item.mapping(ENTRY);
		if (read.isEmpty()) {
			return Optional.empty();
		}
		YamlMapping entry = read.get();
		Optional<YamlValue> envelopeValue = entry.required("envelope");
		Optional<String> envelopeId = envelopeValue.flatMap(YamlValue::text);
		boolean envelopeOk = envelopeId.isPresent();
		if (envelopeOk) {
			String id = envelopeId.get();
			YamlValue value = envelopeValue.get();
			if (answeredAt.containsKey(id)) {
				value.problem("a second entry for " + id + " (the first is at line " + answeredAt.get(id).line() + ")");
				envelopeOk = false;
			}
			else if (!pack.known().contains(id)) {
				value.problem("unknown envelope '" + id + "': no envelope file declares it");
				envelopeOk = false;
			}
			else if (!pack.requested().containsKey(id)) {
				value.problem(id + " was not among the decisions the pack of run " + pack.runNumber()
						+ " requested; it asked about: " + requestedList(pack));
				envelopeOk = false;
			}
			answeredAt.putIfAbsent(id, value);
		}
		Optional<DecisionKind> kind = blankable(entry, "decision").flatMap((value) -> {
			String text = value.declaredText().orElse("");
			Optional<DecisionKind> known = DecisionKind.of(text);
			if (known.isEmpty()) {
				value.problem("expected one of " + DecisionKind.labels() + ", got '" + text + "'");
			}
			return known;
		});
		Optional<String> decidedBy = blankable(entry, "decidedBy").flatMap((value) -> {
			String email = value.declaredText().orElse("");
			boolean member = pack.board()
				.members()
				.stream()
				.anyMatch((m) -> m.email() != null && m.email().equalsIgnoreCase(email));
			if (!member) {
				value.problem("'" + email + "' is not a member of board " + pack.board().id() + "; its members are "
						+ String.join(", ", pack.board().members().stream().map(Board.Member::email).toList()));
				return Optional.empty();
			}
			return Optional.of(email.toLowerCase(Locale.ROOT));
		});
		Optional<LocalDate> decidedAt = blankable(entry, "decidedAt").flatMap((value) -> value.date().filter((day) -> {
			boolean future = day.isAfter(LocalDate.now(ZoneOffset.UTC));
			if (future) {
				value.problem(day + " is in the future: record a decision once it is taken");
			}
			return !future;
		}));
		Optional<String> justification = blankable(entry, "justification").flatMap(YamlValue::declaredText)
			.map(String::strip);
		Optional<LocalDate> dueDate = entry.optional("dueDate")
			.filter((value) -> value.declaredText().isPresent())
			.flatMap(YamlValue::date);
		if (dueDate.isPresent() && decidedAt.isPresent() && dueDate.get().isBefore(decidedAt.get())) {
			entry.optional("dueDate")
				.get()
				.problem(dueDate.get() + " is before decidedAt " + decidedAt.get() + ": a decision falls due after it");
		}
		Optional<String> requiredChange = entry.optional("requiredChange").flatMap(YamlValue::declaredText);
		if (kind.isPresent() && kind.get() == DecisionKind.REVISE && requiredChange.isEmpty()) {
			problems.add(entry.line(), entry.path() + ".requiredChange",
					"is required for a revise: say in words what must change");
		}
		if (!envelopeOk || kind.isEmpty() || decidedBy.isEmpty() || decidedAt.isEmpty() || justification.isEmpty()) {
			return Optional.empty();
		}
		LocalDate due = (kind.get() == DecisionKind.DEFER) ? null
				: dueDate.orElseGet(() -> decidedAt.get().plus(Period.ofDays((int) this.defaultDue.toDays())));
		return Optional.of(new Decision(envelopeId.get(), kind.get(), decidedBy.get(), decidedAt.get(), due,
				justification.get(), requiredChange.orElse(null), item.line()));
	}

	/**
	 * A required field that the template leaves blank: a missing key and an empty value
	 * are both reported as required.
	 */
	private static Optional<YamlValue> blankable(YamlMapping entry, String name) {
		Optional<YamlValue> value = entry.required(name);
		if (value.isPresent() && value.get().declaredText().filter((text) -> !text.isBlank()).isEmpty()
				&& value.get().node() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode) {
			value.get().problem("is required" + hint(name));
			return Optional.empty();
		}
		return value;
	}

	private static String hint(String name) {
		return switch (name) {
			case "decision" -> ": " + DecisionKind.labels();
			case "decidedBy" -> ": the email of the board member who decided";
			case "decidedAt" -> ": the day of the decision, YYYY-MM-DD";
			case "justification" -> ": why the board decided so (for a deferral, the reason)";
			default -> "";
		};
	}

	private static String requestedList(AnsweredPack pack) {
		return pack.requested().isEmpty() ? "nothing" : String.join(", ", pack.requested().keySet());
	}

	/**
	 * The pack a header names, or the problems that say why it cannot be found.
	 */
	record Resolution(AnsweredPack pack, List<EnvelopeProblem> problems) {

		static Resolution found(AnsweredPack pack, List<EnvelopeProblem> problems) {
			return new Resolution(pack, problems);
		}

		static Resolution missing(EnvelopeProblem problem) {
			return new Resolution(null, List.of(problem));
		}

	}

}
