package org.envelopereview.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.envelopereview.envelope.BoardsReader.Boards;
import org.envelopereview.envelope.EnvelopeReader.Declared;
import org.envelopereview.system.Sha256;

import org.springframework.stereotype.Component;

/**
 * Loads an envelopes directory ({@code boards.yaml} and every other {@code *.yaml} or
 * {@code *.yml} file in it, not its subdirectories) into a catalog: the valid envelopes,
 * every problem of every file at once, and every file as read. Bad content never throws.
 */
@Component
public class EnvelopeLoader {

	/** The file that defines the boards and the approver directory. */
	public static final String BOARDS_FILE = "boards.yaml";

	/**
	 * Reads and validates the directory.
	 * @param directory the envelopes directory; problems name files as
	 * {@code directory.resolve(name)}
	 * @throws IllegalArgumentException when the path is not a directory
	 * @throws UncheckedIOException when the directory cannot be listed
	 */
	public EnvelopeCatalog load(Path directory) {
		List<String> names = envelopeFileNames(directory);
		List<EnvelopeFile> files = new ArrayList<>();
		List<FileProblems> problems = new ArrayList<>();

		FileProblems boardsProblems = new FileProblems(directory.resolve(BOARDS_FILE).toString());
		problems.add(boardsProblems);
		Boards boards = Boards.NONE;
		if (Files.isRegularFile(directory.resolve(BOARDS_FILE))) {
			RawFile raw = RawFile.read(directory, BOARDS_FILE, boardsProblems);
			if (raw.text().isPresent()) {
				boards = SafeYaml.parse(raw.text().get(), boardsProblems)
					.map((root) -> BoardsReader.read(YamlValue.root(root, boardsProblems)))
					.orElse(Boards.NONE);
			}
			files.add(raw.toFile(boardsProblems.isEmpty(), null, null));
		}
		else {
			boardsProblems.add(0, "",
					"is missing: it defines the boards and the approver directory every envelope refers to");
		}

		Map<String, Read> reads = new LinkedHashMap<>();
		for (String name : names) {
			FileProblems fileProblems = new FileProblems(directory.resolve(name).toString());
			problems.add(fileProblems);
			RawFile raw = RawFile.read(directory, name, fileProblems);
			EnvelopeReader reader = new EnvelopeReader(boards, name);
			Declared declared = raw.text()
				.flatMap((text) -> SafeYaml.parse(text, fileProblems))
				.map((root) -> reader.read(YamlValue.root(root, fileProblems)))
				.orElse(Declared.NOTHING);
			reads.put(name, new Read(raw, fileProblems, declared));
		}
		reportDuplicateIds(reads);

		List<Envelope> envelopes = new ArrayList<>();
		for (Read read : reads.values()) {
			boolean valid = read.problems().isEmpty();
			if (valid) {
				read.declared().envelope().ifPresent(envelopes::add);
			}
			files.add(read.raw().toFile(valid, read.declared().id(), read.declared().board()));
		}
		List<EnvelopeProblem> all = problems.stream().flatMap((file) -> file.inLineOrder().stream()).toList();
		return new EnvelopeCatalog(boards.directory(), envelopes, all, files);
	}

	private static List<String> envelopeFileNames(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException(
					"envelopes directory '" + directory + "' does not exist or is not a directory");
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isRegularFile)
				.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml") || name.endsWith(".yml"))
				.filter((name) -> !name.equals(BOARDS_FILE))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list envelopes directory '" + directory + "': " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Two files with one id make both invalid: neither can be trusted to be the envelope.
	 */
	private static void reportDuplicateIds(Map<String, Read> reads) {
		Map<String, List<Read>> byId = new LinkedHashMap<>();
		for (Read read : reads.values()) {
			if (read.declared().id() != null) {
				byId.computeIfAbsent(read.declared().id(), (id) -> new ArrayList<>()).add(read);
			}
		}
		for (Map.Entry<String, List<Read>> entry : byId.entrySet()) {
			List<Read> sharing = entry.getValue();
			for (Read read : sharing) {
				List<String> others = sharing.stream()
					.filter((other) -> other != read)
					.map((other) -> other.problems().file() + ":" + other.declared().idLine())
					.toList();
				if (!others.isEmpty()) {
					read.problems()
						.add(read.declared().idLine(), "id",
								"duplicate id '" + entry.getKey() + "': also declared in " + String.join(", ", others));
				}
			}
		}
	}

	private record Read(RawFile raw, FileProblems problems, Declared declared) {
	}

	/** A file's exact bytes (as a digest and, when readable, as text). */
	private record RawFile(String name, String sha256, String content, Optional<String> text) {

		static RawFile read(Path directory, String name, FileProblems problems) {
			Path path = directory.resolve(name);
			try {
				long size = Files.size(path);
				if (size > SafeYaml.MAX_BYTES) {
					problems.add(0, "", "the file is " + size + " bytes; envelope files are limited to "
							+ SafeYaml.MAX_BYTES + " bytes (1 MiB)");
					return new RawFile(name, digestOf(path), "", Optional.empty());
				}
				byte[] bytes = Files.readAllBytes(path);
				String sha256 = HexFormat.of().formatHex(newDigest().digest(bytes));
				try {
					String text = StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(bytes))
						.toString();
					return new RawFile(name, sha256, text,
							Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text));
				}
				catch (CharacterCodingException ex) {
					problems.add(0, "", "is not UTF-8 text");
					return new RawFile(name, sha256, new String(bytes, StandardCharsets.UTF_8), Optional.empty());
				}
			}
			catch (IOException ex) {
				problems.add(0, "", "cannot be read: " + ex.getMessage());
				return new RawFile(name, HexFormat.of().formatHex(newDigest().digest()), "", Optional.empty());
			}
		}

		EnvelopeFile toFile(boolean valid, String envelopeId, String boardId) {
			return new EnvelopeFile(this.name, this.sha256, this.content, valid, envelopeId, boardId);
		}

		private static String digestOf(Path path) throws IOException {
			MessageDigest digest = newDigest();
			try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}

		private static MessageDigest newDigest() {
			return Sha256.newDigest();
		}

	}

}
