package org.envelopereview.envelope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code boards.yaml}: the boards with their members and the approver directory.
 * Entries that are broken are reported; a board whose id is readable is still known, so
 * one typo does not make every envelope of that board invalid too.
 */
final class BoardsReader {

	static final String API_VERSION = "envelope-review/v1";

	private static final List<String> TOP = List.of("apiVersion", "boards", "approvers");

	private static final List<String> BOARD = List.of("id", "name", "default", "members");

	private static final List<String> MEMBER = List.of("name", "role", "email");

	private static final List<String> APPROVER = List.of("email", "name", "activeFrom", "activeUntil");

	private BoardsReader() {
	}

	/**
	 * What boards.yaml declares.
	 *
	 * @param boardIds every board id declared, even in an entry with problems
	 * @param approverEmails every approver email declared (lower case), even in an entry
	 * with problems
	 */
	record Boards(BoardDirectory directory, Set<String> boardIds, Set<String> approverEmails) {

		static final Boards NONE = new Boards(new BoardDirectory(List.of(), List.of()), Set.of(), Set.of());

		boolean declaresApprover(String email) {
			return this.approverEmails.contains(email.toLowerCase(Locale.ROOT));
		}

	}

	static Boards read(YamlValue root) {
		Optional<YamlMapping> top = root.mapping(TOP);
		if (top.isEmpty()) {
			return Boards.NONE;
		}
		YamlMapping file = top.get();
		file.required("apiVersion").ifPresent(BoardsReader::apiVersion);
		List<Board> boards = new ArrayList<>();
		Set<String> boardIds = new LinkedHashSet<>();
		file.required("boards").flatMap(YamlValue::list).ifPresent((items) -> {
			if (items.isEmpty()) {
				root.problems().add(file.line(), "boards", "must list at least one board");
			}
			Map<String, Integer> firstLine = new HashMap<>();
			List<YamlValue> defaults = new ArrayList<>();
			for (YamlValue item : items) {
				board(item, firstLine, defaults).ifPresent((board) -> {
					boards.add(board);
					boardIds.add(board.id());
				});
			}
			for (YamlValue extra : defaults.subList(Math.min(1, defaults.size()), defaults.size())) {
				extra.problem("only one board may be the default; " + defaults.get(0).path() + " (line "
						+ defaults.get(0).line() + ") already is");
			}
		});
		List<Approver> approvers = new ArrayList<>();
		Set<String> emails = new LinkedHashSet<>();
		file.required("approvers").flatMap(YamlValue::list).ifPresent((items) -> {
			if (items.isEmpty()) {
				root.problems().add(file.line(), "approvers", "must list at least one approver");
			}
			Map<String, Integer> firstLine = new HashMap<>();
			for (YamlValue item : items) {
				approver(item, firstLine, emails).ifPresent(approvers::add);
			}
		});
		return new Boards(new BoardDirectory(boards, approvers), boardIds, emails);
	}

	static void apiVersion(YamlValue value) {
		value.text()
			.filter((text) -> !API_VERSION.equals(text))
			.ifPresent((text) -> value.problem("unsupported apiVersion '" + text + "'; expected " + API_VERSION));
	}

	private static Optional<Board> board(YamlValue item, Map<String, Integer> firstLine, List<YamlValue> defaults) {
		Optional<YamlMapping> entry = item.mapping(BOARD);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		YamlMapping board = entry.get();
		Optional<String> id = board.required("id")
			.flatMap((value) -> value.parsed(FieldSyntax::boardId).filter((text) -> {
				Integer first = firstLine.putIfAbsent(text, value.line());
				if (first != null) {
					value.problem("board '" + text + "' is already defined at line " + first);
					return false;
				}
				return true;
			}));
		Optional<String> name = board.required("name").flatMap((value) -> value.parsed(FieldSyntax::nonBlank));
		Optional<Boolean> isDefault = board.optional("default").flatMap(YamlValue::bool);
		board.optional("default").filter((value) -> isDefault.orElse(false)).ifPresent(defaults::add);
		// members that are broken are reported; the others still reach the sign-off page
		Optional<List<Board.Member>> members = board.required("members")
			.flatMap((value) -> value.list().map((items) -> {
				if (items.isEmpty()) {
					value.problem("must list at least one member (they sign off the pack)");
				}
				return items.stream().map(BoardsReader::member).flatMap(Optional::stream).toList();
			}));
		return id.map((text) -> new Board(text, name.orElse(text), isDefault.orElse(false), members.orElse(List.of())));
	}

	private static Optional<Board.Member> member(YamlValue item) {
		Optional<YamlMapping> entry = item.mapping(MEMBER);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		YamlMapping member = entry.get();
		Optional<String> name = member.required("name").flatMap((value) -> value.parsed(FieldSyntax::nonBlank));
		Optional<String> role = member.required("role").flatMap((value) -> value.parsed(FieldSyntax::nonBlank));
		Optional<String> email = member.required("email").flatMap((value) -> value.parsed(FieldSyntax::email));
		if (name.isEmpty() || role.isEmpty() || email.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Board.Member(name.get(), role.get(), email.get()));
	}

	private static Optional<Approver> approver(YamlValue item, Map<String, Integer> firstLine, Set<String> emails) {
		Optional<YamlMapping> entry = item.mapping(APPROVER);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		YamlMapping approver = entry.get();
		Optional<String> email = approver.required("email")
			.flatMap((value) -> value.parsed(FieldSyntax::email).filter((text) -> {
				String key = text.toLowerCase(Locale.ROOT);
				emails.add(key);
				Integer first = firstLine.putIfAbsent(key, value.line());
				if (first != null) {
					value.problem("approver '" + text + "' is already listed at line " + first);
					return false;
				}
				return true;
			}));
		Optional<String> name = approver.required("name").flatMap((value) -> value.parsed(FieldSyntax::nonBlank));
		Optional<LocalDate> from = approver.required("activeFrom").flatMap(YamlValue::date);
		Optional<LocalDate> until = approver.optional("activeUntil").flatMap(YamlValue::date);
		boolean untilReadable = until.isPresent() || !approver.has("activeUntil");
		if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
			approver.optional("activeUntil")
				.ifPresent(
						(value) -> value.problem("activeUntil " + until.get() + " is before activeFrom " + from.get()));
			return Optional.empty();
		}
		if (email.isEmpty() || name.isEmpty() || from.isEmpty() || !untilReadable) {
			return Optional.empty();
		}
		return Optional.of(new Approver(email.get(), name.get(), from.get(), until.orElse(null)));
	}

}
